package org.harbor.central;

import org.harbor.Harbor;

/** The central office's work contract on the encrypted SQLite central vault. */
class SqliteCentralWorkTest extends CentralWorkContract {

    @Override
    CentralStore openStore(Harbor centralVault, CentralKeys keys) throws Exception {
        CentralStore opened = CentralStore.sqlite(centralVault.vault(), keys);
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
}
