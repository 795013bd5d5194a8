package org.harbor.ui.common;

import org.harbor.i18n.I18n;
import org.harbor.i18n.Refusal;

/** Turns a service's refusal into a sentence in the display language; never a stack trace. */
public final class Messages {

    private Messages() {
    }

    /** A {@link Refusal}'s own sentence; anything else is "unexpected", without its message or type. */
    public static String of(Exception e, I18n i18n) {
        if (e instanceof Refusal refusal) {
            return refusal.describe(i18n);
        }
        return i18n.get("generic.error.unexpected");
    }
}
