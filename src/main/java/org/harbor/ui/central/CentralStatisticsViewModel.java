package org.harbor.ui.central;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.harbor.accounts.Permission;
import org.harbor.accounts.Role;
import org.harbor.central.CentralAccess;
import org.harbor.central.Statistics;
import org.harbor.ui.common.UiExecutor;
import org.harbor.usecases.PublishCentralStatistics;

/** Aggregate statistics in HTCDS terms, suppressed (k = 11) before they reach the screen; exported as CSV. */
public final class CentralStatisticsViewModel {

    private final PublishCentralStatistics publish;
    private final UiExecutor executor;
    private final Role role;
    private final ObservableList<Statistics.Table> tables = FXCollections.observableArrayList();
    private final StringProperty csvPath = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper exported = new ReadOnlyStringWrapper("");

    public CentralStatisticsViewModel(PublishCentralStatistics publish, UiExecutor executor, Role role,
                                      Path defaultCsv) {
        this.publish = publish;
        this.role = role;
        this.executor = executor;
        csvPath.set(defaultCsv.toString());
    }

    /** Whether this account's role may see the statistics (the view shows the tab only then). */
    public boolean allowed() {
        return role.can(Permission.CENTRAL_STATISTICS);
    }

    public ObservableList<Statistics.Table> tables() {
        return tables;
    }

    public StringProperty csvPathProperty() {
        return csvPath;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The file last written, for the view to confirm. */
    public ReadOnlyStringProperty exportedProperty() {
        return exported.getReadOnlyProperty();
    }

    public void refresh() {
        executor.run(() -> {
            CentralAccess.require(role, Permission.CENTRAL_STATISTICS);
            return publish.tables();
        }, tables::setAll, e -> error.set(CentralMessages.key(e)));
    }

    /** Writes the suppressed tables as CSV to the path typed in (never the raw counts). */
    public void exportCsv() {
        Path target = Path.of(csvPath.get().strip());
        var shown = List.copyOf(tables);
        executor.run(() -> {
            CentralAccess.require(role, Permission.CENTRAL_STATISTICS);
            Files.writeString(target, Statistics.csv(shown.isEmpty() ? publish.tables() : shown));
            return target.toString();
        }, path -> {
            exported.set(path);
            error.set("");
        }, e -> error.set(e instanceof IOException ? "central.stats.exportFailed" : CentralMessages.key(e)));
    }
}
