package org.harbor.accounts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.harbor.testing.MutableClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The idle lock")
class IdleLockTest {

    @Test
    @DisplayName("expires after the configured minutes without input, and input resets it")
    void expires() {
        MutableClock clock = MutableClock.atStart();
        IdleLock idle = new IdleLock(clock);
        idle.setTimeout(Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(4));
        assertFalse(idle.expired());
        idle.touch();
        clock.advance(Duration.ofMinutes(4));
        assertFalse(idle.expired());
        clock.advance(Duration.ofMinutes(1));
        assertTrue(idle.expired());
    }
}
