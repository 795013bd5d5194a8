package org.harbor.ui.safety;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.harbor.accounts.Session;
import org.harbor.i18n.I18n;
import org.harbor.i18n.LocalizedDates;
import org.harbor.safety.CaseSafety;
import org.harbor.safety.ReportRule;
import org.harbor.ui.common.Messages;
import org.harbor.ui.common.UiExecutor;
import org.harbor.usecases.LogMandatoryReport;
import org.harbor.usecases.ShowCaseSafety;

/**
 * The mandatory-report checklist of a case (R18): shown when the case triggers the rule of the
 * organisation's jurisdiction; the steps, the law it comes from, a countdown to the deadline (red
 * for supervisors once overdue), and the form that logs the report made.
 */
public final class ReportChecklistViewModel {

    /** How "when the report was made" is typed: the local date and time. */
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ShowCaseSafety show;
    private final LogMandatoryReport log;
    private final I18n i18n;
    private final UiExecutor ui;
    private final Session session;
    private final String caseId;
    private final ZoneId zone;
    private final ReadOnlyObjectWrapper<CaseSafety.ReportDue> due = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper countdown = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper overdue = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final StringProperty madeAt = new SimpleStringProperty("");
    private final StringProperty madeTo = new SimpleStringProperty("");
    private final StringProperty reference = new SimpleStringProperty("");

    public ReportChecklistViewModel(ShowCaseSafety show, LogMandatoryReport log, I18n i18n, UiExecutor ui, Session session,
                                    String caseId, ZoneId zone) {
        this.show = show;
        this.log = log;
        this.i18n = i18n;
        this.ui = ui;
        this.session = session;
        this.caseId = caseId;
        this.zone = zone;
    }

    public void load() {
        ui.run(() -> show.ofCase(session, caseId), this::apply, e -> message.set(Messages.of(e, i18n)));
    }

    private void apply(CaseSafety safety) {
        due.set(safety.report().orElse(null));
        if (madeAt.get().isEmpty()) {
            madeAt.set(WHEN.format(LocalDateTime.ofInstant(show.clock().instant(), zone)));
        }
        tick();
    }

    /** Counts down again from the clock; the view calls it every few seconds. */
    public void tick() {
        CaseSafety.ReportDue d = due.get();
        if (d == null) {
            countdown.set("");
            overdue.set(false);
            return;
        }
        Instant now = show.clock().instant();
        countdown.set(Countdowns.text(i18n, d, now));
        overdue.set(d.overdue(now) && show.seesOverdue(session));
    }

    /** Logs the report typed: when (local time), to whom, reference. */
    public void logReport() {
        Instant when;
        try {
            when = LocalDateTime.parse(madeAt.get().strip(), WHEN).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            message.set(i18n.get("reports.error.when"));
            return;
        }
        String to = madeTo.get();
        String ref = reference.get();
        ui.run(() -> log.log(session, caseId, when, to, ref), saved -> {
            madeTo.set("");
            reference.set("");
            message.set(i18n.get("reports.logged"));
            apply(saved);
        }, e -> message.set(Messages.of(e, i18n)));
    }

    /** The report due; null while the case does not trigger a rule. */
    public ReadOnlyObjectProperty<CaseSafety.ReportDue> dueProperty() {
        return due.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countdownProperty() {
        return countdown.getReadOnlyProperty();
    }

    /** Overdue and shown in red: only to supervisors. */
    public ReadOnlyBooleanProperty overdueProperty() {
        return overdue.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public StringProperty madeAtProperty() {
        return madeAt;
    }

    public StringProperty madeToProperty() {
        return madeTo;
    }

    public StringProperty referenceProperty() {
        return reference;
    }

    public String title(ReportRule rule) {
        return i18n.get("reports.rule." + rule.id() + ".title");
    }

    public String summary(ReportRule rule) {
        String summary = i18n.get("reports.rule." + rule.id() + ".summary", rule.within().toHours());
        return rule.statutory() ? summary : summary + " " + i18n.get("reports.notStatutory", rule.within().toHours());
    }

    public List<String> steps(ReportRule rule) {
        return IntStream.rangeClosed(1, rule.steps())
                .mapToObj(n -> i18n.get("reports.rule." + rule.id() + ".step" + n)).toList();
    }

    public String citation(ReportRule rule) {
        return i18n.get("reports.citation", rule.citation());
    }

    public String deadline(CaseSafety.ReportDue d) {
        return i18n.get("reports.deadline", format(d.deadline()));
    }

    /** "Made …, to …, reference …" of each report logged. */
    public List<String> made(CaseSafety.ReportDue d) {
        return d.made().stream().map(r -> i18n.get("reports.made", format(r.madeAt()), r.madeTo(),
                r.reference().isEmpty() ? i18n.get("reports.noReference") : r.reference())).toList();
    }

    public int maxMadeTo() {
        return LogMandatoryReport.MAX_MADE_TO;
    }

    public int maxReference() {
        return LogMandatoryReport.MAX_REFERENCE;
    }

    public I18n i18n() {
        return i18n;
    }

    private String format(Instant at) {
        return LocalizedDates.dateTime(at, i18n.locale(), zone, FormatStyle.SHORT, FormatStyle.SHORT);
    }

    public Optional<CaseSafety.ReportDue> due() {
        return Optional.ofNullable(due.get());
    }

    public void dispose() {
        madeTo.set("");
        reference.set("");
        message.set("");
        due.set(null);
    }
}
