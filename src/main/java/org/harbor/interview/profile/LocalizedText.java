package org.harbor.interview.profile;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One human-readable text in several languages, keyed by ISO 639 language code ("en", "es",
 * "ar"). English is always present and is what a reader in any other language falls back to.
 *
 * @param byLanguage the text per language code; every value non-blank
 */
public record LocalizedText(Map<String, String> byLanguage) {

    /** The language every text has, and the one shown when the reader's language is missing. */
    public static final String FALLBACK = "en";

    /** The languages every bundled protocol profile is written in. */
    public static final List<String> PROFILE_LANGUAGES = List.of("en", "es", "ar");

    /**
     * The languages in which every bundled profile is written whole: what is said to the
     * interviewee (prompts, supportive statements), what names it (profile and phase names, the
     * reluctance note) and what guides the interviewer (goals, checklists, cautions); every display
     * language Harbor ships (issue 19). A profile an organisation writes itself needs only
     * {@link #PROFILE_LANGUAGES}; what it lacks falls back to English.
     */
    public static final List<String> PROMPT_LANGUAGES = List.of("en", "es", "ar", "fr", "pt", "vi", "sq", "tl");

    public LocalizedText {
        byLanguage = Map.copyOf(Objects.requireNonNull(byLanguage, "byLanguage"));
        byLanguage.forEach((language, text) -> {
            if (text.isBlank()) {
                throw new IllegalArgumentException("the " + language + " text is blank");
            }
        });
        if (!byLanguage.containsKey(FALLBACK)) {
            throw new IllegalArgumentException("a text has no English (" + FALLBACK + ") version");
        }
    }

    public static LocalizedText of(String en, String es, String ar) {
        return new LocalizedText(Map.of("en", en, "es", es, "ar", ar));
    }

    /** The text in the locale's language, or in English if there is none. */
    public String get(Locale locale) {
        String language = Objects.requireNonNull(locale, "locale").getLanguage();
        return byLanguage.getOrDefault(language, byLanguage.get(FALLBACK));
    }

    /** The text in exactly this language, without falling back. */
    public Optional<String> exactly(String language) {
        return Optional.ofNullable(byLanguage.get(language));
    }

    public Set<String> languages() {
        return byLanguage.keySet();
    }

    /** Which of the wanted languages this text lacks, in the order asked. */
    public List<String> missing(Collection<String> wanted) {
        return wanted.stream().filter(language -> !byLanguage.containsKey(language)).toList();
    }

    @Override
    public String toString() {
        return byLanguage.get(FALLBACK);
    }
}
