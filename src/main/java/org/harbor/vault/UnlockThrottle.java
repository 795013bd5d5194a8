package org.harbor.vault;

import java.time.Duration;
import java.time.Instant;

/**
 * Exponential back-off after repeated failed unlocks: the first {@link #FREE_ATTEMPTS} failures
 * cost nothing; after that each failure doubles the wait, from 30 seconds up to one hour.
 */
public final class UnlockThrottle {

    public static final int FREE_ATTEMPTS = 5;
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofHours(1);

    private UnlockThrottle() {
    }

    public static Duration waitAfter(int failures) {
        if (failures < FREE_ATTEMPTS) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_ATTEMPTS, 16);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    /** How long until the next attempt is allowed; zero when it is allowed now. */
    public static Duration remaining(KeySlotFile.UnlockFailures failures, Instant now) {
        Duration wait = waitAfter(failures.count());
        if (wait.isZero() || failures.last().isEmpty()) {
            return Duration.ZERO;
        }
        Instant allowedAt = Instant.parse(failures.last().get()).plus(wait);
        return now.isBefore(allowedAt) ? Duration.between(now, allowedAt) : Duration.ZERO;
    }
}
