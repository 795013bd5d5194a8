package org.harbor.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.harbor.Harbor;
import org.harbor.accounts.Session;
import org.harbor.cases.CaseQuery;
import org.harbor.i18n.Refusal;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Vault#transaction}, the one transaction method (and {@code Harbor.atomically}, its form for
 * the faces): what case import relies on to write everything or nothing.
 */
@DisplayName("Work run atomically")
class AtomicallyTest {

    @Test
    @DisplayName("is rolled back whole when it throws; a failed inner transaction is undone alone; success commits all")
    void allOrNothing(@TempDir Path dir) throws Exception {
        try (Harbor harbor = TestVaults.open(dir, MutableClock.atStart())) {
            Session s = harbor.accounts().setUp(VaultKind.FIELD, TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE).session();
            long audit = harbor.audit().checkpoint().entries();
            assertThrows(IllegalStateException.class, () -> harbor.atomically(() -> {
                harbor.cases().create(s, "Synthetic One", List.of());
                harbor.cases().create(s, "Synthetic Two", List.of());
                throw new IllegalStateException("refused");
            }));
            assertEquals(List.of(), harbor.cases().list(s, CaseQuery.all()));
            assertEquals(audit, harbor.audit().checkpoint().entries(), "no audit entry of the rolled-back work remains");

            harbor.atomically(() -> {
                harbor.cases().create(s, "Synthetic Three", List.of());
                assertThrows(Refusal.class, () -> harbor.vault().transaction(c -> {
                    try (var st = c.createStatement()) {
                        st.execute("INSERT INTO audit_log(seq) VALUES (NULL)"); // violates NOT NULL: the inner work fails
                    }
                    return null;
                }));
                return null;
            });
            assertEquals(1, harbor.cases().list(s, CaseQuery.all()).size());
            assertEquals(true, harbor.accounts().verifyAudit(s).intact());
        }
    }

    private static int cases(Harbor harbor) {
        return harbor.vault().transaction(c -> {
            try (var q = c.createStatement(); var row = q.executeQuery("SELECT count(*) FROM cases")) {
                row.next();
                return row.getInt(1);
            }
        });
    }

    @Test
    @DisplayName("one transaction method generic in its exception: a checked exception of the work passes through unchanged and rolls all back")
    void genericInItsException(@TempDir Path dir) throws Exception {
        try (Harbor harbor = TestVaults.open(dir, MutableClock.atStart())) {
            Session s = harbor.accounts().setUp(VaultKind.FIELD, TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE).session();
            long audit = harbor.audit().checkpoint().entries();
            IOException thrown = new IOException("the file the command writes is gone");
            IOException caught = assertThrows(IOException.class, () -> harbor.vault().transaction(c -> {
                harbor.cases().create(s, "Synthetic One", List.of());
                throw thrown;
            }));
            assertSame(thrown, caught, "the work's own exception, not a wrapper");
            assertEquals(0, cases(harbor));
            assertEquals(audit, harbor.audit().checkpoint().entries(), "the audit entry of the rolled-back work is gone");
            Refusal sql = assertThrows(Refusal.class, () -> harbor.vault().transaction(c -> {
                try (var st = c.createStatement()) {
                    st.execute("INSERT INTO no_such_table VALUES (1)");
                }
                return null;
            }));
            assertEquals("vault.error.unavailable", sql.key(), "an SQL failure is the vault's refusal");
        }
    }

    @Test
    @DisplayName("one transaction method: a transaction inside a transaction is a savepoint, undone with the outer one")
    void nestedTransactionsAreSavepoints(@TempDir Path dir) throws Exception {
        try (Harbor harbor = TestVaults.open(dir, MutableClock.atStart())) {
            Session s = harbor.accounts().setUp(VaultKind.FIELD, TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE).session();
            long audit = harbor.audit().checkpoint().entries();
            assertThrows(IllegalStateException.class, () -> harbor.vault().transaction(c -> {
                harbor.cases().create(s, "Synthetic One", List.of()); // a transaction of its own inside this one
                harbor.cases().create(s, "Synthetic Two", List.of());
                throw new IllegalStateException("refused after both");
            }));
            assertEquals(0, cases(harbor), "the inner transactions did not commit the outer one's work");
            assertEquals(audit, harbor.audit().checkpoint().entries());
            harbor.vault().transaction(c -> harbor.cases().create(s, "Synthetic Three", List.of()));
            assertEquals(1, cases(harbor));
            assertEquals(true, harbor.accounts().verifyAudit(s).intact(), "the audit head batch of the committed work holds");
        }
    }
}
