package org.harbor.seal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The names of package format 2 (ADR 0016): the outer ZIP's entries, in the order they are written. */
final class FormatTwo {

    static final String FORMAT = "format";
    static final String FORMAT_TEXT = "harbor-2\n";
    static final String SUMS = "SHA256SUMS";
    static final String SUMS_SIG = "SHA256SUMS.minisig";
    static final String DOCUMENTS = "documents.age";
    /** The index signature's untrusted comment: fixed, so that no byte of the package goes unchecked. */
    static final String UNTRUSTED_COMMENT = "Harbor package index signature; verify SHA256SUMS with the device's public key";

    /**
     * The signature file exactly as the device writes it for {@code signature}: the importer compares
     * the package's bytes with it, as the untrusted comment and base64's spare bits are not signed.
     */
    static String canonical(org.harbor.crypto.Minisign.Signature signature) {
        byte[] first = new byte[2 + signature.keyId().length + signature.signature().length];
        first[0] = 'E';
        first[1] = 'D';
        System.arraycopy(signature.keyId(), 0, first, 2, signature.keyId().length);
        System.arraycopy(signature.signature(), 0, first, 2 + signature.keyId().length, signature.signature().length);
        java.util.Base64.Encoder b64 = java.util.Base64.getEncoder();
        return "untrusted comment: " + UNTRUSTED_COMMENT + "\n" + b64.encodeToString(first) + "\n"
                + "trusted comment: " + signature.trustedComment() + "\n" + b64.encodeToString(signature.globalSignature()) + "\n";
    }

    private static final Pattern ATTACHMENT = Pattern.compile("attachments/([0-9a-f]{64})\\.(hdr|payload)");

    private FormatTwo() {
    }

    static String header(String sha256) {
        return "attachments/" + sha256 + ".hdr";
    }

    static String payload(String sha256) {
        return "attachments/" + sha256 + ".payload";
    }

    /** The plaintext SHA-256 an attachment entry is named by, or null for any other name. */
    static String attachmentOf(String name) {
        Matcher m = ATTACHMENT.matcher(name);
        return m.matches() ? m.group(1) : null;
    }

    static boolean isHeader(String name) {
        return name.endsWith(".hdr");
    }

    /** Whether {@code file} starts as a ZIP (format 2) rather than as an age file (format 1). */
    static boolean sniff(java.nio.file.Path file) {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
