package org.harbor.forms;

/**
 * What became of an answer: saved, or refused with a message to show next to the field.
 *
 * @param status the result
 * @param message the form's constraint message (interview language), or null
 */
public record AnswerOutcome(Status status, String message) {

    public enum Status {
        /** Committed to the database. */
        SAVED,
        /** The form's constraint refused it; nothing changed. */
        CONSTRAINT,
        /** Not a value of the question's type (a word in a number field); nothing changed. */
        INVALID,
        /** The value changes a fact recorded earlier: call {@code correct} with a reason. */
        NEEDS_REASON,
        /**
         * A "yes" to a consent question ({@code harbor:consentcheck}) with no consent or lawful basis
         * recorded for it: record the consent first; nothing changed.
         */
        NO_RECORDED_CONSENT
    }

    static AnswerOutcome saved() {
        return new AnswerOutcome(Status.SAVED, null);
    }

    public boolean isSaved() {
        return status == Status.SAVED;
    }

    @Override
    public String toString() {
        return "AnswerOutcome[" + status + "]";
    }
}
