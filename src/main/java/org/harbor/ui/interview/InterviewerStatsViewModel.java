package org.harbor.ui.interview;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.harbor.i18n.I18n;
import org.harbor.i18n.LocalizedDates;
import org.harbor.interview.session.InterviewerStats;
import org.harbor.accounts.Session;
import org.harbor.ui.common.Navigator;
import org.harbor.ui.common.UiExecutor;
import org.harbor.usecases.ReviewInterviewers;

/**
 * Each interviewer's question types over a period, for a supervisor who coaches them: a table of
 * totals and, per interviewer, the share of open prompts week by week. Protocols set no quota, so
 * the screen reports and never judges (DOMAIN.md section 2).
 */
public final class InterviewerStatsViewModel {

    /** One interviewer's totals over the period. */
    public record Row(String interviewer, int interviews, int questions, String openShare, String pairing) {
    }

    /**
     * One interviewer's load this week (R22): finished interviews, their hours, and how many the
     * interviewer marked, when ending them, as disclosing severe harm.
     */
    public record WorkloadRow(String interviewer, int interviews, String hours, int severeHarm) {
    }

    /** A point of the chart: the week (its Monday, as shown) and the open-prompt share in percent. */
    public record Point(String week, double percent) {
    }

    /** One line of the chart. */
    public record Series(String interviewer, List<Point> points) {
    }

    private final ReviewInterviewers review;
    private final I18n i18n;
    private final UiExecutor background;
    private final Navigator navigator;
    private final Session session;
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Series> series = FXCollections.observableArrayList();
    private final ObservableList<String> weeks = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObservableList<WorkloadRow> workload = FXCollections.observableArrayList();
    private final Clock clock;

    public InterviewerStatsViewModel(ReviewInterviewers review, I18n i18n, Clock clock, UiExecutor background,
                                     Navigator navigator, Session session) {
        this.review = review;
        this.i18n = i18n;
        this.background = background;
        this.navigator = navigator;
        this.session = session;
        this.clock = clock;
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone());
        to.set(today);
        from.set(today.minusWeeks(12));
    }

    private static ZoneId zone() {
        return ZoneId.systemDefault();
    }

    private I18n i18n() {
        return i18n;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** Each interviewer's load in the current week (Monday to today), whatever period is chosen above. */
    public ObservableList<WorkloadRow> workload() {
        return workload;
    }

    public ObservableList<Series> series() {
        return series;
    }

    /** Every week that has a point, in time order, labelled by its Monday's localized date: the chart's categories. */
    public ObservableList<String> weeks() {
        return weeks;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Reads the figures for the chosen days, both included. */
    public void load() {
        LocalDate first = from.get();
        LocalDate last = to.get();
        if (first == null || last == null || last.isBefore(first)) {
            message.set(i18n().get("interview.stats.badPeriod"));
            return;
        }
        Instant start = first.atStartOfDay(zone()).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(zone()).toInstant();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone());
        Instant weekStart = today.with(DayOfWeek.MONDAY).atStartOfDay(zone()).toInstant();
        Instant weekEnd = today.plusDays(1).atStartOfDay(zone()).toInstant();
        background.run(() -> List.of(review.statsBetween(session, start, end), review.statsBetween(session, weekStart, weekEnd)),
                both -> {
                    show(both.get(0));
                    showWorkload(both.get(1));
                }, e -> message.set(InterviewMessages.of(e, i18n())));
    }

    private void showWorkload(List<InterviewerStats> week) {
        workload.setAll(week.stream().map(s -> new WorkloadRow(s.username(), s.interviews().size(),
                String.format(i18n().locale(), "%.1f",
                        s.interviews().stream().mapToLong(InterviewerStats.Point::totalMillis).sum() / 3_600_000.0),
                (int) s.interviews().stream().filter(InterviewerStats.Point::severeHarm).count())).toList());
    }

    private void show(List<InterviewerStats> stats) {
        List<Row> table = new ArrayList<>();
        List<Series> lines = new ArrayList<>();
        // Weeks in time order, each labelled by its Monday in the display language's date format.
        TreeMap<LocalDate, String> allWeeks = new TreeMap<>();
        for (InterviewerStats s : stats) {
            table.add(new Row(s.username(), s.interviews().size(), s.questions(), SummaryRows.percent(s.openShare()),
                    s.pairingRate() == null ? "–" : SummaryRows.percent(s.pairingRate())));
            Map<LocalDate, int[]> byWeek = new TreeMap<>();
            Map<LocalDate, double[]> openByWeek = new TreeMap<>();
            for (InterviewerStats.Point p : s.interviews()) {
                LocalDate week = weekStart(p.startedAt());
                byWeek.computeIfAbsent(week, k -> new int[1])[0] += p.questions();
                openByWeek.computeIfAbsent(week, k -> new double[1])[0] += p.openShare() * p.questions();
            }
            List<Point> points = new ArrayList<>();
            byWeek.forEach((week, questions) -> {
                String shown = allWeeks.computeIfAbsent(week, w -> LocalizedDates.date(w, i18n().locale()));
                points.add(new Point(shown, questions[0] == 0 ? 0 : 100.0 * openByWeek.get(week)[0] / questions[0]));
            });
            lines.add(new Series(s.username(), points));
        }
        weeks.setAll(allWeeks.values());
        rows.setAll(table);
        series.setAll(lines);
        message.set(stats.isEmpty() ? i18n().get("interview.stats.none") : "");
    }

    /** The Monday that starts the week of {@code at}, in this computer's time zone: the chart's weeks. */
    static LocalDate weekStart(Instant at) {
        return LocalDate.ofInstant(at, zone()).with(DayOfWeek.MONDAY);
    }

    public void back() {
        navigator.toHome();
    }

    public void dispose() {
        rows.clear();
        workload.clear();
        series.clear();
        weeks.clear();
    }
}
