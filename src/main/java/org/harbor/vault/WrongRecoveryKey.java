package org.harbor.vault;

import org.harbor.i18n.Refusal;

/** The recovery key does not open this vault: a failed attempt, counted by the throttle. */
public final class WrongRecoveryKey extends Refusal {

    private static final long serialVersionUID = 1L;

    public WrongRecoveryKey() {
        super("vault.error.wrongRecoveryKey");
    }
}
