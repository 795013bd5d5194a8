package org.harbor.interview.session;

/**
 * The interview service refused a step that the interview's state does not allow (a substantive
 * phase before who is present is recorded, a second break, a call after the end…). Carries the
 * key of a sentence for the person at the screen; the message names the rule, never content.
 */
public final class InterviewRefusedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** Why, as the key of a message in {@code i18n/messages*.properties}. */
    public enum Why {
        PRESENT_FIRST("interview.error.presentFirst"),
        NOT_STARTED("interview.error.notStarted"),
        ENDED("interview.error.ended"),
        HOLD_RUNNING("interview.error.holdRunning"),
        NO_HOLD("interview.error.noHold"),
        INTERPRETER_CONFLICT("interview.error.interpreterConflict");

        private final String messageKey;

        Why(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private final Why why;

    public InterviewRefusedException(Why why, String message) {
        super(message);
        this.why = why;
    }

    public Why why() {
        return why;
    }

    public String messageKey() {
        return why.messageKey();
    }
}
