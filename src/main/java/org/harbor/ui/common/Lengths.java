package org.harbor.ui.common;

import javafx.scene.control.TextFormatter;
import javafx.scene.control.TextInputControl;

/**
 * A field stops at the length its service accepts ({@code org.harbor.cases.TextLimits}), so a
 * worker is never told after typing that the text was too long.
 */
public final class Lengths {

    private Lengths() {
    }

    /** Refuses any edit that would make {@code field}'s text longer than {@code max}; returns the field. */
    public static <T extends TextInputControl> T cap(T field, int max) {
        field.setTextFormatter(new TextFormatter<String>(change -> change.getControlNewText().length() <= max ? change : null));
        return field;
    }
}
