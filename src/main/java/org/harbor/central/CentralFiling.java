package org.harbor.central;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.harbor.seal.CaseFiling;
import org.harbor.seal.VerifiedPackage;

/**
 * The central vault's {@link CaseFiling}: every package {@code ImportService} accepts is filed in
 * the central store the vault is configured for ({@link CentralStores}). On the SQLite central
 * vault the filing is part of the import's own transaction. On PostgreSQL it is the server's
 * transaction, committed just before the vault's: if the server fails, the import is refused and
 * the vault keeps nothing; if the vault then failed after the server committed, the next import
 * of the same file finds the package filed ({@code ON CONFLICT}) and writes nothing twice.
 */
public final class CentralFiling implements CaseFiling {

    /** A test hook, given to every store this filing opens: runs after each case is written, before commit. */
    static volatile Runnable afterEachCaseForTests;

    private CentralFiling() {
    }

    /** The filing of a central vault (built by the composition root on the first import). */
    public static CaseFiling forCentralVault() {
        return new CentralFiling();
    }

    @Override
    public void file(Connection vaultConnection, VerifiedPackage verified, Instant importedAt, String importedBy, String receipt) {
        CentralStore.ImportContext context = new CentralStore.ImportContext(importedAt, importedBy, receipt);
        try {
            Optional<PostgresCentralStore.Settings> pg = CentralStores.configured(vaultConnection);
            try (CentralKeys keys = CentralKeys.on(vaultConnection)) {
                if (pg.isEmpty()) {
                    JdbcCentralStore store = new JdbcCentralStore("sqlite", null, keys);
                    store.afterEachCase = afterEachCaseForTests;
                    store.importOn(vaultConnection, verified, context);
                    return;
                }
                try (CentralStore store = CentralStore.postgres(pg.get(), keys)) {
                    ((JdbcCentralStore) store).afterEachCase = afterEachCaseForTests;
                    store.importPackage(verified, context);
                }
            }
        } catch (SQLException e) {
            throw new CentralException("central.error.unavailable", "the central vault could not file the package; nothing was changed", e);
        } catch (CentralException e) {
            throw e;
        } catch (RuntimeException e) {
            // a message from elsewhere is not known to be free of record content
            throw new CentralException("central.error.unavailable", "the central store failed while filing; nothing was changed", e);
        }
    }
}
