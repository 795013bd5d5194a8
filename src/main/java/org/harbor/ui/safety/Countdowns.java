package org.harbor.ui.safety;

import java.time.Duration;
import java.time.Instant;
import org.harbor.i18n.I18n;
import org.harbor.safety.CaseSafety;

/** The countdown sentence of a report due (R18): time left, or how long overdue, in hours and minutes. */
final class Countdowns {

    private Countdowns() {
    }

    static String text(I18n i18n, CaseSafety.ReportDue due, Instant now) {
        if (due.done()) {
            return i18n.get("reports.countdown.done");
        }
        Duration left = due.left(now);
        if (left.isNegative()) {
            return i18n.get("reports.countdown.overdue", span(i18n, left.negated()));
        }
        return i18n.get("reports.countdown.left", span(i18n, left));
    }

    /** "5 h 03 min", in whole minutes (rounded up while time is left, so 0 min is never shown before the deadline). */
    static String span(I18n i18n, Duration d) {
        long minutes = (d.toSeconds() + 59) / 60;
        return i18n.get("reports.countdown.span", minutes / 60, String.format(i18n.locale(), "%02d", minutes % 60));
    }
}
