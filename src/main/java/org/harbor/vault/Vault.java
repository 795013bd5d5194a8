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
import org.harbor.crypto.SecretKey;

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
    /** True while {@link #atomically} runs: transactions nest as savepoints. */
    private boolean atomic;

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
    public synchronized SecretKey create(String username, char[] passphrase, InitialRows initialRows)
            throws VaultException {
        if (exists()) {
            throw new VaultException.Exists();
        }
        try {
            createPrivateDirectory(home.dir());
            setAsideOrphans();
        } catch (IOException e) {
            throw new VaultException.Unavailable("the vault folder cannot be created", e);
        }
        SecretKey key = SecretKey.random();
        SecretKey recovery = SecretKey.random();
        Connection opened = null;
        try {
            opened = Database.open(home.database(), key);
            Migrations.apply(opened);
            String salt = B64.encodeToString(CryptoRandom.bytes(16));
            String slotId = slotId(salt, username);
            initialRows.write(opened, slotId);
            opened.commit();
            KeySlotFile file = new KeySlotFile(KeySlotFile.FORMAT, salt, List.of(), KeySlotFile.UnlockFailures.NONE, null);
            file = file.withSlot(wrap(slotId, passphrase, key));
            byte[] recoveryBytes = recovery.copyBytes();
            try {
                file = file.withSlot(wrap(KeySlot.RECOVERY_ID, recoveryBytes, key));
            } finally {
                SecretKey.wipe(recoveryBytes);
            }
            file.save(home);
        } catch (VaultException | RuntimeException e) {
            Database.closeQuietly(opened);
            key.destroy();
            recovery.destroy();
            throw e;
        } catch (java.sql.SQLException e) {
            Database.closeQuietly(opened);
            key.destroy();
            recovery.destroy();
            throw new VaultException.Unavailable("the new vault could not be written", e);
        }
        this.dataKey = key;
        this.connection = opened;
        return recovery;
    }

    /** The first rows of a new vault, written before its key slots; gets the first account's slot id. */
    @FunctionalInterface
    public interface InitialRows {
        void write(Connection connection, String slotId) throws java.sql.SQLException;
    }

    /** Replaces the recovery slot with one for a new recovery key, which the caller shows once. */
    public synchronized SecretKey rotateRecoveryKey() throws VaultException {
        SecretKey key = requireKey();
        SecretKey recovery = SecretKey.random();
        byte[] recoveryBytes = recovery.copyBytes();
        try {
            KeySlotFile.load(home).withSlot(wrap(KeySlot.RECOVERY_ID, recoveryBytes, key)).save(home);
        } catch (VaultException | RuntimeException e) {
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
    public synchronized void sealAuditHead(long entries, String hash) throws VaultException {
        byte[] plain = (entries + "|" + hash).getBytes(StandardCharsets.US_ASCII);
        try (SecretKey headKey = auditHeadKey()) {
            AesGcm.Sealed sealed = AesGcm.seal(headKey, plain, AUDIT_HEAD_AAD);
            String text = B64.encodeToString(sealed.nonce()) + "." + B64.encodeToString(sealed.ciphertext());
            KeySlotFile.load(home).withAuditHead(text).save(home);
        }
    }

    /** The head sealed at the last lock, if any. */
    public synchronized java.util.Optional<AuditHead> auditHead() throws VaultException {
        String sealed = KeySlotFile.load(home).auditHead();
        if (sealed == null || sealed.isEmpty()) {
            return java.util.Optional.empty();
        }
        String[] parts = sealed.split("\\.");
        try (SecretKey headKey = auditHeadKey()) {
            byte[] plain = AesGcm.open(headKey, new AesGcm.Sealed(UNB64.decode(parts[0]), UNB64.decode(parts[1])), AUDIT_HEAD_AAD);
            String[] fields = new String(plain, StandardCharsets.US_ASCII).split("\\|");
            return java.util.Optional.of(new AuditHead(Long.parseLong(fields[0]), fields[1]));
        } catch (AesGcm.WrongKeyException | RuntimeException e) {
            throw new VaultException.Damaged("the sealed audit head was altered", null);
        }
    }

    /** How many audit entries there were, and the hash of the last, when the vault last locked. */
    public record AuditHead(long entries, String hash) {
    }

    private SecretKey auditHeadKey() throws VaultException {
        byte[] raw = requireKey().copyBytes();
        try {
            return SecretKey.wrap(Hashes.sha256(AUDIT_HEAD_AAD, raw));
        } finally {
            SecretKey.wipe(raw);
        }
    }

    /** Forgets the failed unlocks once they are in the audit log. */
    public synchronized void clearUnlockFailures() throws VaultException {
        KeySlotFile file = KeySlotFile.load(home);
        if (file.failures().count() > 0) {
            file.withFailures(KeySlotFile.UnlockFailures.NONE).save(home);
        }
    }

    /** @return the times of failed attempts since the last success, for the audit log */
    private volatile long lastKeyDerivationNanos;

    public synchronized List<String> unlock(String username, char[] passphrase) throws VaultException {
        KeySlotFile file = checkThrottle();
        String id = slotId(file.vaultSalt(), username);
        KeySlot slot = file.slot(id).orElse(null);
        if (slot == null) {
            // Same work as a real attempt, so timing does not tell which names have accounts.
            Argon2Params decoy = file.slots().stream().filter(s -> !s.id().equals(KeySlot.RECOVERY_ID))
                    .map(KeySlot::params).findFirst().orElse(Argon2Params.FLOOR);
            Argon2id.derive(passphrase, CryptoRandom.bytes(Argon2id.SALT_LENGTH), decoy).destroy();
            throw recordFailure(file, new VaultException.WrongPassphrase());
        }
        SecretKey key;
        long derivation = System.nanoTime();
        try (SecretKey kek = Argon2id.derive(passphrase, UNB64.decode(slot.salt()), slot.params())) {
            lastKeyDerivationNanos = System.nanoTime() - derivation;
            key = unwrap(slot, kek);
        } catch (AesGcm.WrongKeyException e) {
            throw recordFailure(file, new VaultException.WrongPassphrase());
        }
        return open(file, key);
    }

    /**
     * How long the key derivation of the last successful passphrase unlock took. DESIGN's unlock
     * budget counts what comes after it; {@code bench/unlock.sh} subtracts this from a log-in.
     */
    public java.time.Duration lastKeyDerivation() {
        return java.time.Duration.ofNanos(lastKeyDerivationNanos);
    }

    public synchronized List<String> unlockWithRecovery(SecretKey recoveryKey) throws VaultException {
        KeySlotFile file = checkThrottle();
        KeySlot slot = file.slot(KeySlot.RECOVERY_ID).orElseThrow(() -> new VaultException.Damaged("the recovery slot is missing", null));
        byte[] secret = recoveryKey.copyBytes();
        SecretKey key;
        try (SecretKey kek = Argon2id.derive(secret, UNB64.decode(slot.salt()), slot.params())) {
            key = unwrap(slot, kek);
        } catch (AesGcm.WrongKeyException e) {
            throw recordFailure(file, new VaultException.WrongRecoveryKey());
        } finally {
            SecretKey.wipe(secret);
        }
        return open(file, key);
    }

    /** Adds or replaces the slot of {@code username}; only this one slot is rewritten. */
    public synchronized void putSlot(String username, char[] passphrase) throws VaultException {
        SecretKey key = requireKey();
        KeySlotFile file = KeySlotFile.load(home);
        file.withSlot(wrap(slotId(file.vaultSalt(), username), passphrase, key)).save(home);
    }

    /** Whether {@code passphrase} opens the slot of {@code username}; the unlocked state is unchanged. */
    public synchronized boolean opensWith(String username, char[] passphrase) throws VaultException {
        SecretKey current = requireKey();
        KeySlotFile file = KeySlotFile.load(home);
        KeySlot slot = file.slot(slotId(file.vaultSalt(), username)).orElse(null);
        if (slot == null) {
            return false;
        }
        try (SecretKey kek = Argon2id.derive(passphrase, UNB64.decode(slot.salt()), slot.params());
             SecretKey key = unwrap(slot, kek)) {
            return key.sameAs(current);
        } catch (AesGcm.WrongKeyException e) {
            return false;
        }
    }

    public synchronized void removeSlot(String username) throws VaultException {
        requireKey();
        KeySlotFile file = KeySlotFile.load(home);
        file.withoutSlot(slotId(file.vaultSalt(), username)).save(home);
    }

    public String slotIdFor(String username) throws VaultException {
        return slotId(KeySlotFile.load(home).vaultSalt(), username);
    }

    public synchronized Connection connection() throws VaultException {
        if (connection == null) {
            throw new VaultException.Locked();
        }
        return connection;
    }

    /**
     * Runs {@code work} as one transaction on the writer connection: all of it is committed, or
     * none of it.
     */
    public synchronized <T> T transaction(SqlWork<T> work) throws VaultException {
        Connection c = connection();
        if (atomic) {
            return nested(c, work);
        }
        try {
            T result = work.run(c);
            c.commit();
            return result;
        } catch (java.sql.SQLException e) {
            try {
                c.rollback();
            } catch (java.sql.SQLException ignored) {
                // the connection is unusable; the transaction dies with it
            }
            throw new VaultException.Unavailable("a database write failed", e);
        } catch (RuntimeException | Error | VaultException e) {
            try {
                c.rollback();
            } catch (java.sql.SQLException ignored) {
                // as above
            }
            throw e;
        }
    }

    /**
     * Runs {@code work}, which may call many services, as one transaction: every {@link #transaction}
     * inside it becomes a savepoint, and nothing is committed until {@code work} returns. If it
     * throws, all of it is rolled back: for commands that must write everything or nothing (a
     * refused {@code case import} leaves no case behind). Other threads wait meanwhile.
     */
    public synchronized <T> T atomically(Work<T> work) throws Exception {
        Connection c = connection();
        if (atomic) {
            throw new IllegalStateException("atomically() does not nest");
        }
        atomic = true;
        try {
            T result = work.run();
            c.commit();
            return result;
        } catch (Exception | Error e) {
            try {
                c.rollback();
            } catch (java.sql.SQLException ignored) {
                // the connection is unusable; the transaction dies with it
            }
            throw e;
        } finally {
            atomic = false;
        }
    }

    /** A transaction inside {@link #atomically}: a savepoint, undone alone if its work fails. */
    private <T> T nested(Connection c, SqlWork<T> work) throws VaultException {
        java.sql.Savepoint savepoint;
        try {
            savepoint = c.setSavepoint();
        } catch (java.sql.SQLException e) {
            throw new VaultException.Unavailable("a database write failed", e);
        }
        try {
            T result = work.run(c);
            c.releaseSavepoint(savepoint);
            return result;
        } catch (java.sql.SQLException e) {
            undo(c, savepoint);
            throw new VaultException.Unavailable("a database write failed", e);
        } catch (RuntimeException | Error | VaultException e) {
            undo(c, savepoint);
            throw e;
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

    /** Work for {@link #atomically}. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws Exception;
    }

    /**
     * Rewrites the database file without its free pages, after the WAL is written back and emptied:
     * with {@code secure_delete} on, nothing of deleted rows stays in either file.
     */
    public synchronized void vacuum() throws VaultException {
        Connection c = connection();
        if (atomic) {
            throw new IllegalStateException("vacuum() would commit a transaction opened by atomically()");
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
            throw new VaultException.Unavailable("the database could not be compacted", e);
        } finally {
            try {
                c.setAutoCommit(false);
            } catch (java.sql.SQLException ignored) {
                // the next transaction reports a broken connection
            }
        }
    }

    /** Work on the connection inside {@link #transaction}. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws java.sql.SQLException, VaultException;
    }

    /** Destroys the data key and closes the database. Safe to call when already locked. */
    public synchronized void lock() {
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
    public Duration unlockWait() throws VaultException {
        return UnlockThrottle.remaining(KeySlotFile.load(home).failures(), clock.instant());
    }

    public static String normalize(String username) {
        return java.text.Normalizer.normalize(username.strip(), java.text.Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private KeySlotFile checkThrottle() throws VaultException {
        if (isUnlocked()) {
            lock();
        }
        KeySlotFile file = KeySlotFile.load(home);
        Duration wait = UnlockThrottle.remaining(file.failures(), clock.instant());
        if (!wait.isZero()) {
            throw new VaultException.Throttled(Math.max(1, wait.toSeconds()));
        }
        return file;
    }

    private VaultException recordFailure(KeySlotFile file, VaultException reason) throws VaultException {
        file.withFailures(file.failures().plus(clock.instant().toString())).save(home);
        return reason;
    }

    /** Opens the database; the caller clears the failure count once it has audited the failures. */
    private List<String> open(KeySlotFile file, SecretKey key) throws VaultException {
        Connection opened = null;
        try {
            opened = Database.open(home.database(), key);
            Migrations.apply(opened);
        } catch (VaultException | RuntimeException e) {
            Database.closeQuietly(opened);
            key.destroy();
            throw e;
        }
        this.dataKey = key;
        this.connection = opened;
        return file.failures().times();
    }

    private SecretKey requireKey() throws VaultException {
        if (dataKey == null) {
            throw new VaultException.Locked();
        }
        return dataKey;
    }

    private KeySlot wrap(String id, char[] passphrase, SecretKey key) {
        Argon2Params params = kdfParams.get();
        byte[] salt = CryptoRandom.bytes(Argon2id.SALT_LENGTH);
        try (SecretKey kek = Argon2id.derive(passphrase, salt, params)) {
            return seal(id, params, salt, kek, key);
        }
    }

    private KeySlot wrap(String id, byte[] secret, SecretKey key) {
        Argon2Params params = kdfParams.get();
        byte[] salt = CryptoRandom.bytes(Argon2id.SALT_LENGTH);
        try (SecretKey kek = Argon2id.derive(secret, salt, params)) {
            return seal(id, params, salt, kek, key);
        }
    }

    private static KeySlot seal(String id, Argon2Params params, byte[] salt, SecretKey kek, SecretKey key) {
        byte[] raw = key.copyBytes();
        try {
            AesGcm.Sealed sealed = AesGcm.seal(kek, raw, KeySlot.associatedData(id, params));
            return new KeySlot(id, KeySlot.KDF_ARGON2ID, params.memoryKiB(), params.iterations(), params.parallelism(),
                    B64.encodeToString(salt), B64.encodeToString(sealed.nonce()), B64.encodeToString(sealed.ciphertext()));
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
