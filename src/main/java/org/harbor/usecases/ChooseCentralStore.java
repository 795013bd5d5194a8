package org.harbor.usecases;

import java.nio.file.Path;
import java.util.Optional;
import org.harbor.accounts.AccountService;
import org.harbor.accounts.Permission;
import org.harbor.accounts.Session;
import org.harbor.audit.AuditLog;
import org.harbor.central.CentralStores;
import org.harbor.central.PostgresCentralStore;
import org.harbor.i18n.Refusal;
import org.harbor.vault.Vault;
import org.harbor.vault.VaultKind;

/**
 * Where a central vault keeps imported cases: in itself, or on a PostgreSQL server (URL, role,
 * password file — the same setting as {@code harbor central connect --db}). A server is tried with
 * the vault's central keys before the setting is saved; a refused one changes nothing.
 */
public final class ChooseCentralStore {

    /** The PostgreSQL setting shown to people: address, role, password file (never the password). */
    public record Server(String url, String user, Path passwordFile) {
    }

    private final Vault vault;
    private final AuditLog audit;
    private final AccountService accounts;

    public ChooseCentralStore(Vault vault, AuditLog audit, AccountService accounts) {
        this.vault = vault;
        this.audit = audit;
        this.accounts = accounts;
    }

    /** Whether this is a central vault (the choice exists only there). */
    public boolean applies() {
        return accounts.vaultKind() == VaultKind.CENTRAL;
    }

    /** The server in use; empty when the central vault itself is the store. */
    public Optional<Server> current(Session session) {
        requireCentral(session, Permission.SEE_ALL_CASES);
        return CentralStores.configured(vault).map(s -> new Server(s.url(), s.user(), s.passwordFile()));
    }

    /** Keeps imported cases on this server, after opening it with the vault's central keys. */
    public void usePostgres(Session session, Server server) {
        requireCentral(session, Permission.CHANGE_SETTINGS);
        if (server.url() == null || server.url().isBlank() || server.user() == null || server.user().isBlank()
                || server.passwordFile() == null) {
            throw new Refusal("central.error.serverIncomplete");
        }
        CentralStores.configure(vault, audit, session.actorId(), session.user().id(),
                new PostgresCentralStore.Settings(server.url().strip(), server.user().strip(), server.passwordFile().toAbsolutePath()));
    }

    /** Keeps imported cases in this central vault (cases already on a server stay there). */
    public void useEmbedded(Session session) {
        requireCentral(session, Permission.CHANGE_SETTINGS);
        CentralStores.configure(vault, audit, session.actorId(), session.user().id(), null);
    }

    private void requireCentral(Session session, Permission permission) {
        if (!applies()) {
            throw new Refusal("central.error.fieldVault");
        }
        accounts.require(session, permission);
    }
}
