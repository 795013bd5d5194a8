package org.harbor.forms;

import java.util.Locale;

/**
 * The question types of DESIGN.md section 5: the first group Harbor renders; the rest appear as a
 * "not available in Harbor" note that can be skipped.
 */
public enum QuestionKind {
    TEXT(true), INTEGER(true), DECIMAL(true), DATE(true), TIME(true), DATE_TIME(true),
    SELECT_ONE(true), SELECT_MANY(true), NOTE(true), ACKNOWLEDGE(true),
    GEO(false), IMAGE(false), AUDIO(false), VIDEO(false), FILE(false), BARCODE(false), SIGNATURE(false),
    RANGE(false), RANK(false), EXTERNAL_DATA(false), OTHER(false);

    private final boolean supported;

    QuestionKind(boolean supported) {
        this.supported = supported;
    }

    public boolean supported() {
        return supported;
    }

    /** The name used in {@code harbor form check} output and messages: "geo", "external data". */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
