package org.harbor.usecases;

import java.util.Arrays;
import org.harbor.accounts.AccountService;
import org.harbor.accounts.IdleLock;
import org.harbor.accounts.SettingsService;
import org.harbor.accounts.Session;

/**
 * Someone who forgot their passphrase sets a new one with the vault's recovery key, and is signed
 * in. A wrong key is refused and counted by the vault, which slows down further tries.
 */
public final class RecoverWithKey {

    private final AccountService accounts;
    private final SettingsService settings;
    private final IdleLock idleLock;

    public RecoverWithKey(AccountService accounts, SettingsService settings, IdleLock idleLock) {
        this.accounts = accounts;
        this.settings = settings;
        this.idleLock = idleLock;
    }

    /** The passphrase and its confirmation are wiped whatever happens. */
    public Session recover(String recoveryKey, String username, char[] next, char[] confirmation) {
        try {
            PassphraseRule.require(next, confirmation, username);
            Session session = accounts.recover(recoveryKey, username, next);
            idleLock.setTimeout(settings.idleLockTimeout());
            idleLock.touch();
            return session;
        } finally {
            Arrays.fill(next, '\0');
            Arrays.fill(confirmation, '\0');
        }
    }
}
