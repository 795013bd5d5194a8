package org.harbor.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.harbor.Harbor;
import org.harbor.accounts.Session;
import org.harbor.consent.ConsentGrant;
import org.harbor.consent.ConsentPurpose;
import org.harbor.consent.ConsentScope;
import org.harbor.testing.ChildJvm;
import org.harbor.testing.TestVaults;
import org.harbor.usecases.SendInBackground;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, "the outbox survives kill -9": a second JVM uploads a large released package to a real
 * server on 127.0.0.1 and is killed ({@code destroyForcibly}) once the server acknowledged a given
 * offset; the sender restarted on the same vault resumes from the server's offset, the package is
 * imported once and its receipt applied. Every wait is bounded.
 */
@DisplayName("The outbox under kill -9")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class OutboxKillTest {

    static final int CHUNK = 1 << 20;
    static final long ATTACHMENT = 32L << 20;
    static final long KILL_AT = 6L << 20;
    static final Duration SLOW_LINK = Duration.ofMillis(150);

    @TempDir
    Path dir;

    /** The sender's pace in both JVMs: 1 MiB chunks, quick rounds. */
    static SendInBackground.Timing timing() {
        return new SendInBackground.Timing(new org.harbor.sync.SyncClient.Backoff(3, Duration.ofMillis(50), Duration.ofMillis(200), 9),
                Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofMillis(100), CHUNK, 13);
    }

    @Test
    @DisplayName("a sender killed mid-upload (kill -9) resumes from the server's offset on restart; the package is imported once, the receipt applied")
    void killedMidUploadResumes() throws Exception {
        try (SyncFixture f = new SyncFixture(dir)) {
            f.serve(SyncServer.Limits.DEFAULT);
            SyncFixture.Laptop laptop = f.laptop("1", true, f.url().toString());
            Harbor field = laptop.harbor();
            Session s = laptop.supervisor();
            // a case with a large attachment (random bytes: the package cannot shrink)
            String caseId = field.cases().create(s, "Tau Survivor", List.of()).id();
            field.consents().record(s, caseId, ConsentGrant.builder(ConsentScope.of(ConsentPurpose.SERVICES)).bySurvivor(false)
                    .language("en").build());
            Path scan = dir.resolve("scan.bin");
            byte[] block = new byte[1 << 20];
            Random random = new Random(18);
            try (var out = Files.newOutputStream(scan)) {
                for (long at = 0; at < ATTACHMENT; at += block.length) {
                    random.nextBytes(block);
                    out.write(block);
                }
            }
            field.attachments().attach(s, caseId, scan, Optional.empty(), org.harbor.attachments.ProgressListener.NONE);
            field.seals().sealCase(s, caseId);
            Outbox.Item item = field.useCases().releaseToOutbox().release(s, List.of(caseId));
            assertTrue(item.bytes() > ATTACHMENT, "a large package: " + item.bytes());
            Path home = field.vault().home().dir();
            field.close();
            f.laptops.remove(laptop);

            Path log = dir.resolve("child.log");
            Path err = dir.resolve("child.err");
            Process child = ChildJvm.builder(OutboxKillChild.class, home.toString(), f.url().toString(), log.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
            long acknowledged;
            try {
                acknowledged = waitForOffset(log, child, err);
            } finally {
                child.destroyForcibly(); // kill -9: no shutdown hook, no finally in the child
                assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child died");
            }
            assertTrue(acknowledged >= KILL_AT && acknowledged < item.bytes(), "killed mid-upload at " + acknowledged);
            assertEquals(0, f.importedPackages(), "nothing imported yet");

            // the same vault, a new sender: it resumes where the server stands
            Harbor again = TestVaults.open(home, f.clock);
            Session supervisor = again.accounts().login(TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE);
            f.laptops.add(new SyncFixture.Laptop(again, supervisor, laptop.deviceId()));
            List<Long> offsets = new CopyOnWriteArrayList<>();
            SendInBackground sender = new SendInBackground(again.useCases().sendOutbox(), timing());
            sender.listen(new SendInBackground.Listener() {
                @Override
                public void sending(Outbox.Item i, long bytes, long total) {
                    offsets.add(bytes);
                }
            });
            sender.start(supervisor, f.url());
            try {
                BackgroundSenderTest.waitUntil(() -> "received".equals(BackgroundSenderTest.state(f.laptops.getLast(), item.id())),
                        "the resumed upload was received");
            } finally {
                sender.stop();
            }
            assertTrue(offsets.getFirst() >= acknowledged,
                    "resumed from the server's offset (" + offsets.getFirst() + "), not before what it acknowledged (" + acknowledged + ")");
            long resent = offsets.getLast() - offsets.getFirst();
            assertTrue(resent <= item.bytes() - acknowledged, "only the rest was sent again: " + resent);
            assertEquals(1, f.importedPackages(), "imported once");
            assertEquals(List.of(caseId), again.receipts().purgeable(supervisor), "the receipt was applied");
        }
    }

    /** Waits (bounded) until the child logged an acknowledged offset of at least {@link #KILL_AT}; returns the last one. */
    private static long waitForOffset(Path log, Process child, Path err) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            long last = -1;
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    String[] f = line.split("\t");
                    if (f[0].equals("sent") && f.length == 3) {
                        last = Long.parseLong(f[1]);
                    }
                }
            }
            if (last >= KILL_AT) {
                return last;
            }
            if (!child.isAlive()) {
                throw new AssertionError("the child ended early: " + Files.readString(err, StandardCharsets.UTF_8));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the child reached no offset of " + KILL_AT + " in time (last " + last + ")");
            }
            Thread.sleep(20);
        }
    }
}
