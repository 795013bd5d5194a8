package org.harbor.seal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.harbor.accounts.AccountService;
import org.harbor.accounts.Permission;
import org.harbor.accounts.Session;
import org.harbor.accounts.SigningKeys;
import org.harbor.audit.AuditActions;
import org.harbor.audit.AuditLog;
import org.harbor.crypto.AgeIdentity;
import org.harbor.crypto.Minisign;
import org.harbor.i18n.Refusal;
import org.harbor.vault.AtomicFiles;
import org.harbor.vault.Vault;

/**
 * Who trusts whom. A field vault has a device key (its public part goes to the central office) and
 * the central office's trust bundle (public keys only). A central vault holds the age identities
 * packages are encrypted to, the receipt key, and the list of enrolled devices.
 */
public final class TrustService {

    static final int MAX_KEY_FILE = 4096;

    private final Vault vault;
    private final AccountService accounts;
    private final AuditLog audit;
    private final Clock clock;

    public TrustService(Vault vault, AccountService accounts, AuditLog audit, Clock clock) {
        this.vault = vault;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** This vault's device key: its id (the minisign key id), fingerprint and public key file. */
    public record DeviceKey(String deviceId, String fingerprint, String publicKeyFile) {
    }

    // --- field vault ---------------------------------------------------------------------

    public DeviceKey deviceKey(Session session) {
        accounts.require(session, Permission.EXPORT_PACKAGES);
        return vault.transaction(c -> deviceKey(c, clock.instant().toString()));
    }

    /** Writes the device's public key (minisign format) for the central office to enrol. */
    public DeviceKey writeDeviceKey(Session session, Path out) throws IOException {
        DeviceKey key = deviceKey(session);
        AtomicFiles.write(out, key.publicKeyFile().getBytes(StandardCharsets.US_ASCII));
        audit.record(session.actorId(), AuditActions.DEVICE_KEY_EXPORTED, key.deviceId(), Map.of());
        return key;
    }

    static DeviceKey deviceKey(Connection c, String now) throws SQLException {
        Minisign.PublicKey key = SigningKeys.vaultKey(c, SigningKeys.Purpose.DEVICE, now);
        return new DeviceKey(key.keyIdHex(), key.fingerprint(), key.toFile("harbor device " + key.keyIdHex()));
    }

    /** Reads a trust bundle to show its fingerprints before it is imported. */
    public static TrustBundle readBundle(Path file) throws IOException {
        if (Files.size(file) > MAX_KEY_FILE) {
            throw new IllegalArgumentException("this file is too large to be a trust bundle");
        }
        return TrustBundle.parse(Files.readAllBytes(file));
    }

    /** Imports the central office's bundle once its fingerprint was confirmed as the one read out by the office. */
    public void importTrust(Session session, TrustBundle bundle, String confirmedFingerprint) {
        accounts.require(session, Permission.EXPORT_PACKAGES);
        if (confirmedFingerprint == null || !normalise(confirmedFingerprint).equals(normalise(bundle.fingerprint()))) {
            throw new Refusal("trust.error.fingerprint");
        }
        vault.transaction(c -> {
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO central_trust(id, primary_recipient, backup_recipient, "
                    + "receipt_key, imported_at, imported_by, sync_url, sync_certificate) VALUES (1,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
                    + "primary_recipient = excluded.primary_recipient, backup_recipient = excluded.backup_recipient, "
                    + "receipt_key = excluded.receipt_key, imported_at = excluded.imported_at, imported_by = excluded.imported_by, "
                    + "sync_url = excluded.sync_url, sync_certificate = excluded.sync_certificate")) {
                upsert.setString(1, bundle.primaryRecipient());
                upsert.setString(2, bundle.backupRecipient());
                upsert.setString(3, bundle.receiptKey().base64());
                upsert.setString(4, clock.instant().toString());
                upsert.setLong(5, session.user().id());
                upsert.setString(6, bundle.sync() == null ? null : bundle.sync().url());
                upsert.setBytes(7, bundle.sync() == null ? null : bundle.sync().certificate());
                upsert.executeUpdate();
            }
            audit.append(c, session.actorId(), AuditActions.TRUST_IMPORTED, null, Map.of("fingerprint", bundle.fingerprint()));
            return null;
        });
    }

    public Optional<TrustBundle> trust(Session session) {
        accounts.requireActive(session);
        return vault.transaction(TrustService::trust);
    }

    static Optional<TrustBundle> trust(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT primary_recipient, backup_recipient, receipt_key, sync_url, sync_certificate FROM central_trust WHERE id = 1");
             ResultSet row = q.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            try {
                TrustBundle.Sync sync = row.getString(4) == null ? null : new TrustBundle.Sync(row.getString(4), row.getBytes(5));
                return Optional.of(new TrustBundle(row.getString(1), row.getString(2), Minisign.parsePublicKey(row.getString(3)), sync));
            } catch (Minisign.FormatException e) {
                throw new SQLException("the stored trust bundle is damaged");
            }
        }
    }

    // --- central vault -------------------------------------------------------------------

    /** The central office's keys, made at {@code init --central} (or at first need). */
    public TrustBundle centralKeys(Session session) {
        accounts.require(session, Permission.IMPORT_PACKAGES);
        return vault.transaction(c -> {
            boolean created = false;
            String now = clock.instant().toString();
            for (String label : new String[] {"primary", "backup"}) {
                if (recipient(c, label).isEmpty()) {
                    try (AgeIdentity identity = AgeIdentity.generate();
                         PreparedStatement insert = c.prepareStatement(
                                 "INSERT INTO age_identities(label, recipient, secret, created_at) VALUES (?,?,?,?)")) {
                        char[] secret = identity.copySecret();
                        insert.setString(1, label);
                        insert.setString(2, identity.recipient());
                        insert.setString(3, new String(secret));
                        insert.setString(4, now);
                        insert.executeUpdate();
                        java.util.Arrays.fill(secret, '\0');
                    }
                    created = true;
                }
            }
            boolean hadReceiptKey = SigningKeys.exists(c, SigningKeys.Purpose.RECEIPT);
            Minisign.PublicKey receipt = SigningKeys.vaultKey(c, SigningKeys.Purpose.RECEIPT, now);
            if (created || !hadReceiptKey) {
                audit.append(c, session.actorId(), AuditActions.CENTRAL_KEYS_CREATED, null, Map.of());
            }
            return new TrustBundle(recipient(c, "primary").orElseThrow(), recipient(c, "backup").orElseThrow(), receipt);
        });
    }

    public TrustBundle writeTrustBundle(Session session, Path out) throws IOException {
        return writeTrustBundle(session, out, null);
    }

    /** The bundle with the sync server's address and pinned certificate ({@code sync} may be null: files by hand only). */
    public TrustBundle writeTrustBundle(Session session, Path out, TrustBundle.Sync sync) throws IOException {
        TrustBundle bundle = centralKeys(session).withSync(sync);
        AtomicFiles.write(out, bundle.toFile());
        audit.record(session.actorId(), AuditActions.TRUST_EXPORTED, null, Map.of("fingerprint", bundle.fingerprint()));
        return bundle;
    }

    /**
     * Writes the primary age identity in age's own key-file format (for {@code age -d -i}): a private
     * key leaving the vault, so central accounts only, and audited.
     */
    public void writeIdentity(Session session, Path out) throws IOException {
        centralKeys(session);
        List<AgeIdentity> identities = vault.transaction(TrustService::identities);
        byte[] file = null;
        try {
            file = identities.getFirst().identityFile(clock.instant().toString());
            AtomicFiles.write(out, file);
        } finally {
            if (file != null) {
                java.util.Arrays.fill(file, (byte) 0);
            }
            identities.forEach(AgeIdentity::destroy);
        }
        audit.record(session.actorId(), AuditActions.TRUST_IDENTITY_EXPORTED, null, Map.of("label", "primary"));
    }

    /**
     * Enrols a field device once {@code confirmedFingerprint}, as read out by the field supervisor,
     * matches the key file's: a swapped file on the way is refused, not enrolled.
     */
    public EnrolledDevice enrolDevice(Session session, String publicKeyFile, String label, String confirmedFingerprint) {
        accounts.require(session, Permission.IMPORT_PACKAGES);
        String fingerprint;
        try {
            fingerprint = Minisign.parsePublicKey(publicKeyFile).fingerprint();
        } catch (Minisign.FormatException e) {
            throw new Refusal("trust.error.deviceKey");
        }
        if (confirmedFingerprint == null || !normalise(confirmedFingerprint).equals(normalise(fingerprint))) {
            throw new Refusal("trust.error.deviceFingerprint");
        }
        return enrolDevice(session, publicKeyFile, label);
    }

    /** Enrols a field device from its public key file; returns its id and fingerprint for the record. */
    public EnrolledDevice enrolDevice(Session session, String publicKeyFile, String label) {
        accounts.require(session, Permission.IMPORT_PACKAGES);
        if (label == null || label.isBlank() || label.length() > 100) {
            throw new IllegalArgumentException("a device label has 1 to 100 characters");
        }
        Minisign.PublicKey key;
        try {
            key = Minisign.parsePublicKey(publicKeyFile);
        } catch (Minisign.FormatException e) {
            throw new Refusal("trust.error.deviceKey");
        }
        String now = clock.instant().toString();
        return vault.transaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO enrolled_devices(device_id, public_key, label, enrolled_at, "
                    + "enrolled_by) VALUES (?,?,?,?,?) ON CONFLICT(device_id) DO NOTHING")) {
                insert.setString(1, key.keyIdHex());
                insert.setString(2, key.base64());
                insert.setString(3, label.strip());
                insert.setString(4, now);
                insert.setLong(5, session.user().id());
                if (insert.executeUpdate() == 0) {
                    throw new Refusal("trust.error.deviceKnown");
                }
            }
            audit.append(c, session.actorId(), AuditActions.DEVICE_ENROLLED, key.keyIdHex(), Map.of());
            return new EnrolledDevice(key.keyIdHex(), label.strip(), key.fingerprint(), now, 0);
        });
    }

    public List<EnrolledDevice> devices(Session session) {
        accounts.require(session, Permission.IMPORT_PACKAGES);
        return vault.transaction(c -> {
            List<EnrolledDevice> out = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT device_id, label, public_key, enrolled_at, last_sequence FROM enrolled_devices ORDER BY enrolled_at");
                 ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    String fingerprint;
                    try {
                        fingerprint = Minisign.parsePublicKey(row.getString(3)).fingerprint();
                    } catch (Minisign.FormatException e) {
                        fingerprint = "?";
                    }
                    out.add(new EnrolledDevice(row.getString(1), row.getString(2), fingerprint, row.getString(4), row.getLong(5)));
                }
            }
            return out;
        });
    }

    /** The public key of the enrolled device {@code deviceId}, if it is enrolled (the sync server's check of a sender). */
    public Optional<Minisign.PublicKey> enrolledKey(Session session, String deviceId) {
        accounts.require(session, Permission.IMPORT_PACKAGES);
        return vault.transaction(c -> enrolled(c, deviceId));
    }

    /** This field vault's device key signs with {@code work} (sync requests); the key is destroyed after. */
    public <T> T withDeviceKey(Session session, java.util.function.BiFunction<Minisign.PublicKey, org.harbor.crypto.Ed25519.SigningKey, T> work) {
        accounts.require(session, Permission.EXPORT_PACKAGES);
        return vault.transaction(c -> {
            Minisign.PublicKey key = SigningKeys.vaultKey(c, SigningKeys.Purpose.DEVICE, clock.instant().toString());
            try (org.harbor.crypto.Ed25519.SigningKey signing = SigningKeys.open(c, key)) {
                return work.apply(key, signing);
            }
        });
    }

    /** The enrolled device with this id, if any. */
    static Optional<Minisign.PublicKey> enrolled(Connection c, String deviceId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT public_key FROM enrolled_devices WHERE device_id = ?")) {
            q.setString(1, deviceId);
            try (ResultSet row = q.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(Minisign.parsePublicKey(row.getString(1)));
            } catch (Minisign.FormatException e) {
                throw new SQLException("a stored device key is damaged");
            }
        }
    }

    /** The central identities, primary first; the caller destroys them. */
    static List<AgeIdentity> identities(Connection c) throws SQLException {
        List<AgeIdentity> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT recipient, secret FROM age_identities ORDER BY label DESC");
             ResultSet row = q.executeQuery()) {
            while (row.next()) {
                out.add(AgeIdentity.of(row.getString(1), row.getString(2).toCharArray()));
            }
        }
        return out;
    }

    private static Optional<String> recipient(Connection c, String label) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT recipient FROM age_identities WHERE label = ?")) {
            q.setString(1, label);
            try (ResultSet row = q.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    private static String normalise(String fingerprint) {
        return fingerprint.replaceAll("[\\s:-]", "").toUpperCase(java.util.Locale.ROOT);
    }
}
