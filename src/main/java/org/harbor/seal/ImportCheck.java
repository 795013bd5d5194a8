package org.harbor.seal;

/** The checks of an import, in the order they run (ADR 0004); a refusal names the one that failed. */
public enum ImportCheck {
    SIZE("size cap"),
    SIGNATURE("signature"),
    SEQUENCE("sequence number"),
    DECRYPT("decrypt"),
    DEVICE_ID("inner device id"),
    PARSE("parse"),
    /** Every attachment and form of a case is one its case seal lists: nothing rides along unsealed. */
    COVERAGE("seal coverage"),
    STORE("store");

    private final String label;

    ImportCheck(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
