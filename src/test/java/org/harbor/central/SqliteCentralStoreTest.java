package org.harbor.central;

import org.harbor.Harbor;

/** The central store contract on the encrypted SQLite central vault (the embedded default). */
class SqliteCentralStoreTest extends CentralStoreContract {

    @Override
    CentralStore openStore(Harbor centralVault, CentralKeys keys) throws Exception {
        CentralStore opened = CentralStore.sqlite(centralVault.vault(), keys);
        // an empty store for each test: the vault (and its central key) is shared by the class
        direct(c -> {
            try (var s = c.createStatement()) {
                for (String table : TABLES.reversed()) {
                    s.executeUpdate("DELETE FROM " + table);
                }
                s.executeUpdate("UPDATE central_audit_head SET seq = 0, hash = '" + CentralAudit.GENESIS + "'");
            }
            return null;
        });
        return opened;
    }

    @Override
    <T> T direct(JdbcCentralStore.Work<T> work) throws Exception {
        return central.vault().transaction(work::run);
    }

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.DisplayName("migrations: a central migration that changed after it was applied stops the store from opening")
    void changedMigrationRefused() throws Exception {
        direct(c -> {
            try (var s = c.createStatement()) {
                s.executeUpdate("UPDATE central_schema_migrations SET checksum = 'changed' WHERE version = 1");
            }
            return null;
        });
        try {
            CentralException e = org.junit.jupiter.api.Assertions.assertThrows(CentralException.class,
                    () -> CentralStore.sqlite(central.vault(), keys));
            org.junit.jupiter.api.Assertions.assertEquals("central.error.schema", e.key());
        } finally {
            String good = CentralSchema.bundled(CentralSchema.Dialect.SQLITE).getFirst().checksum();
            direct(c -> {
                try (var s = c.prepareStatement("UPDATE central_schema_migrations SET checksum = ? WHERE version = 1")) {
                    s.setString(1, good);
                    s.executeUpdate();
                }
                return null;
            });
        }
    }
}
