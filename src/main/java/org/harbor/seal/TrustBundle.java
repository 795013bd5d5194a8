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
public record TrustBundle(String primaryRecipient, String backupRecipient, Minisign.PublicKey receiptKey, Sync sync) {

    /**
     * Where the office's sync server listens and the one TLS certificate a field vault accepts from
     * it (pinned: no certificate authority is asked, ADR 0015). Absent from bundles made without sync.
     *
     * @param url         {@code https://host:port}
     * @param certificate the server's X.509 certificate, DER
     */
    public record Sync(String url, byte[] certificate) {
        public Sync {
            if (url == null || !url.startsWith("https://") || url.length() > 300) {
                throw new IllegalArgumentException("the sync server's address is an https:// URL");
            }
            if (certificate == null || certificate.length == 0 || certificate.length > 16_384) {
                throw new IllegalArgumentException("the sync server's certificate is missing or too large");
            }
            certificate = certificate.clone();
        }

        @Override
        public byte[] certificate() {
            return certificate.clone();
        }

        /** The SHA-256 fingerprint of the certificate, to read out. */
        public String certificateFingerprint() {
            return Fingerprints.of(java.util.Base64.getEncoder().encodeToString(certificate));
        }
    }

    public TrustBundle(String primaryRecipient, String backupRecipient, Minisign.PublicKey receiptKey) {
        this(primaryRecipient, backupRecipient, receiptKey, null);
    }

    /** The same bundle with the sync server's address and certificate. */
    public TrustBundle withSync(Sync server) {
        return new TrustBundle(primaryRecipient, backupRecipient, receiptKey, server);
    }

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
        if (sync != null) {
            m.put("syncUrl", sync.url());
            m.put("syncCertificate", java.util.Base64.getEncoder().encodeToString(sync.certificate));
        }
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
            Sync sync = m.get("syncUrl") == null ? null
                    : new Sync(SealRecord.text(m.get("syncUrl")), java.util.Base64.getDecoder().decode(SealRecord.text(m.get("syncCertificate"))));
            return new TrustBundle(SealRecord.text(m.get("primaryRecipient")), SealRecord.text(m.get("backupRecipient")),
                    Minisign.parsePublicKey(SealRecord.text(m.get("receiptKey"))), sync);
        } catch (CanonicalJson.MalformedException | Minisign.FormatException e) {
            throw new IllegalArgumentException("not a Harbor trust bundle: " + e.getMessage());
        }
    }
}
