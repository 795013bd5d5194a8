package org.harbor.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Arabic dates show no boxes: dates on screen carry no directional marks")
class LocalizedDatesTest {

    private static final Instant AT = Instant.parse("2026-11-28T14:05:00Z");

    private static boolean hasMarks(String s) {
        return s.indexOf('\u200f') >= 0 || s.indexOf('\u200e') >= 0 || s.indexOf('\u061c') >= 0;
    }

    @Test
    @DisplayName("the JDK's Arabic patterns carry marks (the reason for this class), and LocalizedDates leaves them out in every style")
    void arabicWithoutMarks() {
        Locale ar = Locale.of("ar");
        assertTrue(hasMarks(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(ar)
                .withZone(ZoneOffset.UTC).format(AT)), "the JDK's Arabic short pattern has directional marks");
        for (String language : I18n.SHIPPED) {
            Locale locale = Locale.of(language);
            for (FormatStyle style : List.of(FormatStyle.SHORT, FormatStyle.MEDIUM)) {
                String text = LocalizedDates.dateTime(AT, locale, ZoneOffset.UTC, style, style);
                assertFalse(hasMarks(text), language + " " + style + ": " + text);
                assertTrue(text.contains("28") || text.contains("٢٨"), language + ": " + text);
            }
            assertFalse(hasMarks(LocalizedDates.date(LocalDate.of(2026, 11, 28), locale)), language);
        }
        assertEquals(LocalizedDates.dateTime(AT, Locale.ENGLISH, ZoneOffset.UTC),
                LocalizedDates.dateTime(AT, Locale.ENGLISH, ZoneOffset.UTC, FormatStyle.MEDIUM, FormatStyle.SHORT));
    }

    @Test
    @DisplayName("every localized date in the code goes through LocalizedDates (no other ofLocalizedDate/DateTime formatter)")
    void oneWayToFormatADate() throws IOException {
        Path main = Path.of("src", "main", "java");
        try (Stream<Path> files = Files.walk(main)) {
            List<String> offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.endsWith(Path.of("org", "harbor", "i18n", "LocalizedDates.java")))
                    .filter(p -> {
                        try {
                            String source = Files.readString(p);
                            return source.contains("ofLocalizedDate") || source.contains("ofLocalizedTime");
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .map(p -> main.relativize(p).toString())
                    .toList();
            assertEquals(List.of(), offenders);
        }
    }
}
