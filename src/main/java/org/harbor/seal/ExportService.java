package org.harbor.seal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.harbor.accounts.AccountService;
import org.harbor.accounts.Permission;
import org.harbor.accounts.Session;
import org.harbor.accounts.SigningKeys;
import org.harbor.audit.AuditActions;
import org.harbor.audit.AuditLog;
import org.harbor.crypto.Ed25519;
import org.harbor.crypto.Minisign;
import org.harbor.vault.AtomicFiles;
import org.harbor.vault.Vault;
import org.harbor.vault.VaultException;

/**
 * Export of sealed cases as a package for the central office (DESIGN.md section 7): consent is
 * checked first, then free space; the package is written to a temporary file beside the target,
 * forced to disk, signed, and renamed; only then are the cases marked "exported".
 */
public final class ExportService {

    /** A sealed case a supervisor may export. */
    public record Exportable(String caseId, String number, String status, String sealedAt) {
    }

    /** What an export wrote. */
    public record Exported(String packageId, long sequence, Path file, Path signature, List<String> caseIds, String manifestHash,
                           long bytes) {
    }

    private final Vault vault;
    private final AccountService accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final CaseExtras extras;
    private final ConsentCheck consent;

    public ExportService(Vault vault, AccountService accounts, AuditLog audit, Clock clock, CaseExtras extras, ConsentCheck consent) {
        this.vault = vault;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.extras = extras;
        this.consent = consent;
    }

    /** Sealed cases not yet received by the central office, oldest seal first. */
    public List<Exportable> exportable(Session session) throws VaultException {
        accounts.require(session, Permission.EXPORT_PACKAGES);
        return vault.transaction(c -> {
            List<Exportable> out = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT c.id, c.number, c.status, s.sealed_at FROM cases c "
                    + "JOIN seals s ON s.kind = 'case' AND s.unit_id = c.id WHERE c.status IN ('sealed', 'exported') "
                    + "ORDER BY s.sealed_at, c.number");
                 ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    out.add(new Exportable(row.getString(1), row.getString(2), row.getString(3), row.getString(4)));
                }
            }
            return out;
        });
    }

    /** Every sealed case not yet received. */
    public List<String> allSealed(Session session) throws VaultException {
        return exportable(session).stream().map(Exportable::caseId).toList();
    }

    /**
     * Writes {@code out} and {@code out.minisig}. Refuses with a {@link SealException} naming the
     * problem: no trust bundle, a case not sealed, a consent that blocks a case, too little space.
     */
    public Exported export(Session session, List<String> caseIds, Path out, ExportListener listener)
            throws VaultException, IOException {
        accounts.require(session, Permission.EXPORT_PACKAGES);
        List<String> ids = List.copyOf(new LinkedHashSet<>(caseIds));
        if (ids.isEmpty()) {
            throw new SealException("export.error.noCases", "choose at least one sealed case");
        }
        for (String id : ids) {
            ConsentCheck.Decision decision = consent.check(session, id);
            if (!decision.allowed()) {
                throw new SealException(decision.reasonKey() == null ? "export.error.consent" : decision.reasonKey(),
                        "case " + id + " cannot be exported: " + decision.reason());
            }
        }
        String now = clock.instant().toString();
        Prepared prepared = vault.transaction(c -> prepare(c, session, ids, now));
        List<PackageWriter.CaseContent> contents = new ArrayList<>();
        for (PackageWriter.CaseContent base : prepared.cases()) {
            contents.add(new PackageWriter.CaseContent(base.caseId(), base.number(), base.caseJson(), base.auditJsonl(),
                    extras.forms(session, base.caseId()), extras.attachments(session, base.caseId())));
        }
        Path target = out.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        long needed = PackageWriter.estimate(contents) + (1 << 20);
        if (Files.getFileStore(dir).getUsableSpace() < needed + needed / 20) {
            throw new SealException("export.error.space", "not enough free space for the package (about "
                    + (needed >> 20) + " MB needed)");
        }
        Path sigTarget = Path.of(target + ".minisig");
        Path temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        String packageId = UUID.randomUUID().toString();
        PackageWriter.Header header = new PackageWriter.Header(packageId, prepared.deviceKey().keyIdHex(), prepared.sequence(), now,
                session.user().id(), session.user().username(), session.role().code(), prepared.auditEntries(), prepared.auditHead());
        try {
            PackageWriter.Written written;
            String signature;
            try (Ed25519.SigningKey device = vault.transaction(c -> SigningKeys.open(c, prepared.deviceKey()))) {
                written = PackageWriter.write(temp, List.of(prepared.trust().primaryRecipient(), prepared.trust().backupRecipient()),
                        header, contents, device, listener);
                signature = Minisign.sign(device, prepared.deviceKey().keyId(), written.blake2b(),
                        "Harbor package signature; verify with the device's public key",
                        PackageNames.trustedComment(packageId, header.deviceId(), header.sequence(), now));
            }
            if (listener.cancelled()) {
                throw new PackageWriter.Cancelled();
            }
            vault.transaction(c -> {
                record(c, session, prepared, packageId, written.manifestHash(), ids, now);
                return null;
            });
            AtomicFiles.write(sigTarget, signature.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            move(temp, target);
            listener.progress(1, 1);
            return new Exported(packageId, prepared.sequence(), target, sigTarget, ids, written.manifestHash(), written.fileBytes());
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private record Prepared(TrustBundle trust, Minisign.PublicKey deviceKey, long sequence, long auditEntries, String auditHead,
                            List<PackageWriter.CaseContent> cases) {
    }

    private Prepared prepare(Connection c, Session session, List<String> ids, String now) throws SQLException {
        TrustBundle trust = TrustService.trust(c).orElseThrow(() -> new SealException("export.error.noTrust",
                "import the central office's trust bundle first (harbor trust import)"));
        Minisign.PublicKey device = SigningKeys.vaultKey(c, SigningKeys.Purpose.DEVICE, now);
        List<PackageWriter.CaseContent> cases = new ArrayList<>();
        Map<String, byte[]> audits = CaseFiles.auditJsonl(c, ids);
        for (String id : ids) {
            SealService.requireVisible(c, session, id);
            String number;
            String status;
            try (PreparedStatement q = c.prepareStatement("SELECT number, status FROM cases WHERE id = ?")) {
                q.setString(1, id);
                try (ResultSet row = q.executeQuery()) {
                    row.next();
                    number = row.getString(1);
                    status = row.getString(2);
                }
            }
            if (!SealService.caseSealed(c, id) || !(status.equals("sealed") || status.equals("exported"))) {
                throw new SealException("export.error.notSealed", "case " + number + " is not sealed, or was already received");
            }
            cases.add(new PackageWriter.CaseContent(id, number, CaseFiles.caseJson(id, number, SealService.records(c, id)),
                    audits.get(id), List.of(), List.of()));
        }
        long entries = 0;
        String head = "0".repeat(64);
        try (PreparedStatement q = c.prepareStatement("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
             ResultSet row = q.executeQuery()) {
            if (row.next()) {
                entries = row.getLong(1);
                head = row.getString(2);
            }
        }
        return new Prepared(trust, device, lastSequence(c) + 1, entries, head, cases);
    }

    private void record(Connection c, Session session, Prepared prepared, String packageId, String manifestHash, List<String> ids,
                        String now) throws SQLException {
        if (lastSequence(c) + 1 != prepared.sequence()) {
            throw new SealException("export.error.concurrent", "another export finished meanwhile; export again");
        }
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO vault_meta(key, value) VALUES ('package_seq', ?) "
                + "ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
            upsert.setString(1, Long.toString(prepared.sequence()));
            upsert.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO exports(package_id, sequence, manifest_hash, created_at, created_by) VALUES (?,?,?,?,?)")) {
            insert.setString(1, packageId);
            insert.setLong(2, prepared.sequence());
            insert.setString(3, manifestHash);
            insert.setString(4, now);
            insert.setLong(5, session.user().id());
            insert.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO export_cases(package_id, case_id) VALUES (?,?)");
             PreparedStatement status = c.prepareStatement("UPDATE cases SET status = 'exported', updated_at = ? WHERE id = ?")) {
            for (String id : ids) {
                insert.setString(1, packageId);
                insert.setString(2, id);
                insert.executeUpdate();
                status.setString(1, now);
                status.setString(2, id);
                status.executeUpdate();
            }
        }
        audit.append(c, session.actorId(), AuditActions.PACKAGE_EXPORTED, packageId,
                Map.of("cases", Integer.toString(ids.size()), "sequence", Long.toString(prepared.sequence())));
    }

    private static long lastSequence(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT value FROM vault_meta WHERE key = 'package_seq'");
             ResultSet row = q.executeQuery()) {
            return row.next() ? Long.parseLong(row.getString(1)) : 0;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
