package org.harbor.seal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.harbor.crypto.CanonicalJson;
import org.harbor.crypto.Ed25519;
import org.harbor.crypto.Hashes;
import org.harbor.crypto.Minisign;
import org.harbor.i18n.Refusal;

/**
 * The central office's signed statement that a package arrived whole: package id, manifest hash,
 * the case ids it held, and the time. The field vault checks it with the receipt key of its trust
 * bundle before it lets any of those cases be purged.
 */
public record Receipt(String packageId, String manifestHash, List<String> caseIds, String receivedAt, String keyId,
                      byte[] signature) {

    static final String FORMAT = "harbor-receipt/1";
    static final int MAX_FILE = 1 << 20;

    public Receipt {
        caseIds = List.copyOf(caseIds);
    }

    static Receipt sign(String packageId, String manifestHash, List<String> caseIds, String receivedAt, Minisign.PublicKey key,
                        Ed25519.SigningKey signing) {
        byte[] message = Hashes.sha256(CanonicalJson.bytes(body(packageId, manifestHash, caseIds, receivedAt, key.keyIdHex())));
        return new Receipt(packageId, manifestHash, caseIds, receivedAt, key.keyIdHex(), signing.sign(message));
    }

    boolean verifies(Minisign.PublicKey key) {
        if (!key.keyIdHex().equals(keyId)) {
            return false;
        }
        byte[] message = Hashes.sha256(CanonicalJson.bytes(body(packageId, manifestHash, caseIds, receivedAt, keyId)));
        return key.key().verifies(message, signature);
    }

    private static Map<String, Object> body(String packageId, String manifestHash, List<String> caseIds, String receivedAt, String keyId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("packageId", packageId);
        m.put("manifestHash", manifestHash);
        m.put("caseIds", new ArrayList<Object>(caseIds));
        m.put("receivedAt", receivedAt);
        m.put("keyId", keyId);
        return m;
    }

    public String toFile() {
        Map<String, Object> m = body(packageId, manifestHash, caseIds, receivedAt, keyId);
        m.put("signature", Base64.getEncoder().encodeToString(signature));
        return CanonicalJson.write(m) + "\n";
    }

    /** @throws Refusal if the file is not a receipt */
    static Receipt parse(byte[] file) {
        try {
            if (file.length > MAX_FILE) {
                throw new IllegalArgumentException("too large");
            }
            Map<?, ?> m = SealRecord.map(CanonicalJson.parse(file, 4));
            if (!FORMAT.equals(m.get("format"))) {
                throw new IllegalArgumentException("unknown format");
            }
            List<String> ids = new ArrayList<>();
            for (Object o : SealRecord.list(m.get("caseIds"))) {
                ids.add(SealRecord.text(o));
            }
            return new Receipt(SealRecord.text(m.get("packageId")), SealRecord.text(m.get("manifestHash")), ids,
                    SealRecord.text(m.get("receivedAt")), SealRecord.text(m.get("keyId")), SealRecord.bytes(m.get("signature")));
        } catch (CanonicalJson.MalformedException | IllegalArgumentException e) {
            throw new Refusal("receipt.error.format");
        }
    }

    @Override
    public String toString() {
        return "Receipt[" + packageId + ", " + caseIds.size() + " cases]";
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
