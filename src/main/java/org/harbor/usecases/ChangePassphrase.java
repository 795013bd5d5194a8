package org.harbor.usecases;

import java.util.Arrays;
import org.harbor.accounts.AccountService;
import org.harbor.accounts.Session;

/** The signed-in user replaces their passphrase (at once after a temporary one). */
public final class ChangePassphrase {

    private final AccountService accounts;

    public ChangePassphrase(AccountService accounts) {
        this.accounts = accounts;
    }

    /** Every character array handed in is wiped whatever happens. */
    public void change(Session session, char[] current, char[] next, char[] confirmation) {
        try {
            PassphraseRule.require(next, confirmation, session.user().username());
            accounts.changePassphrase(session, current, next);
        } finally {
            Arrays.fill(current, '\0');
            Arrays.fill(next, '\0');
            Arrays.fill(confirmation, '\0');
        }
    }
}
