package org.harbor.testing;

import java.lang.reflect.Method;
import org.harbor.i18n.Refusal;

/**
 * What a test asserts of a refusal: its message key, the thing the person at the screen is told.
 * Refusals are becoming one type ({@link Refusal}, issue 13); until every service throws it, the
 * key is read from {@code key()} or {@code messageKey()} of the older types, so an assertion on the
 * key holds across that change.
 */
public final class Refusals {

    private Refusals() {
    }

    /** The message key of a refusal; fails the test when the exception carries none. */
    public static String key(Throwable e) {
        if (e instanceof Refusal r) {
            return r.key();
        }
        for (String accessor : new String[] {"key", "messageKey"}) {
            try {
                Method m = e.getClass().getMethod(accessor);
                if (m.getReturnType() == String.class) {
                    return (String) m.invoke(e);
                }
            } catch (NoSuchMethodException absent) {
                // try the next accessor
            } catch (ReflectiveOperationException broken) {
                throw new AssertionError("cannot read the key of " + e, broken);
            }
        }
        throw new AssertionError("not a refusal with a message key: " + e, e);
    }

    /** True for the refusal of a record the session may not see or a step its role does not allow. */
    public static boolean isAccessDenied(Throwable e) {
        return e.getClass().getName().startsWith("org.harbor.accounts.AccessDenied");
    }
}
