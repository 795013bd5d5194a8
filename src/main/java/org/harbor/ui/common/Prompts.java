package org.harbor.ui.common;

import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Placeholders shown whole: a field is never narrower than its prompt text, in any language
 * (Spanish prompts run a third longer than English ones and were cut off, issue 14).
 */
public final class Prompts {

    /** Room for the field's own padding and border (and a combo box's arrow). */
    private static final double FIELD_EXTRA = 26;
    private static final double COMBO_EXTRA = 48;

    private Prompts() {
    }

    /** Makes {@code control}'s minimum and preferred width hold its whole prompt text; returns it. */
    public static <T extends Control> T whole(T control) {
        Runnable fit = () -> fit(control);
        if (control instanceof TextInputControl input) {
            input.fontProperty().subscribe(font -> fit.run());
            input.promptTextProperty().subscribe(prompt -> fit.run());
        } else if (control instanceof ComboBoxBase<?> combo) {
            combo.promptTextProperty().subscribe(prompt -> fit.run());
        }
        return control;
    }

    private static void fit(Control control) {
        String prompt;
        Font font;
        double extra;
        if (control instanceof TextInputControl input) {
            prompt = input.getPromptText();
            font = input.getFont();
            extra = FIELD_EXTRA;
        } else if (control instanceof ComboBoxBase<?> combo) {
            prompt = combo.getPromptText();
            font = Font.getDefault();
            extra = COMBO_EXTRA;
        } else {
            return;
        }
        if (prompt == null || prompt.isEmpty()) {
            return;
        }
        double width = Math.ceil(textWidth(prompt, font) + extra);
        // the minimum only: layout never gives a control less than its minimum, and a wider computed
        // preferred size (a combo box's longest item) is kept
        control.setMinWidth(width);
    }

    /** The width of {@code text} in {@code font}. */
    public static double textWidth(String text, Font font) {
        Text measure = new Text(text);
        measure.setFont(font == null ? Font.getDefault() : font);
        return measure.getLayoutBounds().getWidth();
    }
}
