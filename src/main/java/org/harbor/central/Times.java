package org.harbor.central;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Instants as fixed-width UTC text (millisecond precision), so that text order is time order in both stores. */
final class Times {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Times() {
    }

    static String now() {
        return of(Instant.now());
    }

    static String of(Instant instant) {
        return FORMAT.format(instant);
    }

    /** An ISO-8601 instant from a package, in the fixed form; null stays null. */
    static String normalize(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return of(Instant.parse(iso));
        } catch (java.time.format.DateTimeParseException e) {
            throw new CentralException("central.error.malformed", "a time in the package is not an ISO-8601 instant");
        }
    }
}
