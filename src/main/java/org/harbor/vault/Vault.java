package org.harbor.vault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.harbor.crypto.AesGcm;
import org.harbor.crypto.Argon2Params;
import org.harbor.crypto.Argon2id;
import org.harbor.crypto.CryptoRandom;
import org.harbor.crypto.Hashes;
import org.harbor.crypto.Hmac;
import org.harbor.crypto.SecretKey;
import org.harbor.i18n.Refusal;

/**
 * The encrypted store of one Harbor home: the database keyed with a random data key, and the key
 * slots that wrap that key for each account and for the recovery key.
 *
 * <p>Locked, it holds nothing secret. Unlocked, it holds the data key (needed to add or rewrap
 * slots) and the one writer connection; {@link #lock()} destroys both.
 */
public final class Vault implements AutoCloseable {

    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder UNB64 = Base64.getDecoder();
    private static final byte[] AUDIT_HEAD_AAD = "harbor audit head v1".getBytes(StandardCharsets.US_ASCII);

    private final HarborHome home;
    private final Clock clock;
    private final Supplier<Argon2Params> kdfParams;
    private SecretKey dataKey;
    private Connection connection;
    /** The personal and class keys of the account that unlocked (ADR 0011). */
    private ContentKeys contentKeys;
    /** How many {@link #transaction}s are running on this thread's call stack: inner ones are savepoints. */
    private int depth;
    /** The head file, open while the vault is unlocked; rewritten after every committed audit batch. */
    private AuditHeadFile headFile;
    /** The audit head appended in the current transaction, written to {@link #headFile} once it commits. */
    private AuditHead staged;
    /** What the last unlock found about the audit log's continuity (empty: it ends where it should). */
    private List<ContinuityProblem> continuity = List.of();
    /** vault_meta key whose presence says this vault keeps both heads (a sealed one and audit.head). */
    static final String HEADS_MARKER = "audit_heads";
    /** The open vault of each session connection, for {@link #requireIntact(Connection)}. */
    private static final java.util.Map<Connection, Vault> BY_CONNECTION = new java.util.concurrent.ConcurrentHashMap<>();
    /** This unlock's integrity check ({@code PRAGMA quick_check}), scheduled at open; null while locked. */
    private volatile IntegrityCheck integrity;
    /** How long after an unlock the integrity check starts: the case list is drawn first. */
    private volatile Duration integrityDelay = Duration.ofSeconds(3);
    private final List<java.util.function.Consumer<Integrity>> integrityListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** @param kdfParams parameters for new slots (calibrated on this machine; never below the floor) */
    public Vault(HarborHome home, Clock clock, Supplier<Argon2Params> kdfParams) {
        this.home = home;
        this.clock = clock;
        this.kdfParams = kdfParams;
    }

    /** The SQLite driver's native library goes to this vault folder, once, instead of the temporary folder at every start. */
    public static void prepareNativeLibrary(HarborHome home) {
        NativeSqlite.prepare(home.dir());
    }

    /** Loads what unlocking needs (JSON, SQLite driver, Argon2) ahead of need, off the UI thread. */
    public static void warmUp() {
        KeySlotFile.warmUp();
        Database.warmUp(HarborHome.resolve(null).dir());
        Argon2id.derive(new byte[] {0}, new byte[Argon2id.SALT_LENGTH], new Argon2Params(8, 1, 1)).destroy();
        // The key slots' cipher, the content keys' curve and the audit head's MAC, with a throwaway
        // key: the JDK's AES-GCM and HMAC and BouncyCastle's X25519 tables are set up once per
        // process, and were a fifth of the first unlock after a start (issue 16).
        SecretKey throwaway = SecretKey.random();
        try {
            byte[] context = "warm-up".getBytes(StandardCharsets.US_ASCII); // a context, as every real use has
            AesGcm.open(throwaway, AesGcm.seal(throwaway, new byte[SecretKey.LENGTH], context), context);
            ContentKeys.publicKeyOf(throwaway);
            Hmac.sha256(throwaway, context); // the audit head file's MAC
        } catch (AesGcm.WrongKeyException e) {
            throw new IllegalStateException("AES-GCM does not open what it sealed", e);
        } finally {
            throwaway.destroy();
        }
    }

    public HarborHome home() {
        return home;
    }

    public boolean exists() {
        return Files.exists(home.keySlots());
    }

    public synchronized boolean isUnlocked() {
        return connection != null;
    }

    /**
     * Creates the database, writes its first rows, then the key slots. Returns the recovery key,
     * which the caller shows once and destroys; the vault is left unlocked.
     *
     * <p>{@code keyslots.json} is written last: a crash before it leaves a database that can never
     * be opened, which the next setup moves aside, and never a vault that "exists" without its
     * first account.
     */
    public synchronized SecretKey create(String username, char[] passphrase, InitialRows initialRows) {
        if (exists()) {
            throw new Refusal("vault.error.exists");
        }
        try {
            createPrivateDirectory(home.dir());
            setAsideOrphans();
        } catch (IOException e) {
            throw new Refusal("vault.error.unavailable", e);
        }
        SecretKey key = SecretKey.random();
        SecretKey recovery = SecretKey.random();
        SecretKey personal = null;
        SecretKey recoveryPersonal = null;
        Connection opened = null;
        try {
            opened = Database.open(home.database(), key);
            Migrations.apply(opened);
            String salt = B64.encodeToString(CryptoRandom.bytes(16));
            String slotId = slotId(salt, username);
            personal = SecretKey.random();
            recoveryPersonal = SecretKey.random();
            String now = clock.instant().toString();
            ContentKeys.publish(opened, slotId, ContentKeys.publicKeyOf(personal), now);
            ContentKeys.publish(opened, KeySlot.RECOVERY_ID, ContentKeys.publicKeyOf(recoveryPersonal), now);
            initialRows.write(opened, slotId);
            setMarker(opened);
            opened.commit();
            staged = null;
            AuditHead tail = tail(opened);
            headFile = AuditHeadFile.create(home.auditHead(), key, tail.entries(), tail.hash());
            KeySlotFile file = new KeySlotFile(KeySlotFile.FORMAT, salt, List.of(), KeySlotFile.UnlockFailures.NONE,
                    sealHead(key, tail));
            file = file.withSlot(wrap(slotId, passphrase, key, personal));
            byte[] recoveryBytes = recovery.copyBytes();
            try {
                file = file.withSlot(wrap(KeySlot.RECOVERY_ID, recoveryBytes, key, recoveryPersonal));
            } finally {
                SecretKey.wipe(recoveryBytes);
                recoveryPersonal.destroy();
            }
            file.save(home);
        } catch (RuntimeException e) {
            destroy(personal, recoveryPersonal);
            closeHeadFile();
            Database.closeQuietly(opened);
            key.destroy();
            recovery.destroy();
            throw e;
        } catch (java.sql.SQLException | IOException e) {
            destroy(personal, recoveryPersonal);
            closeHeadFile();
            Database.closeQuietly(opened);
            key.destroy();
            recovery.destroy();
            throw new Refusal("vault.error.unavailable", e);
        }
        this.dataKey = key;
        this.connection = opened;
        this.contentKeys = new ContentKeys(slotId(KeySlotFile.load(home).vaultSalt(), username), personal);
        ContentKeys.register(opened, contentKeys);
        startIntegrityCheck(opened, key);
        return recovery;
    }

    private static void destroy(SecretKey... keys) {
        for (SecretKey k : keys) {
            if (k != null) {
                k.destroy();
            }
        }
    }

    /** The personal and class keys of the account that unlocked the vault (ADR 0011). */
    public synchronized ContentKeys contentKeys() {
        if (contentKeys == null) {
            throw new Refusal("vault.error.locked");
        }
        return contentKeys;
    }

    /** The first rows of a new vault, written before its key slots; gets the first account's slot id. */
    @FunctionalInterface
    public interface InitialRows {
        void write(Connection connection, String slotId) throws java.sql.SQLException;
    }

    /** Replaces the recovery slot with one for a new recovery key, which the caller shows once. */
    public synchronized SecretKey rotateRecoveryKey() {
        SecretKey key = requireKey();
        SecretKey recovery = SecretKey.random();
        byte[] recoveryBytes = recovery.copyBytes();
        try {
            try (SecretKey personal = SecretKey.random()) {
                KeySlotFile.load(home).withSlot(wrap(KeySlot.RECOVERY_ID, recoveryBytes, key, personal)).save(home);
                byte[] publicKey = ContentKeys.publicKeyOf(personal);
                transaction(c -> {
                    ContentKeys.publish(c, KeySlot.RECOVERY_ID, publicKey, clock.instant().toString());
                    return null;
                });
            }
        } catch (RuntimeException e) {
            recovery.destroy();
            throw e;
        } finally {
            SecretKey.wipe(recoveryBytes);
        }
        return recovery;
    }

    /**
     * Keeps the audit chain's head {@code (entries, hash)} outside the database, sealed with a key
     * derived from the data key: deleting the newest entries from the database then shows at the
     * next verification. Written when the vault locks.
     */
    public synchronized void sealAuditHead(long entries, String hash) {
        String text = sealHead(requireKey(), new AuditHead(entries, hash));
        KeySlotFile.load(home).withAuditHead(text).save(home);
    }

    private static String sealHead(SecretKey key, AuditHead head) {
        byte[] plain = (head.entries() + "|" + head.hash()).getBytes(StandardCharsets.US_ASCII);
        try (SecretKey headKey = auditHeadKey(key)) {
            AesGcm.Sealed sealed = AesGcm.seal(headKey, plain, AUDIT_HEAD_AAD);
            return B64.encodeToString(sealed.nonce()) + "." + B64.encodeToString(sealed.ciphertext());
        }
    }

    /** The head sealed at the last lock, if any. */
    public synchronized java.util.Optional<AuditHead> auditHead() {
        return openSealedHead(KeySlotFile.load(home).auditHead(), requireKey());
    }

    private static java.util.Optional<AuditHead> openSealedHead(String sealed, SecretKey key) {
        if (sealed == null || sealed.isEmpty()) {
            return java.util.Optional.empty();
        }
        String[] parts = sealed.split("\\.");
        try (SecretKey headKey = auditHeadKey(key)) {
            byte[] plain = AesGcm.open(headKey, new AesGcm.Sealed(UNB64.decode(parts[0]), UNB64.decode(parts[1])), AUDIT_HEAD_AAD);
            String[] fields = new String(plain, StandardCharsets.US_ASCII).split("\\|");
            return java.util.Optional.of(new AuditHead(Long.parseLong(fields[0]), fields[1]));
        } catch (AesGcm.WrongKeyException | RuntimeException e) {
            throw new Refusal("vault.error.damaged");
        }
    }

    /**
     * Whether this vault is known to keep a sealed head in {@code keyslots.json}: then a missing
     * one was removed, and {@code audit verify} says so instead of passing a cut log.
     */
    public synchronized boolean sealedHeadRequired() {
        Connection c = connection();
        try {
            return marker(c);
        } catch (java.sql.SQLException e) {
            throw new Refusal("vault.error.unavailable", e);
        }
    }

    /** How many audit entries there were, and the hash of the last, when the vault last locked. */
    public record AuditHead(long entries, String hash) {
    }

    /**
     * A break in the audit log's continuity found when the vault opened, in ids and counts only.
     *
     * @param code {@code writes_lost} (the log ends before the last acknowledged batch),
     *             {@code sealed_head_removed}, {@code sealed_head_altered}, {@code head_file_missing}
     *             or {@code head_file_altered}
     * @param expected entries the log held at the last acknowledged batch, or -1 when unknown
     * @param found entries it holds now
     */
    public record ContinuityProblem(String code, long expected, long found) {
    }

    /** What the last unlock found: empty when the audit log ends where the last acknowledged batch ended. */
    public synchronized List<ContinuityProblem> continuityAtOpen() {
        return continuity;
    }

    /**
     * Called by the audit log for each entry it appends: the head goes to {@code audit.head} once
     * the transaction commits, and is forgotten if it rolls back.
     */
    public synchronized void auditAppended(long entries, String hash) {
        staged = new AuditHead(entries, hash);
    }

    private void writeStagedHead() {
        AuditHead head = staged;
        staged = null;
        if (head != null && headFile != null) {
            try {
                headFile.write(head.entries(), head.hash());
            } catch (IOException e) {
                // The rows are committed; the next batch writes the whole head again. A head left
                // older than the log only weakens the check at the next open, never falsely alarms.
            }
        }
    }

    private static SecretKey auditHeadKey(SecretKey key) {
        byte[] raw = key.copyBytes();
        try {
            return SecretKey.wrap(Hashes.sha256(AUDIT_HEAD_AAD, raw));
        } finally {
            SecretKey.wipe(raw);
        }
    }

    /** Forgets the failed unlocks (passphrase and recovery key) once they are in the audit log. */
    public synchronized void clearUnlockFailures() {
        KeySlotFile file = KeySlotFile.load(home);
        if (file.failures().count() > 0 || file.recoveryFailures().count() > 0) {
            file.withFailures(KeySlotFile.UnlockFailures.NONE).withRecoveryFailures(KeySlotFile.UnlockFailures.NONE).save(home);
        }
    }

    /** The times of failed recovery-key attempts found at the last unlock, for the audit log. */
    public synchronized List<String> recoveryFailuresAtOpen() {
        return recoveryFailuresAtOpen;
    }

    private List<String> recoveryFailuresAtOpen = List.of();

    /** @return the times of failed attempts since the last success, for the audit log */
    private volatile long lastKeyDerivationNanos;

    public synchronized List<String> unlock(String username, char[] passphrase) {
        KeySlotFile file = checkThrottle(false);
        String id = slotId(file.vaultSalt(), username);
        KeySlot slot = file.slot(id).orElse(null);
        if (slot == null) {
            // Same work as a real attempt, so timing does not tell which names have accounts.
            Argon2Params decoy = file.slots().stream().filter(s -> !s.id().equals(KeySlot.RECOVERY_ID))
                    .filter(s -> s.alteration().isEmpty())
                    .map(KeySlot::params).findFirst().orElse(Argon2Params.FLOOR);
            Argon2id.derive(passphrase, CryptoRandom.bytes(Argon2id.SALT_LENGTH), decoy).destroy();
            throw recordFailure(file, false, new WrongPassphrase());
        }
        requireUnaltered(slot);
        SecretKey key;
        Personal personal;
        long derivation = System.nanoTime();
        try (SecretKey kek = Argon2id.derive(passphrase, UNB64.decode(slot.salt()), slot.params())) {
            lastKeyDerivationNanos = System.nanoTime() - derivation;
            key = unwrap(slot, kek);
            personal = personal(slot, kek, key);
        } catch (AesGcm.WrongKeyException e) {
            throw recordFailure(file, false, new WrongPassphrase());
        }
        return open(file, personal.slot(), key, personal.key());
    }

    /**
     * How long the key derivation of the last successful passphrase unlock took. DESIGN's unlock
     * budget counts what comes after it; {@code bench/unlock.sh} subtracts this from a log-in.
     */
    public java.time.Duration lastKeyDerivation() {
        return java.time.Duration.ofNanos(lastKeyDerivationNanos);
    }

    /**
     * Opens with the recovery key. Its attempts have their own counter: failed passphrases never
     * delay the recovery key (a 256-bit random key cannot be guessed anyway; its failures are
     * still counted and audited).
     */
    public synchronized List<String> unlockWithRecovery(SecretKey recoveryKey) {
        KeySlotFile file = checkThrottle(true);
        KeySlot slot = file.slot(KeySlot.RECOVERY_ID).orElseThrow(() -> new Refusal("vault.error.damaged"));
        requireUnaltered(slot);
        byte[] secret = recoveryKey.copyBytes();
        SecretKey key;
        Personal personal;
        try (SecretKey kek = Argon2id.derive(secret, UNB64.decode(slot.salt()), slot.params())) {
            key = unwrap(slot, kek);
            personal = personal(slot, kek, key);
        } catch (AesGcm.WrongKeyException e) {
            throw recordFailure(file, true, new WrongRecoveryKey());
        } finally {
            SecretKey.wipe(secret);
        }
        return open(file, personal.slot(), key, personal.key());
    }

    /** A slot's personal key, and the slot as it is to be saved (with a new personal key if it had none). */
    private record Personal(KeySlot slot, SecretKey key) {
    }

    /**
     * Unwraps the personal key of a slot; a slot from before ADR 0011 gets one now (its unwrap of
     * the data key has just proved the slot key), saved once the vault opens.
     */
    private static Personal personal(KeySlot slot, SecretKey kek, SecretKey dataKey) throws AesGcm.WrongKeyException {
        if (slot.personal() == null) {
            SecretKey fresh = SecretKey.random();
            return new Personal(slot.withPersonal(sealPersonal(slot, kek, fresh)), fresh);
        }
        String[] parts = slot.personal().split("\\.");
        try {
            byte[] raw = AesGcm.open(kek, new AesGcm.Sealed(UNB64.decode(parts[0]), UNB64.decode(parts[1])),
                    slot.personalAssociatedData());
            return new Personal(slot, SecretKey.wrap(raw));
        } catch (AesGcm.WrongKeyException | RuntimeException e) {
            dataKey.destroy();
            throw new AesGcm.WrongKeyException();
        }
    }

    private static String sealPersonal(KeySlot slot, SecretKey kek, SecretKey personal) {
        byte[] raw = personal.copyBytes();
        try {
            AesGcm.Sealed sealed = AesGcm.seal(kek, raw, slot.personalAssociatedData());
            return B64.encodeToString(sealed.nonce()) + "." + B64.encodeToString(sealed.ciphertext());
        } finally {
            SecretKey.wipe(raw);
        }
    }

    /** Refuses a slot whose fields were edited, before any derivation and without counting a failure. */
    private static void requireUnaltered(KeySlot slot) {
        java.util.Optional<String> alteration = slot.alteration();
        if (alteration.isPresent()) {
            throw new Refusal("vault.error.keyFileAltered");
        }
    }

    /**
     * Adds or replaces the slot of {@code username}; only this one slot is rewritten. The slot of
     * the account that unlocked keeps its personal key; any other slot gets a new one, whose
     * public key is published here (the caller grants it the classes its role may read).
     *
     * @param adopt the session continues as this account (after a recovery): its personal key
     *              becomes the session's, keeping the class keys the session holds
     * @return the public key of the slot's personal key
     */
    public synchronized byte[] putSlot(String username, char[] passphrase, boolean adopt) {
        SecretKey key = requireKey();
        KeySlotFile file = KeySlotFile.load(home);
        String id = slotId(file.vaultSalt(), username);
        boolean own = contentKeys != null && contentKeys.slotId().equals(id);
        SecretKey personal = own ? contentKeys.personalCopy() : SecretKey.random();
        try {
            byte[] publicKey = ContentKeys.publicKeyOf(personal);
            file.withSlot(wrap(id, passphrase, key, personal)).save(home);
            try {
                ContentKeys.publish(connection(), id, publicKey, clock.instant().toString());
            } catch (java.sql.SQLException e) {
                throw new Refusal("vault.error.unavailable", e);
            }
            if (adopt && !own) {
                ContentKeys next = contentKeys.adoptedBy(id, personal);
                personal = null;
                ContentKeys.unregister(connection);
                contentKeys = next;
                ContentKeys.register(connection, next);
            }
            return publicKey;
        } finally {
            if (personal != null) {
                personal.destroy();
            }
        }
    }

    /** {@link #putSlot(String, char[], boolean)} without adopting. */
    public synchronized byte[] putSlot(String username, char[] passphrase) {
        return putSlot(username, passphrase, false);
    }

    /** Whether {@code passphrase} opens the slot of {@code username}; the unlocked state is unchanged. */
    public synchronized boolean opensWith(String username, char[] passphrase) {
        SecretKey current = requireKey();
        KeySlotFile file = KeySlotFile.load(home);
        KeySlot slot = file.slot(slotId(file.vaultSalt(), username)).orElse(null);
        if (slot == null) {
            return false;
        }
        requireUnaltered(slot);
        try (SecretKey kek = Argon2id.derive(passphrase, UNB64.decode(slot.salt()), slot.params());
             SecretKey key = unwrap(slot, kek)) {
            return key.sameAs(current);
        } catch (AesGcm.WrongKeyException e) {
            return false;
        }
    }

    public synchronized void removeSlot(String username) {
        requireKey();
        KeySlotFile file = KeySlotFile.load(home);
        file.withoutSlot(slotId(file.vaultSalt(), username)).save(home);
    }

    public String slotIdFor(String username) {
        return slotId(KeySlotFile.load(home).vaultSalt(), username);
    }

    public synchronized Connection connection() {
        if (connection == null) {
            throw new Refusal("vault.error.locked");
        }
        return connection;
    }

    /**
     * Runs {@code work} as one transaction on the writer connection: all of it is committed, or
     * none of it. The one way to write: a service's single statement and a command's many service
     * calls alike. Called again inside {@code work} (one service calling another, or a command that
     * must write everything or nothing, such as {@code case import}), the inner call becomes a
     * savepoint, undone alone if its work fails, and nothing is committed until the outermost work
     * returns. On any exception or error the transaction (or savepoint) is rolled back and the
     * exception passes through unchanged, except an {@link java.sql.SQLException}, which becomes the
     * refusal {@code vault.error.unavailable}. The audit head appended by committed work goes to
     * {@code audit.head} after the commit and is forgotten on rollback. Other threads wait meanwhile.
     *
     * @param <E> what {@code work} may throw besides SQL errors and unchecked exceptions (an
     *            {@link IOException} of a command that writes files, say); inferred from the lambda
     */
    public synchronized <T, E extends Exception> T transaction(SqlWork<T, E> work) throws E {
        Connection c = connection();
        if (depth > 0) {
            return nested(c, work);
        }
        depth++;
        try {
            T result = work.run(c);
            c.commit();
            writeStagedHead();
            return result;
        } catch (java.sql.SQLException e) {
            rollback(c);
            throw new Refusal("vault.error.unavailable", e);
        } catch (Exception | Error e) {
            rollback(c);
            throw e;
        } finally {
            depth--;
        }
    }

    private void rollback(Connection c) {
        staged = null;
        try {
            c.rollback();
        } catch (java.sql.SQLException ignored) {
            // the connection is unusable; the transaction dies with it
        }
    }

    /** A transaction inside another: a savepoint, undone alone if its work fails. */
    private <T, E extends Exception> T nested(Connection c, SqlWork<T, E> work) throws E {
        AuditHead before = staged;
        java.sql.Savepoint savepoint;
        try {
            savepoint = c.setSavepoint();
        } catch (java.sql.SQLException e) {
            throw new Refusal("vault.error.unavailable", e);
        }
        depth++;
        try {
            T result = work.run(c);
            c.releaseSavepoint(savepoint);
            return result;
        } catch (java.sql.SQLException e) {
            undo(c, savepoint);
            staged = before;
            throw new Refusal("vault.error.unavailable", e);
        } catch (Exception | Error e) {
            undo(c, savepoint);
            staged = before;
            throw e;
        } finally {
            depth--;
        }
    }

    private static void undo(Connection c, java.sql.Savepoint savepoint) {
        try {
            c.rollback(savepoint);
            c.releaseSavepoint(savepoint);
        } catch (java.sql.SQLException ignored) {
            // the outer transaction fails on its next statement and is rolled back whole
        }
    }

    /**
     * Rewrites the database file without its free pages, after the WAL is written back and emptied:
     * with {@code secure_delete} on, nothing of deleted rows stays in either file.
     */
    public synchronized void vacuum() {
        Connection c = connection();
        if (depth > 0) {
            throw new IllegalStateException("vacuum() would commit a running transaction");
        }
        try {
            c.commit();
            c.setAutoCommit(true);
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                s.execute("VACUUM");
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
        } catch (java.sql.SQLException e) {
            throw new Refusal("vault.error.unavailable", e);
        } finally {
            try {
                c.setAutoCommit(false);
            } catch (java.sql.SQLException ignored) {
                // the next transaction reports a broken connection
            }
        }
    }

    /** Work on the connection inside {@link #transaction}; {@code E} is what it may throw besides SQL errors. */
    @FunctionalInterface
    public interface SqlWork<T, E extends Exception> {
        T run(Connection connection) throws java.sql.SQLException, E;
    }

    /**
     * The integrity check of this session: {@code PENDING} until it has run (a few seconds after
     * the unlock, see {@link #setIntegrityCheckDelay}), and while locked. Does not wait.
     */
    public Integrity integrity() {
        IntegrityCheck check = integrity;
        return check == null ? Integrity.PENDING : check.result();
    }

    /**
     * Called with each finished check's result, on the check's thread (a desktop listener hands
     * it to the FX thread). A failed check is reported here once per unlock, and every signature
     * is refused after it ({@link #requireIntact}).
     */
    public void onIntegrityChecked(java.util.function.Consumer<Integrity> listener) {
        integrityListeners.add(listener);
    }

    /** How long after an unlock the integrity check starts (tests: zero, or long to catch the gate). */
    public void setIntegrityCheckDelay(Duration delay) {
        integrityDelay = delay;
    }

    /**
     * Refuses ({@link Refusal}, {@code vault.integrity.refused}) when this session's integrity
     * check failed; when it has not run yet, runs it now and waits for it. Called before anything
     * is signed from the vault: a seal, an export, a receipt must never come from a damaged file.
     * Not synchronized on the vault: the check needs no lock of the session's, so it may be
     * called inside a transaction.
     */
    public void requireIntact() {
        IntegrityCheck check = integrity;
        if (check == null) {
            throw new Refusal("vault.error.locked");
        }
        Integrity result = check.await();
        if (result == Integrity.PENDING) {
            throw new Refusal("vault.error.locked");
        }
        if (result == Integrity.FAILED) {
            throw new Refusal("vault.integrity.refused");
        }
    }

    /**
     * {@link #requireIntact()} for the vault whose session owns {@code c}, for code that holds
     * only the connection (the signing keys); does nothing for a bare connection of no session.
     *
     * @throws Refusal when the check failed, or the vault was locked meanwhile
     */
    public static void requireIntact(Connection c) {
        Vault vault = BY_CONNECTION.get(c);
        if (vault != null) {
            vault.requireIntact();
        }
    }

    private void startIntegrityCheck(Connection opened, SecretKey key) {
        BY_CONNECTION.put(opened, this);
        integrity = IntegrityCheck.schedule(home.database(), key.copy(), integrityDelay, (check, result) -> {
            if (integrity == check) { // not a check of an earlier unlock
                for (var listener : integrityListeners) {
                    try {
                        listener.accept(result);
                    } catch (RuntimeException e) {
                        // one listener's failure must not hide the result from the others
                    }
                }
            }
        });
    }

    /** Destroys the data key and closes the database. Safe to call when already locked. */
    public synchronized void lock() {
        IntegrityCheck check = integrity;
        integrity = null;
        if (check != null) {
            check.cancel();
        }
        if (headFile != null) {
            try {
                headFile.force();
            } catch (IOException e) {
                // the head stays as the page cache has it; an older head never falsely alarms
            }
            closeHeadFile();
        }
        continuity = List.of();
        if (connection != null) {
            ContentKeys.unregister(connection);
            BY_CONNECTION.remove(connection);
        }
        if (contentKeys != null) {
            contentKeys.close();
            contentKeys = null;
        }
        if (dataKey != null) {
            dataKey.destroy();
            dataKey = null;
        }
        if (connection != null) {
            Database.closeQuietly(connection);
            connection = null;
        }
    }

    @Override
    public void close() {
        lock();
    }

    /** How long before the next unlock attempt is allowed. */
    public Duration unlockWait() {
        return UnlockThrottle.remaining(KeySlotFile.load(home).failures(), clock.instant());
    }

    public static String normalize(String username) {
        return java.text.Normalizer.normalize(username.strip(), java.text.Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private KeySlotFile checkThrottle(boolean recovery) {
        if (isUnlocked()) {
            lock();
        }
        KeySlotFile file = KeySlotFile.load(home);
        requireDatabase();
        Duration wait = UnlockThrottle.remaining(recovery ? file.recoveryFailures() : file.failures(), clock.instant());
        if (!wait.isZero()) {
            throw new Throttled(Math.max(1, wait.toSeconds()));
        }
        return file;
    }

    /**
     * A {@code keyslots.json} without its database is an error, checked before any derivation:
     * SQLite would otherwise create an empty database and the vault would open empty.
     */
    private void requireDatabase() {
        try {
            Path db = home.database();
            if (!Files.isRegularFile(db) || Files.size(db) == 0) {
                throw new Refusal("vault.error.databaseMissing");
            }
        } catch (IOException e) {
            throw new Refusal("vault.error.databaseMissing");
        }
    }

    private Refusal recordFailure(KeySlotFile file, boolean recovery, Refusal reason) {
        String now = clock.instant().toString();
        (recovery ? file.withRecoveryFailures(file.recoveryFailures().plus(now)) : file.withFailures(file.failures().plus(now)))
                .save(home);
        return reason;
    }

    /** Opens the database; the caller clears the failure count once it has audited the failures. */
    private List<String> open(KeySlotFile file, KeySlot slot, SecretKey key, SecretKey personal) {
        Connection opened = null;
        ContentKeys keys = new ContentKeys(slot.id(), personal);
        try {
            requireDatabase();
            opened = Database.open(home.database(), key);
            Migrations.apply(opened);
            continuity = checkContinuity(opened, file, key);
            keys.publish(opened, clock.instant().toString());
            keys.loadGrants(opened);
            opened.commit();
        } catch (java.sql.SQLException e) {
            keys.close();
            closeHeadFile();
            Database.closeQuietly(opened);
            key.destroy();
            throw new Refusal("vault.error.damaged", e);
        } catch (RuntimeException e) {
            keys.close();
            closeHeadFile();
            Database.closeQuietly(opened);
            key.destroy();
            throw e;
        }
        this.dataKey = key;
        this.connection = opened;
        this.contentKeys = keys;
        ContentKeys.register(opened, keys);
        startIntegrityCheck(opened, key);
        this.staged = null;
        this.recoveryFailuresAtOpen = file.recoveryFailures().times();
        if (slot.check() == null || file.slot(slot.id()).map(s -> !s.equals(slot)).orElse(true)) {
            // A slot of an earlier version: the unwrap proved its fields genuine, so it gets its
            // checksum, and its personal key if it had none.
            try {
                KeySlotFile.load(home).withSlot(slot.checked()).save(home);
            } catch (Refusal e) {
                // tried again at the next unlock; the vault is open either way
            }
        }
        return file.failures().times();
    }

    /**
     * Compares the audit log with the heads kept outside the database and opens {@code audit.head}
     * for the session. A vault from before both heads existed (no marker row) gets them now.
     */
    private List<ContinuityProblem> checkContinuity(Connection c, KeySlotFile file, SecretKey key) {
        List<ContinuityProblem> problems = new java.util.ArrayList<>();
        try {
            boolean marked = marker(c);
            AuditHead tail = tail(c);
            long expectedLost = -1;
            java.util.Optional<AuditHead> sealed;
            try {
                sealed = openSealedHead(file.auditHead(), key);
            } catch (Refusal e) { // vault.error.damaged: it does not open with this vault's key
                problems.add(new ContinuityProblem("sealed_head_altered", -1, tail.entries()));
                sealed = java.util.Optional.empty();
            }
            if (sealed.isEmpty() && marked && problems.isEmpty()) {
                problems.add(new ContinuityProblem("sealed_head_removed", -1, tail.entries()));
            }
            if (sealed.isPresent() && !holds(c, sealed.get())) {
                expectedLost = sealed.get().entries();
            }
            Path path = home.auditHead();
            if (!Files.exists(path)) {
                if (marked) {
                    problems.add(new ContinuityProblem("head_file_missing", -1, tail.entries()));
                }
                headFile = AuditHeadFile.create(path, key, tail.entries(), tail.hash());
            } else {
                AuditHeadFile.Opened read = AuditHeadFile.open(path, key);
                headFile = read.file();
                if (read.head().isEmpty()) {
                    problems.add(new ContinuityProblem("head_file_altered", -1, tail.entries()));
                } else {
                    AuditHead last = new AuditHead(read.head().get().entries(), read.head().get().hash());
                    if (!holds(c, last)) {
                        expectedLost = Math.max(expectedLost, last.entries());
                    }
                }
            }
            if (expectedLost >= 0) {
                problems.add(0, new ContinuityProblem("writes_lost", expectedLost, tail.entries()));
            }
            if (!marked) {
                if (file.auditHead() == null) {
                    KeySlotFile.load(home).withAuditHead(sealHead(key, tail)).save(home);
                }
                setMarker(c);
                c.commit();
            }
        } catch (java.sql.SQLException e) {
            throw new Refusal("vault.error.damaged", e);
        } catch (IOException e) {
            throw new Refusal("vault.error.unavailable", e);
        }
        return List.copyOf(problems);
    }

    /** Whether the log holds {@code head}: its entry {@code entries} exists with that hash. */
    private static boolean holds(Connection c, AuditHead head) throws java.sql.SQLException {
        if (head.entries() == 0) {
            return true;
        }
        try (java.sql.PreparedStatement q = c.prepareStatement("SELECT hash FROM audit_log WHERE seq = ?")) {
            q.setLong(1, head.entries());
            try (java.sql.ResultSet row = q.executeQuery()) {
                return row.next() && head.hash().equals(row.getString(1));
            }
        }
    }

    private static AuditHead tail(Connection c) throws java.sql.SQLException {
        try (java.sql.PreparedStatement q = c.prepareStatement("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
             java.sql.ResultSet row = q.executeQuery()) {
            return row.next() ? new AuditHead(row.getLong(1), row.getString(2)) : new AuditHead(0, GENESIS);
        }
    }

    private static boolean marker(Connection c) throws java.sql.SQLException {
        try (java.sql.PreparedStatement q = c.prepareStatement("SELECT 1 FROM vault_meta WHERE key = ?")) {
            q.setString(1, HEADS_MARKER);
            try (java.sql.ResultSet row = q.executeQuery()) {
                return row.next();
            }
        }
    }

    private static void setMarker(Connection c) throws java.sql.SQLException {
        try (java.sql.PreparedStatement q = c.prepareStatement(
                "INSERT INTO vault_meta(key, value) VALUES (?, '1') ON CONFLICT(key) DO NOTHING")) {
            q.setString(1, HEADS_MARKER);
            q.executeUpdate();
        }
    }

    private static final String GENESIS = "0".repeat(64);

    private void closeHeadFile() {
        if (headFile != null) {
            headFile.close();
            headFile = null;
        }
        staged = null;
    }

    private SecretKey requireKey() {
        if (dataKey == null) {
            throw new Refusal("vault.error.locked");
        }
        return dataKey;
    }

    private KeySlot wrap(String id, char[] passphrase, SecretKey key, SecretKey personal) {
        Argon2Params params = kdfParams.get();
        byte[] salt = CryptoRandom.bytes(Argon2id.SALT_LENGTH);
        try (SecretKey kek = Argon2id.derive(passphrase, salt, params)) {
            KeySlot slot = seal(id, params, salt, kek, key);
            return slot.withPersonal(sealPersonal(slot, kek, personal));
        }
    }

    private KeySlot wrap(String id, byte[] secret, SecretKey key, SecretKey personal) {
        Argon2Params params = kdfParams.get();
        byte[] salt = CryptoRandom.bytes(Argon2id.SALT_LENGTH);
        try (SecretKey kek = Argon2id.derive(secret, salt, params)) {
            KeySlot slot = seal(id, params, salt, kek, key);
            return slot.withPersonal(sealPersonal(slot, kek, personal));
        }
    }

    private static KeySlot seal(String id, Argon2Params params, byte[] salt, SecretKey kek, SecretKey key) {
        byte[] raw = key.copyBytes();
        try {
            AesGcm.Sealed sealed = AesGcm.seal(kek, raw, KeySlot.associatedData(id, params));
            return new KeySlot(id, KeySlot.KDF_ARGON2ID, params.memoryKiB(), params.iterations(), params.parallelism(),
                    B64.encodeToString(salt), B64.encodeToString(sealed.nonce()), B64.encodeToString(sealed.ciphertext())).checked();
        } finally {
            SecretKey.wipe(raw);
        }
    }

    private static SecretKey unwrap(KeySlot slot, SecretKey kek) throws AesGcm.WrongKeyException {
        if (!slot.params().atOrAboveFloor()) {
            throw new AesGcm.WrongKeyException();
        }
        byte[] raw = AesGcm.open(kek, new AesGcm.Sealed(UNB64.decode(slot.nonce()), UNB64.decode(slot.wrapped())), slot.associatedData());
        return SecretKey.wrap(raw);
    }

    static String slotId(String vaultSalt, String username) {
        return Hashes.hex(Hashes.sha256(UNB64.decode(vaultSalt), normalize(username).getBytes(StandardCharsets.UTF_8)));
    }

    private void setAsideOrphans() throws IOException {
        // A database without keyslots.json is left from an interrupted setup; it can never be
        // opened again, but it is moved aside rather than deleted.
        Path db = home.database();
        if (Files.exists(db)) {
            String suffix = ".orphan-" + clock.millis();
            for (String ext : new String[] {"", "-wal", "-shm"}) {
                Path p = Path.of(db + ext);
                if (Files.exists(p)) {
                    Files.move(p, Path.of(p + suffix));
                }
            }
        }
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the operating system's per-user folder protects it
        }
    }
}
