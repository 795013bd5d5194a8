package org.harbor.usecases;

import org.harbor.accounts.Session;
import org.harbor.central.CentralStore;
import org.harbor.central.CentralStores;
import org.harbor.i18n.Refusal;
import org.harbor.vault.Vault;
import org.harbor.vault.VaultKind;

/**
 * Opens the central office's store — the central vault itself or the PostgreSQL server it is set to
 * ({@link ChooseCentralStore}) — with the vault's central keys, for the desktop's central office
 * screens; closing the {@link Office} closes the store and destroys the keys.
 */
public final class OpenCentralOffice {

    /** The open store; close it when the screens go away. */
    public static final class Office implements AutoCloseable {
        private final CentralStore store;

        private Office(CentralStore store) {
            this.store = store;
        }

        public CentralStore store() {
            return store;
        }

        @Override
        public void close() {
            store.close();
        }
    }

    private final Vault vault;
    private final org.harbor.accounts.AccountService accounts;

    public OpenCentralOffice(Vault vault, org.harbor.accounts.AccountService accounts) {
        this.vault = vault;
        this.accounts = accounts;
    }

    /** The store of the central vault {@code session} is signed in to; refused in a field vault. */
    public Office open(Session session) {
        if (accounts.vaultKind() != VaultKind.CENTRAL) {
            throw new Refusal("central.error.fieldVault");
        }
        // the store this central vault is set to (itself, or the PostgreSQL server of ChooseCentralStore);
        // closing it closes its keys
        return new Office(CentralStores.open(vault));
    }
}
