package org.harbor.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The minisign formats, written and read here so that the standard {@code minisign -V} tool checks
 * what Harbor signs: public key files ({@code Ed} ‖ key id ‖ key) and prehashed signature files
 * ({@code ED} ‖ key id ‖ Ed25519(BLAKE2b-512(file)), then a trusted comment and a global signature
 * over signature ‖ trusted comment).
 */
public final class Minisign {

    public static final int KEY_ID_LENGTH = 8;
    private static final byte[] KEY_ALGORITHM = {'E', 'd'};
    private static final byte[] PREHASHED = {'E', 'D'};
    private static final String UNTRUSTED = "untrusted comment: ";
    private static final String TRUSTED = "trusted comment: ";
    private static final int MAX_LINE = 1024;

    private Minisign() {
    }

    /** A public key with its minisign key id (8 bytes, shown as 16 hex digits like the tool does). */
    public record PublicKey(byte[] keyId, Ed25519.PublicKey key) {
        public PublicKey {
            if (keyId.length != KEY_ID_LENGTH) {
                throw new IllegalArgumentException("a minisign key id has 8 bytes");
            }
            keyId = keyId.clone();
        }

        @Override
        public byte[] keyId() {
            return keyId.clone();
        }

        /** The key id as the minisign tool prints it: the little-endian number, in upper-case hex. */
        public String keyIdHex() {
            return hexId(keyId);
        }

        /** The public key file: an untrusted comment and one base64 line. */
        public String toFile(String comment) {
            byte[] raw = new byte[2 + KEY_ID_LENGTH + Ed25519.PUBLIC_LENGTH];
            System.arraycopy(KEY_ALGORITHM, 0, raw, 0, 2);
            System.arraycopy(keyId, 0, raw, 2, KEY_ID_LENGTH);
            System.arraycopy(key.bytes(), 0, raw, 2 + KEY_ID_LENGTH, Ed25519.PUBLIC_LENGTH);
            return UNTRUSTED + oneLine(comment) + "\n" + Base64.getEncoder().encodeToString(raw) + "\n";
        }

        /** The base64 line alone (what {@code minisign -P} takes). */
        public String base64() {
            String file = toFile("");
            return file.substring(file.indexOf('\n') + 1).strip();
        }

        public String fingerprint() {
            return key.fingerprint();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PublicKey p && Arrays.equals(keyId, p.keyId) && key.equals(p.key);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(keyId) * 31 + key.hashCode();
        }

        @Override
        public String toString() {
            return "Minisign.PublicKey[" + keyIdHex() + "]";
        }
    }

    public static byte[] newKeyId() {
        return CryptoRandom.bytes(KEY_ID_LENGTH);
    }

    public static String hexId(byte[] keyId) {
        byte[] reversed = keyId.clone();
        for (int i = 0; i < reversed.length / 2; i++) {
            byte t = reversed[i];
            reversed[i] = reversed[reversed.length - 1 - i];
            reversed[reversed.length - 1 - i] = t;
        }
        return HexFormat.of().formatHex(reversed).toUpperCase(Locale.ROOT);
    }

    public static byte[] keyIdFromHex(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT));
        if (bytes.length != KEY_ID_LENGTH) {
            throw new IllegalArgumentException("a key id has 16 hex digits");
        }
        byte[] out = new byte[KEY_ID_LENGTH];
        for (int i = 0; i < KEY_ID_LENGTH; i++) {
            out[i] = bytes[KEY_ID_LENGTH - 1 - i];
        }
        return out;
    }

    /** Reads a public key file, or its base64 line alone. */
    public static PublicKey parsePublicKey(String text) throws FormatException {
        String line = null;
        for (String l : text.split("\n", 4)) {
            String s = l.strip();
            if (!s.isEmpty() && !s.startsWith(UNTRUSTED.strip())) {
                line = s;
                break;
            }
        }
        byte[] raw = decode(line, 2 + KEY_ID_LENGTH + Ed25519.PUBLIC_LENGTH, "public key");
        if (raw[0] != KEY_ALGORITHM[0] || raw[1] != KEY_ALGORITHM[1]) {
            throw new FormatException("not an Ed25519 minisign public key");
        }
        return new PublicKey(Arrays.copyOfRange(raw, 2, 2 + KEY_ID_LENGTH),
                new Ed25519.PublicKey(Arrays.copyOfRange(raw, 2 + KEY_ID_LENGTH, raw.length)));
    }

    /** A parsed signature file; nothing in it is trusted before {@link #verify}. */
    public record Signature(byte[] keyId, byte[] signature, String trustedComment, byte[] globalSignature) {

        public String keyIdHex() {
            return hexId(keyId);
        }

        /**
         * Whether {@code key} signed the trusted comment (minisign's global signature over the file
         * signature and the comment): checkable before the file itself has arrived, so that a receiver
         * keeps nothing of a file whose announced signer is not the sender.
         */
        public boolean verifiesComment(PublicKey key) {
            if (!Arrays.equals(keyId, key.keyId())) {
                return false;
            }
            byte[] comment = trustedComment.getBytes(StandardCharsets.UTF_8);
            byte[] global = new byte[signature.length + comment.length];
            System.arraycopy(signature, 0, global, 0, signature.length);
            System.arraycopy(comment, 0, global, signature.length, comment.length);
            return key.key().verifies(global, globalSignature);
        }

        /** Whether {@code key} signed {@code blake2b} (the file's BLAKE2b-512) and the trusted comment. */
        public boolean verify(PublicKey key, byte[] blake2b) {
            if (!Arrays.equals(keyId, key.keyId())) {
                return false;
            }
            if (!key.key().verifies(blake2b, signature)) {
                return false;
            }
            byte[] comment = trustedComment.getBytes(StandardCharsets.UTF_8);
            byte[] global = new byte[signature.length + comment.length];
            System.arraycopy(signature, 0, global, 0, signature.length);
            System.arraycopy(comment, 0, global, signature.length, comment.length);
            return key.key().verifies(global, globalSignature);
        }
    }

    /** Signs a file's BLAKE2b-512 in minisign's prehashed format; returns the signature file's text. */
    public static String sign(Ed25519.SigningKey key, byte[] keyId, byte[] blake2b, String untrustedComment,
                              String trustedComment) {
        String trusted = oneLine(trustedComment);
        byte[] signature = key.sign(blake2b);
        byte[] first = new byte[2 + KEY_ID_LENGTH + Ed25519.SIGNATURE_LENGTH];
        System.arraycopy(PREHASHED, 0, first, 0, 2);
        System.arraycopy(keyId, 0, first, 2, KEY_ID_LENGTH);
        System.arraycopy(signature, 0, first, 2 + KEY_ID_LENGTH, Ed25519.SIGNATURE_LENGTH);
        byte[] comment = trusted.getBytes(StandardCharsets.UTF_8);
        byte[] global = new byte[signature.length + comment.length];
        System.arraycopy(signature, 0, global, 0, signature.length);
        System.arraycopy(comment, 0, global, signature.length, comment.length);
        Base64.Encoder b64 = Base64.getEncoder();
        return UNTRUSTED + oneLine(untrustedComment) + "\n" + b64.encodeToString(first) + "\n"
                + TRUSTED + trusted + "\n" + b64.encodeToString(key.sign(global)) + "\n";
    }

    /** Reads a signature file; only the prehashed {@code ED} algorithm is accepted. */
    public static Signature parseSignature(String text) throws FormatException {
        String[] lines = text.split("\n", -1);
        if (lines.length < 4) {
            throw new FormatException("a signature file has four lines");
        }
        for (int i = 0; i < 4; i++) {
            if (lines[i].length() > MAX_LINE) {
                throw new FormatException("a line of the signature file is too long");
            }
        }
        if (!lines[0].startsWith(UNTRUSTED) || !lines[2].startsWith(TRUSTED)) {
            throw new FormatException("the signature file's comment lines are missing");
        }
        byte[] first = decode(lines[1].strip(), 2 + KEY_ID_LENGTH + Ed25519.SIGNATURE_LENGTH, "signature");
        if (first[0] != PREHASHED[0] || first[1] != PREHASHED[1]) {
            throw new FormatException("not a prehashed (ED) minisign signature");
        }
        byte[] global = decode(lines[3].strip(), Ed25519.SIGNATURE_LENGTH, "global signature");
        String trusted = lines[2].substring(TRUSTED.length());
        if (trusted.endsWith("\r")) {
            trusted = trusted.substring(0, trusted.length() - 1);
        }
        return new Signature(Arrays.copyOfRange(first, 2, 2 + KEY_ID_LENGTH),
                Arrays.copyOfRange(first, 2 + KEY_ID_LENGTH, first.length), trusted, global);
    }

    private static byte[] decode(String line, int length, String what) throws FormatException {
        if (line == null) {
            throw new FormatException("the " + what + " line is missing");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(line);
        } catch (IllegalArgumentException e) {
            throw new FormatException("the " + what + " line is not base64");
        }
        if (raw.length != length) {
            throw new FormatException("the " + what + " has the wrong length");
        }
        return raw;
    }

    private static String oneLine(String text) {
        return text.replace('\n', ' ').replace('\r', ' ');
    }

    /** A file that is not in minisign's format; the message names what is wrong, never the content. */
    public static final class FormatException extends Exception {
        private static final long serialVersionUID = 1L;

        public FormatException(String message) {
            super(message);
        }
    }
}
