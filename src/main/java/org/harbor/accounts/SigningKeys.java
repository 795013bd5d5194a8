package org.harbor.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.harbor.crypto.Ed25519;
import org.harbor.crypto.Minisign;
import org.harbor.crypto.SecretKey;

/**
 * The Ed25519 keys of a vault, kept inside its encrypted database: one per user (made with the
 * account, or at the first seal of an account older than sealing), one for the device (it signs
 * packages) and, in a central vault, one for receipts. Private keys leave the database only as a
 * {@link Ed25519.SigningKey} that the caller closes after signing.
 */
public final class SigningKeys {

    /** What a key is for. */
    public enum Purpose {
        USER, DEVICE, RECEIPT;

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private SigningKeys() {
    }

    /** The user's key, made now if the account has none yet. */
    public static Minisign.PublicKey userKey(Connection c, long userId, String now) throws SQLException {
        Optional<Minisign.PublicKey> existing = find(c, "purpose = 'user' AND user_id = ?", userId);
        return existing.isPresent() ? existing.get() : create(c, Purpose.USER, userId, now);
    }

    /** The vault's device or receipt key, made now if there is none yet. */
    public static Minisign.PublicKey vaultKey(Connection c, Purpose purpose, String now) throws SQLException {
        if (purpose == Purpose.USER) {
            throw new IllegalArgumentException("a user key belongs to an account");
        }
        Optional<Minisign.PublicKey> existing = find(c, "purpose = '" + purpose.code() + "'", null);
        return existing.isPresent() ? existing.get() : create(c, purpose, null, now);
    }

    /** The private key with this id; the caller closes it. */
    public static Ed25519.SigningKey open(Connection c, Minisign.PublicKey key) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT seed FROM signing_keys WHERE key_id = ?")) {
            q.setString(1, key.keyIdHex());
            try (ResultSet row = q.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("no private key for this key id");
                }
                Ed25519.SigningKey signing = Ed25519.SigningKey.fromSeed(row.getBytes(1));
                if (!signing.publicKey().equals(key.key())) {
                    signing.destroy();
                    throw new SQLException("the stored key does not match its public part");
                }
                return signing;
            }
        }
    }

    static Minisign.PublicKey create(Connection c, Purpose purpose, Long userId, String now) throws SQLException {
        byte[] keyId = Minisign.newKeyId();
        try (Ed25519.SigningKey key = Ed25519.generate()) {
            byte[] seed = key.copySeed();
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO signing_keys(key_id, purpose, user_id, public_key, seed, created_at) VALUES (?,?,?,?,?,?)")) {
                insert.setString(1, Minisign.hexId(keyId));
                insert.setString(2, purpose.code());
                if (userId == null) {
                    insert.setNull(3, java.sql.Types.INTEGER);
                } else {
                    insert.setLong(3, userId);
                }
                insert.setBytes(4, key.publicKey().bytes());
                insert.setBytes(5, seed);
                insert.setString(6, now);
                insert.executeUpdate();
            } finally {
                SecretKey.wipe(seed);
            }
            return new Minisign.PublicKey(keyId, key.publicKey());
        }
    }

    private static Optional<Minisign.PublicKey> find(Connection c, String where, Long userId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT key_id, public_key FROM signing_keys WHERE " + where)) {
            if (userId != null) {
                q.setLong(1, userId);
            }
            try (ResultSet row = q.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Minisign.PublicKey(Minisign.keyIdFromHex(row.getString(1)),
                        new Ed25519.PublicKey(row.getBytes(2))));
            }
        }
    }
}
