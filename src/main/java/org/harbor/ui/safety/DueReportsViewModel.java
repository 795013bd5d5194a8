package org.harbor.ui.safety;

import java.time.Instant;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.harbor.accounts.Session;
import org.harbor.i18n.I18n;
import org.harbor.safety.CaseSafety;
import org.harbor.ui.common.Messages;
import org.harbor.ui.common.Navigator;
import org.harbor.ui.common.UiExecutor;
import org.harbor.usecases.ShowCaseSafety;

/**
 * The reports due on the home screen (R18): one row per open case that triggers the rule and has
 * no report logged yet, soonest deadline first, with its countdown; red for supervisors once
 * overdue. A row opens its case.
 */
public final class DueReportsViewModel {

    /** One row: the case, its countdown, and whether it shows as overdue. */
    public record Row(String caseId, String text, boolean overdue) {
    }

    private final ShowCaseSafety show;
    private final I18n i18n;
    private final UiExecutor ui;
    private final Navigator navigator;
    private final Session session;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private List<CaseSafety> due = List.of();

    public DueReportsViewModel(ShowCaseSafety show, I18n i18n, UiExecutor ui, Navigator navigator, Session session) {
        this.show = show;
        this.i18n = i18n;
        this.ui = ui;
        this.navigator = navigator;
        this.session = session;
    }

    public void load() {
        ui.run(() -> show.dueReports(session), found -> {
            due = found;
            tick();
        }, e -> message.set(Messages.of(e, i18n)));
    }

    /** Counts every row down again from the clock. */
    public void tick() {
        Instant now = show.clock().instant();
        boolean red = show.seesOverdue(session);
        rows.setAll(due.stream().map(s -> {
            CaseSafety.ReportDue d = s.report().orElseThrow();
            return new Row(s.caseId(), i18n.get("home.reports.row", s.caseNumber(), i18n.get("reports.rule." + d.rule().id() + ".title"),
                    Countdowns.text(i18n, d, now)), red && d.overdue(now));
        }).toList());
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public String title() {
        return i18n.get("home.reports.title");
    }

    public void open(Row row) {
        navigator.toCase(row.caseId());
    }

    public void dispose() {
        rows.clear();
        due = List.of();
    }
}
