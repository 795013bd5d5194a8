package org.harbor.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.harbor.Harbor;
import org.harbor.accounts.Session;
import org.harbor.audit.AuditActions;
import org.harbor.i18n.Refusal;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, "Move integrity checking off the unlock path (on idle or on a schedule, with the
 * result shown)": a real encrypted vault with a real damaged page, no mocks. The damage is put
 * in the middle of a table the unlock never reads, as a failing disk would leave it.
 */
@DisplayName("Integrity checking off the unlock path (issue 16)")
class IntegrityCheckTest {

    private static final int PAGE = 4096;

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.atStart();
    Harbor harbor;
    Session session;
    String caseId;
    List<Integrity> reported = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        harbor = TestVaults.open(dir, clock);
        session = harbor.accounts().setUp(VaultKind.FIELD, TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE).session();
        caseId = harbor.cases().create(session, "Synthetic Person", List.of()).id();
        harbor.vault().onIntegrityChecked(reported::add);
    }

    @AfterEach
    void tearDown() {
        harbor.close();
    }

    /** About 1.6 MB of pages that no log-in reads, then locked so they are in the main file. */
    private long[] fillerPages() throws Exception {
        long before = Files.size(new HarborHome(dir).database());
        harbor.vault().transaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE filler_for_test(n INTEGER PRIMARY KEY, b BLOB)");
            }
            Random random = new Random(16);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO filler_for_test(b) VALUES (?)")) {
                for (int i = 0; i < 400; i++) {
                    byte[] b = new byte[3000];
                    random.nextBytes(b);
                    insert.setBytes(1, b);
                    insert.executeUpdate();
                }
            }
            return null;
        });
        harbor.accounts().lock("test");
        long after = Files.size(new HarborHome(dir).database());
        assertTrue(after - before > 200 * PAGE, "the filler did not reach the main file: " + before + " -> " + after);
        return new long[] {before / PAGE, after / PAGE};
    }

    private void flipAByteInTheMiddleOf(long[] pages) throws Exception {
        Path db = new HarborHome(dir).database();
        byte[] bytes = Files.readAllBytes(db);
        long page = (pages[0] + pages[1]) / 2;
        bytes[(int) (page * PAGE + 1500)] ^= 0x20;
        Files.write(db, bytes);
    }

    private Integrity waitForTheCheck() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (harbor.vault().integrity() == Integrity.PENDING && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return harbor.vault().integrity();
    }

    private long auditEntries(String action) throws Exception {
        return harbor.vault().transaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT count(*) FROM audit_log WHERE action = ?")) {
                q.setString(1, action);
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        });
    }

    @Test
    @DisplayName("the unlock no longer reads every page: a damaged page it does not need still opens the vault")
    void unlockDoesNotRunTheIntegrityCheck() throws Exception {
        flipAByteInTheMiddleOf(fillerPages());
        harbor.vault().setIntegrityCheckDelay(Duration.ofHours(1));
        Session again = harbor.accounts().login(TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE.clone());
        assertTrue(harbor.vault().isUnlocked());
        assertEquals(Integrity.PENDING, harbor.vault().integrity(), "the check ran on the unlock path");
        assertEquals(1, harbor.cases().count(again, org.harbor.cases.CaseQuery.all()));
    }

    @Test
    @DisplayName("the integrity check still runs after the unlock, in the background, and reports a real damaged page")
    void theCheckRunsAfterTheUnlockAndReportsDamage() throws Exception {
        flipAByteInTheMiddleOf(fillerPages());
        harbor.vault().setIntegrityCheckDelay(Duration.ofMillis(200));
        harbor.accounts().login(TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE.clone());
        assertEquals(Integrity.FAILED, waitForTheCheck());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!reported.contains(Integrity.FAILED) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(List.of(Integrity.FAILED), reported, "the listeners (the window's banner, the audit) heard it once");
    }

    @Test
    @DisplayName("a failed check is audited, and every seal, export or signature is refused until the vault is restored")
    void aFailedCheckIsAuditedAndRefusesSignatures() throws Exception {
        flipAByteInTheMiddleOf(fillerPages());
        harbor.vault().setIntegrityCheckDelay(Duration.ofMillis(100));
        Session again = harbor.accounts().login(TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE.clone());
        assertEquals(Integrity.FAILED, waitForTheCheck());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (auditEntries(AuditActions.VAULT_INTEGRITY_FAILED) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(1, auditEntries(AuditActions.VAULT_INTEGRITY_FAILED));
        Refusal refused = assertThrows(Refusal.class, () -> harbor.seals().sealCase(again, caseId));
        assertEquals("vault.integrity.refused", refused.key());
        assertEquals(0, auditEntries(AuditActions.SEAL_CREATED), "a seal was made from a damaged vault");
        // Still enforced at the next log-in, before its own check has had time to run.
        harbor.accounts().lock("test");
        harbor.vault().setIntegrityCheckDelay(Duration.ofHours(1));
        Session third = harbor.accounts().login(TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE.clone());
        assertEquals(Integrity.PENDING, harbor.vault().integrity());
        refused = assertThrows(Refusal.class, () -> harbor.seals().sealCase(third, caseId));
        assertEquals("vault.integrity.refused", refused.key());
    }

    @Test
    @DisplayName("a seal right after the log-in waits for the check instead of skipping it, and an intact vault passes")
    void aSealRunsTheCheckWhenItHasNotRunYet() throws Exception {
        fillerPages();
        harbor.vault().setIntegrityCheckDelay(Duration.ofHours(1));
        Session again = harbor.accounts().login(TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE.clone());
        assertEquals(Integrity.PENDING, harbor.vault().integrity());
        harbor.seals().sealCase(again, caseId);
        assertEquals(Integrity.PASSED, harbor.vault().integrity());
        assertEquals(1, auditEntries(AuditActions.SEAL_CREATED));
        assertEquals(0, auditEntries(AuditActions.VAULT_INTEGRITY_FAILED));
    }

    @Test
    @DisplayName("locking calls off a check that has not run, and nothing of it is reported")
    void lockingCallsOffThePendingCheck() throws Exception {
        fillerPages();
        harbor.vault().setIntegrityCheckDelay(Duration.ofMillis(300));
        harbor.accounts().login(TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE.clone());
        harbor.accounts().lock("test");
        assertEquals(Integrity.PENDING, harbor.vault().integrity());
        assertEquals("vault.error.locked", assertThrows(Refusal.class, () -> harbor.vault().requireIntact()).key());
        Thread.sleep(800);
        assertFalse(reported.contains(Integrity.FAILED));
        assertFalse(harbor.vault().isUnlocked());
    }
}
