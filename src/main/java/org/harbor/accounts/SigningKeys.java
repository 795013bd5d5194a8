package org.harbor.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.harbor.crypto.AesGcm;
import org.harbor.vault.ContentKeys;
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
        Optional<Minisign.PublicKey> existing = find(c, "purpose = 'user' AND user_id = ? AND retired_at IS NULL", userId);
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

    /**
     * The private key with this id; the caller closes it. Refused ({@code vault.integrity.refused})
     * when the vault failed its integrity check: nothing is signed from a damaged vault.
     */
    public static Ed25519.SigningKey open(Connection c, Minisign.PublicKey key) throws SQLException {
        org.harbor.vault.Vault.requireIntact(c);
        try (PreparedStatement q = c.prepareStatement("SELECT seed FROM signing_keys WHERE key_id = ?")) {
            q.setString(1, key.keyIdHex());
            try (ResultSet row = q.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("no private key for this key id");
                }
                byte[] stored = row.getBytes(1);
                byte[] seed = stored;
                if (ContentKeys.isSealed(stored)) {
                    ContentKeys own = ContentKeys.of(c).orElseThrow(() -> new SQLException("no account keys to open the key"));
                    try {
                        seed = own.openSealed(seedContext(key.keyIdHex()), stored);
                    } catch (AesGcm.WrongKeyException e) {
                        throw new SQLException("this private key belongs to another account");
                    }
                } else if (stored.length != 32) {
                    throw new SQLException("this private key was retired");
                }
                Ed25519.SigningKey signing = Ed25519.SigningKey.fromSeed(seed); // takes ownership of the seed
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
                insert.setBytes(5, purpose == Purpose.USER ? ContentKeys.sealTo(ownerPublicKey(c, userId),
                        seedContext(Minisign.hexId(keyId)), seed) : seed);
                insert.setString(6, now);
                insert.executeUpdate();
            } finally {
                SecretKey.wipe(seed);
            }
            return new Minisign.PublicKey(keyId, key.publicKey());
        }
    }

    /** What a user's sealed seed is bound to. */
    static String seedContext(String keyIdHex) {
        return "harbor seed v1|" + keyIdHex;
    }

    /** The published X25519 public key of a user's key slot: a user's seed is sealed to it (ADR 0011). */
    private static byte[] ownerPublicKey(Connection c, long userId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT k.public_key FROM users u JOIN account_keys k ON k.slot_id = u.slot_id WHERE u.id = ?")) {
            q.setLong(1, userId);
            try (ResultSet row = q.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("this account has no public key yet; it gets one at its next log-in");
                }
                return row.getBytes(1);
            }
        }
    }

    /**
     * Seals each user seed still stored in clear (a vault from before ADR 0011) to its owner's
     * public key; an owner who has not logged in since has none, and its key is retired: the seed
     * is wiped, the public key stays enrolled for the seals it made, and the account gets a new key
     * at its next seal. Cheap when there is nothing left to do.
     */
    public static int sealLegacySeeds(Connection c, String now) throws SQLException {
        int changed = 0;
        List<Object[]> legacy = new java.util.ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("""
                SELECT s.key_id, s.seed, k.public_key FROM signing_keys s JOIN users u ON u.id = s.user_id
                LEFT JOIN account_keys k ON k.slot_id = u.slot_id
                WHERE s.purpose = 'user' AND s.retired_at IS NULL AND length(s.seed) = 32""");
             ResultSet rows = q.executeQuery()) {
            while (rows.next()) {
                legacy.add(new Object[] {rows.getString(1), rows.getBytes(2), rows.getBytes(3)});
            }
        }
        for (Object[] row : legacy) {
            byte[] seed = (byte[]) row[1];
            try (PreparedStatement update = c.prepareStatement(row[2] == null
                    ? "UPDATE signing_keys SET seed = zeroblob(0), retired_at = ? WHERE key_id = ?"
                    : "UPDATE signing_keys SET seed = ? WHERE key_id = ?")) {
                if (row[2] == null) {
                    update.setString(1, now);
                } else {
                    update.setBytes(1, ContentKeys.sealTo((byte[]) row[2], seedContext((String) row[0]), seed));
                }
                update.setString(2, (String) row[0]);
                changed += update.executeUpdate();
            } finally {
                SecretKey.wipe(seed);
            }
        }
        return changed;
    }

    /** Whether the vault holds a key for this purpose (current or retired). */
    public static boolean exists(Connection c, Purpose purpose) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM signing_keys WHERE purpose = ?")) {
            q.setString(1, purpose.code());
            try (ResultSet row = q.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Whether {@code publicKey} with {@code keyId} is enrolled as a key of user {@code userId} (current or retired). */
    public static boolean enrolled(Connection c, long userId, String keyIdHex, byte[] publicKey) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT public_key FROM signing_keys WHERE key_id = ? AND purpose = 'user' AND user_id = ?")) {
            q.setString(1, keyIdHex);
            q.setLong(2, userId);
            try (ResultSet row = q.executeQuery()) {
                return row.next() && java.security.MessageDigest.isEqual(row.getBytes(1), publicKey);
            }
        }
    }

    /**
     * The vault's own key of this purpose with its private seed, for enrolling another central
     * workstation to the same receipt key (issue 17): the caller encrypts it to that workstation
     * and wipes the seed. Made now if there is none yet.
     */
    public static KeyPair exportVaultKey(Connection c, Purpose purpose, String now) throws SQLException {
        Minisign.PublicKey key = vaultKey(c, purpose, now);
        try (PreparedStatement q = c.prepareStatement("SELECT seed FROM signing_keys WHERE key_id = ?")) {
            q.setString(1, key.keyIdHex());
            try (ResultSet row = q.executeQuery()) {
                row.next();
                byte[] seed = row.getBytes(1);
                if (seed == null || seed.length != 32) {
                    throw new SQLException("this vault key is not held in a form that can be enrolled");
                }
                return new KeyPair(key, seed);
            }
        }
    }

    /**
     * Makes {@code pair} the vault's key of its purpose, in place of the one it had (an enrolled
     * central workstation signs receipts with the office's one key).
     *
     * @throws IllegalArgumentException when the seed does not make the public key
     */
    public static void installVaultKey(Connection c, Purpose purpose, KeyPair pair, String now) throws SQLException {
        if (purpose == Purpose.USER) {
            throw new IllegalArgumentException("a user key belongs to an account");
        }
        try (Ed25519.SigningKey check = Ed25519.SigningKey.fromSeed(pair.seed().clone())) {
            if (!check.publicKey().equals(pair.key().key())) {
                throw new IllegalArgumentException("the seed does not make this public key");
            }
        }
        try (PreparedStatement del = c.prepareStatement("DELETE FROM signing_keys WHERE purpose = ?");
             PreparedStatement ins = c.prepareStatement(
                     "INSERT INTO signing_keys(key_id, purpose, user_id, public_key, seed, created_at) VALUES (?,?,NULL,?,?,?)")) {
            del.setString(1, purpose.code());
            del.executeUpdate();
            ins.setString(1, pair.key().keyIdHex());
            ins.setString(2, purpose.code());
            ins.setBytes(3, pair.key().key().bytes());
            ins.setBytes(4, pair.seed());
            ins.setString(5, now);
            ins.executeUpdate();
        }
    }

    /** A vault key with its private seed (32 bytes; the holder wipes it). */
    public record KeyPair(Minisign.PublicKey key, byte[] seed) {
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
