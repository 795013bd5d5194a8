package org.harbor.vault;

import org.harbor.i18n.Refusal;

/** Too many failed attempts: the next one is refused until the wait is over. Its argument is the wait in seconds. */
public final class Throttled extends Refusal {

    private static final long serialVersionUID = 1L;
    private final long waitSeconds;

    public Throttled(long waitSeconds) {
        super("vault.error.throttled", waitSeconds);
        this.waitSeconds = waitSeconds;
    }

    /** The wait before the next attempt is accepted. */
    public long waitSeconds() {
        return waitSeconds;
    }
}
