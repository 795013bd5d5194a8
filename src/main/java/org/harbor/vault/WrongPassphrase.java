package org.harbor.vault;

import org.harbor.i18n.Refusal;

/** The user name or passphrase is not right: a failed attempt, counted by the throttle. */
public final class WrongPassphrase extends Refusal {

    private static final long serialVersionUID = 1L;

    public WrongPassphrase() {
        super("vault.error.wrongPassphrase");
    }
}
