package org.harbor.vault;

/** A field vault (interviews, exports) or a central-office vault (imports, receipts). */
public enum VaultKind {
    FIELD, CENTRAL;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
