package org.harbor.usecases;

import java.util.List;
import org.harbor.accounts.AccountService;
import org.harbor.accounts.IdleLock;
import org.harbor.accounts.Permission;
import org.harbor.accounts.Session;
import org.harbor.accounts.SettingsService;
import org.harbor.vault.Vault;

/**
 * Logging in with a name and a passphrase: the one way in for the desktop and the command line.
 * At the desk, a recovery key never confirmed as written down is replaced and the new one is to be
 * shown; a command (whose output scripts read) leaves it for the next desktop log-in.
 */
public final class LogIn {

    private final AccountService accounts;
    private final SettingsService settings;
    private final IdleLock idleLock;

    public LogIn(AccountService accounts, SettingsService settings, IdleLock idleLock) {
        this.accounts = accounts;
        this.settings = settings;
        this.idleLock = idleLock;
    }

    /**
     * Who logged in; the recovery key that replaced an unconfirmed one (to be shown now), or null;
     * and what the unlock found wrong with the audit log's continuity.
     */
    public record LoggedIn(Session session, String newRecoveryKey, List<Vault.ContinuityProblem> continuityBreaks) {

        /** A temporary passphrase must be changed before anything else. */
        public boolean mustChangePassphrase() {
            return session.user().mustChangePassphrase();
        }

        @Override
        public String toString() {
            return "LoggedIn[" + session + (newRecoveryKey == null ? "" : ", new recovery key") + "]";
        }
    }

    /**
     * Logs in at the desktop: starts the idle lock's timer and, for an account that manages users
     * and has no temporary passphrase, replaces a recovery key shown at setup but never confirmed
     * (a lock or a quick-hide came first). The caller wipes {@code passphrase}.
     */
    public LoggedIn atDesk(String name, char[] passphrase) {
        Session session = accounts.login(name, passphrase);
        idleLock.setTimeout(settings.idleLockTimeout());
        idleLock.touch();
        String newKey = null;
        if (!session.user().mustChangePassphrase() && session.role().can(Permission.MANAGE_USERS)
                && !accounts.recoveryKeyConfirmed(session)) {
            newKey = accounts.rotateRecoveryKey(session);
        }
        return new LoggedIn(session, newKey, accounts.continuityBreaksAtLogin());
    }

    /** Logs in for one command: no idle timer, and the recovery key is left as it is. */
    public LoggedIn forCommand(String name, char[] passphrase) {
        Session session = accounts.login(name, passphrase);
        return new LoggedIn(session, null, accounts.continuityBreaksAtLogin());
    }
}
