package org.harbor.seal;

/** The checks of an import, in the order they run (ADR 0004); a refusal names the one that failed. */
public enum ImportCheck {
    SIZE("size cap", "packages.check.size"),
    SIGNATURE("signature", "packages.check.signature"),
    SEQUENCE("sequence number", "packages.check.sequence"),
    DECRYPT("decrypt", "packages.check.decrypt"),
    DEVICE_ID("inner device id", "packages.check.deviceId"),
    PARSE("parse", "packages.check.parse"),
    /** Every attachment and form of a case is one its case seal lists: nothing rides along unsealed. */
    COVERAGE("seal coverage", "packages.check.coverage"),
    STORE("store", "packages.check.store");

    private final String label;
    private final String messageKey;

    ImportCheck(String label, String messageKey) {
        this.label = label;
        this.messageKey = messageKey;
    }

    public String label() {
        return label;
    }

    /** The key of the check's name in the reader's language, e.g. {@code packages.check.decrypt}. */
    public String messageKey() {
        return messageKey;
    }
}
