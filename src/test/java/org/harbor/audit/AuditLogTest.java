package org.harbor.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.harbor.Harbor;
import org.harbor.accounts.Session;
import org.harbor.i18n.Refusal;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.harbor.vault.VaultKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The audit chain")
class AuditLogTest {

    @TempDir
    Path dir;
    Harbor harbor;
    Session session;

    @BeforeEach
    void setUp() throws Exception {
        harbor = TestVaults.open(dir, MutableClock.atStart());
        session = harbor.accounts().setUp(VaultKind.FIELD, TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE).session();
        for (int i = 0; i < 6; i++) {
            harbor.audit().record(session.actorId(), "test.action", "target-" + i, Map.of("n", Integer.toString(i)));
        }
    }

    @AfterEach
    void tearDown() {
        harbor.close();
    }

    /** An attacker with the data key can drop the triggers; the chain must still show the change. */
    private void tamper(String... sql) {
        harbor.vault().transaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER audit_log_no_update");
                s.execute("DROP TRIGGER audit_log_no_delete");
                for (String statement : sql) {
                    s.execute(statement);
                }
            }
            return null;
        });
    }

    @Test
    @DisplayName("verifies an untouched log")
    void intact() throws Exception {
        AuditVerification result = harbor.audit().verify();
        assertTrue(result.intact(), result.reason());
        assertEquals(8, result.validEntries());
    }

    @Test
    @DisplayName("refuses UPDATE and DELETE through SQL while its triggers stand")
    void appendOnly() {
        Refusal update = assertThrows(Refusal.class, () -> harbor.vault().transaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("UPDATE audit_log SET action = 'x' WHERE seq = 3");
            }
            return null;
        }));
        assertTrue(update.getCause() instanceof SQLException);
        assertThrows(Refusal.class, () -> harbor.vault().transaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("DELETE FROM audit_log WHERE seq = 3");
            }
            return null;
        }));
    }

    @Test
    @DisplayName("names the first broken entry after one entry is edited")
    void edited() throws Exception {
        tamper("UPDATE audit_log SET target = 'target-x' WHERE seq = 5");
        AuditVerification result = harbor.audit().verify();
        assertEquals(5, result.firstBroken().getAsLong());
        assertTrue(result.reason().contains("changed"), result.reason());
    }

    @Test
    @DisplayName("names the first broken entry after one entry is deleted")
    void deleted() throws Exception {
        tamper("DELETE FROM audit_log WHERE seq = 4");
        AuditVerification result = harbor.audit().verify();
        assertEquals(4, result.firstBroken().getAsLong());
        assertTrue(result.reason().contains("missing"), result.reason());
    }

    @Test
    @DisplayName("names the first broken entry after two entries swap places")
    void reordered() throws Exception {
        tamper("UPDATE audit_log SET seq = 1000 WHERE seq = 3",
                "UPDATE audit_log SET seq = 3 WHERE seq = 6",
                "UPDATE audit_log SET seq = 6 WHERE seq = 1000");
        AuditVerification result = harbor.audit().verify();
        assertEquals(3, result.firstBroken().getAsLong());
    }

    @Test
    @DisplayName("names the newest entry when it is deleted while the vault is locked")
    void newestDeleted() throws Exception {
        harbor.accounts().lock("test"); // seals the head: 9 entries, the last one a lock
        harbor.vault().unlock(TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE); // someone with the key, outside Harbor's services
        tamper("DELETE FROM audit_log WHERE seq = 9");
        harbor.vault().lock();
        Session again = harbor.accounts().login(TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE);
        AuditVerification result = harbor.accounts().verifyAudit(again);
        assertEquals(9, result.firstBroken().getAsLong(), result.reason());
        assertTrue(result.reason().contains("sealed when the vault was last locked"), result.reason());
    }

    @Test
    @DisplayName("names the first missing entry when the newest ones are cut off")
    void truncated() throws Exception {
        harbor.accounts().lock("test");
        harbor.vault().unlock(TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE);
        tamper("DELETE FROM audit_log WHERE seq >= 7");
        AuditVerification result = harbor.audit().verify();
        assertEquals(7, result.firstBroken().getAsLong(), result.reason());
        assertTrue(result.reason().contains("is missing"), result.reason());
    }

    @Test
    @DisplayName("stays intact across many locks and unlocks")
    void lockUnlock() throws Exception {
        for (int i = 0; i < 3; i++) {
            harbor.accounts().lock("test");
            session = harbor.accounts().login(TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE);
            harbor.audit().record(session.actorId(), "test.action", "again", Map.of());
        }
        assertTrue(harbor.accounts().verifyAudit(session).intact());
    }

    @Test
    @DisplayName("names the entry whose chain link was rewritten, even with a matching hash")
    void relinked() throws Exception {
        tamper("UPDATE audit_log SET prev_hash = '" + "ab".repeat(32) + "' WHERE seq = 7");
        AuditVerification result = harbor.audit().verify();
        assertEquals(7, result.firstBroken().getAsLong());
        assertFalse(result.intact());
    }
}
