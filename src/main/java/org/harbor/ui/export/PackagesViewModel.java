package org.harbor.ui.export;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
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
import org.harbor.usecases.ApplyReceipt;
import org.harbor.usecases.ImportPackage;
import org.harbor.usecases.ImportTrustBundle;
import org.harbor.i18n.LocalizedDates;
import org.harbor.seal.TrustBundle;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The supervisor's "Send to the central office" screen (issue 14). In a field vault: the sealed
 * cases to choose, export into a folder with a progress bar and cancel, the files written; the
 * central office's keys, imported with the fingerprint the office reads out; a receipt applied,
 * then the cases it covered offered for deletion ("Keep" is the default). In a central vault:
 * import a package and show each check's result.
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
    private static final Map<ImportTrustBundle.Check, String> TRUST_CHECK_KEYS = new EnumMap<>(Map.of(
            ImportTrustBundle.Check.FORMAT, "send.trust.check.format",
            ImportTrustBundle.Check.FINGERPRINT, "send.trust.check.fingerprint"));
    private static final Map<String, String> STATUS_KEYS = Map.of(
            "sealed", "packages.status.sealed", "exported", "packages.status.exported");

    private final ExportPackage exportPackage;
    private final ImportPackage importPackage;
    private final ImportTrustBundle importTrust;
    private final ApplyReceipt applyReceipt;
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
    /** The files the last export wrote, by name. */
    private final ObservableList<String> written = FXCollections.observableArrayList();
    /** The trust bundle read and waiting for the fingerprint the office reads out; null when none. */
    private final ReadOnlyObjectWrapper<TrustBundle> bundle = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper bundleFingerprint = new ReadOnlyStringWrapper("");
    private final StringProperty readOut = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper trustMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper receiptMessage = new ReadOnlyStringWrapper("");
    /** The cases the applied receipt covered, offered for deletion; empty when no offer stands. */
    private final ObservableList<String> purgeOffer = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper purgeOffered = new ReadOnlyBooleanWrapper(false);

    public PackagesViewModel(ExportPackage exportPackage, ImportPackage importPackage, ImportTrustBundle importTrust,
                             ApplyReceipt applyReceipt, UiExecutor ui, Navigator navigator, I18n i18n, Session session) {
        this.exportPackage = exportPackage;
        this.importPackage = importPackage;
        this.importTrust = importTrust;
        this.applyReceipt = applyReceipt;
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
                Row row = new Row(e.caseId(), i18n.get("packages.row", e.number(), i18n.get(STATUS_KEYS.get(e.status())),
                        LocalizedDates.dateTime(Instant.parse(e.sealedAt()), i18n.locale(), ZoneId.systemDefault())),
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

    /** Exports the selected cases into {@code folder}, under a new file name; the view chose the folder. */
    public void exportTo(Path folder) {
        if (folder != null) {
            export(exportPackage.newPackageFile(folder));
        }
    }

    /** Exports the selected cases to {@code file}. */
    public void export(Path file) {
        List<String> ids = rows.stream().filter(r -> r.selected().get()).map(Row::caseId).toList();
        if (ids.isEmpty() || file == null) {
            return;
        }
        start();
        written.clear();
        ui.run(() -> exportPackage.export(session, ids, ConsentPurpose.SERVICES, file, listener()),
                result -> {
                    ExportService.Exported done = result.exported();
                    working.set(false);
                    progress.set(1);
                    written.setAll(done.file().getFileName().toString(), done.signature().getFileName().toString());
                    String said = i18n.get("packages.export.done", done.caseIds().size(), done.file().getFileName().toString(),
                            done.sequence());
                    if (done.withheldFields() != 0) {
                        said = said + " " + i18n.get("packages.export.withheld", done.withheldFields());
                    }
                    if (!result.stalePackages().isEmpty()) {
                        said = said + " " + i18n.get("send.export.stale", String.join(", ", result.stalePackages()));
                    }
                    message.set(said);
                    refresh();
                }, this::fail);
    }

    /** The files the last export wrote (the package and its signature), by name. */
    public ObservableList<String> written() {
        return written;
    }

    // --- the central office's keys ----------------------------------------------------------------

    /** Reads a trust bundle and shows its fingerprint, grouped for reading aloud; nothing is imported yet. */
    public void readBundle(Path file) {
        if (file == null) {
            return;
        }
        bundle.set(null);
        bundleFingerprint.set("");
        readOut.set("");
        trustMessage.set("");
        ui.run(() -> importTrust.read(file), read -> {
            bundle.set(read);
            bundleFingerprint.set(read.fingerprint());
            trustMessage.set(i18n.get("send.trust.compare"));
        }, this::trustFailed);
    }

    /** Imports the bundle read, with the fingerprint the office read out ({@link #readOutProperty()}). */
    public void importBundle() {
        TrustBundle read = bundle.get();
        if (read == null) {
            return;
        }
        String said = readOut.get();
        ui.run(() -> {
            importTrust.importTrust(session, read, said);
            return true;
        }, done -> {
            bundle.set(null);
            bundleFingerprint.set("");
            readOut.set("");
            trustMessage.set(i18n.get("send.trust.done"));
        }, this::trustFailed);
    }

    public ReadOnlyObjectProperty<TrustBundle> bundleProperty() {
        return bundle.getReadOnlyProperty();
    }

    /** The bundle's fingerprint in groups of four, for reading aloud. */
    public ReadOnlyStringProperty bundleFingerprintProperty() {
        return bundleFingerprint.getReadOnlyProperty();
    }

    /** What the supervisor typed as the fingerprint the central office read out. */
    public StringProperty readOutProperty() {
        return readOut;
    }

    public ReadOnlyStringProperty trustMessageProperty() {
        return trustMessage.getReadOnlyProperty();
    }

    private void trustFailed(Exception e) {
        if (e instanceof ImportTrustBundle.Refused refused) {
            trustMessage.set(i18n.get("send.trust.refused", i18n.get(TRUST_CHECK_KEYS.get(refused.check()))));
        } else {
            trustMessage.set(Messages.of(e, i18n));
        }
    }

    // --- receipts and the purge they allow --------------------------------------------------------

    /** Applies the office's receipt; its received cases are then offered for deletion from this computer. */
    public void applyReceipt(Path file) {
        if (file == null) {
            return;
        }
        purgeOffer.clear();
        purgeOffered.set(false);
        receiptMessage.set("");
        ui.run(() -> applyReceipt.apply(session, file), applied -> {
            receiptMessage.set(i18n.get("send.receipt.done", applied.received().size()));
            purgeOffer.setAll(applied.received());
            purgeOffered.set(!applied.received().isEmpty());
            refresh();
        }, e -> receiptMessage.set(Messages.of(e, i18n)));
    }

    /** True while the screen asks whether to delete the cases the receipt covered. */
    public ReadOnlyBooleanProperty purgeOfferedProperty() {
        return purgeOffered.getReadOnlyProperty();
    }

    /** The question: how many cases, and that the office keeps its copy. */
    public String purgeQuestion() {
        return i18n.get("send.purge.body", purgeOffer.size());
    }

    /** The safe answer: the received cases stay on this computer. */
    public void keepReceived() {
        purgeOffer.clear();
        purgeOffered.set(false);
        receiptMessage.set(i18n.get("send.purge.kept"));
    }

    /** Deletes the cases the receipt covered, audited as {@code harbor purge --received}. */
    public void purgeReceived() {
        List<String> ids = List.copyOf(purgeOffer);
        purgeOffer.clear();
        purgeOffered.set(false);
        if (ids.isEmpty()) {
            return;
        }
        receiptMessage.set(i18n.get("packages.working"));
        ui.run(() -> applyReceipt.purge(session, ids), purged -> {
            receiptMessage.set(i18n.get("send.purge.done", purged.size()));
            refresh();
        }, e -> receiptMessage.set(Messages.of(e, i18n)));
    }

    public ReadOnlyStringProperty receiptMessageProperty() {
        return receiptMessage.getReadOnlyProperty();
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
        purgeOffer.clear();
        bundle.set(null);
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
