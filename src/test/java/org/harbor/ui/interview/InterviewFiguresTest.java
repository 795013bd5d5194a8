package org.harbor.ui.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;
import java.util.Locale;
import org.harbor.i18n.I18n;
import org.harbor.interview.profile.ProfileLibrary;
import org.harbor.interview.session.InterviewSummary;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The interview screens' figures")
class InterviewFiguresTest {

    @Test
    @DisplayName("elapsed time reads hours, minutes and seconds")
    void clock() {
        assertEquals("0:00:00", InterviewViewModel.clockText(999));
        assertEquals("0:02:05", InterviewViewModel.clockText(125_000));
        assertEquals("1:01:01", InterviewViewModel.clockText(3_661_000));
    }

    @Test
    @DisplayName("the chart's weeks start on Monday, in time order across a new year")
    void weeks() {
        java.time.LocalDate lastOfYear = InterviewerStatsViewModel.weekStart(Instant.parse("2026-12-21T12:00:00Z"));
        java.time.LocalDate firstOfNext = InterviewerStatsViewModel.weekStart(Instant.parse("2027-01-06T12:00:00Z"));
        assertEquals(java.time.LocalDate.of(2026, 12, 21), lastOfYear);
        assertEquals(java.time.LocalDate.of(2027, 1, 4), firstOfNext);
        assertEquals(-1, Integer.signum(lastOfYear.compareTo(firstOfNext)));
    }

    @Test
    @DisplayName("the summary rows show each type's count and share, and the phases in the protocol's order")
    void summaryRows() {
        InterviewSummary summary = new InterviewSummary(4, Map.of("INV", 3, "DIR", 1), Map.of("INV", 0.75, "DIR", 0.25),
                0.75, 1.0, 1, Map.of("CLOSURE", 60_000L, "INTRO", 120_000L), 180_000L);
        SummaryRows rows = new SummaryRows(summary, ProfileLibrary.bundled().get(ProfileLibrary.CHILD_DEFAULT),
                new I18n(Locale.ENGLISH));
        assertEquals("3", rows.types().get(0).count());
        assertEquals("75 %", rows.types().get(0).share());
        assertEquals("0", rows.types().get(2).count(), "a type never asked shows zero");
        assertEquals(2, rows.phases().size());
        assertEquals("0:02:00", rows.phases().get(0).count(), "introduction first");
        assertEquals("100 %", rows.overall().get(2).count(), "pairing rate");
    }
}
