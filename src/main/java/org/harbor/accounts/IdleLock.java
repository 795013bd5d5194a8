package org.harbor.accounts;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** Tells when no input has come for the configured time. The clock is injected for tests. */
public final class IdleLock {

    public static final int DEFAULT_MINUTES = 5;

    private final InstantSource clock;
    private volatile Duration timeout = Duration.ofMinutes(DEFAULT_MINUTES);
    private volatile Instant lastInput;

    public IdleLock(InstantSource clock) {
        this.clock = clock;
        this.lastInput = clock.instant();
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }

    public void touch() {
        lastInput = clock.instant();
    }

    /** How long until the lock, zero once it is due (the shell warns 30 seconds before). */
    public Duration remaining() {
        Duration left = Duration.between(clock.instant(), lastInput.plus(timeout));
        return left.isNegative() ? Duration.ZERO : left;
    }

    public boolean expired() {
        return !clock.instant().isBefore(lastInput.plus(timeout));
    }
}
