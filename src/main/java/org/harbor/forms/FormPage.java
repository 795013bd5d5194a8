package org.harbor.forms;

import java.util.List;

/**
 * What the renderer shows now: one question, a field-list group of questions, the offer of another
 * repeat entry, or the end of the form. Texts come in the interview language and, where the
 * display language differs, in the display language too ({@code ...Ui} fields, else null).
 *
 * @param key where this page is in the form; saved as the session's position
 * @param type what kind of page
 * @param title the group or repeat caption, if any
 * @param titleUi the same in the display language, or null
 * @param questions the questions shown (only those relevant now)
 * @param repeatCount entries of the repeat this page belongs to or offers, else 0
 * @param repeatEntry 1-based entry number when inside a repeat, else 0
 * @param canRemoveEntry the page is inside a repeat entry that may be removed
 * @param atStart no page before this one
 * @param sections the jump list
 * @param currentSection index into {@code sections}, or -1
 */
public record FormPage(String key, Type type, String title, String titleUi, List<PageQuestion> questions,
                       int repeatCount, int repeatEntry, boolean canRemoveEntry, boolean atStart,
                       List<Section> sections, int currentSection) {

    public enum Type { QUESTIONS, REPEAT_PROMPT, END }

    /** A top-level group the user can jump to. */
    public record Section(String key, String title, String titleUi) {
    }
}
