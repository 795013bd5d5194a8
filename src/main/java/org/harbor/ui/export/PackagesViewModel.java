package org.harbor.ui.export;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.harbor.consent.ConsentPurpose;
import org.harbor.i18n.I18n;
import org.harbor.seal.ExportListener;
import org.harbor.seal.ExportService;
import org.harbor.seal.ImportCheck;
import org.harbor.seal.ImportService;
import org.harbor.seal.PackageRefused;
import org.harbor.accounts.Session;
import org.harbor.ui.common.Messages;
import org.harbor.ui.common.Navigator;
import org.harbor.ui.common.UiExecutor;
import org.harbor.usecases.ExportPackage;
import org.harbor.usecases.ImportPackage;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The supervisor's package screen. In a field vault: the sealed cases to choose, export with a
 * progress bar and cancel. In a central vault: import a package and show each check's result.
 */
public final class PackagesViewModel {

    /** One sealed case in the list; {@code selected} is bound to its check box. */
    public record Row(String caseId, String label, BooleanProperty selected) {
    }

    /** Each check's name for people, in the order the import runs them. */
    private static final Map<ImportCheck, String> CHECK_KEYS = new EnumMap<>(Map.of(
            ImportCheck.SIZE, "packages.check.size",
            ImportCheck.SIGNATURE, "packages.check.signature",
            ImportCheck.SEQUENCE, "packages.check.sequence",
            ImportCheck.DECRYPT, "packages.check.decrypt",
            ImportCheck.DEVICE_ID, "packages.check.deviceId",
            ImportCheck.PARSE, "packages.check.parse",
            ImportCheck.COVERAGE, "packages.check.coverage",
            ImportCheck.STORE, "packages.check.store"));
    private static final Map<String, String> STATUS_KEYS = Map.of(
            "sealed", "packages.status.sealed", "exported", "packages.status.exported");

    private final ExportPackage exportPackage;
    private final ImportPackage importPackage;
    private final UiExecutor ui;
    private final Navigator navigator;
    private final I18n i18n;
    private final Session session;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper central = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper anySelected = new ReadOnlyBooleanWrapper(false);
    private final AtomicBoolean cancel = new AtomicBoolean();

    public PackagesViewModel(ExportPackage exportPackage, ImportPackage importPackage, UiExecutor ui, Navigator navigator,
                             I18n i18n, Session session) {
        this.exportPackage = exportPackage;
        this.importPackage = importPackage;
        this.ui = ui;
        this.navigator = navigator;
        this.i18n = i18n;
        this.session = session;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyBooleanProperty centralProperty() {
        return central.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public BooleanBinding canExportProperty() {
        return Bindings.createBooleanBinding(() -> anySelected.get() && !working.get(), anySelected, working);
    }

    /** Loads the kind of vault and, in a field vault, the exportable cases. */
    public void refresh() {
        ui.run(() -> {
            boolean receives = importPackage.receivesPackages();
            return new Loaded(receives, receives ? List.of() : exportPackage.exportable(session));
        }, loaded -> {
            central.set(loaded.central());
            rows.clear();
            for (ExportService.Exportable e : loaded.cases()) {
                Row row = new Row(e.caseId(), i18n.get("packages.row", e.number(), i18n.get(STATUS_KEYS.get(e.status())), e.sealedAt()),
                        new SimpleBooleanProperty(false));
                row.selected().addListener((o, was, is) -> anySelected.set(rows.stream().anyMatch(r -> r.selected().get())));
                rows.add(row);
            }
            anySelected.set(false);
            // Only "nothing to export" is said here: the result of an export that asked for this
            // refresh stays on screen.
            if (!loaded.central() && rows.isEmpty()) {
                message.set(i18n.get("packages.export.none"));
            }
        }, this::fail);
    }

    private record Loaded(boolean central, List<ExportService.Exportable> cases) {
    }

    /** Exports the selected cases to {@code file}; the view chose the file. */
    public void export(Path file) {
        List<String> ids = rows.stream().filter(r -> r.selected().get()).map(Row::caseId).toList();
        if (ids.isEmpty() || file == null) {
            return;
        }
        start();
        ui.run(() -> exportPackage.export(session, ids, ConsentPurpose.SERVICES, file, listener()).exported(),
                done -> {
                    working.set(false);
                    progress.set(1);
                    String said = i18n.get("packages.export.done", done.caseIds().size(), done.file().getFileName().toString(),
                            done.sequence());
                    message.set(done.withheldFields() == 0 ? said
                            : said + " " + i18n.get("packages.export.withheld", done.withheldFields()));
                    refresh();
                }, this::fail);
    }

    /** Imports {@code file} (with its signature beside it); the view chose the file. */
    public void importPackage(Path file) {
        if (file == null) {
            return;
        }
        start();
        ui.run(() -> importPackage.importPackage(session, file, listener()),
                result -> {
                    working.set(false);
                    progress.set(1);
                    message.set(result.alreadyImported() ? i18n.get("packages.import.already")
                            : i18n.get("packages.import.done", allChecks(), result.cases().size(),
                                    result.cases().stream().filter(c -> c.outcome() == ImportService.CaseOutcome.CONFLICT).count()));
                }, this::fail);
    }

    /** Asks the running export or import to stop; what it wrote is removed. */
    public void cancel() {
        cancel.set(true);
    }

    public void back() {
        navigator.toHome();
    }

    /** Nothing secret is held here; the list is cleared so that case numbers do not linger. */
    public void dispose() {
        cancel.set(true);
        rows.clear();
    }

    private void start() {
        cancel.set(false);
        working.set(true);
        progress.set(0);
        message.set(i18n.get("packages.working"));
    }

    private ExportListener listener() {
        return new ExportListener() {
            @Override
            public void progress(long done, long total) {
                double share = total <= 0 ? 0 : Math.min(1.0, (double) done / total);
                ui.onUi(() -> progress.set(share));
            }

            @Override
            public boolean cancelled() {
                return cancel.get();
            }
        };
    }

    private String allChecks() {
        StringBuilder out = new StringBuilder();
        for (ImportCheck check : ImportCheck.values()) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(i18n.get(CHECK_KEYS.get(check)));
        }
        return out.toString();
    }

    private void fail(Exception e) {
        working.set(false);
        progress.set(0);
        if (e instanceof PackageRefused refused) {
            StringBuilder passed = new StringBuilder();
            for (ImportCheck check : ImportCheck.values()) {
                if (check == refused.check()) {
                    break;
                }
                passed.append(passed.length() > 0 ? ", " : "").append(i18n.get(CHECK_KEYS.get(check)));
            }
            message.set(i18n.get("packages.import.refused", i18n.get(CHECK_KEYS.get(refused.check())),
                    passed.length() == 0 ? "—" : passed.toString()));
        } else if (cancel.get() || e instanceof IOException && "cancelled".equals(e.getMessage())) {
            message.set(i18n.get("packages.cancelled"));
        } else {
            message.set(Messages.of(e, i18n));
        }
    }
}
