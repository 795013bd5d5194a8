package org.harbor.interview.session;

/**
 * What a new interview of a session starts with unless the interviewer chooses otherwise.
 *
 * @param profileId the protocol profile: NICHD-revised for a case treated as a child's
 * @param language  the session's interview language (an ISO 639 code), whether or not the
 *                  question coach covers it ({@link org.harbor.interview.coach.Language#covered})
 */
public record InterviewDefaults(String profileId, String language) {
}
