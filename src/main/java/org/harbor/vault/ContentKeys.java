package org.harbor.vault;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.harbor.crypto.AesGcm;
import org.harbor.crypto.CryptoRandom;
import org.harbor.crypto.Hashes;
import org.harbor.crypto.SecretKey;

/**
 * The keys an unlocked account holds beyond the data key (ADR 0011): its personal key, unwrapped
 * from its own key slot, and the content-class keys granted to it. The data key opens the
 * database; it does not open a class's content, nor anyone's signing seed.
 *
 * <ul>
 *   <li>The personal key is 32 random bytes wrapped in the account's key slot under the same
 *       passphrase-derived key as the data key. It is an X25519 private key; its public half is in
 *       {@code account_keys}, so a holder of a class key can grant it to an account that is not
 *       present. A key derived from it wraps the account's Ed25519 seed.</li>
 *   <li>A class key (one per {@link ContentClass}) encrypts that class's content, value by value.
 *       Each grant in {@code content_key_grants} wraps it to one account's public key (ephemeral
 *       X25519, SHA-256, AES-GCM).</li>
 * </ul>
 *
 * <p>Static helpers that see only a connection find the keys of the session through
 * {@link #of(Connection)}: a vault registers its keys for its one connection while unlocked.
 */
public final class ContentKeys implements AutoCloseable {

    /** Content that only some roles may read. */
    public enum ContentClass {
        /** Interview utterances and trafficking-history answers: interviewers and supervisors. */
        INTERVIEW;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Prefix of an encrypted value stored in a text column. */
    public static final String PREFIX = "hc1.";
    /** What a reader without the class key is shown instead of the value. */
    public static final String RESTRICTED = "[restricted]";

    private static final byte[] GRANT_INFO = "harbor content grant v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED_INFO = "harbor seed key v1".getBytes(StandardCharsets.US_ASCII);
    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder UNB64 = Base64.getDecoder();
    private static final Map<Connection, ContentKeys> BY_CONNECTION = new ConcurrentHashMap<>();

    private final String slotId;
    private final SecretKey personal;
    private final Map<ContentClass, SecretKey> classKeys = new EnumMap<>(ContentClass.class);

    ContentKeys(String slotId, SecretKey personal) {
        this.slotId = slotId;
        this.personal = personal;
    }

    /** The keys of the session that owns this connection; empty when none are registered (locked, or a bare connection). */
    public static Optional<ContentKeys> of(Connection c) {
        return Optional.ofNullable(BY_CONNECTION.get(c));
    }

    static void register(Connection c, ContentKeys keys) {
        BY_CONNECTION.put(c, keys);
    }

    static void unregister(Connection c) {
        ContentKeys keys = BY_CONNECTION.remove(c);
        if (keys != null) {
            keys.close();
        }
    }

    SecretKey personalCopy() {
        return personal.copy();
    }

    /** These class keys, held by another slot's personal key from now on (this object is closed by the caller). */
    synchronized ContentKeys adoptedBy(String slot, SecretKey newPersonal) {
        ContentKeys next = new ContentKeys(slot, newPersonal);
        classKeys.forEach((cls, key) -> next.classKeys.put(cls, key.copy()));
        return next;
    }

    /** The key slot these keys were opened from ({@code recovery} for the recovery key). */
    public String slotId() {
        return slotId;
    }

    public synchronized boolean holds(ContentClass cls) {
        return classKeys.containsKey(cls);
    }

    /** The X25519 public key of a personal key. */
    public static byte[] publicKeyOf(SecretKey personal) {
        byte[] priv = personal.copyBytes();
        try {
            byte[] pub = new byte[X25519.POINT_SIZE];
            X25519.scalarMultBase(priv, 0, pub, 0);
            return pub;
        } finally {
            SecretKey.wipe(priv);
        }
    }

    public byte[] publicKey() {
        return publicKeyOf(personal);
    }

    // ---- content -------------------------------------------------------------------------

    /** Encrypts {@code text} under the class key; refuses when this session does not hold it. */
    public synchronized String encrypt(ContentClass cls, String context, String text) {
        if (text == null) {
            return null;
        }
        SecretKey key = classKeys.get(cls);
        if (key == null) {
            throw new IllegalStateException("this account does not hold the " + cls.code() + " key");
        }
        AesGcm.Sealed sealed = AesGcm.seal(key, text.getBytes(StandardCharsets.UTF_8), aad(cls, context));
        return PREFIX + cls.code() + "." + B64.encodeToString(sealed.nonce()) + "." + B64.encodeToString(sealed.ciphertext());
    }

    /**
     * The clear text of a stored value: as it is when it was stored in clear, {@link #RESTRICTED}
     * when this session lacks the class key.
     */
    public synchronized String decrypt(String context, String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        String[] parts = stored.split("\\.");
        ContentClass cls;
        try {
            cls = ContentClass.valueOf(parts[1].toUpperCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            return RESTRICTED;
        }
        SecretKey key = classKeys.get(cls);
        if (key == null) {
            return RESTRICTED;
        }
        try {
            return new String(AesGcm.open(key, new AesGcm.Sealed(UNB64.decode(parts[2]), UNB64.decode(parts[3])),
                    aad(cls, context)), StandardCharsets.UTF_8);
        } catch (AesGcm.WrongKeyException | RuntimeException e) {
            throw new IllegalStateException("an encrypted value was altered");
        }
    }

    /** {@link #decrypt} for a connection that may have no keys registered (then encrypted values read as restricted). */
    public static String read(Connection c, String context, String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        return of(c).map(k -> k.decrypt(context, stored)).orElse(RESTRICTED);
    }

    /** Encrypts for a connection's session, or refuses when it does not hold the class key. */
    public static String write(Connection c, ContentClass cls, String context, String text) {
        return of(c).orElseThrow(() -> new IllegalStateException("no content keys for this connection"))
                .encrypt(cls, context, text);
    }

    /**
     * What to store for {@code text} of class {@code cls}: encrypted when this session holds the
     * class key; as it is in a vault whose class has not been created yet (the first supervisor
     * log-in creates it and encrypts what was written before). Refused when the class exists but
     * this account has not been given its key: nothing of the class is ever written in clear
     * beside encrypted values.
     */
    public static String protect(Connection c, ContentClass cls, String context, String text) throws SQLException {
        if (text == null) {
            return null;
        }
        Optional<ContentKeys> keys = of(c);
        if (keys.isPresent() && keys.get().holds(cls)) {
            return keys.get().encrypt(cls, context, text);
        }
        if (classExists(c, cls)) {
            throw new SQLException("this account has not been given the " + cls.code() + " key yet");
        }
        return text;
    }

    /** What an utterance's encrypted text is bound to. */
    public static String utteranceContext(String sessionId) {
        return "utterances.text|" + sessionId;
    }

    /** What an encrypted answer value is bound to (not its path, which moves when a repeat entry is removed). */
    public static String answerContext(String submissionId) {
        return "form_answers.value|" + submissionId;
    }

    private static byte[] aad(ContentClass cls, String context) {
        return ("harbor content v1|" + cls.code() + "|" + context).getBytes(StandardCharsets.UTF_8);
    }

    // ---- class keys and grants -----------------------------------------------------------

    /** Loads the grants made to this slot: one X25519 and one AES-GCM per class, no per-row work. */
    synchronized void loadGrants(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT content_class, ephemeral, nonce, wrapped FROM content_key_grants WHERE slot_id = ?")) {
            q.setString(1, slotId);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    ContentClass cls;
                    try {
                        cls = ContentClass.valueOf(rows.getString(1).toUpperCase(java.util.Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        continue;
                    }
                    SecretKey key = unwrapGrant(cls, rows.getBytes(2), rows.getBytes(3), rows.getBytes(4));
                    if (key != null) {
                        SecretKey old = classKeys.put(cls, key);
                        if (old != null) {
                            old.destroy();
                        }
                    }
                }
            }
        }
    }

    /** Whether the vault has a key for this class yet (some account holds a grant of it). */
    public static boolean classExists(Connection c, ContentClass cls) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM content_key_grants WHERE content_class = ? LIMIT 1")) {
            q.setString(1, cls.code());
            try (ResultSet row = q.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Makes the class key and grants it to this session's own slot. The caller re-encrypts existing content. */
    public synchronized void createClass(Connection c, ContentClass cls, String now) throws SQLException {
        if (classKeys.containsKey(cls)) {
            return;
        }
        classKeys.put(cls, SecretKey.random());
        grant(c, cls, slotId, publicKey(), now);
    }

    /** Wraps a class key this session holds to another account's public key. */
    public synchronized void grant(Connection c, ContentClass cls, String toSlot, byte[] toPublic, String now) throws SQLException {
        SecretKey key = classKeys.get(cls);
        if (key == null) {
            throw new IllegalStateException("this account does not hold the " + cls.code() + " key");
        }
        byte[] ephemeral = CryptoRandom.bytes(X25519.SCALAR_SIZE);
        byte[] ephemeralPublic = new byte[X25519.POINT_SIZE];
        X25519.scalarMultBase(ephemeral, 0, ephemeralPublic, 0);
        byte[] shared = new byte[X25519.POINT_SIZE];
        X25519.calculateAgreement(ephemeral, 0, toPublic, 0, shared, 0);
        SecretKey.wipe(ephemeral);
        byte[] raw = key.copyBytes();
        try (SecretKey kek = SecretKey.wrap(Hashes.sha256(GRANT_INFO, shared, ephemeralPublic, toPublic))) {
            AesGcm.Sealed sealed = AesGcm.seal(kek, raw, grantAad(cls, toSlot));
            try (PreparedStatement upsert = c.prepareStatement("""
                    INSERT INTO content_key_grants(slot_id, content_class, recipient, ephemeral, nonce, wrapped, granted_at)
                    VALUES (?,?,?,?,?,?,?) ON CONFLICT(slot_id, content_class) DO UPDATE SET recipient = excluded.recipient,
                    ephemeral = excluded.ephemeral, nonce = excluded.nonce, wrapped = excluded.wrapped,
                    granted_at = excluded.granted_at""")) {
                upsert.setString(1, toSlot);
                upsert.setString(2, cls.code());
                upsert.setBytes(3, toPublic);
                upsert.setBytes(4, ephemeralPublic);
                upsert.setBytes(5, sealed.nonce());
                upsert.setBytes(6, sealed.ciphertext());
                upsert.setString(7, now);
                upsert.executeUpdate();
            }
        } finally {
            SecretKey.wipe(raw);
            SecretKey.wipe(shared);
        }
    }

    private SecretKey unwrapGrant(ContentClass cls, byte[] ephemeralPublic, byte[] nonce, byte[] wrapped) {
        byte[] priv = personal.copyBytes();
        byte[] shared = new byte[X25519.POINT_SIZE];
        try {
            X25519.calculateAgreement(priv, 0, ephemeralPublic, 0, shared, 0);
            try (SecretKey kek = SecretKey.wrap(Hashes.sha256(GRANT_INFO, shared, ephemeralPublic, publicKey()))) {
                return SecretKey.wrap(AesGcm.open(kek, new AesGcm.Sealed(nonce, wrapped), grantAad(cls, slotId)));
            }
        } catch (AesGcm.WrongKeyException | RuntimeException e) {
            return null; // a grant to an earlier personal key of this slot: re-granted by a holder
        } finally {
            SecretKey.wipe(priv);
            SecretKey.wipe(shared);
        }
    }

    private static byte[] grantAad(ContentClass cls, String slot) {
        return ("harbor grant v1|" + cls.code() + "|" + slot).getBytes(StandardCharsets.UTF_8);
    }

    /** Publishes this slot's public key, so holders can grant to it. */
    synchronized void publish(Connection c, String now) throws SQLException {
        publish(c, slotId, publicKey(), now);
    }

    /** Publishes the public key of a slot's personal key. */
    public static void publish(Connection c, String slot, byte[] publicKey, String now) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("""
                INSERT INTO account_keys(slot_id, public_key, created_at) VALUES (?,?,?)
                ON CONFLICT(slot_id) DO UPDATE SET public_key = excluded.public_key, created_at = excluded.created_at""")) {
            upsert.setString(1, slot);
            upsert.setBytes(2, publicKey);
            upsert.setString(3, now);
            upsert.executeUpdate();
        }
    }

    /** The published public key of a slot. */
    public static Optional<byte[]> publicKeyOf(Connection c, String slot) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT public_key FROM account_keys WHERE slot_id = ?")) {
            q.setString(1, slot);
            try (ResultSet row = q.executeQuery()) {
                return row.next() ? Optional.of(row.getBytes(1)) : Optional.empty();
            }
        }
    }

    /** Whether {@code slot} holds a grant of {@code cls} made to its current public key. */
    public static boolean granted(Connection c, String slot, ContentClass cls) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("""
                SELECT 1 FROM content_key_grants g JOIN account_keys k ON k.slot_id = g.slot_id
                WHERE g.slot_id = ? AND g.content_class = ? AND g.recipient = k.public_key""")) {
            q.setString(1, slot);
            q.setString(2, cls.code());
            try (ResultSet row = q.executeQuery()) {
                return row.next();
            }
        }
    }

    // ---- secrets sealed to one account ----------------------------------------------------

    /**
     * Seals {@code secret} to an account's public key (ephemeral X25519, SHA-256, AES-GCM): used
     * for signing seeds, which anyone may make for an account but only its owner opens.
     * Layout: version 1, ephemeral public key (32), nonce (12), ciphertext with tag.
     */
    public static byte[] sealTo(byte[] recipient, String context, byte[] secret) {
        byte[] ephemeral = CryptoRandom.bytes(X25519.SCALAR_SIZE);
        byte[] ephemeralPublic = new byte[X25519.POINT_SIZE];
        X25519.scalarMultBase(ephemeral, 0, ephemeralPublic, 0);
        byte[] shared = new byte[X25519.POINT_SIZE];
        X25519.calculateAgreement(ephemeral, 0, recipient, 0, shared, 0);
        SecretKey.wipe(ephemeral);
        try (SecretKey kek = SecretKey.wrap(Hashes.sha256(SEED_INFO, shared, ephemeralPublic, recipient))) {
            AesGcm.Sealed sealed = AesGcm.seal(kek, secret, context.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[1 + 32 + sealed.nonce().length + sealed.ciphertext().length];
            out[0] = 1;
            System.arraycopy(ephemeralPublic, 0, out, 1, 32);
            System.arraycopy(sealed.nonce(), 0, out, 33, sealed.nonce().length);
            System.arraycopy(sealed.ciphertext(), 0, out, 33 + sealed.nonce().length, sealed.ciphertext().length);
            return out;
        } finally {
            SecretKey.wipe(shared);
        }
    }

    /** Whether a stored value is sealed to an account (rather than a legacy value in clear). */
    public static boolean isSealed(byte[] stored) {
        return stored != null && stored.length >= 1 + 32 + AesGcm.NONCE_LENGTH + 16 && stored[0] == 1;
    }

    /** @throws AesGcm.WrongKeyException when it was not sealed to this account, or was altered */
    public byte[] openSealed(String context, byte[] stored) throws AesGcm.WrongKeyException {
        if (!isSealed(stored)) {
            throw new AesGcm.WrongKeyException();
        }
        byte[] ephemeralPublic = java.util.Arrays.copyOfRange(stored, 1, 33);
        byte[] nonce = java.util.Arrays.copyOfRange(stored, 33, 33 + AesGcm.NONCE_LENGTH);
        byte[] ct = java.util.Arrays.copyOfRange(stored, 33 + AesGcm.NONCE_LENGTH, stored.length);
        byte[] priv = personal.copyBytes();
        byte[] shared = new byte[X25519.POINT_SIZE];
        try {
            X25519.calculateAgreement(priv, 0, ephemeralPublic, 0, shared, 0);
            try (SecretKey kek = SecretKey.wrap(Hashes.sha256(SEED_INFO, shared, ephemeralPublic, publicKey()))) {
                return AesGcm.open(kek, new AesGcm.Sealed(nonce, ct), context.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IllegalStateException e) {
            throw new AesGcm.WrongKeyException();
        } finally {
            SecretKey.wipe(priv);
            SecretKey.wipe(shared);
        }
    }

    @Override
    public synchronized void close() {
        personal.destroy();
        classKeys.values().forEach(SecretKey::destroy);
        classKeys.clear();
    }
}
