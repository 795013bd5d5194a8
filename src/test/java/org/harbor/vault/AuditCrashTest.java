package org.harbor.vault;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.harbor.Harbor;
import org.harbor.accounts.Session;
import org.harbor.audit.AuditVerification;
import org.harbor.testing.ChildJvm;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: a flipped or truncated {@code -wal} silently lost committed rows. A child JVM appends
 * audit entries, acknowledging each after its commit, and is killed with {@code kill -9}; then the
 * {@code -wal} is damaged (a flipped byte, or cut short) and the vault is opened again. Either
 * every acknowledged entry is there, or the open and {@code audit verify} say that entries were lost.
 */
@DisplayName("Audit log under kill -9 and a damaged -wal")
class AuditCrashTest {

    static final int RUNS = 8;
    static final int ACKS_BEFORE_KILL = 30;

    @Test
    @DisplayName("A flipped or truncated -wal after kill -9: either the rows are there or open and audit verify say they were lost")
    void walDamageIsDetected(@TempDir Path dir) throws Exception {
        Path base = dir.resolve("base");
        try (Harbor harbor = TestVaults.open(base, MutableClock.atStart())) {
            harbor.accounts().setUp(VaultKind.FIELD, TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE);
            harbor.accounts().lock("test");
        }
        Random random = new Random(20261204);
        int lossRuns = 0;
        List<String> outcomes = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            Path home = dir.resolve("run-" + run);
            copyFolder(base, home);
            Path log = dir.resolve("child-" + run + ".log");
            Path err = dir.resolve("child-" + run + ".err");
            Process child = ChildJvm.builder(AuditCrashChild.class, home.toString(), log.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
            int acked;
            try {
                acked = waitForAcks(log, ACKS_BEFORE_KILL + random.nextInt(40), child, err);
            } finally {
                child.destroyForcibly(); // SIGKILL: no shutdown hook, no close
                child.waitFor(30, TimeUnit.SECONDS);
            }
            acked = lastAck(log); // whatever was acknowledged before the kill landed
            Path wal = Path.of(home.resolve("harbor.db") + "-wal");
            boolean truncate = run % 2 == 1;
            long walSize = Files.size(wal);
            if (truncate) {
                try (RandomAccessFile f = new RandomAccessFile(wal.toFile(), "rw")) {
                    f.setLength(32 + (long) (random.nextDouble() * (walSize - 32)));
                }
            } else {
                try (RandomAccessFile f = new RandomAccessFile(wal.toFile(), "rw")) {
                    long at = 32 + (long) (random.nextDouble() * (walSize - 32));
                    f.seek(at);
                    int b = f.read();
                    f.seek(at);
                    f.write(b ^ 0x5a);
                }
            }
            try (Harbor harbor = TestVaults.open(home, MutableClock.atStart())) {
                Session session = harbor.accounts().login(TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE);
                long found = harbor.vault().transaction(c -> {
                    try (var s = c.createStatement(); var r = s.executeQuery("SELECT count(*) FROM audit_log WHERE action = 'test.crash'")) {
                        return r.next() ? r.getLong(1) : 0L;
                    }
                });
                AuditVerification verdict = harbor.accounts().verifyAudit(session);
                outcomes.add((truncate ? "truncate" : "flip") + ": acked " + acked + ", found " + found + ", verify "
                        + (verdict.intact() ? "ok" : "broken"));
                if (found < acked) {
                    lossRuns++;
                    assertFalse(verdict.intact(), "run " + run + ": " + (acked - found)
                            + " acknowledged entries were lost and audit verify said ok; " + outcomes);
                    assertFalse(harbor.accounts().continuityBreaksAtLogin().isEmpty(), "run " + run + ": the open did not say so");
                }
            }
        }
        System.out.println("AuditCrashTest outcomes: " + outcomes);
        assertTrue(lossRuns > 0, "no run lost an acknowledged entry, so nothing was tested: " + outcomes);
    }

    private static int waitForAcks(Path log, int wanted, Process child, Path err) throws Exception {
        long deadline = System.currentTimeMillis() + 90_000;
        while (true) {
            int acked = lastAck(log);
            if (acked >= wanted) {
                return acked;
            }
            if (!child.isAlive()) {
                throw new AssertionError("the child ended early: " + Files.readString(err, StandardCharsets.UTF_8));
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the child acknowledged only " + acked + " entries in time");
            }
            Thread.sleep(10);
        }
    }

    private static int lastAck(Path log) throws Exception {
        if (!Files.exists(log)) {
            return 0;
        }
        int last = 0;
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.startsWith("ack\t")) {
                try {
                    last = Integer.parseInt(line.substring(4).strip());
                } catch (NumberFormatException e) {
                    // a line cut by the kill: not an acknowledgement
                }
            }
        }
        return last;
    }

    private static void copyFolder(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                if (Files.isRegularFile(f) && !f.getFileName().toString().equals("harbor.lock")) {
                    Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
