package org.harbor.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.harbor.Harbor;
import org.harbor.accounts.Session;
import org.harbor.cases.CaseQuery;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Vault#atomically}: what case import relies on to write everything or nothing. */
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
                assertThrows(VaultException.class, () -> harbor.vault().transaction(c -> {
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
}
