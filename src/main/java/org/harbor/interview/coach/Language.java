package org.harbor.interview.coach;

import java.util.Locale;

/** The languages the question coach understands. */
public enum Language {
    EN("en"),
    ES("es"),
    AR("ar");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** The ISO 639-1 code, e.g. {@code "en"}. */
    public String code() {
        return code;
    }

    /**
     * The language for an ISO 639-1 code, case-insensitive.
     *
     * @throws IllegalArgumentException for null or a code of no language above
     */
    public static Language fromCode(String code) {
        if (code != null) {
            String wanted = code.strip().toLowerCase(Locale.ROOT);
            for (Language language : values()) {
                if (language.code.equals(wanted)) {
                    return language;
                }
            }
        }
        throw new IllegalArgumentException("The question coach does not support language code: " + code);
    }
}
