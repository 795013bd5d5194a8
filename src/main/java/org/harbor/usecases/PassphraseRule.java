package org.harbor.usecases;

import java.util.Arrays;
import java.util.Optional;
import org.harbor.accounts.PassphrasePolicy;
import org.harbor.i18n.Refusal;

/**
 * The passphrase policy with its confirmation, checked once for every face that sets a passphrase
 * (a new account, a change, a recovery, the first account). The confirmation is wiped here.
 */
final class PassphraseRule {

    private PassphraseRule() {
    }

    /** Refuses a passphrase that does not match its confirmation or that the policy refuses. */
    static void require(char[] passphrase, char[] confirmation, String username) {
        try {
            Optional<PassphrasePolicy.Problem> problem = PassphrasePolicy.check(passphrase, confirmation, username);
            if (problem.isPresent()) {
                throw new Refusal(problem.get().messageKey());
            }
        } finally {
            Arrays.fill(confirmation, '\0');
        }
    }
}
