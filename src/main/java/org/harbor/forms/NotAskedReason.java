package org.harbor.forms;

import java.util.Locale;

/** Why a question was not asked. */
public enum NotAskedReason {
    DISTRESSED, NOT_APPLICABLE, OUT_OF_TIME;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NotAskedReason fromCode(String code) {
        return valueOf(code.strip().toUpperCase(Locale.ROOT));
    }
}
