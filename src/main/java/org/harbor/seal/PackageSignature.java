package org.harbor.seal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.harbor.crypto.Blake2b;
import org.harbor.crypto.Minisign;

/**
 * The signature file beside a package ({@code NAME.harbor.minisig}), checked without any vault:
 * minisign's prehashed Ed25519 over BLAKE2b-512 of the file, and the trusted comment that names the
 * package, the device, its sequence number and the time.
 */
public final class PackageSignature {

    static final int MAX_SIGNATURE_FILE = 4096;

    /** What the signed trusted comment says. */
    public record Signed(String packageId, String deviceId, long sequence, String time, String fileHash) {
    }

    private PackageSignature() {
    }

    public static Path beside(Path file) {
        return Path.of(file + ".minisig");
    }

    /** Reads the signature file; a refusal names the signature check. */
    static Minisign.Signature read(Path signatureFile) {
        try {
            if (!Files.isRegularFile(signatureFile) || Files.size(signatureFile) > MAX_SIGNATURE_FILE) {
                throw new PackageRefused(ImportCheck.SIGNATURE, "the signature file is missing or too large");
            }
            return Minisign.parseSignature(new String(Files.readAllBytes(signatureFile), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PackageRefused(ImportCheck.SIGNATURE, "the signature file cannot be read");
        } catch (Minisign.FormatException e) {
            throw new PackageRefused(ImportCheck.SIGNATURE, "the signature file is not valid: " + e.getMessage());
        }
    }

    /** Checks {@code file} against {@code signature} made by {@code key}; returns the trusted comment's fields. */
    static Signed verify(Path file, Minisign.Signature signature, Minisign.PublicKey key) {
        byte[] blake;
        try {
            blake = Blake2b.ofFile(file);
        } catch (IOException e) {
            throw new PackageRefused(ImportCheck.SIGNATURE, "the package cannot be read");
        }
        return verify(blake, signature, key);
    }

    /**
     * Checks a signature against the BLAKE2b-512 of the package file, computed by the caller in a
     * pass that also reads the file for something else (the import's decryption).
     */
    static Signed verify(byte[] blake, Minisign.Signature signature, Minisign.PublicKey key) {
        if (!signature.verify(key, blake)) {
            throw new PackageRefused(ImportCheck.SIGNATURE, "the signature does not match the package and the device key");
        }
        Signed signed = parseComment(signature.trustedComment(), org.harbor.crypto.Hashes.hex(blake));
        if (!signed.deviceId().equals(key.keyIdHex())) {
            throw new PackageRefused(ImportCheck.SIGNATURE, "the signed comment names another device than the signer");
        }
        return signed;
    }

    /**
     * What a signature file announces, checked before the package itself arrives (sync, issue 18):
     * the file parses, it names {@code deviceKey} as its signer, and that key signed the trusted
     * comment. The package's own bytes are checked later by the import ({@link #verify}).
     *
     * @throws PackageRefused at the signature check
     */
    public static Signed announced(String signatureText, Minisign.PublicKey deviceKey) {
        if (signatureText.length() > MAX_SIGNATURE_FILE) {
            throw new PackageRefused(ImportCheck.SIGNATURE, "the signature file is too large");
        }
        Minisign.Signature signature;
        try {
            signature = Minisign.parseSignature(signatureText);
        } catch (Minisign.FormatException e) {
            throw new PackageRefused(ImportCheck.SIGNATURE, "the signature file is not valid: " + e.getMessage());
        }
        if (!signature.verifiesComment(deviceKey)) {
            throw new PackageRefused(ImportCheck.SIGNATURE, "the signature file is not signed by the sending device");
        }
        Signed signed = parseComment(signature.trustedComment(), "");
        if (!signed.deviceId().equals(deviceKey.keyIdHex())) {
            throw new PackageRefused(ImportCheck.SIGNATURE, "the signed comment names another device than the signer");
        }
        return signed;
    }

    /**
     * Verifies a package's signature with a device's public key file, without a vault. For package
     * format 2 the signature is the one inside it, of its index, and every file is checked against
     * the index ({@code signatureFile} is not read).
     */
    public static Signed verify(Path file, Path signatureFile, String devicePublicKeyFile) {
        Minisign.PublicKey key;
        try {
            key = Minisign.parsePublicKey(devicePublicKeyFile);
        } catch (Minisign.FormatException e) {
            throw new PackageRefused(ImportCheck.SIGNATURE, "the device key is not valid: " + e.getMessage());
        }
        if (FormatTwo.sniff(file)) {
            return FormatTwoReader.checkIndex(file, key);
        }
        return verify(file, read(signatureFile), key);
    }

    private static Signed parseComment(String comment, String fileHash) {
        String[] parts = comment.split(" ");
        if (parts.length != 5 || !PackageNames.TRUSTED_PREFIX.equals(parts[0])) {
            throw new PackageRefused(ImportCheck.SIGNATURE, "the signed comment is not a Harbor package comment");
        }
        Map<String, String> fields = new HashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq <= 0) {
                throw new PackageRefused(ImportCheck.SIGNATURE, "the signed comment is not a Harbor package comment");
            }
            fields.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
        }
        try {
            long sequence = Long.parseLong(fields.get("sequence"));
            String id = fields.get("id");
            String device = fields.get("device");
            String time = fields.get("time");
            if (id == null || device == null || time == null || sequence < 1) {
                throw new NumberFormatException();
            }
            return new Signed(id, device, sequence, time, fileHash);
        } catch (NumberFormatException e) {
            throw new PackageRefused(ImportCheck.SIGNATURE, "the signed comment is not a Harbor package comment");
        }
    }
}
