package org.harbor.sync;

import java.util.Locale;

/**
 * The checks a laptop runs on a publication fetched from its office (ADR 0017), in this order; a
 * refusal names one and nothing of the publication is applied.
 */
public enum PublicationCheck {
    /** The file is not a publication, or its signature does not verify with the key it names. */
    SIGNATURE("downstream.check.signature"),
    /** Signed by a key this laptop's trust bundle does not hold. */
    SIGNER("downstream.check.signer"),
    /** Older than what this laptop holds: an earlier publication of the subject, or a lower form version. */
    OLDER("downstream.check.older"),
    /** The form does not load in JavaRosa, or clashes with a form held here (a built-in id, the same version with other content). */
    FORM("downstream.check.form"),
    /** The settings are malformed or out of range (the same checks as in Settings). */
    SETTINGS("downstream.check.settings");

    private final String messageKey;

    PublicationCheck(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }

    /** The check's name as the CLI prints it. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
