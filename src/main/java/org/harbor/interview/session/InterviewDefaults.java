package org.harbor.interview.session;

import java.util.Optional;
import org.harbor.interview.coach.Language;

/**
 * What a new interview of a session starts with unless the interviewer chooses otherwise.
 *
 * @param profileId the protocol profile: NICHD-revised for a case treated as a child's
 * @param language  the session's interview language, if the question coach understands it
 */
public record InterviewDefaults(String profileId, Optional<Language> language) {
}
