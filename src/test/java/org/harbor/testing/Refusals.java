package org.harbor.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.harbor.accounts.AccessDenied;
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

    /** The message key of a refusal; fails the test when the exception is not a refusal. */
    public static String key(Throwable e) {
        if (e instanceof Refusal r) {
            return r.key();
        }
        throw new AssertionError("not a refusal with a message key: " + e, e);
    }

    /** True for the refusal of a record the session may not see or a step its role does not allow. */
    public static boolean isAccessDenied(Throwable e) {
        return e instanceof AccessDenied;
    }
}
