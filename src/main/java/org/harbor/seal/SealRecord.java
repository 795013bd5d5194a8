package org.harbor.seal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.harbor.crypto.CanonicalJson;
import org.harbor.crypto.Ed25519;
import org.harbor.crypto.Fingerprints;
import org.harbor.crypto.Hashes;

/**
 * One seal as stored and as carried in a package: the canonical JSON it covers (which names the
 * signer, the time and, for an addendum, the seal it amends and why), the SHA-256 of that JSON and
 * the signer's Ed25519 signature of the hash, with any co-signatures.
 *
 * <p>{@link #toString()} leaves the content out: it may hold names and answers.
 */
public record SealRecord(String id, String caseId, SealKind kind, String unitId, String amends, String reason,
                         String content, String contentHash, long signerId, String signerName, String signerRole,
                         String keyId, byte[] publicKey, byte[] signature, String sealedAt, List<CoSignature> coSignatures) {

    public SealRecord {
        coSignatures = List.copyOf(coSignatures);
    }

    /** A reviewer's signature over the seal's id and hash. */
    public record CoSignature(long signerId, String signerName, String signerRole, String keyId, byte[] publicKey,
                              byte[] signature, String signedAt) {

        public String fingerprint() {
            return Fingerprints.of(publicKey);
        }
    }

    public String fingerprint() {
        return Fingerprints.of(publicKey);
    }

    /** Whether the content is canonical, hashes to the recorded hash, and carries a good signature. */
    public boolean verifies() {
        try {
            Object parsed = CanonicalJson.parse(content.getBytes(StandardCharsets.UTF_8), 64);
            byte[] canonical = CanonicalJson.bytes(parsed);
            if (!java.util.Arrays.equals(canonical, content.getBytes(StandardCharsets.UTF_8))) {
                return false;
            }
            byte[] hash = Hashes.sha256(canonical);
            if (!Hashes.hex(hash).equals(contentHash)) {
                return false;
            }
            if (!(parsed instanceof Map<?, ?> map) || !matchesHeader(map)) {
                return false;
            }
            return new Ed25519.PublicKey(publicKey).verifies(hash, signature);
        } catch (CanonicalJson.MalformedException | RuntimeException e) {
            return false;
        }
    }

    /** The header inside the signed content must agree with the columns beside it. */
    private boolean matchesHeader(Map<?, ?> map) {
        Object signer = map.get("signer");
        return id.equals(map.get("sealId")) && kind.code().equals(map.get("kind")) && caseId.equals(map.get("caseId"))
                && unitId.equals(map.get("unitId")) && java.util.Objects.equals(amends, map.get("amends"))
                && java.util.Objects.equals(reason, map.get("reason")) && sealedAt.equals(map.get("sealedAt"))
                && signer instanceof Map<?, ?> s && Long.valueOf(signerId).equals(s.get("id"))
                && signerName.equals(s.get("name")) && signerRole.equals(s.get("role")) && keyId.equals(s.get("keyId"));
    }

    public boolean coSignatureVerifies(CoSignature co) {
        return new Ed25519.PublicKey(co.publicKey()).verifies(coSignatureMessage(id, contentHash, co.signerId(), co.signedAt()),
                co.signature());
    }

    static byte[] coSignatureMessage(String sealId, String contentHash, long signerId, String signedAt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("coSigns", sealId);
        m.put("contentHash", contentHash);
        m.put("signer", signerId);
        m.put("signedAt", signedAt);
        return Hashes.sha256(CanonicalJson.bytes(m));
    }

    /** The JSON form carried in a package's {@code case.json}. */
    Map<String, Object> toJson() {
        Base64.Encoder b64 = Base64.getEncoder();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("caseId", caseId);
        m.put("kind", kind.code());
        m.put("unitId", unitId);
        m.put("amends", amends);
        m.put("reason", reason);
        m.put("content", content);
        m.put("contentHash", contentHash);
        m.put("signerId", signerId);
        m.put("signerName", signerName);
        m.put("signerRole", signerRole);
        m.put("keyId", keyId);
        m.put("publicKey", b64.encodeToString(publicKey));
        m.put("signature", b64.encodeToString(signature));
        m.put("sealedAt", sealedAt);
        List<Object> cos = new ArrayList<>();
        for (CoSignature co : coSignatures) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("signerId", co.signerId());
            c.put("signerName", co.signerName());
            c.put("signerRole", co.signerRole());
            c.put("keyId", co.keyId());
            c.put("publicKey", b64.encodeToString(co.publicKey()));
            c.put("signature", b64.encodeToString(co.signature()));
            c.put("signedAt", co.signedAt());
            cos.add(c);
        }
        m.put("coSignatures", cos);
        return m;
    }

    /** Reads the JSON form; throws {@link IllegalArgumentException} for anything missing or mistyped. */
    static SealRecord fromJson(Object json) {
        Map<?, ?> m = map(json);
        List<CoSignature> cos = new ArrayList<>();
        for (Object o : list(m.get("coSignatures"))) {
            Map<?, ?> c = map(o);
            cos.add(new CoSignature(number(c.get("signerId")), text(c.get("signerName")), text(c.get("signerRole")),
                    text(c.get("keyId")), bytes(c.get("publicKey")), bytes(c.get("signature")), text(c.get("signedAt"))));
        }
        return new SealRecord(text(m.get("id")), text(m.get("caseId")), SealKind.fromCode(text(m.get("kind"))),
                text(m.get("unitId")), optionalText(m.get("amends")), optionalText(m.get("reason")), text(m.get("content")),
                text(m.get("contentHash")), number(m.get("signerId")), text(m.get("signerName")), text(m.get("signerRole")),
                text(m.get("keyId")), bytes(m.get("publicKey")), bytes(m.get("signature")), text(m.get("sealedAt")), cos);
    }

    static Map<?, ?> map(Object o) {
        if (o instanceof Map<?, ?> m) {
            return m;
        }
        throw new IllegalArgumentException("expected an object");
    }

    static List<?> list(Object o) {
        if (o instanceof List<?> l) {
            return l;
        }
        throw new IllegalArgumentException("expected an array");
    }

    static String text(Object o) {
        if (o instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("expected a string");
    }

    static String optionalText(Object o) {
        return o == null ? null : text(o);
    }

    static long number(Object o) {
        if (o instanceof Long l) {
            return l;
        }
        throw new IllegalArgumentException("expected an integer");
    }

    static byte[] bytes(Object o) {
        try {
            return Base64.getDecoder().decode(text(o));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a key or signature is not base64"); // not the JDK's words, which quote the byte
        }
    }

    @Override
    public String toString() {
        return "SealRecord[" + id + ", " + kind.code() + ", case " + caseId + ", hash " + contentHash + "]";
    }
}
