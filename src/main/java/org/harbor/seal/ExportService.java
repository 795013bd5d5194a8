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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.harbor.accounts.AccountService;
import org.harbor.accounts.Permission;
import org.harbor.accounts.Session;
import org.harbor.accounts.SigningKeys;
import org.harbor.audit.AuditActions;
import org.harbor.audit.AuditLog;
import org.harbor.cases.CaseRecords;
import org.harbor.cases.CaseStatus;
import org.harbor.consent.ConsentPurpose;
import org.harbor.consent.ConsentRecords;
import org.harbor.consent.Sharing;
import org.harbor.crypto.Ed25519;
import org.harbor.crypto.Minisign;
import org.harbor.i18n.Refusal;
import org.harbor.vault.AtomicFiles;
import org.harbor.vault.VaultMeta;
import org.harbor.vault.Vault;

/**
 * Export of sealed cases as a package for the central office (DESIGN.md section 7), for one purpose
 * (services unless chosen): in the transaction that reads the cases, a case with neither consent
 * nor a lawful basis for the purpose is refused and answers no consent allows are left out (listed
 * in the manifest); then free space is checked; the package is written to a temporary file beside
 * the target, forced to disk and signed; the transaction that records it checks the consents again
 * and marks the cases "exported"; only then is the file renamed into place.
 */
public final class ExportService {

    /** A sealed case a supervisor may export. */
    public record Exportable(String caseId, String number, String status, String sealedAt) {
    }

    /** What an export wrote. */
    public record Exported(String packageId, long sequence, Path file, Path signature, List<String> caseIds, String manifestHash,
                           long bytes, int withheldFields) {
    }

    private final Vault vault;
    private final AccountService accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final CaseExtras extras;
    private final ConsentCheck consent;
    private final PackageFormat format;

    public ExportService(Vault vault, AccountService accounts, AuditLog audit, Clock clock, CaseExtras extras, ConsentCheck consent) {
        this(vault, accounts, audit, clock, extras, consent, PackageFormat.TWO);
    }

    private ExportService(Vault vault, AccountService accounts, AuditLog audit, Clock clock, CaseExtras extras, ConsentCheck consent,
                          PackageFormat format) {
        this.vault = vault;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.extras = extras;
        this.consent = consent;
        this.format = format;
    }

    /** The same service writing packages of {@code format} (format 2 unless chosen). */
    public ExportService withFormat(PackageFormat chosen) {
        return new ExportService(vault, accounts, audit, clock, extras, consent, chosen);
    }

    /** The format this service writes. */
    public PackageFormat format() {
        return format;
    }

    /** Sealed cases not yet received by the central office, oldest seal first. */
    public List<Exportable> exportable(Session session) {
        accounts.require(session, Permission.EXPORT_PACKAGES);
        return vault.transaction(c -> {
            List<Exportable> out = new ArrayList<>();
            // Each sealed case by the time of its case seal, then its number.
            try (PreparedStatement q = c.prepareStatement("SELECT unit_id, sealed_at FROM seals WHERE kind = 'case'");
                 ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    String id = row.getString(1);
                    Optional<CaseRecords.NumberAndStatus> kase = CaseRecords.numberAndStatus(c, id);
                    if (kase.isPresent() && (kase.get().status().equals(CaseStatus.SEALED.code())
                            || kase.get().status().equals(CaseStatus.EXPORTED.code()))) {
                        out.add(new Exportable(id, kase.get().number(), kase.get().status(), row.getString(2)));
                    }
                }
            }
            out.sort(java.util.Comparator.comparing(Exportable::sealedAt).thenComparing(Exportable::number));
            return out;
        });
    }

    /** Every sealed case not yet received. */
    public List<String> allSealed(Session session) {
        return exportable(session).stream().map(Exportable::caseId).toList();
    }

    /** Writes a package for the central office's casework: {@link ConsentPurpose#SERVICES}. */
    public Exported export(Session session, List<String> caseIds, Path out, ExportListener listener)
            throws IOException {
        return export(session, caseIds, ConsentPurpose.SERVICES, out, listener);
    }

    /**
     * Writes {@code out} and {@code out.minisig} for one purpose. Refuses with a {@link Refusal}
     * naming the problem: no trust bundle, a case not sealed, a case with neither consent nor a
     * lawful basis for the purpose (naming its number and the purpose), too little space, or a
     * consent that changed while the package was written. Answers whose purposes are not allowed are
     * left out and listed in the manifest (ADR 0009).
     */
    public Exported export(Session session, List<String> caseIds, ConsentPurpose purpose, Path out, ExportListener listener)
            throws IOException {
        accounts.require(session, Permission.EXPORT_PACKAGES);
        List<String> ids = List.copyOf(new LinkedHashSet<>(caseIds));
        if (ids.isEmpty()) {
            throw new Refusal("export.error.noCases");
        }
        String now = clock.instant().toString();
        Prepared prepared = vault.transaction(c -> prepare(c, session, ids, purpose, now));
        try (CaseExtras.Attachments attachments = extras.attachments(session, ids)) {
            List<PackageWriter.CaseContent> contents = new ArrayList<>();
            for (PackageWriter.CaseContent base : prepared.cases()) {
                java.util.Set<String> withheld = new java.util.HashSet<>();
                base.withheld().forEach(w -> withheld.add(w.key()));
                contents.add(new PackageWriter.CaseContent(base.caseId(), base.number(), base.caseJson(), base.auditJsonl(),
                        extras.forms(session, base.caseId(), withheld), attachments.of(base.caseId()), base.withheld()));
            }
            return write(session, ids, purpose, out, listener, now, prepared, contents);
        }
    }

    private Exported write(Session session, List<String> ids, ConsentPurpose purpose, Path out, ExportListener listener, String now,
                           Prepared prepared, List<PackageWriter.CaseContent> contents) throws IOException {
        Path target = out.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        long needed = PackageWriter.estimate(contents) + (1 << 20);
        if (Files.getFileStore(dir).getUsableSpace() < needed + needed / 20) {
            throw new Refusal("export.error.space");
        }
        Path sigTarget = Path.of(target + ".minisig");
        Path temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        String packageId = UUID.randomUUID().toString();
        PackageWriter.Header header = new PackageWriter.Header(packageId, prepared.deviceKey().keyIdHex(), prepared.sequence(), now,
                session.user().id(), session.user().username(), session.role().code(), prepared.auditEntries(), prepared.auditHead(),
                purpose.code());
        Path documentsTemp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".documents.tmp");
        try {
            String manifestHash;
            long fileBytes;
            String signature;
            List<String> recipients = List.of(prepared.trust().primaryRecipient(), prepared.trust().backupRecipient());
            String comment = PackageNames.trustedComment(packageId, header.deviceId(), header.sequence(), now);
            try (Ed25519.SigningKey device = vault.transaction(c -> SigningKeys.open(c, prepared.deviceKey()))) {
                if (format == PackageFormat.TWO) {
                    FormatTwoWriter.Written written;
                    try {
                        written = FormatTwoWriter.write(temp, documentsTemp, recipients, header, contents, device,
                                blake -> Minisign.sign(device, prepared.deviceKey().keyId(), blake,
                                        FormatTwo.UNTRUSTED_COMMENT, comment),
                                listener);
                    } catch (FormatTwoWriter.TooLarge e) {
                        throw new Refusal("export.error.tooLarge");
                    }
                    manifestHash = written.manifestHash();
                    fileBytes = written.fileBytes();
                    signature = written.signature();
                } else {
                    PackageWriter.Written written = PackageWriter.write(temp, recipients, header, contents, device, listener);
                    manifestHash = written.manifestHash();
                    fileBytes = written.fileBytes();
                    signature = Minisign.sign(device, prepared.deviceKey().keyId(), written.blake2b(),
                            "Harbor package signature; verify with the device's public key", comment);
                }
            }
            if (listener.cancelled()) {
                throw new PackageWriter.Cancelled();
            }
            vault.transaction(c -> {
                // The consent check of the writing transaction: what was decided when the case was read
                // must still hold when the package is recorded, or the package is not released.
                Map<String, Sharing> standing = consent.sharing(c, prepared.cases().stream().map(PackageWriter.CaseContent::caseId).toList());
                for (PackageWriter.CaseContent base : prepared.cases()) {
                    if (!standing.get(base.caseId()).equals(prepared.sharing().get(base.caseId()))) {
                        throw new Refusal("export.error.consentChanged", base.number());
                    }
                }
                record(c, session, prepared, packageId, manifestHash, ids, now);
                return null;
            });
            AtomicFiles.write(sigTarget, signature.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            move(temp, target);
            listener.progress(1, 1);
            return new Exported(packageId, prepared.sequence(), target, sigTarget, ids, manifestHash, fileBytes,
                    prepared.cases().stream().mapToInt(x -> x.withheld().size()).sum());
        } finally {
            Files.deleteIfExists(temp);
            Files.deleteIfExists(documentsTemp);
        }
    }

    /**
     * Packages written but not yet confirmed by a receipt whose cases had a consent decision, a
     * revocation or a lawful basis recorded after the package was written: they must not be sent;
     * export the cases again (the new package withholds or refuses by the consents of now). Times
     * are compared as instants ({@code julianday}), not as text.
     */
    public List<String> stalePackages(Session session) {
        accounts.require(session, Permission.EXPORT_PACKAGES);
        return vault.transaction(ExportService::stalePackages);
    }

    static List<String> stalePackages(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        // Packages still waiting for a receipt, oldest first, with their cases that are still "exported".
        Map<String, String> createdAt = new LinkedHashMap<>();
        Map<String, List<String>> casesOf = new LinkedHashMap<>();
        try (PreparedStatement q = c.prepareStatement("""
                SELECT e.package_id, e.created_at, x.case_id FROM exports e JOIN export_cases x ON x.package_id = e.package_id
                ORDER BY e.sequence, x.case_id""");
             ResultSet row = q.executeQuery()) {
            while (row.next()) {
                createdAt.put(row.getString(1), row.getString(2));
                casesOf.computeIfAbsent(row.getString(1), k -> new ArrayList<>()).add(row.getString(3));
            }
        }
        for (Map.Entry<String, List<String>> p : casesOf.entrySet()) {
            for (String caseId : p.getValue()) {
                Optional<CaseRecords.NumberAndStatus> kase = CaseRecords.numberAndStatus(c, caseId);
                if (kase.isPresent() && kase.get().status().equals(CaseStatus.EXPORTED.code())
                        && ConsentRecords.decidedSince(c, caseId, createdAt.get(p.getKey()))) {
                    out.add(p.getKey());
                    break;
                }
            }
        }
        return out;
    }

    private record Prepared(TrustBundle trust, Minisign.PublicKey deviceKey, long sequence, long auditEntries, String auditHead,
                            List<PackageWriter.CaseContent> cases, Map<String, Sharing> sharing) {
    }

    private Prepared prepare(Connection c, Session session, List<String> ids, ConsentPurpose purpose, String now)
            throws SQLException {
        Map<String, Sharing> sharing = new java.util.HashMap<>();
        TrustBundle trust = TrustService.trust(c).orElseThrow(() -> new Refusal("export.error.noTrust"));
        Minisign.PublicKey device = SigningKeys.vaultKey(c, SigningKeys.Purpose.DEVICE, now);
        List<PackageWriter.CaseContent> cases = new ArrayList<>();
        Map<String, byte[]> audits = CaseFiles.auditJsonl(c, ids);
        Map<String, Sharing> sharings = consent.sharing(c, ids);
        for (String id : ids) {
            SealService.requireVisible(c, session, id);
            CaseRecords.NumberAndStatus kase = CaseRecords.numberAndStatus(c, id).orElseThrow();
            String number = kase.number();
            String status = kase.status();
            if (!SealService.caseSealed(c, id) || !(status.equals("sealed") || status.equals("exported"))) {
                throw new Refusal("export.error.notSealed");
            }
            Sharing allowed = sharings.get(id);
            Sharing.Standing standing = allowed.standing(purpose);
            if (!standing.permitted()) {
                throw new Refusal("export.error.consentMissing", number, new Refusal.Term("consent.purpose." + purpose.code()),
                        new Refusal.Term("consent.reason." + standing.reason().code()));
            }
            sharing.put(id, allowed);
            List<SealRecord> seals = SealService.records(c, id);
            ValueFilter.Result values = ValueFilter.decide(id, allowed, purpose, SealUnits.caseOpenings(c, id));
            if (!values.withheld().isEmpty() && SealDigests.anyWholeAnswers(seals)) {
                throw new Refusal("export.error.consentOldSeal", number);
            }
            Map<String, java.util.Set<String>> digests = SealDigests.of(seals);
            List<ValueFilter.Carried> openings = values.carried().stream()
                    .filter(a -> digests.getOrDefault(a.opening().key(), java.util.Set.of()).contains(a.opening().digest())).toList();
            cases.add(new PackageWriter.CaseContent(id, number, CaseFiles.caseJson(id, number, seals, purpose.code(), openings),
                    audits.get(id), List.of(), List.of(), values.withheld()));
        }
        AuditLog.Checkpoint checkpoint = AuditLog.checkpoint(c);
        return new Prepared(trust, device, lastSequence(c) + 1, checkpoint.entries(), checkpoint.head(), cases, sharing);
    }

    private void record(Connection c, Session session, Prepared prepared, String packageId, String manifestHash, List<String> ids,
                        String now) throws SQLException {
        if (lastSequence(c) + 1 != prepared.sequence()) {
            throw new Refusal("export.error.concurrent");
        }
        VaultMeta.put(c, PACKAGE_SEQ, Long.toString(prepared.sequence()));
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO exports(package_id, sequence, manifest_hash, created_at, created_by) VALUES (?,?,?,?,?)")) {
            insert.setString(1, packageId);
            insert.setLong(2, prepared.sequence());
            insert.setString(3, manifestHash);
            insert.setString(4, now);
            insert.setLong(5, session.user().id());
            insert.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO export_cases(package_id, case_id) VALUES (?,?)")) {
            for (String id : ids) {
                insert.setString(1, packageId);
                insert.setString(2, id);
                insert.executeUpdate();
                CaseRecords.setStatus(c, id, CaseStatus.EXPORTED, now);
            }
        }
        audit.append(c, session.actorId(), AuditActions.PACKAGE_EXPORTED, packageId,
                Map.of("cases", Integer.toString(ids.size()), "sequence", Long.toString(prepared.sequence())));
    }

    /** The sequence number of the last package written, in {@code vault_meta}. */
    private static final String PACKAGE_SEQ = "package_seq";

    private static long lastSequence(Connection c) throws SQLException {
        return VaultMeta.get(c, PACKAGE_SEQ).map(Long::parseLong).orElse(0L);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
