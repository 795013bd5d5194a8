package org.harbor.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.harbor.i18n.Refusal;
import org.junit.jupiter.api.function.Executable;

/** Asserts that work is refused with one particular message, not merely that something failed. */
public final class Refusals {

    private Refusals() {
    }

    /** Runs {@code work}, expects a {@link Refusal} with {@code key}, and returns it. */
    public static Refusal assertRefused(String key, Executable work) {
        return assertRefused(key, work, "the refusal's message key");
    }

    /** The same, with {@code what} in the failure's message. */
    public static Refusal assertRefused(String key, Executable work, String what) {
        Refusal refusal = assertThrows(Refusal.class, work, what);
        assertEquals(key, refusal.key(), what);
        return refusal;
    }
}
