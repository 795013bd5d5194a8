package org.harbor.forms;

import java.util.Locale;

/**
 * Why a question has no value, stored beside the value and never confused with "missing":
 * the survivor preferred not to say, did not know, or the question was not asked (with a
 * {@link NotAskedReason}). Any of them satisfies {@code required}.
 */
public enum NonResponse {
    DECLINED, DONT_KNOW, NOT_ASKED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NonResponse fromCode(String code) {
        return valueOf(code.strip().toUpperCase(Locale.ROOT));
    }
}
