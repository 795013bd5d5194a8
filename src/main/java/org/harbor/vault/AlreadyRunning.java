package org.harbor.vault;

import org.harbor.i18n.Refusal;

/** Another process (or this one) holds the vault's instance lock: close the other window first. */
public final class AlreadyRunning extends Refusal {

    private static final long serialVersionUID = 1L;

    public AlreadyRunning() {
        super("vault.error.alreadyRunning");
    }
}
