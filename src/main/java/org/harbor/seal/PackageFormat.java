package org.harbor.seal;

/**
 * The package formats an export can write. Both import. {@link #TWO} (ADR 0016) ships attachments
 * as their stored ciphertext under a signed index and is written by default; {@link #ONE} (ADR 0004)
 * is one age file around a ZIP, for offices that have not upgraded yet.
 */
public enum PackageFormat {
    ONE, TWO;

    /** "1" or "2". */
    public static PackageFormat of(String number) {
        return switch (number) {
            case "1" -> ONE;
            case "2" -> TWO;
            default -> throw new IllegalArgumentException("package format 1 or 2");
        };
    }
}
