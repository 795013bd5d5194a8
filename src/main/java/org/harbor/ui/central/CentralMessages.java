package org.harbor.ui.central;

import org.harbor.central.CentralException;
import org.harbor.i18n.Refusal;

/** The message key for a refusal of the central store; anything else is unexpected (and says no more). */
final class CentralMessages {

    private CentralMessages() {
    }

    static String key(Exception e) {
        if (e instanceof Refusal r) {
            return r.key();
        }
        return e instanceof CentralException c ? c.key() : "generic.error.unexpected";
    }
}
