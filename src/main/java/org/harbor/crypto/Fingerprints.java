package org.harbor.crypto;

/** Short SHA-256 fingerprints of public keys, grouped for reading aloud over a telephone. */
public final class Fingerprints {

    private Fingerprints() {
    }

    /** The first 16 bytes of SHA-256, as eight groups of four hex digits. */
    public static String of(byte[] publicKey) {
        String hex = Hashes.hex(Hashes.sha256(publicKey)).substring(0, 32).toUpperCase(java.util.Locale.ROOT);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 4) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(hex, i, i + 4);
        }
        return out.toString();
    }

    public static String of(String publicText) {
        return of(publicText.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
