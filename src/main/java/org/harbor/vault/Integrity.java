package org.harbor.vault;

/**
 * The outcome of the integrity check of the open vault ({@code PRAGMA quick_check}, which runs
 * after the unlock: {@link Vault#integrity}). Never a detail of the file's content.
 */
public enum Integrity {
    /** Not checked yet in this session (it runs a few seconds after the unlock). */
    PENDING,
    /** Every page read back and the database's structure is whole. */
    PASSED,
    /**
     * A page could not be read or the structure is broken. Nothing is signed from the vault
     * (no seal, export or receipt) until a good copy is restored; the window says so.
     */
    FAILED
}
