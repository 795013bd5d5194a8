package org.harbor.central;

import org.harbor.i18n.Refusal;
import org.harbor.vault.Vault;

/**
 * The embedded central store: the central tables inside the central vault's own SQLCipher
 * database, on the vault's one writer connection. Content is encrypted by Harbor here too (the
 * same code as on PostgreSQL), so both stores behave alike and a copy of one moved to the other
 * needs no re-encryption.
 */
final class SqliteCentralStore {

    private SqliteCentralStore() {
    }

    static CentralStore open(Vault vault, CentralKeys keys) {
        JdbcCentralStore.Transactor tx = new JdbcCentralStore.Transactor() {
            @Override
            public <T> T run(JdbcCentralStore.Work<T> work) {
                try {
                    return vault.transaction(work::run);
                } catch (CentralException e) {
                    throw e;
                } catch (Refusal e) {
                    throw new CentralException("central.error.unavailable", "the central vault refused: " + e.getMessage(), e);
                }
            }

            @Override
            public void close() {
                // the vault is the caller's; it locks on its own
            }
        };
        tx.run(c -> {
            CentralSchema.migrate(c, CentralSchema.Dialect.SQLITE);
            CentralAudit.chainUnchained(c, keys);
            return null;
        });
        return new JdbcCentralStore("sqlite", tx, keys);
    }
}
