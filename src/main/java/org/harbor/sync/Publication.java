package org.harbor.sync;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.harbor.crypto.CanonicalJson;
import org.harbor.crypto.Ed25519;
import org.harbor.crypto.Hashes;
import org.harbor.crypto.Minisign;

/**
 * A form or the organisation's settings as the central office publishes them to its laptops (issue
 * 18, ADR 0017): canonical JSON of {@code harbor-publication/1} naming what it is, its number in the
 * office's order of publishing and its content, signed with Ed25519 by the office's receipt key
 * (the key every laptop's trust bundle already pins) over SHA-256 of the JSON without the
 * signature. The {@code format} field keeps it apart from a receipt signed by the same key: the
 * signed bytes of one can never be those of the other.
 *
 * @param kind        {@code form} or {@code settings}
 * @param subject     {@code form:<form id>} or {@code settings}: a newer publication of a subject replaces the older
 * @param sequence    1, 2, 3 ... over all the office's publications
 * @param version     a form's version attribute (null for settings)
 * @param publishedAt ISO instant
 * @param content     the XForm's bytes, or the settings' JSON
 * @param keyId       the signing key's minisign id (hex)
 */
public record Publication(String kind, String subject, long sequence, String version, String publishedAt, byte[] content,
                          String keyId, byte[] signature) {

    static final String FORMAT = "harbor-publication/1";
    public static final String FORM = "form";
    public static final String SETTINGS = "settings";
    /** A form's 4 MiB and the JSON's base64 of it, with room. */
    public static final int MAX_FILE = 6 << 20;
    static final Pattern SUBJECT = Pattern.compile("settings|form:[A-Za-z0-9._:-]{1,100}");

    public Publication {
        content = content.clone();
        signature = signature == null ? null : signature.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    /** The subject of a form's publications. */
    public static String formSubject(String formId) {
        return "form:" + formId;
    }

    static Publication sign(String kind, String subject, long sequence, String version, String publishedAt, byte[] content,
                            Minisign.PublicKey key, Ed25519.SigningKey signing) {
        Publication unsigned = new Publication(kind, subject, sequence, version, publishedAt, content, key.keyIdHex(), null);
        return new Publication(kind, subject, sequence, version, publishedAt, content, key.keyIdHex(),
                signing.sign(unsigned.message()));
    }

    /** Whether {@code key} is the key that signed this publication (its id), not whether the signature holds. */
    boolean signedBy(Minisign.PublicKey key) {
        return key.keyIdHex().equals(keyId);
    }

    /** Whether the signature verifies with {@code key}. */
    boolean verifies(Minisign.PublicKey key) {
        return signature != null && signedBy(key) && key.key().verifies(message(), signature);
    }

    private byte[] message() {
        return Hashes.sha256(CanonicalJson.bytes(body()));
    }

    private Map<String, Object> body() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("kind", kind);
        m.put("subject", subject);
        m.put("sequence", sequence);
        if (version != null) {
            m.put("version", version);
        }
        m.put("publishedAt", publishedAt);
        m.put("content", Base64.getEncoder().encodeToString(content));
        m.put("keyId", keyId);
        return m;
    }

    public byte[] toFile() {
        Map<String, Object> m = body();
        m.put("signature", Base64.getEncoder().encodeToString(signature));
        return (CanonicalJson.write(m) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** @throws IllegalArgumentException if the bytes are not a publication (the check {@code signature} refuses it) */
    static Publication parse(byte[] file) {
        try {
            if (file.length > MAX_FILE) {
                throw new IllegalArgumentException("too large");
            }
            if (!(CanonicalJson.parse(file, 3) instanceof Map<?, ?> m) || !FORMAT.equals(m.get("format"))) {
                throw new IllegalArgumentException("not a publication");
            }
            String kind = text(m, "kind");
            String subject = text(m, "subject");
            if (!(m.get("sequence") instanceof Long sequence) || sequence < 1
                    || !(FORM.equals(kind) && subject.startsWith("form:") || SETTINGS.equals(kind) && SETTINGS.equals(subject))
                    || !SUBJECT.matcher(subject).matches()) {
                throw new IllegalArgumentException("not a publication");
            }
            String version = m.get("version") == null ? null : text(m, "version");
            return new Publication(kind, subject, sequence, version, text(m, "publishedAt"),
                    Base64.getDecoder().decode(text(m, "content")), text(m, "keyId"), Base64.getDecoder().decode(text(m, "signature")));
        } catch (CanonicalJson.MalformedException e) {
            throw new IllegalArgumentException("not a publication");
        }
    }

    private static String text(Map<?, ?> m, String field) {
        if (!(m.get(field) instanceof String s) || s.length() > MAX_FILE) {
            throw new IllegalArgumentException("not a publication");
        }
        return s;
    }

    @Override
    public String toString() {
        return "Publication[" + sequence + ", " + subject + "]";
    }
}
