package org.harbor.interview.coach;

import java.util.Locale;
import java.util.Optional;

/**
 * The languages the question coach can label. An interview may be held in any language (every
 * shipped language is offered); whether the coach covers it is a question, {@link #covered}, not
 * an exception: for a language it does not cover, turns are logged without a label.
 */
public enum Language {
    EN("en"),
    ES("es"),
    AR("ar"),
    FR("fr");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** The ISO 639-1 code, e.g. {@code "en"}. */
    public String code() {
        return code;
    }

    /**
     * The coach's language for an ISO 639 code, case-insensitive; empty when the coach cannot
     * label questions in that language (or the code is null or blank).
     */
    public static Optional<Language> covered(String code) {
        if (code != null) {
            String wanted = code.strip().toLowerCase(Locale.ROOT);
            for (Language language : values()) {
                if (language.code.equals(wanted)) {
                    return Optional.of(language);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The language for an ISO 639-1 code the caller knows is covered.
     *
     * @throws IllegalArgumentException for null or a code {@link #covered} does not know
     */
    public static Language fromCode(String code) {
        return covered(code).orElseThrow(
                () -> new IllegalArgumentException("The question coach does not support language code: " + code));
    }
}
