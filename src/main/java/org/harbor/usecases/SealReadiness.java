package org.harbor.usecases;

import java.util.List;

/**
 * What sealing a case would seal as it stands: whether the case holds anything at all (an empty
 * case is not sealed) and what is incomplete, for the seal dialog to list before the typed
 * confirmation. Carries form ids and titles and purpose codes only, never an answer or a name.
 *
 * @param caseNumber the case's number, which the user types to confirm
 * @param empty true when the case has no form started, no interview, no consent recorded and no attachment
 * @param gaps what is incomplete, in the order the dialog lists it
 */
public record SealReadiness(String caseNumber, boolean empty, List<Gap> gaps) {

    public SealReadiness {
        gaps = List.copyOf(gaps);
    }

    /** What kind of gap: a form never opened, one left before its end, a consent not recorded. */
    public enum GapKind {
        /** A form every case needs has not been started. */
        FORM_NOT_STARTED,
        /** A form was started and stopped, paused or not yet finished: required questions are unanswered. */
        FORM_UNFINISHED,
        /** No consent decision is recorded for a purpose. */
        CONSENT_MISSING
    }

    /**
     * @param kind what is incomplete
     * @param subject the form id, or the consent purpose code
     * @param title the form's own title (imported forms), or null
     */
    public record Gap(GapKind kind, String subject, String title) {
    }
}
