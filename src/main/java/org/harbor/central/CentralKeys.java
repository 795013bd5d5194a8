package org.harbor.central;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import org.harbor.crypto.AesGcm;
import org.harbor.crypto.Hmac;
import org.harbor.crypto.SecretKey;
import org.harbor.vault.Vault;

/**
 * The central data key and what is derived from it (ADR 0010). The key itself is a row of the
 * central vault (SQLCipher-encrypted, opened by a staff member's passphrase): it never goes to the
 * PostgreSQL server. From it:
 * <ul>
 *   <li>a key-wrapping key for the random per-case keys (AES-256-GCM, the case id as context);</li>
 *   <li>a blind-index key: HMAC-SHA-256 over {@code kind NUL value}, cut to 16 bytes.</li>
 * </ul>
 * Field ciphertexts are {@code 0x01 ‖ nonce ‖ AES-GCM(ciphertext ‖ tag)} with the table, column
 * and row as associated data, so a value moved to another row or column does not open.
 */
public final class CentralKeys implements AutoCloseable {

    static final byte FORMAT = 1;
    static final int INDEX_LENGTH = 16;
    private static final String LABEL = "harbor-central/1 ";

    private final SecretKey wrapKey;
    private final SecretKey indexKey;
    private final SecretKey auditKey;
    private final String keyId;

    private CentralKeys(SecretKey dataKey) {
        this.wrapKey = Hmac.derive(dataKey, LABEL + "case-key-wrap");
        this.indexKey = Hmac.derive(dataKey, LABEL + "blind-index");
        this.auditKey = Hmac.derive(dataKey, LABEL + "audit-chain");
        this.keyId = org.harbor.crypto.Hashes.hex(Hmac.sha256(dataKey, (LABEL + "key-id").getBytes(StandardCharsets.UTF_8)))
                .substring(0, 16);
    }

    /**
     * The central data key of this central vault: created at the first call (a random 32-byte key,
     * in the vault's encrypted database), read afterwards. The vault must be unlocked.
     */
    public static CentralKeys of(Vault vault) {
        return vault.transaction(CentralKeys::on);
    }

    /** As {@link #of(Vault)}, in the caller's transaction on the central vault's connection. */
    static CentralKeys on(java.sql.Connection c) throws java.sql.SQLException {
        {
            CentralSchema.migrate(c, CentralSchema.Dialect.SQLITE);
            try (PreparedStatement q = c.prepareStatement("SELECT data_key FROM central_keyring WHERE id = 1");
                 ResultSet row = q.executeQuery()) {
                if (row.next()) {
                    try (SecretKey key = SecretKey.wrap(row.getBytes(1))) {
                        return new CentralKeys(key);
                    }
                }
            }
            try (SecretKey key = SecretKey.random();
                 PreparedStatement insert = c.prepareStatement("INSERT INTO central_keyring(id, data_key, created_at) VALUES (1, ?, ?)")) {
                byte[] raw = key.copyBytes();
                try {
                    insert.setBytes(1, raw);
                    insert.setString(2, Times.now());
                    insert.executeUpdate();
                } finally {
                    SecretKey.wipe(raw);
                }
                return new CentralKeys(key);
            }
        }
    }

    /** For tests of the primitives only: keys from a given data key. */
    static CentralKeys fromDataKey(SecretKey dataKey) {
        return new CentralKeys(dataKey);
    }

    /** A short public id of the data key, recorded in a PostgreSQL database so that another key is refused. */
    public String keyId() {
        return keyId;
    }

    /** A fresh per-case key and its wrapped form. */
    record CaseKey(SecretKey key, byte[] wrapped) {
    }

    CaseKey newCaseKey(String caseId) {
        SecretKey key = SecretKey.random();
        byte[] raw = key.copyBytes();
        try {
            return new CaseKey(key, pack(AesGcm.seal(wrapKey, raw, context("case-key", caseId))));
        } finally {
            SecretKey.wipe(raw);
        }
    }

    SecretKey openCaseKey(String caseId, byte[] wrapped) {
        return SecretKey.wrap(open(wrapKey, wrapped, context("case-key", caseId)));
    }

    /** Encrypts one field under a case key; {@code where} names table, column and row. */
    static byte[] seal(SecretKey caseKey, String where, byte[] plain) {
        return pack(AesGcm.seal(caseKey, plain, context("field", where)));
    }

    static byte[] seal(SecretKey caseKey, String where, String plain) {
        return plain == null ? null : seal(caseKey, where, plain.getBytes(StandardCharsets.UTF_8));
    }

    static String openText(SecretKey caseKey, String where, byte[] sealed) {
        return sealed == null ? null : new String(open(caseKey, sealed, context("field", where)), StandardCharsets.UTF_8);
    }

    static byte[] openBytes(SecretKey caseKey, String where, byte[] sealed) {
        return sealed == null ? null : open(caseKey, sealed, context("field", where));
    }

    /** The keyed blind index of one normalised value of a kind (name, phonetic, birth year, …). */
    byte[] blind(String kind, String value) {
        byte[] message = (kind + "\0" + value).getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(Hmac.sha256(indexKey, message), INDEX_LENGTH);
    }

    /** The link of the central log's chain: HMAC-SHA-256 under the audit key of the previous hash and the entry. */
    byte[] chain(byte[] previous, byte[] entry) {
        byte[] message = new byte[previous.length + entry.length];
        System.arraycopy(previous, 0, message, 0, previous.length);
        System.arraycopy(entry, 0, message, previous.length, entry.length);
        return Hmac.sha256(auditKey, message);
    }

    private static byte[] context(String purpose, String where) {
        return (LABEL + purpose + "|" + where).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] pack(AesGcm.Sealed sealed) {
        return ByteBuffer.allocate(1 + sealed.nonce().length + sealed.ciphertext().length)
                .put(FORMAT).put(sealed.nonce()).put(sealed.ciphertext()).array();
    }

    private static byte[] open(SecretKey key, byte[] packed, byte[] aad) {
        if (packed.length < 1 + AesGcm.NONCE_LENGTH + 16 || packed[0] != FORMAT) {
            throw new CentralException("central.error.damaged", "an encrypted value is damaged or of an unknown format");
        }
        byte[] nonce = Arrays.copyOfRange(packed, 1, 1 + AesGcm.NONCE_LENGTH);
        byte[] ciphertext = Arrays.copyOfRange(packed, 1 + AesGcm.NONCE_LENGTH, packed.length);
        try {
            return AesGcm.open(key, new AesGcm.Sealed(nonce, ciphertext), aad);
        } catch (AesGcm.WrongKeyException e) {
            throw new CentralException("central.error.wrongKey", "an encrypted value does not open with the central keys");
        }
    }

    @Override
    public void close() {
        wrapKey.destroy();
        indexKey.destroy();
        auditKey.destroy();
    }

    @Override
    public String toString() {
        return "CentralKeys[" + keyId + "]";
    }
}
