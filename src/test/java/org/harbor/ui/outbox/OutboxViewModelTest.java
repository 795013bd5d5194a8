package org.harbor.ui.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.harbor.Harbor;
import org.harbor.accounts.Role;
import org.harbor.accounts.Session;
import org.harbor.sync.SyncClient;
import org.harbor.sync.SyncFixture;
import org.harbor.sync.SyncServer;
import org.harbor.ui.common.RecordingNavigator;
import org.harbor.ui.common.UiExecutor;
import org.harbor.ui.home.HomeViewModel;
import org.harbor.usecases.SendInBackground;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, the outbox screen's view-model, without the JavaFX toolkit: real field and central
 * vaults, a real sync server on 127.0.0.1 and the real background sender. The sender's reports
 * are queued and handed to the model on the test's thread, as the FX thread would.
 */
@DisplayName("The outbox screen's view-model (issue 18)")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class OutboxViewModelTest {

    @TempDir
    Path dir;

    /** Runs work at once; what the sender reports from its thread waits in a queue for {@link #drain}. */
    static final class QueuedUi implements UiExecutor {
        final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
        final UiExecutor direct = UiExecutor.direct();
        final Thread owner = Thread.currentThread();

        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Exception> onError) {
            direct.run(work, onSuccess, onError);
        }

        @Override
        public void fireAndForget(Runnable work) {
            work.run();
        }

        @Override
        public void onUi(Runnable action) {
            if (Thread.currentThread() == owner) {
                action.run();
            } else {
                queue.add(action);
            }
        }

        @Override
        public ReadOnlyBooleanProperty busyProperty() {
            return new ReadOnlyBooleanWrapper(false).getReadOnlyProperty();
        }

        void drain() {
            for (Runnable r; (r = queue.poll()) != null; ) {
                r.run();
            }
        }

        void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                drain();
                if (condition.getAsBoolean()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("not within 60 s: " + what);
                }
                Thread.sleep(10);
            }
        }
    }

    /** Quick rounds; a failed round waits a long time unless "Retry now" wakes the sender. */
    static SendInBackground.Timing timing(Duration afterFailure) {
        return new SendInBackground.Timing(new SyncClient.Backoff(1, Duration.ofMillis(10), Duration.ofMillis(10), 3),
                afterFailure, afterFailure, Duration.ofMillis(50), 1024, 5);
    }

    private final RecordingNavigator navigator = new RecordingNavigator();

    private OutboxViewModel model(SyncFixture.Laptop laptop, SendInBackground sender, QueuedUi ui) {
        Harbor h = laptop.harbor();
        return new OutboxViewModel(h.useCases().releaseToOutbox(), sender, h.useCases().purgeReceived(), ui, navigator, h.i18n(),
                laptop.supervisor(), ZoneOffset.UTC);
    }

    @Test
    @DisplayName("the sealed cases not yet sent are listed; release asks first, and Cancel releases nothing")
    void releaseAsksFirst() throws Exception {
        try (SyncFixture f = new SyncFixture(dir)) {
            SyncFixture.Laptop laptop = f.laptop("1", true);
            SyncFixture.sealedCase(laptop, "Nu");
            SendInBackground sender = new SendInBackground(laptop.harbor().useCases().sendOutbox(), timing(Duration.ofSeconds(30)));
            QueuedUi ui = new QueuedUi();
            OutboxViewModel model = model(laptop, sender, ui);
            model.open();
            assertEquals(1, model.cases().size());
            assertTrue(model.cases().getFirst().label().contains("sealed"), model.cases().getFirst().label());
            assertFalse(model.canReleaseProperty().get(), "nothing chosen, nothing to release");
            model.cases().getFirst().selected().set(true);
            assertTrue(model.canReleaseProperty().get());
            model.askRelease();
            assertTrue(model.askingReleaseProperty().get(), "release asks first");
            assertEquals(1, model.chosenCount());
            model.cancelRelease();
            assertFalse(model.askingReleaseProperty().get());
            assertTrue(model.packages().isEmpty(), "Cancel released nothing");
            assertTrue(laptop.harbor().useCases().releaseToOutbox().items(laptop.supervisor()).isEmpty());
            model.back();
            assertEquals("home", navigator.last());
            model.dispose();
        }
    }

    @Test
    @DisplayName("a release is sent: the progress bar moves with the bytes sent, then the receipt is applied; purge is offered and asks, Keep by default")
    void releaseSendReceiptPurge() throws Exception {
        try (SyncFixture f = new SyncFixture(dir)) {
            SyncFixture.Laptop laptop = f.laptop("1", true);
            String caseId = SyncFixture.sealedCase(laptop, "Xi");
            f.serve(SyncServer.Limits.DEFAULT);
            SendInBackground sender = new SendInBackground(laptop.harbor().useCases().sendOutbox(), timing(Duration.ofSeconds(30)));
            QueuedUi ui = new QueuedUi();
            OutboxViewModel model = model(laptop, sender, ui);
            model.open();
            model.cases().getFirst().selected().set(true);
            model.askRelease();
            model.confirmRelease();
            assertEquals(1, model.packages().size(), "one package released");
            assertEquals("released", model.packages().getFirst().state());
            assertEquals("Waiting for the server", model.packages().getFirst().status().get());
            assertTrue(model.messageProperty().get().startsWith("Released."), model.messageProperty().get());
            assertTrue(model.packages().getFirst().label().startsWith("Package "), model.packages().getFirst().label());

            List<Double> shares = new ArrayList<>();
            List<String> states = new ArrayList<>();
            OutboxViewModel.PackageRow row = model.packages().getFirst();
            row.progress().addListener((o, was, is) -> shares.add(is.doubleValue()));
            row.status().addListener((o, was, is) -> states.add(is));
            sender.start(laptop.supervisor(), f.url());
            try {
                ui.waitUntil(() -> model.purgeableProperty().get() == 1, "the receipt was applied");
            } finally {
                sender.stop();
            }
            assertTrue(shares.size() >= 3, "the bar moved chunk by chunk (1 KiB chunks): " + shares);
            for (int i = 1; i < shares.size(); i++) {
                assertTrue(shares.get(i) >= shares.get(i - 1), "the bar only moves forward: " + shares);
            }
            assertEquals(1.0, shares.getLast(), 1e-9, "the whole package was sent");
            assertTrue(states.stream().anyMatch(s -> s.startsWith("Sending: ")), "the state said sending: " + states);
            assertTrue(states.contains("Sent; applying the receipt"), "the state said sent: " + states);
            OutboxViewModel.PackageRow after = model.packages().getFirst();
            assertEquals("received", after.state());
            assertTrue(after.status().get().startsWith("Receipt applied "), after.status().get());

            model.askPurge();
            assertTrue(model.askingPurgeProperty().get(), "purge asks first");
            model.keep();
            assertFalse(model.askingPurgeProperty().get());
            assertEquals(List.of(caseId), laptop.harbor().receipts().purgeable(laptop.supervisor()), "Keep deleted nothing");
            model.askPurge();
            model.confirmPurge();
            assertEquals(0, model.purgeableProperty().get());
            assertEquals("1 received case deleted from this laptop.", model.messageProperty().get());
            assertTrue(laptop.harbor().receipts().purgeable(laptop.supervisor()).isEmpty());
            model.dispose();
        }
    }

    @Test
    @DisplayName("a refused package shows the check that refused it; a waiting one its last check, and Retry now sends it at once")
    void refusedNamedAndRetryNow() throws Exception {
        try (SyncFixture f = new SyncFixture(dir)) {
            SyncFixture.Laptop stranger = f.laptop("2", false); // never enrolled at the office
            SyncFixture.sealedCase(stranger, "Omicron");
            SyncServer first = f.serve(SyncServer.Limits.DEFAULT);
            int port = first.port();
            SendInBackground refusedSender = new SendInBackground(stranger.harbor().useCases().sendOutbox(), timing(Duration.ofSeconds(30)));
            QueuedUi ui = new QueuedUi();
            OutboxViewModel refused = model(stranger, refusedSender, ui);
            refused.open();
            refused.cases().getFirst().selected().set(true);
            refused.confirmRelease();
            refusedSender.start(stranger.supervisor(), f.url());
            try {
                ui.waitUntil(() -> !refused.packages().isEmpty() && "refused".equals(refused.packages().getFirst().state()),
                        "the unenrolled laptop's package was refused");
            } finally {
                refusedSender.stop();
            }
            assertEquals("Refused at the check: enrolled device", refused.packages().getFirst().status().get());
            refused.dispose();

            // a laptop whose server is down: it waits, naming the check, until "Retry now"
            SyncFixture.Laptop laptop = f.laptop("1", true);
            SyncFixture.sealedCase(laptop, "Pi");
            first.close();
            f.server = null;
            SendInBackground sender = new SendInBackground(laptop.harbor().useCases().sendOutbox(), timing(Duration.ofMinutes(10)));
            OutboxViewModel model = model(laptop, sender, ui);
            model.open();
            model.cases().getFirst().selected().set(true);
            model.confirmRelease();
            sender.start(laptop.supervisor(), java.net.URI.create("https://127.0.0.1:" + port));
            try {
                ui.waitUntil(() -> "Waiting for the server (last try stopped at: server reachable)"
                        .equals(model.packages().getFirst().status().get()), "the failed round named its check");
                assertTrue(model.anyWaitingProperty().get(), "Retry now is offered");
                f.serveOn(SyncServer.Limits.DEFAULT, f.keyStore, port);
                model.retryNow();
                ui.waitUntil(() -> "received".equals(model.packages().getFirst().state()),
                        "Retry now sent it at once (the next round was ten minutes away)");
            } finally {
                sender.stop();
            }
            assertFalse(model.anyWaitingProperty().get());
            model.dispose();
        }
    }

    @Test
    @DisplayName("only a field vault's supervisor has the outbox on Home; an interviewer does not")
    void onlySupervisorsSeeIt() throws Exception {
        try (SyncFixture f = new SyncFixture(dir)) {
            SyncFixture.Laptop laptop = f.laptop("1", true);
            Harbor h = laptop.harbor();
            HomeViewModel supervisorHome = new HomeViewModel(h.useCases().checkAuditContinuity(), h.i18n(), navigator, laptop.supervisor());
            assertTrue(supervisorHome.canUseOutbox());
            supervisorHome.openOutbox();
            assertEquals("outbox", navigator.last());
            h.accounts().addUser(laptop.supervisor(), "ines-interviewer", Role.INTERVIEWER, "interviewer pass phrase one".toCharArray());
            h.accounts().lock("user");
            Session interviewer = h.accounts().login("ines-interviewer", "interviewer pass phrase one".toCharArray());
            assertFalse(new HomeViewModel(h.useCases().checkAuditContinuity(), h.i18n(), navigator, interviewer).canUseOutbox());
            assertFalse(new HomeViewModel(f.central.useCases().checkAuditContinuity(), f.central.i18n(), navigator, f.office, true)
                    .canUseOutbox(), "a central vault has no outbox");
            f.laptops.set(0, new SyncFixture.Laptop(h, interviewer, laptop.deviceId()));
        }
    }
}
