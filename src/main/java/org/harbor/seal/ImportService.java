package org.harbor.seal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
import org.harbor.accounts.Session;
import org.harbor.accounts.SigningKeys;
import org.harbor.audit.AuditActions;
import org.harbor.audit.AuditLog;
import org.harbor.crypto.Age;
import org.harbor.crypto.AgeException;
import org.harbor.crypto.AgeIdentity;
import org.harbor.crypto.CanonicalJson;
import org.harbor.crypto.Ed25519;
import org.harbor.crypto.Hashes;
import org.harbor.crypto.Minisign;
import org.harbor.i18n.Refusal;
import org.harbor.vault.AtomicFiles;
import org.harbor.vault.HarborHome;
import org.harbor.vault.Vault;

/**
 * Central-office import, strictly in the order of ADR 0004: size cap → signature against an
 * enrolled device → sequence number not yet imported from it (a set, not "above the highest":
 * packages may arrive out of order) → decrypt → inner device id equals the signer → parse within
 * caps → every entry covered by its case's seal → one transaction. Every check before the last only
 * reads, so a refusal ({@link PackageRefused}, naming the check) leaves the records as they were;
 * it adds one audit entry naming the check.
 *
 * <p>The package file itself, still encrypted to the central identities, is kept under
 * {@code packages/} in the vault folder: the attachments stay in it, readable with the vault's
 * keys, and never lie on disk in plaintext.
 */
public final class ImportService {

    /** What became of one case of an imported package. */
    public enum CaseOutcome { NEW, UNCHANGED, CONFLICT }

    /** One imported case. */
    public record ImportedCase(String caseId, String number, CaseOutcome outcome) {
    }

    /** The result of an import; {@code alreadyImported} means nothing was written. */
    public record ImportResult(String packageId, String deviceId, long sequence, boolean alreadyImported,
                               List<ImportedCase> cases, Receipt receipt, String custodyReport) {
    }

    /** A case version kept for a person to choose. */
    public record CaseVersion(String caseId, String versionHash, String packageId, String state, String importedAt) {
    }

    private final Vault vault;
    private final AccountService accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final PackageLimits limits;
    private final java.util.function.Supplier<CaseFiling> filing;

    public ImportService(Vault vault, AccountService accounts, AuditLog audit, Clock clock, PackageLimits limits) {
        this(vault, accounts, audit, clock, limits, () -> CaseFiling.NONE);
    }

    /** {@code filing}: where accepted packages' cases are filed (the central store), asked for at each import. */
    public ImportService(Vault vault, AccountService accounts, AuditLog audit, Clock clock, PackageLimits limits,
                         java.util.function.Supplier<CaseFiling> filing) {
        this.vault = vault;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.limits = limits;
        this.filing = filing;
    }

    public ImportResult importPackage(Session session, Path file, ExportListener listener) {
        return importPackage(session, file, PackageSignature.beside(file), listener);
    }

    public ImportResult importPackage(Session session, Path file, Path signatureFile, ExportListener listener) {
        accounts.require(session, Permission.IMPORT_PACKAGES);
        try {
            Checked checked = check(file, signatureFile, true, listener);
            if (checked.alreadyImported() != null) {
                return checked.alreadyImported();
            }
            return store(session, file, signatureFile, checked);
        } catch (PackageRefused e) {
            auditRefusal(session, e);
            throw e;
        }
    }

    /**
     * A refusal leaves one audit entry naming the check, so that the office sees attempts and not
     * only successes. Nothing of the package goes in it (no ids it claims, no names, no content):
     * a refused package is not to be believed.
     */
    private void auditRefusal(Session session, PackageRefused e) {
        try {
            audit.record(session.actorId(), AuditActions.PACKAGE_REFUSED, null,
                    Map.of("check", e.check().name().toLowerCase(java.util.Locale.ROOT)));
        } catch (RuntimeException failure) {
            e.addSuppressed(failure); // the refusal stands; the person sees it either way
        }
    }

    /** Runs every check but the sequence number and stores nothing: for {@code harbor verify} with a central vault. */
    public String verifyPackage(Session session, Path file, Path signatureFile) {
        accounts.require(session, Permission.IMPORT_PACKAGES);
        Checked checked = check(file, signatureFile, false, ExportListener.SILENT);
        return CustodyReport.forPackage(checked.contents().manifest(), checked.contents().cases());
    }

    /** The versions of cases imported more than once with different content. */
    public List<CaseVersion> conflicts(Session session) {
        accounts.require(session, Permission.IMPORT_PACKAGES);
        return vault.transaction(c -> {
            List<CaseVersion> out = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT case_id, version_hash, package_id, state, imported_at FROM imported_cases "
                    + "WHERE case_id IN (SELECT case_id FROM imported_cases WHERE state = 'conflict') ORDER BY case_id, imported_at");
                 ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    out.add(new CaseVersion(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5)));
                }
            }
            return out;
        });
    }

    /** A person's choice between conflicting versions: the chosen one becomes current, the others superseded. */
    public void resolve(Session session, String caseId, String versionHash) {
        accounts.require(session, Permission.IMPORT_PACKAGES);
        vault.transaction(c -> {
            try (PreparedStatement keep = c.prepareStatement("UPDATE imported_cases SET state = 'current' WHERE case_id = ? AND version_hash = ?")) {
                keep.setString(1, caseId);
                keep.setString(2, versionHash);
                if (keep.executeUpdate() != 1) {
                    throw new Refusal("import.error.noSuchVersion");
                }
            }
            try (PreparedStatement rest = c.prepareStatement(
                    "UPDATE imported_cases SET state = 'superseded' WHERE case_id = ? AND version_hash <> ?")) {
                rest.setString(1, caseId);
                rest.setString(2, versionHash);
                rest.executeUpdate();
            }
            audit.append(c, session.actorId(), "import.conflict.resolved", caseId, Map.of("version", versionHash));
            return null;
        });
    }

    // --- the checks, in order ------------------------------------------------------------

    private record Checked(PackageSignature.Signed signed, PackageReader.Contents contents, Path copy, ImportResult alreadyImported,
                           byte[] signatureFile) {
        Checked(PackageSignature.Signed signed, PackageReader.Contents contents, Path copy, ImportResult alreadyImported) {
            this(signed, contents, copy, alreadyImported, null);
        }
    }

    private Checked check(Path file, Path signatureFile, boolean forImport, ExportListener listener) {
        // 1. size cap
        long size;
        try {
            if (!Files.isRegularFile(file)) {
                throw new PackageRefused(ImportCheck.SIZE, "the package file is missing");
            }
            size = Files.size(file);
        } catch (IOException e) {
            throw new PackageRefused(ImportCheck.SIZE, "the package file cannot be read");
        }
        if (size > limits.maxPackageBytes()) {
            throw new PackageRefused(ImportCheck.SIZE, "the package is larger than the cap of " + (limits.maxPackageBytes() >> 20) + " MB");
        }
        if (FormatTwo.sniff(file)) {
            return checkFormatTwo(file, size, forImport, listener);
        }
        // 2. signature against an enrolled device. The BLAKE2b-512 it signs is computed in the one
        // pass that also decrypts, parses and copies the file (issue 16: a pass of its own before
        // decryption was a quarter of an import); nothing that pass finds is acted on, and no
        // failure of it is reported, before the signature holds: a package that fails several
        // checks is still refused at the first of them in the order above.
        Minisign.Signature signature = PackageSignature.read(signatureFile);
        Minisign.PublicKey deviceKey = vault.transaction(c -> TrustService.enrolled(c, signature.keyIdHex()))
                .orElseThrow(() -> new PackageRefused(ImportCheck.SIGNATURE, "the package is not signed by an enrolled device"));
        List<AgeIdentity> identities = vault.transaction(TrustService::identities);
        Path copy = forImport ? packagesDir().resolve("." + UUID.randomUUID() + ".tmp") : null;
        try (FileChannel source = FileChannel.open(file, StandardOpenOption.READ);
             FileChannel sink = copy == null ? null : openCopy(copy)) {
            TeeChannel raw = new TeeChannel(source, sink, true);
            PackageReader.Contents contents = null;
            PackageRefused failed = null;
            // 4. decrypt, 5. inner device id, 6. parse within caps: one streaming pass, teed into the
            // vault's copy and the signature's hash
            try {
                ReadableByteChannel plain = Age.decrypting(raw, identities);
                try (InputStream in = new ProgressStream(Channels.newInputStream(plain), listener, size)) {
                    contents = PackageReader.read(in, deviceKey.keyIdHex(), deviceKey.key(), limits);
                }
                if (raw.count() != size) {
                    failed = new PackageRefused(ImportCheck.DECRYPT, "the package has bytes after the end of its encrypted content");
                }
            } catch (AgeException e) {
                failed = new PackageRefused(ImportCheck.DECRYPT, "the package is not encrypted to this central office's keys");
            } catch (PackageReader.SourceFailure e) {
                if (listener.cancelled()) {
                    throw new Refusal("import.cancelled");
                }
                failed = new PackageRefused(ImportCheck.DECRYPT, "the encrypted content is damaged or cut short");
            } catch (PackageReader.WrongDevice e) {
                failed = new PackageRefused(ImportCheck.DEVICE_ID, e.getMessage());
            } catch (PackageReader.Malformed e) {
                failed = new PackageRefused(ImportCheck.PARSE, e.getMessage());
            }
            raw.drain(); // the signature covers every byte of the file, also those the pass did not need
            PackageSignature.Signed signed = PackageSignature.verify(raw.blake2b(), signature, deviceKey);
            // 3. sequence number not yet imported from the device
            if (forImport) {
                Optional<ImportResult> same = vault.transaction(c -> replay(c, signed));
                if (same.isPresent()) {
                    return new Checked(signed, null, null, same.get());
                }
            }
            if (failed != null) {
                throw failed;
            }
            Manifest m = contents.manifest();
            if (!signed.deviceId().equals(m.deviceId())) {
                throw new PackageRefused(ImportCheck.DEVICE_ID, "the manifest names another device than the signer");
            }
            if (!m.packageId().equals(signed.packageId()) || m.sequence() != signed.sequence()) {
                throw new PackageRefused(ImportCheck.DEVICE_ID, "the manifest does not match the signed package id and sequence");
            }
            // 7. every entry covered by its case's seal
            uncovered(contents);
            if (sink != null) {
                sink.force(true);
            }
            Checked checked = new Checked(signed, contents, copy, null);
            copy = null; // handed over to store()
            return checked;
        } catch (IOException e) {
            throw new PackageRefused(ImportCheck.DECRYPT, "the package cannot be read");
        } finally {
            identities.forEach(AgeIdentity::destroy);
            deleteQuietly(copy);
        }
    }

    /**
     * Package format 2 (ADR 0016), in ADR 0004's order: the signed index (inside the package; a
     * signature file beside it is not needed) against an enrolled device, the sequence number, then
     * one pass over the package copied into the vault folder (once its signed index holds) that
     * hashes every file against the index as it decrypts and checks it.
     */
    private Checked checkFormatTwo(Path file, long checkedSize, boolean forImport, ExportListener listener) {
        if (forImport) {
            // the signed index against an enrolled device first, and the replay check: nothing is
            // copied for a stranger, nor for a package imported already
            ImportResult[] seen = {null};
            PackageSignature.Signed signed = FormatTwoReader.checkSigner(file, keyId -> vault.transaction(c -> TrustService.enrolled(c, keyId)),
                    s -> {
                        seen[0] = vault.transaction(c -> replay(c, s)).orElse(null);
                        return seen[0] != null;
                    }, limits);
            if (seen[0] != null) {
                return new Checked(signed, null, null, seen[0]);
            }
        }
        List<AgeIdentity> identities = vault.transaction(TrustService::identities);
        Path copy = forImport ? packagesDir().resolve("." + UUID.randomUUID() + ".tmp") : null;
        // For an import the package is first copied into the vault folder (a file copy, which the
        // system may share blocks for), and the copy is what is read and checked: what is kept is
        // what was checked, as when the bytes were written while they were read, without the copy
        // through this process (issue 16).
        try (FileChannel sink = copy == null ? null : openCopy(copy);
             FileChannel source = copy == null ? FileChannel.open(file, StandardOpenOption.READ) : copied(file, checkedSize, sink, copy)) {
            long size = source.size();
            if (size > limits.maxPackageBytes() || size != checkedSize) {
                throw new PackageRefused(ImportCheck.SIZE, "the package file changed while it was read");
            }
            TeeChannel raw = new TeeChannel(source, null, false);
            ImportResult[] earlier = {null};
            FormatTwoReader.Read read = FormatTwoReader.read(Channels.newInputStream(raw), size,
                    keyId -> vault.transaction(c -> TrustService.enrolled(c, keyId)),
                    signed -> {
                        if (forImport) {
                            earlier[0] = vault.transaction(c -> replay(c, signed)).orElse(null);
                        }
                        return earlier[0] != null;
                    },
                    Age.decryptor(identities), limits, listener);
            if (earlier[0] != null) {
                return new Checked(read.signed(), null, null, earlier[0]);
            }
            PackageSignature.Signed signed = read.signed();
            PackageReader.Contents contents = read.contents();
            Manifest m = contents.manifest();
            if (!signed.deviceId().equals(m.deviceId())) {
                throw new PackageRefused(ImportCheck.DEVICE_ID, "the manifest names another device than the signer");
            }
            if (!m.packageId().equals(signed.packageId()) || m.sequence() != signed.sequence()) {
                throw new PackageRefused(ImportCheck.DEVICE_ID, "the manifest does not match the signed package id and sequence");
            }
            raw.drain(); // the ZIP's central directory
            FormatTwoReader.checkLayout(source, read.entries());
            uncovered(contents);
            if (sink != null) {
                sink.force(true);
            }
            Checked checked = new Checked(signed, contents, copy, null, read.signatureFile());
            copy = null; // handed over to store()
            return checked;
        } catch (AgeException e) {
            throw new PackageRefused(ImportCheck.DECRYPT, "this central office's keys are not usable");
        } catch (IOException e) {
            throw new PackageRefused(ImportCheck.DECRYPT, "the package cannot be read");
        } finally {
            identities.forEach(AgeIdentity::destroy);
            deleteQuietly(copy);
        }
    }

    /**
     * Empty when this device's sequence number was never imported, whatever the highest one seen:
     * packages may arrive out of order (a USB stick found late), and a genuine older one must not be
     * lost. The earlier result when this exact package was imported; else a refusal (a package id
     * or a sequence number already used by another package: a replay or a forgery).
     */
    private Optional<ImportResult> replay(Connection c, PackageSignature.Signed signed) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT device_id, sequence, file_hash, receipt FROM imported_packages WHERE package_id = ?")) {
            q.setString(1, signed.packageId());
            try (ResultSet row = q.executeQuery()) {
                if (row.next()) {
                    if (row.getString(1).equals(signed.deviceId()) && row.getLong(2) == signed.sequence()
                            && row.getString(3).equals(signed.fileHash())) {
                        Receipt receipt = Receipt.parse(row.getString(4).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        return Optional.of(new ImportResult(signed.packageId(), signed.deviceId(), signed.sequence(), true, List.of(),
                                receipt, ""));
                    }
                    throw new PackageRefused(ImportCheck.SEQUENCE,
                            "a package with this id was already imported with other content: a replayed or altered package");
                }
            }
        }
        if (sequenceUsed(c, signed.deviceId(), signed.sequence())) {
            throw new PackageRefused(ImportCheck.SEQUENCE, "sequence number " + signed.sequence()
                    + " of this device was already imported with another package: a replayed or forged package");
        }
        return Optional.empty();
    }

    private static boolean sequenceUsed(Connection c, String deviceId, long sequence) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM imported_packages WHERE device_id = ? AND sequence = ?")) {
            q.setString(1, deviceId);
            q.setLong(2, sequence);
            try (ResultSet row = q.executeQuery()) {
                return row.next();
            }
        }
    }

    /**
     * Refuses a package carrying an attachment or a form of a case that its case seal does not list.
     * The device signs the manifest, but the record's integrity is the seal: an entry outside it
     * (an extra attachment added by a holder of the device key, say) would otherwise be stored with
     * the case and the case reported "unchanged", since its case.json is the same.
     */
    private static void uncovered(PackageReader.Contents contents) {
        Map<String, java.util.Set<String>> attachments = new java.util.HashMap<>();
        Map<String, java.util.Set<String>> forms = new java.util.HashMap<>();
        for (PackageReader.CaseFile f : contents.cases().values()) {
            java.util.Set<String> a = new java.util.HashSet<>();
            java.util.Set<String> s = new java.util.HashSet<>();
            for (SealRecord seal : f.seals()) {
                if (seal.kind() == SealKind.CASE && seal.unitId().equals(f.caseId())) {
                    covered(seal, a, s);
                }
            }
            attachments.put(f.caseId(), a);
            forms.put(f.caseId(), s);
        }
        for (String name : contents.manifest().entries().keySet()) {
            String caseId = PackageNames.caseIdOf(name);
            String number = contents.cases().get(caseId).number();
            if (PackageNames.isAttachment(name)) {
                if (!attachments.get(caseId).contains(name.substring(name.lastIndexOf('/') + 1))) {
                    throw new PackageRefused(ImportCheck.COVERAGE, "case " + number + " carries an attachment its seal does not list");
                }
            } else if (name.contains("/forms/")) {
                String submission = name.substring(name.lastIndexOf('/') + 1, name.length() - ".xml".length());
                if (!forms.get(caseId).contains(submission)) {
                    throw new PackageRefused(ImportCheck.COVERAGE, "case " + number + " carries a form its seal does not list");
                }
            }
        }
    }

    /** The attachment hashes and form submission ids a case seal lists (its content already verified). */
    private static void covered(SealRecord seal, java.util.Set<String> attachments, java.util.Set<String> forms) {
        try {
            Map<?, ?> unit = SealRecord.map(SealRecord.map(CanonicalJson.parse(
                    seal.content().getBytes(java.nio.charset.StandardCharsets.UTF_8), 64)).get("unit"));
            for (Object a : SealRecord.list(unit.get("attachments"))) {
                attachments.add(SealRecord.text(SealRecord.map(a).get("sha256")));
            }
            for (Object session : SealRecord.list(unit.get("sessions"))) {
                for (Object form : SealRecord.list(SealRecord.map(session).get("forms"))) {
                    forms.add(SealRecord.text(SealRecord.map(form).get("id")));
                }
            }
        } catch (CanonicalJson.MalformedException | IllegalArgumentException | ClassCastException e) {
            throw new PackageRefused(ImportCheck.COVERAGE, "a case seal does not say what it covers");
        }
    }

    // --- 8. one transaction ------------------------------------------------------------------

    private ImportResult store(Session session, Path file, Path signatureFile, Checked checked) {
        PackageReader.Contents contents = checked.contents();
        Manifest manifest = contents.manifest();
        Path stored = packagesDir().resolve(manifest.packageId() + ".harbor");
        String now = clock.instant().toString();
        try {
            ImportResult result = vault.transaction(c -> {
                if (sequenceUsed(c, manifest.deviceId(), manifest.sequence())) {
                    throw new PackageRefused(ImportCheck.SEQUENCE, "another import of this sequence number finished meanwhile");
                }
                List<String> caseIds = new ArrayList<>(contents.cases().keySet());
                Receipt receipt;
                Minisign.PublicKey receiptKey = SigningKeys.vaultKey(c, SigningKeys.Purpose.RECEIPT, now);
                try (Ed25519.SigningKey signing = SigningKeys.open(c, receiptKey)) {
                    receipt = Receipt.sign(manifest.packageId(), contents.manifestHash(), caseIds, now, receiptKey, signing);
                }
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO imported_packages(package_id, device_id, sequence, "
                        + "file_hash, manifest_hash, manifest, stored_file, imported_at, imported_by, receipt) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                    insert.setString(1, manifest.packageId());
                    insert.setString(2, manifest.deviceId());
                    insert.setLong(3, manifest.sequence());
                    insert.setString(4, checked.signed().fileHash());
                    insert.setString(5, contents.manifestHash());
                    insert.setString(6, new String(contents.manifestBytes(), java.nio.charset.StandardCharsets.UTF_8));
                    insert.setString(7, stored.getFileName().toString());
                    insert.setString(8, now);
                    insert.setLong(9, session.user().id());
                    insert.setString(10, receipt.toFile());
                    insert.executeUpdate();
                }
                List<ImportedCase> outcomes = new ArrayList<>();
                for (PackageReader.CaseFile f : contents.cases().values()) {
                    outcomes.add(new ImportedCase(f.caseId(), f.number(), storeCase(c, f, manifest.packageId(), now)));
                }
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO imported_entries(package_id, name, sha256, size) VALUES (?,?,?,?)")) {
                    for (Map.Entry<String, Manifest.Entry> e : manifest.entries().entrySet()) {
                        insert.setString(1, manifest.packageId());
                        insert.setString(2, e.getKey());
                        insert.setString(3, e.getValue().sha256());
                        insert.setLong(4, e.getValue().size());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                try (PreparedStatement update = c.prepareStatement("UPDATE enrolled_devices SET last_sequence = MAX(last_sequence, ?) WHERE device_id = ?")) {
                    update.setLong(1, manifest.sequence());
                    update.setString(2, manifest.deviceId());
                    update.executeUpdate();
                }
                // Last: the central store files the cases (in this transaction on the SQLite central vault,
                // its own just before this one commits on a server). A failure refuses the import whole.
                try {
                    filing.get().file(c, VerifiedPackage.of(contents, checked.signed().fileHash()), java.time.Instant.parse(now),
                            session.actorId(), receipt.toFile());
                } catch (PackageRefused e) {
                    throw e;
                } catch (RuntimeException e) {
                    // CaseFiling's messages name the failure, never record content (its contract)
                    throw new PackageRefused(ImportCheck.STORE,
                            "the central store did not file the cases (" + e.getMessage() + "); nothing was imported");
                }
                audit.append(c, session.actorId(), AuditActions.PACKAGE_IMPORTED, manifest.packageId(), Map.of(
                        "device", manifest.deviceId(), "sequence", Long.toString(manifest.sequence()),
                        "cases", Integer.toString(caseIds.size()),
                        "conflicts", Long.toString(outcomes.stream().filter(o -> o.outcome() == CaseOutcome.CONFLICT).count())));
                return new ImportResult(manifest.packageId(), manifest.deviceId(), manifest.sequence(), false, outcomes, receipt,
                        CustodyReport.forPackage(manifest, contents.cases()));
            });
            move(checked.copy(), stored);
            AtomicFiles.write(Path.of(stored + ".minisig"),
                    checked.signatureFile() != null ? checked.signatureFile() : Files.readAllBytes(signatureFile));
            return result;
        } catch (IOException e) {
            throw new PackageRefused(ImportCheck.STORE, "the package was recorded but its copy could not be kept in the vault folder");
        } finally {
            deleteQuietly(checked.copy());
        }
    }

    private static CaseOutcome storeCase(Connection c, PackageReader.CaseFile f, String packageId, String now) throws SQLException {
        String version = Hashes.hex(Hashes.sha256(f.caseJson()));
        boolean hasCurrent = false;
        try (PreparedStatement q = c.prepareStatement("SELECT version_hash, state FROM imported_cases WHERE case_id = ?")) {
            q.setString(1, f.caseId());
            try (ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    if (row.getString(1).equals(version)) {
                        return CaseOutcome.UNCHANGED;
                    }
                    hasCurrent |= "current".equals(row.getString(2));
                }
            }
        }
        CaseOutcome outcome = hasCurrent ? CaseOutcome.CONFLICT : CaseOutcome.NEW;
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO imported_cases(case_id, version_hash, package_id, state, "
                + "case_json, imported_at) VALUES (?,?,?,?,?,?)")) {
            insert.setString(1, f.caseId());
            insert.setString(2, version);
            insert.setString(3, packageId);
            insert.setString(4, outcome == CaseOutcome.CONFLICT ? "conflict" : "current");
            insert.setString(5, new String(f.caseJson(), java.nio.charset.StandardCharsets.UTF_8));
            insert.setString(6, now);
            insert.executeUpdate();
        }
        return outcome;
    }

    private Path packagesDir() {
        HarborHome home = vault.home();
        return home.dir().resolve("packages");
    }

    /**
     * {@code file} copied into {@code sink} (at {@code copy}), at most one byte more than the size
     * checked (a file grown since is then refused by its size), and the copy opened to be read.
     */
    private static FileChannel copied(Path file, long checkedSize, FileChannel sink, Path copy) throws IOException {
        try (FileChannel from = FileChannel.open(file, StandardOpenOption.READ)) {
            long at = 0;
            long size = Math.min(from.size(), checkedSize + 1);
            while (at < size) {
                long n = from.transferTo(at, size - at, sink);
                if (n <= 0) {
                    break; // shorter than it was: the size check refuses it
                }
                at += n;
            }
        }
        return FileChannel.open(copy, StandardOpenOption.READ);
    }

    private static FileChannel openCopy(Path copy) throws IOException {
        Files.createDirectories(copy.getParent());
        return FileChannel.open(copy, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // a temporary copy of ciphertext; the next import of the same package replaces it
            }
        }
    }

    /**
     * Copies every byte read from the package into the vault's copy of it (when there is one) and
     * into the BLAKE2b-512 that the package's signature covers, counting them.
     */
    private static final class TeeChannel implements ReadableByteChannel {
        private final ReadableByteChannel source;
        private final FileChannel sink;
        private final org.harbor.crypto.Blake2b hash;
        private long count;

        /** {@code hashed}: the package's signature covers the whole file (format 1), not an index inside it (format 2). */
        TeeChannel(ReadableByteChannel source, FileChannel sink, boolean hashed) {
            this.source = source;
            this.sink = sink;
            this.hash = hashed ? new org.harbor.crypto.Blake2b() : null;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            int start = dst.position();
            int n = source.read(dst);
            if (n > 0) {
                count += n;
                ByteBuffer copy = dst.duplicate();
                copy.position(start).limit(start + n);
                if (hash != null) {
                    hash.update(copy.duplicate());
                }
                if (sink != null) {
                    while (copy.hasRemaining()) {
                        sink.write(copy);
                    }
                }
            }
            return n;
        }

        /** The bytes read so far. */
        long count() {
            return count;
        }

        /** Reads the rest of the file through the copy and the hash. */
        void drain() throws IOException {
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            while (read(buffer.clear()) >= 0) {
                // copied and hashed in read
            }
        }

        /** The BLAKE2b-512 of everything read; once, after {@link #drain()}. */
        byte[] blake2b() {
            return hash.digest();
        }

        @Override
        public boolean isOpen() {
            return source.isOpen();
        }

        /** The decrypting stream closes this; the file stays open for {@link #drain()} (its owner closes it). */
        @Override
        public void close() {
        }
    }

    /** Reports how far the decrypted stream has come (an estimate against the file size). */
    private static final class ProgressStream extends java.io.FilterInputStream {
        private final ExportListener listener;
        private final long total;
        private long done;
        private long last;

        ProgressStream(InputStream in, ExportListener listener, long total) {
            super(in);
            this.listener = listener;
            this.total = Math.max(1, total);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                done += n;
                if (done - last > (4 << 20)) {
                    last = done;
                    listener.progress(Math.min(done, total), total);
                    if (listener.cancelled()) {
                        throw new IOException("cancelled");
                    }
                }
            }
            return n;
        }
    }
}
