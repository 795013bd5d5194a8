package org.harbor.forms;

import java.util.List;

/**
 * One question on a page, as the renderer needs it.
 *
 * @param id the question's instance path (with repeat positions); pass it back to answer
 * @param kind how to render it
 * @param text the label in the interview language
 * @param textUi the label in the display language when it differs, else null
 * @param hint why it is asked, in the interview language (may be empty)
 * @param hintUi the hint in the display language when it differs, else null
 * @param required a value or a non-response is needed before moving on
 * @param readOnly shown, not answered (notes)
 * @param choices for select questions
 * @param value the current value in XForm instance form, or null
 * @param nonResponse the current non-response, or null
 * @param notAskedReason with NOT_ASKED, its reason
 * @param prefill where a prefilled value came from, or null
 * @param factKey the {@code harbor:fact} key, or null
 * @param problem the constraint or required message to show next to the field, or null
 * @param offersNonResponse whether "Prefer not to say", "Don't know" and "Skip" are offered: not for a
 *        question that is not put to the person ({@code harbor:nonresponse="none"})
 */
public record PageQuestion(String id, QuestionKind kind, String text, String textUi, String hint, String hintUi,
                           boolean required, boolean readOnly, List<Choice> choices, String value,
                           NonResponse nonResponse, NotAskedReason notAskedReason, Prefill prefill, String factKey,
                           String problem, boolean offersNonResponse) {

    /** A choice of a select question. */
    public record Choice(String value, String text, String textUi) {
    }

    /** "Already recorded by {role}, {date}". */
    public record Prefill(String role, String recordedAt) {
        /** The role of a prefill from the name given when the case was opened (ask once). */
        public static final String CASE_OPENED = "case";
    }

    public boolean answered() {
        return (value != null && !value.isEmpty()) || nonResponse != null;
    }

    @Override
    public String toString() {
        return "PageQuestion[" + id + ", " + kind + "]";
    }
}
