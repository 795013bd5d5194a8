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
            }
            return null;
        });
        return opened;
    }

    @Override
    <T> T direct(JdbcCentralStore.Work<T> work) throws Exception {
        return central.vault().transaction(work::run);
    }
}
