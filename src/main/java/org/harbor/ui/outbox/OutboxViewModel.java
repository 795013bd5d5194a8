package org.harbor.ui.outbox;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.harbor.accounts.Session;
import org.harbor.i18n.I18n;
import org.harbor.seal.ExportService;
import org.harbor.sync.Outbox;
import org.harbor.sync.SyncCheck;
import org.harbor.ui.common.Messages;
import org.harbor.ui.common.Navigator;
import org.harbor.ui.common.UiExecutor;
import org.harbor.usecases.PurgeReceived;
import org.harbor.usecases.ReleaseToOutbox;
import org.harbor.usecases.SendInBackground;

/**
 * The outbox screen (issue 18), a supervisor's: the sealed cases not yet sent, to release (after a
 * question); the released packages with their state (waiting, sending with the bytes the server
 * holds, sent, receipt applied, refused at a named check); "Retry now"; and, once a receipt made
 * cases received, their purge (after a question whose default is "Keep"). Sending itself is the
 * background sender's; this screen shows it and wakes it.
 */
public final class OutboxViewModel {

    /** A sealed case to choose; {@code selected} is bound to its check box. */
    public record CaseRow(String caseId, String label, BooleanProperty selected) {
    }

    /** A released package: its line, its state's sentence, and the share of it the server holds. */
    public record PackageRow(String itemId, String state, String label, StringProperty status, DoubleProperty progress,
                             BooleanProperty sending) {
    }

    private static final Map<String, String> STATUS_KEYS = Map.of(
            "sealed", "packages.status.sealed", "exported", "packages.status.exported");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ReleaseToOutbox release;
    private final SendInBackground sender;
    private final PurgeReceived purge;
    private final UiExecutor ui;
    private final Navigator navigator;
    private final I18n i18n;
    private final Session session;
    private final ZoneId zone;
    private final ObservableList<CaseRow> cases = FXCollections.observableArrayList();
    private final ObservableList<PackageRow> packages = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper anySelected = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper anyWaiting = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper purgeable = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyBooleanWrapper askingRelease = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper askingPurge = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private Runnable unlisten = () -> { };
    private boolean disposed;
    /** What the screen says last, formatted again in the current language at each refresh (a language change rebuilds the view). */
    private Supplier<String> said = () -> "";

    public OutboxViewModel(ReleaseToOutbox release, SendInBackground sender, PurgeReceived purge, UiExecutor ui, Navigator navigator,
                           I18n i18n, Session session) {
        this(release, sender, purge, ui, navigator, i18n, session, ZoneId.systemDefault());
    }

    OutboxViewModel(ReleaseToOutbox release, SendInBackground sender, PurgeReceived purge, UiExecutor ui, Navigator navigator,
                    I18n i18n, Session session, ZoneId zone) {
        this.release = release;
        this.sender = sender;
        this.purge = purge;
        this.ui = ui;
        this.navigator = navigator;
        this.i18n = i18n;
        this.session = session;
        this.zone = zone;
    }

    public ObservableList<CaseRow> cases() {
        return cases;
    }

    public ObservableList<PackageRow> packages() {
        return packages;
    }

    public BooleanBinding canReleaseProperty() {
        return Bindings.createBooleanBinding(() -> anySelected.get() && !working.get(), anySelected, working);
    }

    public ReadOnlyBooleanProperty anyWaitingProperty() {
        return anyWaiting.getReadOnlyProperty();
    }

    /** How many received cases a purge would delete now; the purge is offered while it is above zero. */
    public ReadOnlyIntegerProperty purgeableProperty() {
        return purgeable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty askingReleaseProperty() {
        return askingRelease.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty askingPurgeProperty() {
        return askingPurge.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Starts following the sender and loads the screen. */
    public void open() {
        disposed = false;
        unlisten.run();
        unlisten = sender.listen(new SendInBackground.Listener() {
            @Override
            public void sending(Outbox.Item item, long bytes, long total) {
                ui.onUi(() -> {
                    if (!disposed) {
                        showSending(item.id(), bytes, total);
                    }
                });
            }

            @Override
            public void changed() {
                // a report may arrive after the screen went (the sender stops on its own thread)
                ui.onUi(() -> {
                    if (!disposed) {
                        refresh();
                    }
                });
            }
        });
        refresh();
    }

    private record Loaded(List<ExportService.Exportable> cases, List<Outbox.Item> items, int purgeable,
                          Optional<SendInBackground.Sending> sending) {
    }

    /** Reads the outbox, the sealed cases and the purge's count again. */
    public void refresh() {
        ui.run(() -> new Loaded(release.releasableCases(session), release.items(session), purge.purgeable(session).size(),
                sender.sending()), this::show, this::fail);
    }

    private void show(Loaded loaded) {
        List<String> chosen = cases.stream().filter(r -> r.selected().get()).map(CaseRow::caseId).toList();
        cases.clear();
        for (ExportService.Exportable e : loaded.cases()) {
            CaseRow row = new CaseRow(e.caseId(), i18n.get("packages.row", e.number(), i18n.get(STATUS_KEYS.getOrDefault(e.status(),
                    "packages.status.sealed")), when(e.sealedAt())), new SimpleBooleanProperty(chosen.contains(e.caseId())));
            row.selected().addListener((o, was, is) -> anySelected.set(cases.stream().anyMatch(r -> r.selected().get())));
            cases.add(row);
        }
        anySelected.set(cases.stream().anyMatch(r -> r.selected().get()));
        packages.clear();
        for (Outbox.Item item : loaded.items()) {
            String label = i18n.get("outbox.row", shortId(item.packageId()), when(item.releasedAt()), megabytes(item.bytes()));
            packages.add(new PackageRow(item.id(), item.state(), label, new SimpleStringProperty(status(item)),
                    new SimpleDoubleProperty(0), new SimpleBooleanProperty(false)));
        }
        anyWaiting.set(loaded.items().stream().anyMatch(i -> "released".equals(i.state())));
        purgeable.set(loaded.purgeable());
        message.set(said.get());
        loaded.sending().ifPresent(s -> showSending(s.itemId(), s.bytes(), s.total()));
    }

    private void showSending(String itemId, long bytes, long total) {
        for (PackageRow row : packages) {
            if (row.itemId().equals(itemId) && "released".equals(row.state())) {
                row.sending().set(true);
                row.progress().set(total <= 0 ? 0 : Math.min(1.0, (double) bytes / total));
                row.status().set(bytes >= total
                        ? i18n.get("outbox.state.sent")
                        : i18n.get("outbox.state.sending", megabytes(bytes), megabytes(total)));
            }
        }
    }

    /** The sentence of a package's state. */
    private String status(Outbox.Item item) {
        return switch (item.state()) {
            case "received" -> i18n.get("outbox.state.received", when(item.receivedAt()));
            case "refused" -> i18n.get("outbox.state.refused", checkName(item.lastCheck()));
            default -> item.lastCheck() == null ? i18n.get("outbox.state.waiting")
                    : i18n.get("outbox.state.waitingAfter", checkName(item.lastCheck()));
        };
    }

    /** A check as the outbox records it ({@code enrolment}, {@code import:packages.check.sequence}), named for people. */
    private String checkName(String check) {
        if (check == null) {
            return "—";
        }
        if (check.startsWith("import:packages.check.") && check.matches("import:packages\\.check\\.[A-Za-z]{1,20}")) {
            return i18n.get(check.substring("import:".length()));
        }
        if (check.matches("[a-z_]{1,20}")) {
            for (SyncCheck c : SyncCheck.values()) {
                if (c.wire().equals(check)) {
                    return i18n.get(c.messageKey());
                }
            }
        }
        return check;
    }

    /** Asks before releasing the chosen cases. */
    public void askRelease() {
        if (anySelected.get() && !working.get()) {
            askingRelease.set(true);
        }
    }

    /** The question's safe answer: nothing is released. */
    public void cancelRelease() {
        askingRelease.set(false);
    }

    /** The supervisor confirmed: the chosen cases go into the outbox as one package, and the sender is woken. */
    public void confirmRelease() {
        askingRelease.set(false);
        List<String> ids = cases.stream().filter(r -> r.selected().get()).map(CaseRow::caseId).toList();
        if (ids.isEmpty()) {
            return;
        }
        working.set(true);
        say(() -> "");
        ui.run(() -> release.release(session, ids), item -> {
            working.set(false);
            cases.forEach(r -> r.selected().set(false));
            say(() -> i18n.get("outbox.released"));
            sender.wake();
            refresh();
        }, this::fail);
    }

    /** The number of cases the release question speaks of. */
    public int chosenCount() {
        return (int) cases.stream().filter(r -> r.selected().get()).count();
    }

    /** "Retry now": the sender's next round starts at once. */
    public void retryNow() {
        sender.wake();
        say(() -> "");
    }

    /** Asks before the purge; "Keep" is the default answer. */
    public void askPurge() {
        if (purgeable.get() > 0 && !working.get()) {
            askingPurge.set(true);
        }
    }

    /** The safe answer: the received cases stay on this laptop. */
    public void keep() {
        askingPurge.set(false);
    }

    /** The supervisor confirmed: the received cases are deleted here. */
    public void confirmPurge() {
        askingPurge.set(false);
        working.set(true);
        ui.run(() -> purge.purge(session), purged -> {
            working.set(false);
            say(() -> i18n.get("outbox.purged", purged.size()));
            refresh();
        }, this::fail);
    }

    public void back() {
        navigator.toHome();
    }

    /** Stops following the sender (it goes on sending) and forgets the lists. */
    public void dispose() {
        disposed = true;
        unlisten.run();
        unlisten = () -> { };
        cases.clear();
        packages.clear();
    }

    private void fail(Exception e) {
        working.set(false);
        say(() -> Messages.of(e, i18n));
    }

    private void say(Supplier<String> text) {
        said = text;
        message.set(text.get());
    }

    private String when(String instant) {
        if (instant == null) {
            return "—";
        }
        try {
            return WHEN.format(Instant.parse(instant).atZone(zone));
        } catch (DateTimeParseException e) {
            return instant;
        }
    }

    private String megabytes(long bytes) {
        if (bytes < 1_048_576) {
            return i18n.get("outbox.sizeKb", Math.max(1, (bytes + 1023) / 1024));
        }
        return i18n.get("outbox.size", bytes / 1_048_576.0);
    }

    private static String shortId(String packageId) {
        return packageId == null ? "—" : packageId.substring(0, Math.min(8, packageId.length()));
    }
}
