package org.harbor.seal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.harbor.crypto.Age;
import org.harbor.crypto.CanonicalJson;
import org.harbor.crypto.Fingerprints;
import org.harbor.crypto.Minisign;

/**
 * The central office's public keys, as a field vault receives them: the age recipients packages are
 * encrypted to (a primary and a backup) and the Ed25519 key that signs receipts. Public only: a
 * field vault that holds it can write packages but never read them.
 */
public record TrustBundle(String primaryRecipient, String backupRecipient, Minisign.PublicKey receiptKey) {

    static final String FORMAT = "harbor-trust/1";

    public TrustBundle {
        if (!Age.isRecipient(primaryRecipient) || !Age.isRecipient(backupRecipient)) {
            throw new IllegalArgumentException("the trust bundle's recipients are not age X25519 recipients");
        }
    }

    /** The fingerprint of the whole bundle, to compare with the one the central office reads out. */
    public String fingerprint() {
        return Fingerprints.of(CanonicalJson.bytes(toJson()));
    }

    public String primaryFingerprint() {
        return Fingerprints.of(primaryRecipient);
    }

    public String backupFingerprint() {
        return Fingerprints.of(backupRecipient);
    }

    public String receiptKeyFingerprint() {
        return receiptKey.fingerprint();
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("primaryRecipient", primaryRecipient);
        m.put("backupRecipient", backupRecipient);
        m.put("receiptKey", receiptKey.base64());
        return m;
    }

    public byte[] toFile() {
        return (CanonicalJson.write(toJson()) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** @throws IllegalArgumentException if the file is not a trust bundle */
    public static TrustBundle parse(byte[] file) {
        try {
            Map<?, ?> m = SealRecord.map(CanonicalJson.parse(file, 4));
            if (!FORMAT.equals(m.get("format"))) {
                throw new IllegalArgumentException("not a Harbor trust bundle");
            }
            return new TrustBundle(SealRecord.text(m.get("primaryRecipient")), SealRecord.text(m.get("backupRecipient")),
                    Minisign.parsePublicKey(SealRecord.text(m.get("receiptKey"))));
        } catch (CanonicalJson.MalformedException | Minisign.FormatException e) {
            throw new IllegalArgumentException("not a Harbor trust bundle: " + e.getMessage());
        }
    }
}
