package org.harbor.sync;

import java.io.IOException;
import java.net.URI;
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
import java.util.UUID;
import org.harbor.accounts.AccountService;
import org.harbor.accounts.Permission;
import org.harbor.accounts.Role;
import org.harbor.accounts.Session;
import org.harbor.audit.AuditLog;
import org.harbor.crypto.Minisign;
import org.harbor.i18n.Refusal;
import org.harbor.seal.ExportListener;
import org.harbor.seal.ExportService;
import org.harbor.seal.PackageSignature;
import org.harbor.seal.ReceiptService;
import org.harbor.seal.TrustBundle;
import org.harbor.seal.TrustService;
import org.harbor.vault.Vault;

/**
 * The outbox of a field vault (issue 18): packages a supervisor released, waiting for the office's
 * sync server. Releasing writes the package (the same export as {@code harbor export}) into
 * {@code outbox/} of the vault folder: encrypted to the office, unreadable here. Sending uploads each
 * released package and applies the receipt the server answers with; the cases become "received" and
 * purge is offered as after a receipt by hand. Nothing leaves that a supervisor did not release.
 *
 * <p>Crash safety: the row is written ({@code preparing}) before the package file, and made
 * {@code released} after it; {@link #recover} completes a {@code preparing} row whose files are
 * whole and drops one whose are not. Sending changes a row only after the receipt was applied, in
 * one transaction, so a {@code kill -9} at any point sends a package again at worst, and the server
 * answers the same receipt (the import is idempotent per package).
 */
public final class Outbox {

    /** One package of the outbox. */
    public record Item(String id, String packageId, String state, long bytes, String releasedAt, int attempts, String lastCheck,
                       String receivedAt) {
    }

    /** What one round of sending did. */
    public record Sent(List<String> received, List<Item> refused, List<Item> waiting) {
    }

    static final String DIR = "outbox";

    private final Vault vault;
    private final AccountService accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final ExportService exports;
    private final ReceiptService receipts;
    private final TrustService trust;

    public Outbox(Vault vault, AccountService accounts, AuditLog audit, Clock clock, ExportService exports, ReceiptService receipts,
                  TrustService trust) {
        this.vault = vault;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.exports = exports;
        this.receipts = receipts;
        this.trust = trust;
    }

    /** A supervisor releases sealed cases for sending: one package, written now, sent when the server is reachable. */
    public Item release(Session session, List<String> caseIds) throws IOException {
        requireSupervisor(session);
        String id = UUID.randomUUID().toString();
        String now = clock.instant().toString();
        vault.transaction(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO outbox(id, state, released_at, released_by) VALUES (?, 'preparing', ?, ?)")) {
                insert.setString(1, id);
                insert.setString(2, now);
                insert.setLong(3, session.user().id());
                insert.executeUpdate();
            }
            return null;
        });
        ExportService.Exported exported;
        try {
            exported = exports.export(session, caseIds, file(id), ExportListener.SILENT);
        } catch (IOException | RuntimeException e) {
            drop(id);
            throw e;
        }
        long bytes = Files.size(exported.file());
        vault.transaction(c -> {
            released(c, id, exported.packageId(), bytes);
            audit.append(c, session.actorId(), "outbox.released", exported.packageId(),
                    Map.of("cases", Integer.toString(exported.caseIds().size())));
            return null;
        });
        return item(id).orElseThrow();
    }

    /** Every package of the outbox, newest release first. */
    public List<Item> items(Session session) {
        accounts.require(session, Permission.EXPORT_PACKAGES);
        return vault.transaction(c -> {
            List<Item> out = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT id, package_id, state, bytes, released_at, attempts, last_check, "
                    + "received_at FROM outbox WHERE state <> 'preparing' ORDER BY released_at DESC, id");
                 ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    out.add(item(row));
                }
            }
            return out;
        });
    }

    /**
     * After a crash: a {@code preparing} row whose package and signature are whole becomes
     * {@code released} (the supervisor did release it); one without them is dropped, with any part.
     * Returns how many were completed.
     */
    public int recover(Session session) {
        accounts.require(session, Permission.EXPORT_PACKAGES);
        List<String> preparing = vault.transaction(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT id FROM outbox WHERE state = 'preparing'");
                 ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    ids.add(row.getString(1));
                }
            }
            return ids;
        });
        int completed = 0;
        for (String id : preparing) {
            Optional<String> packageId = packageIdOf(session, file(id));
            long bytes = size(file(id));
            if (packageId.isPresent() && bytes > 0) {
                vault.transaction(c -> {
                    released(c, id, packageId.get(), bytes);
                    return null;
                });
                completed++;
            } else {
                drop(id);
            }
        }
        return completed;
    }

    /** A client for the server the trust bundle names, signing with this vault's device key; empty without one. */
    public Optional<SyncClient> client(Session session, URI override, SyncClient.Backoff backoff, int chunkBytes) {
        TrustBundle bundle = trust.trust(session).orElseThrow(() -> new Refusal("export.error.noTrust"));
        if (bundle.sync() == null) {
            return Optional.empty();
        }
        URI server = override != null ? override : URI.create(bundle.sync().url());
        String deviceId = trust.withDeviceKey(session, (key, signing) -> key.keyIdHex());
        SyncClient.Signer signer = new SyncClient.Signer() {
            @Override
            public String deviceId() {
                return deviceId;
            }

            @Override
            public byte[] sign(byte[] message) {
                return trust.withDeviceKey(session, (key, signing) -> signing.sign(message));
            }
        };
        return Optional.of(new SyncClient(server, bundle.sync().certificate(), signer, chunkBytes, backoff, clock));
    }

    /**
     * Sends every released package, oldest first, and applies each receipt. A package the server
     * refuses at a check that will not pass later becomes {@code refused} (named); one that could not
     * be sent now stays released for the next round.
     */
    public Sent send(Session session, SyncClient client, SyncClient.Progress progress) throws InterruptedException {
        return send(session, client, item -> progress);
    }

    /** The same, reporting each package's progress to the one {@code progressOf} gives for it (the outbox screen's bars). */
    public Sent send(Session session, SyncClient client, java.util.function.Function<Item, SyncClient.Progress> progressOf)
            throws InterruptedException {
        accounts.require(session, Permission.EXPORT_PACKAGES);
        List<String> received = new ArrayList<>();
        List<Item> refused = new ArrayList<>();
        List<Item> waiting = new ArrayList<>();
        for (Item item : released(session)) {
            attempt(item.id());
            try {
                byte[] receipt = client.upload(file(item.id()), progressOf.apply(item));
                ReceiptService.Applied applied = receipts.apply(session, receipt);
                vault.transaction(c -> {
                    try (PreparedStatement u = c.prepareStatement(
                            "UPDATE outbox SET state = 'received', received_at = ?, last_check = NULL WHERE id = ?")) {
                        u.setString(1, clock.instant().toString());
                        u.setString(2, item.id());
                        u.executeUpdate();
                    }
                    audit.append(c, session.actorId(), "outbox.received", item.packageId(),
                            Map.of("cases", Integer.toString(applied.received().size())));
                    return null;
                });
                deleteFiles(item.id());
                received.add(item.packageId());
            } catch (SyncRefused e) {
                boolean final_ = !e.check().retryable();
                vault.transaction(c -> {
                    try (PreparedStatement u = c.prepareStatement("UPDATE outbox SET state = ?, last_check = ? WHERE id = ?")) {
                        u.setString(1, final_ ? "refused" : "released");
                        u.setString(2, e.checkName());
                        u.setString(3, item.id());
                        u.executeUpdate();
                    }
                    if (final_) {
                        audit.append(c, session.actorId(), "outbox.refused", item.packageId(), Map.of("check", e.checkName()));
                    }
                    return null;
                });
                Item now = item(item.id()).orElseThrow();
                (final_ ? refused : waiting).add(now);
                if (e.check() == SyncCheck.CERTIFICATE || e.check() == SyncCheck.UNREACHABLE) {
                    break; // the server is not there (or not ours): the rest waits for the next round
                }
            }
        }
        return new Sent(received, refused, waiting);
    }

    /** Whether anything waits to be sent. */
    public boolean hasReleased(Session session) {
        return !released(session).isEmpty();
    }

    private List<Item> released(Session session) {
        accounts.require(session, Permission.EXPORT_PACKAGES);
        return vault.transaction(c -> {
            List<Item> out = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT id, package_id, state, bytes, released_at, attempts, last_check, "
                    + "received_at FROM outbox WHERE state = 'released' ORDER BY released_at, id");
                 ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    out.add(item(row));
                }
            }
            return out;
        });
    }

    private void attempt(String id) {
        vault.transaction(c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE outbox SET attempts = attempts + 1, last_attempt_at = ? WHERE id = ?")) {
                u.setString(1, clock.instant().toString());
                u.setString(2, id);
                u.executeUpdate();
            }
            return null;
        });
    }

    private Optional<Item> item(String id) {
        return vault.transaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT id, package_id, state, bytes, released_at, attempts, last_check, "
                    + "received_at FROM outbox WHERE id = ?")) {
                q.setString(1, id);
                try (ResultSet row = q.executeQuery()) {
                    return row.next() ? Optional.of(item(row)) : Optional.<Item>empty();
                }
            }
        });
    }

    private static Item item(ResultSet row) throws SQLException {
        return new Item(row.getString(1), row.getString(2), row.getString(3), row.getLong(4), row.getString(5), row.getInt(6),
                row.getString(7), row.getString(8));
    }

    private static void released(Connection c, String id, String packageId, long bytes) throws SQLException {
        try (PreparedStatement u = c.prepareStatement(
                "UPDATE outbox SET state = 'released', package_id = ?, bytes = ? WHERE id = ? AND state = 'preparing'")) {
            u.setString(1, packageId);
            u.setLong(2, bytes);
            u.setString(3, id);
            u.executeUpdate();
        }
    }

    private void drop(String id) {
        vault.transaction(c -> {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM outbox WHERE id = ? AND state = 'preparing'")) {
                d.setString(1, id);
                d.executeUpdate();
            }
            return null;
        });
        deleteFiles(id);
    }

    private void deleteFiles(String id) {
        try {
            Files.deleteIfExists(PackageSignature.beside(file(id)));
            Files.deleteIfExists(file(id));
        } catch (IOException e) {
            // ciphertext to the office only; the next recover or send removes it
        }
    }

    /** The package id a whole package's signature file announces, checked with this vault's device key (the signature is written last). */
    private Optional<String> packageIdOf(Session session, Path file) {
        Path sig = PackageSignature.beside(file);
        try {
            if (!Files.isRegularFile(file) || !Files.isRegularFile(sig) || Files.size(sig) > 4096) {
                return Optional.empty();
            }
            String text = Files.readString(sig);
            Minisign.PublicKey device = trust.withDeviceKey(session, (key, signing) -> key);
            return Optional.of(PackageSignature.announced(text, device).packageId());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private Path file(String id) {
        return vault.home().dir().resolve(DIR).resolve(id + ".harbor");
    }

    private void requireSupervisor(Session session) {
        accounts.require(session, Permission.EXPORT_PACKAGES);
        if (session.role() != Role.SUPERVISOR) {
            throw new Refusal("outbox.error.supervisorOnly");
        }
    }
}
