package org.harbor.ui.settings;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.harbor.accounts.Session;
import org.harbor.i18n.I18n;
import org.harbor.ui.common.Messages;
import org.harbor.ui.common.UiExecutor;
import org.harbor.usecases.ChooseReportJurisdiction;

/**
 * Settings: the jurisdiction whose mandatory-report rule pack applies (R18), picked by a
 * supervisor; "" stands for none. The chosen pack's citation is shown beside it.
 */
public final class JurisdictionViewModel {

    private final ChooseReportJurisdiction choose;
    private final I18n i18n;
    private final UiExecutor ui;
    private final Session session;
    private final StringProperty selected = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper citation = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public JurisdictionViewModel(ChooseReportJurisdiction choose, I18n i18n, UiExecutor ui, Session session) {
        this.choose = choose;
        this.i18n = i18n;
        this.ui = ui;
        this.session = session;
        selected.subscribe(code -> citation.set(code == null || code.isEmpty() ? ""
                : choose.rule(code).map(r -> i18n.get("reports.citation", r.citation())).orElse("")));
    }

    public void load() {
        ui.run(() -> choose.current().orElse(""), selected::set, e -> message.set(Messages.of(e, i18n)));
    }

    /** "" (none) and every shipped jurisdiction. */
    public List<String> options() {
        List<String> out = new ArrayList<>();
        out.add("");
        out.addAll(choose.jurisdictions());
        return out;
    }

    public String label(String code) {
        return code == null || code.isEmpty() ? i18n.get("settings.reports.none") : i18n.get("settings.reports.jurisdiction." + code);
    }

    public StringProperty selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty citationProperty() {
        return citation.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public boolean mayChoose() {
        return choose.mayChoose(session);
    }

    public void save() {
        String code = selected.get();
        ui.run(() -> {
            choose.choose(session, code);
            return code;
        }, saved -> message.set(i18n.get("settings.reports.saved")), e -> message.set(Messages.of(e, i18n)));
    }

    public void dispose() {
        message.set("");
    }
}
