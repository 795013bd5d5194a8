package org.harbor.interview.session;

import java.time.LocalDate;

/**
 * The outcome of the reluctance path: the interview ended on rapport with its summary stored, and
 * a second interview session was created for a later date.
 *
 * @param nextSessionId the new interview case-session
 */
public record FollowUp(InterviewSummary summary, String nextSessionId, LocalDate scheduledFor) {
}
