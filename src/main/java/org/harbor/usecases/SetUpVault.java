package org.harbor.usecases;

import org.harbor.i18n.Refusal;
import java.util.Arrays;
import org.harbor.accounts.AccountService;
import org.harbor.accounts.IdleLock;
import org.harbor.accounts.Session;
import org.harbor.accounts.SettingsService;
import org.harbor.vault.VaultKind;

/**
 * First run: the display language, the vault with its first (supervisor) account, and the
 * recovery key, which counts as written down only when the user says so.
 */
public final class SetUpVault {

    private final AccountService accounts;
    private final SettingsService settings;
    private final IdleLock idleLock;

    public SetUpVault(AccountService accounts, SettingsService settings, IdleLock idleLock) {
        this.accounts = accounts;
        this.settings = settings;
        this.idleLock = idleLock;
    }

    /** Before any account exists: remembered beside the vault, so the log-in screen uses it too. */
    public void chooseLanguage(String languageCode) {
        settings.setUiLanguage(null, languageCode);
    }

    /**
     * Creates the vault and its first account, signed in, and returns the recovery key to show
     * once. The passphrase and its confirmation are wiped whatever happens.
     */
    public String create(VaultKind kind, String username, char[] passphrase, char[] confirmation) {
        try {
            PassphraseRule.require(passphrase, confirmation, username);
            AccountService.Setup setup = accounts.setUp(kind, username, passphrase);
            idleLock.setTimeout(settings.idleLockTimeout());
            idleLock.touch();
            return setup.recoveryKey();
        } finally {
            Arrays.fill(passphrase, '\0');
            Arrays.fill(confirmation, '\0');
        }
    }

    /** The user confirms the recovery key shown is written down. */
    public void confirmRecoveryKeyWrittenDown() {
        Session session = accounts.current().orElseThrow(() -> new Refusal("vault.error.locked"));
        accounts.confirmRecoveryKey(session);
    }
}
