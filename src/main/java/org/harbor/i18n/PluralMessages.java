package org.harbor.i18n;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.util.Locale;

/**
 * Formats the messages that carry a count, such as {@code {0, plural, one {# minute} other {#
 * minutes}}}, with ICU's plural rules: English and Spanish have two forms, Arabic six (zero, one,
 * two, few, many, other), and {@link java.text.ChoiceFormat} can express none of Arabic's by number
 * ranges alone. This class is the only one that touches ICU4J, and {@link I18n} reaches it only for
 * a pattern with a plural, so none of ICU's classes or data load on the way to the first window.
 */
final class PluralMessages {

    private PluralMessages() {
    }

    /** True when {@code pattern} needs ICU: it has a plural or selectordinal argument. */
    static boolean needsIcu(String pattern) {
        return pattern.contains("plural,") || pattern.contains("selectordinal,");
    }

    /**
     * Formats {@code pattern} for {@code locale}. Numbers are written in Latin digits in every
     * language, as the rest of Harbor writes them (dates, case numbers, the JDK's own formats).
     */
    static String format(String pattern, Locale locale, Object... args) {
        ULocale language = new ULocale.Builder().setLanguage(locale.getLanguage())
                .setUnicodeLocaleKeyword("nu", "latn").build();
        return new MessageFormat(pattern, language).format(args);
    }
}
