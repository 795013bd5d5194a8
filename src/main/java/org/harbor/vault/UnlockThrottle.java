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
    /**
     * How far in the future a recorded failure may lie (clocks differ a little between a laptop's
     * boots). Beyond it the time was not written by this clock's Harbor: it is ignored, so an
     * edited file or a clock that jumped cannot lock anyone out for years.
     */
    static final Duration ALLOWED_SKEW = Duration.ofMinutes(5);

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

    /**
     * How long until the next attempt is allowed; zero when it is allowed now. Never more than the
     * wait the count earns; a last failure that cannot be read, or lies beyond {@link #ALLOWED_SKEW}
     * in the future, imposes no wait.
     */
    public static Duration remaining(KeySlotFile.UnlockFailures failures, Instant now) {
        Duration wait = waitAfter(failures.count());
        if (wait.isZero() || failures.last().isEmpty()) {
            return Duration.ZERO;
        }
        Instant last;
        try {
            last = Instant.parse(failures.last().get());
        } catch (java.time.format.DateTimeParseException e) {
            return Duration.ZERO;
        }
        if (last.isAfter(now.plus(ALLOWED_SKEW))) {
            return Duration.ZERO;
        }
        Instant allowedAt = last.plus(wait);
        if (!now.isBefore(allowedAt)) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, allowedAt);
        return left.compareTo(wait) > 0 ? wait : left;
    }
}
