package org.harbor.forms;

import java.util.Locale;

/** Why a form session was stopped before its end: a code, never free text about the person. */
public enum StopReason {
    SURVIVOR_ASKED, DISTRESSED, OUT_OF_TIME, SAFETY_CONCERN, OTHER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StopReason fromCode(String code) {
        return valueOf(code.strip().toUpperCase(Locale.ROOT));
    }
}
