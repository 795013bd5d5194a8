package org.harbor.i18n;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Dates as people of the display language write them (issue 14). The directional marks that the
 * Arabic patterns carry between the numbers (U+200F, U+200E, U+061C) are left out: JavaFX draws
 * them as boxes over the digits, and the date reads the same without them inside a line of its
 * own language.
 */
public final class LocalizedDates {

    private LocalizedDates() {
    }

    /** A day, in the medium style of {@code locale} ("23 nov 2026", "Nov 23, 2026"). */
    public static String date(LocalDate day, Locale locale) {
        return plain(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(day));
    }

    /** A moment in {@code zone}, its day in the medium style and its time in the short style of {@code locale}. */
    public static String dateTime(Instant at, Locale locale, ZoneId zone) {
        return plain(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .withZone(zone).format(at));
    }

    /** A moment in {@code zone} in the given styles of {@code locale} (SealPane: medium and medium). */
    public static String dateTime(Instant at, Locale locale, ZoneId zone, FormatStyle dateStyle, FormatStyle timeStyle) {
        return plain(DateTimeFormatter.ofLocalizedDateTime(dateStyle, timeStyle).withLocale(locale).withZone(zone).format(at));
    }

    static String plain(String formatted) {
        return formatted.replace("\u200f", "").replace("\u200e", "").replace("\u061c", "");
    }
}
