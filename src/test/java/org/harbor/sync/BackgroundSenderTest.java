package org.harbor.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.harbor.usecases.SendInBackground;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, the desktop's background sender: a real server on 127.0.0.1 and real field vaults; a
 * plain socket stands in for a server that does not answer. Every wait is bounded.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class BackgroundSenderTest {

    @TempDir
    Path dir;

    /** Quick rounds for tests: one try per round, waits doubling from 40 ms to 320 ms, an empty outbox looked at every 50 ms. */
    static SendInBackground.Timing quick() {
        return new SendInBackground.Timing(new SyncClient.Backoff(1, Duration.ofMillis(10), Duration.ofMillis(10), 7),
                Duration.ofMillis(40), Duration.ofMillis(320), Duration.ofMillis(50), 4096, 11);
    }

    @Test
    @DisplayName("forms and settings downstream: after the outbox is sent, the desktop's sender fetches what the office published, verifies and applies it")
    void fetchesPublicationsAfterSending() throws Exception {
        try (SyncFixture f = new SyncFixture(dir)) {
            SyncFixture.Laptop laptop = f.laptop("1", true);
            String caseId = SyncFixture.sealedCase(laptop, "Omicron");
            f.serve(SyncServer.Limits.DEFAULT);
            f.central.useCases().publishToLaptops().publishForm(f.office, DownstreamTest.form("office-followup", "1", "First question"));
            SendInBackground sender = new SendInBackground(laptop.harbor().useCases().sendOutbox(),
                    laptop.harbor().useCases().receivePublications(), quick());
            sender.start(laptop.supervisor(), f.url());
            try {
                Outbox.Item item = laptop.harbor().useCases().releaseToOutbox().release(laptop.supervisor(), List.of(caseId));
                sender.wake();
                waitUntil(() -> "received".equals(state(laptop, item.id())), "the package was received");
                waitUntil(() -> laptop.harbor().forms().forms(laptop.supervisor()).stream()
                        .anyMatch(d -> d.formId().equals("office-followup") && d.version().equals("1")),
                        "the published form is registered on the laptop");
            } finally {
                sender.stop();
            }
        }
    }

    @Test
    @DisplayName("while a supervisor is logged in, released packages upload in the background when the server answers, and the receipt is applied automatically")
    void uploadsAndAppliesReceipt() throws Exception {
        try (SyncFixture f = new SyncFixture(dir)) {
            SyncFixture.Laptop laptop = f.laptop("1", true);
            String caseId = SyncFixture.sealedCase(laptop, "Theta");
            f.serve(SyncServer.Limits.DEFAULT);
            SendInBackground sender = new SendInBackground(laptop.harbor().useCases().sendOutbox(), quick());
            Set<String> threads = ConcurrentHashMap.newKeySet();
            sender.listen(new SendInBackground.Listener() {
                @Override
                public void sending(Outbox.Item item, long bytes, long total) {
                    threads.add(Thread.currentThread().getName());
                }
            });
            sender.start(laptop.supervisor(), f.url());
            try {
                Outbox.Item item = laptop.harbor().useCases().releaseToOutbox().release(laptop.supervisor(), List.of(caseId));
                sender.wake();
                waitUntil(() -> "received".equals(state(laptop, item.id())), "the package was received");
                assertEquals(List.of(caseId), laptop.harbor().receipts().purgeable(laptop.supervisor()),
                        "the receipt was applied: the case is received and may be purged");
                assertEquals(1, f.importedPackages());
                assertEquals(Set.of("harbor-outbox-sender"), threads, "the upload ran on the sender's own thread");
                assertTrue(sender.running(), "the sender keeps running, idle, while the supervisor is logged in");
            } finally {
                sender.stop();
            }
        }
    }

    @Test
    @DisplayName("nothing is sent when nothing is released: no connection is made until a release")
    void nothingWhenNothingReleased() throws Exception {
        try (SyncFixture f = new SyncFixture(dir); Listening server = new Listening()) {
            SyncFixture.Laptop laptop = f.laptop("1", true);
            String caseId = SyncFixture.sealedCase(laptop, "Iota");
            SendInBackground sender = new SendInBackground(laptop.harbor().useCases().sendOutbox(), quick());
            sender.start(laptop.supervisor(), server.url());
            try {
                Thread.sleep(600); // twelve looks at the empty outbox
                assertTrue(sender.running());
                assertEquals(0, server.accepted.get(), "an empty outbox makes no connection");
                laptop.harbor().useCases().releaseToOutbox().release(laptop.supervisor(), List.of(caseId));
                sender.wake();
                waitUntil(() -> server.accepted.get() > 0, "a release makes the sender connect");
            } finally {
                sender.stop();
            }
        }
    }

    @Test
    @DisplayName("when the server does not answer the sender backs off: each wait longer than the last, up to the cap, and the package stays released")
    void backsOffWhenNoAnswer() throws Exception {
        try (SyncFixture f = new SyncFixture(dir); Listening server = new Listening()) {
            SyncFixture.Laptop laptop = f.laptop("1", true);
            String caseId = SyncFixture.sealedCase(laptop, "Kappa");
            Outbox.Item item = laptop.harbor().useCases().releaseToOutbox().release(laptop.supervisor(), List.of(caseId));
            SendInBackground sender = new SendInBackground(laptop.harbor().useCases().sendOutbox(), quick());
            List<Duration> waits = new CopyOnWriteArrayList<>();
            sender.listen(new SendInBackground.Listener() {
                @Override
                public void waiting(Duration delay) {
                    waits.add(delay);
                }
            });
            sender.start(laptop.supervisor(), server.url());
            try {
                waitUntil(() -> waits.size() >= 6, "six rounds failed");
            } finally {
                sender.stop();
            }
            List<Duration> seen = new ArrayList<>(waits);
            // base 40, 80, 160, 320, 320, ...; each jittered down by at most a quarter
            assertTrue(seen.get(0).toMillis() <= 40 && seen.get(0).toMillis() >= 30, "first wait " + seen);
            assertTrue(seen.get(1).toMillis() >= 60 && seen.get(2).toMillis() >= 120 && seen.get(3).toMillis() >= 240,
                    "each wait doubles: " + seen);
            assertTrue(seen.stream().allMatch(d -> d.toMillis() <= 320), "no wait above the cap: " + seen);
            assertTrue(server.accepted.get() >= 6 && server.accepted.get() <= seen.size() + 1,
                    "one connection per round, no more: " + server.accepted.get() + " for " + seen.size() + " waits");
            assertEquals("released", state(laptop, item.id()), "the package waits for the next round");
        }
    }

    @Test
    @DisplayName("the sender stops at a lock or log-out, and when told to; a session that may not send starts none")
    void stopsAtLock() throws Exception {
        try (SyncFixture f = new SyncFixture(dir); Listening server = new Listening()) {
            SyncFixture.Laptop laptop = f.laptop("1", true);
            String caseId = SyncFixture.sealedCase(laptop, "Lambda");
            laptop.harbor().useCases().releaseToOutbox().release(laptop.supervisor(), List.of(caseId));
            SendInBackground sender = new SendInBackground(laptop.harbor().useCases().sendOutbox(), quick());

            sender.start(laptop.supervisor(), server.url());
            waitUntil(() -> server.accepted.get() > 0, "the sender tries");
            sender.stop();
            waitUntil(() -> !sender.running(), "stop() ends the sender");

            sender.start(laptop.supervisor(), server.url());
            waitUntil(sender::running, "started again");
            laptop.harbor().accounts().lock("user");
            waitUntil(() -> !sender.running(), "the lock ends the sender by itself (the session is gone)");
            int after = server.accepted.get();
            Thread.sleep(500);
            assertEquals(after, server.accepted.get(), "no connection after the lock");

            // an interviewer's session: the sender ends at once, without a request
            var supervisor = laptop.harbor().accounts().login(org.harbor.testing.TestVaults.SUPERVISOR,
                    org.harbor.testing.TestVaults.SUPERVISOR_PASSPHRASE);
            laptop.harbor().accounts().addUser(supervisor, "ines-interviewer", org.harbor.accounts.Role.INTERVIEWER,
                    "interviewer pass phrase one".toCharArray());
            laptop.harbor().accounts().lock("user");
            var interviewer = laptop.harbor().accounts().login("ines-interviewer", "interviewer pass phrase one".toCharArray());
            int before = server.accepted.get();
            sender.start(interviewer, server.url());
            waitUntil(() -> !sender.running(), "an interviewer's session sends nothing");
            assertEquals(before, server.accepted.get());
            f.laptops.set(0, new SyncFixture.Laptop(laptop.harbor(), interviewer, laptop.deviceId()));
        }
    }

    @Test
    @DisplayName("an idle sender (nothing released) stops at the lock too, without a connection")
    void idleSenderStopsAtLock() throws Exception {
        try (SyncFixture f = new SyncFixture(dir); Listening server = new Listening()) {
            SyncFixture.Laptop laptop = f.laptop("1", true);
            SendInBackground sender = new SendInBackground(laptop.harbor().useCases().sendOutbox(), quick());
            sender.start(laptop.supervisor(), server.url());
            waitUntil(sender::running, "started");
            Thread.sleep(200); // a few looks at the empty outbox
            laptop.harbor().accounts().lock("user");
            waitUntil(() -> !sender.running(), "the lock ends an idle sender by itself");
            assertEquals(0, server.accepted.get());
        }
    }

    @Test
    @DisplayName("starting and stopping never wait for the network: both return at once while the server hangs")
    void neverBlocksTheCaller() throws Exception {
        try (SyncFixture f = new SyncFixture(dir); Listening server = new Listening(true)) {
            SyncFixture.Laptop laptop = f.laptop("1", true);
            String caseId = SyncFixture.sealedCase(laptop, "Mu");
            laptop.harbor().useCases().releaseToOutbox().release(laptop.supervisor(), List.of(caseId));
            SendInBackground sender = new SendInBackground(laptop.harbor().useCases().sendOutbox(), quick());
            long t0 = System.nanoTime();
            sender.start(laptop.supervisor(), server.url());
            long started = System.nanoTime() - t0;
            waitUntil(() -> server.accepted.get() > 0, "the sender is in a connection that never answers");
            long t1 = System.nanoTime();
            sender.stop();
            long stopped = System.nanoTime() - t1;
            assertTrue(TimeUnit.NANOSECONDS.toMillis(started) < 200, "start took " + TimeUnit.NANOSECONDS.toMillis(started) + " ms");
            assertTrue(TimeUnit.NANOSECONDS.toMillis(stopped) < 200, "stop took " + TimeUnit.NANOSECONDS.toMillis(stopped) + " ms");
            assertFalse(sender.sending().isPresent());
        }
    }

    static String state(SyncFixture.Laptop laptop, String itemId) {
        return laptop.harbor().vault().transaction(c -> {
            try (var q = c.prepareStatement("SELECT state FROM outbox WHERE id = ?")) {
                q.setString(1, itemId);
                try (var row = q.executeQuery()) {
                    return row.next() ? row.getString(1) : null;
                }
            }
        });
    }

    static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 60 s: " + what);
            }
            Thread.sleep(10);
        }
    }

    /** A plain socket on 127.0.0.1 that counts connections and closes each at once (or holds it open, saying nothing). */
    static final class Listening implements AutoCloseable {
        final ServerSocket socket;
        final AtomicInteger accepted = new AtomicInteger();
        final List<Socket> held = new CopyOnWriteArrayList<>();
        final Thread acceptor;

        Listening() throws IOException {
            this(false);
        }

        Listening(boolean hold) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = Thread.ofPlatform().daemon().start(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket s = socket.accept();
                        accepted.incrementAndGet();
                        if (hold) {
                            held.add(s);
                        } else {
                            s.close();
                        }
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        URI url() {
            return URI.create("https://127.0.0.1:" + socket.getLocalPort());
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
