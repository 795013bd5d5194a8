package org.harbor.ui.central;

import org.harbor.i18n.Refusal;

/** The message key for a refusal (the central store's among them); anything else is unexpected (and says no more). */
final class CentralMessages {

    private CentralMessages() {
    }

    static String key(Exception e) {
        return e instanceof Refusal r ? r.key() : "generic.error.unexpected";
    }
}
