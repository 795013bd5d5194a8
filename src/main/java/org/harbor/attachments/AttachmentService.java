package org.harbor.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.harbor.accounts.AccessDenied;
import org.harbor.accounts.AccountService;
import org.harbor.accounts.Permission;
import org.harbor.accounts.Session;
import org.harbor.audit.AuditActions;
import org.harbor.audit.AuditLog;
import org.harbor.cases.CaseRecords;
import org.harbor.cases.CaseService;
import org.harbor.crypto.Age;
import org.harbor.crypto.AgeHeaders;
import org.harbor.crypto.AgeIdentity;
import org.harbor.i18n.Refusal;
import org.harbor.vault.Vault;

/**
 * Documents and photos of a case, never in clear on disk: each file is streamed into an age file
 * under {@code HARBOR_HOME/blobs/} (random name) encrypted to the vault's own X25519 identity, which
 * lives only inside the encrypted database. Its name, type, size, SHA-256, note, who and when are
 * rows in that database. Reading re-checks the SHA-256 and refuses a file that changed.
 *
 * <p>Anyone who works on a case may attach to it, list and view its attachments; saving a copy out
 * of the vault and removing one need {@link Permission#MANAGE_ATTACHMENTS} (supervisors). Audit
 * entries carry ids and sizes only.
 */
public final class AttachmentService {

    public static final long MEGABYTE = 1024L * 1024;
    public static final int DEFAULT_LIMIT_MB = 500;
    public static final int MIN_LIMIT_MB = 1;
    public static final int MAX_LIMIT_MB = 4096;
    /** The settings key of the limit per file, in MB. */
    public static final String LIMIT_SETTING = "attachments.maxMegabytes";
    /** Larger files are not decrypted into memory for a preview. */
    public static final long PREVIEW_LIMIT_BYTES = 100 * MEGABYTE;
    private static final int MAX_NOTE = org.harbor.cases.TextLimits.NOTE;
    private static final int MAX_NAME = 255;
    private static final Set<String> SEALED_STATUSES = Set.of("sealed", "exported", "received");

    private final Vault vault;
    private final AccountService accounts;
    private final CaseService cases;
    private final AuditLog audit;
    private final Clock clock;
    private final BlobStore blobs;

    public AttachmentService(Vault vault, AccountService accounts, CaseService cases, AuditLog audit, Clock clock) {
        this.vault = vault;
        this.accounts = accounts;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
        this.blobs = new BlobStore(vault.home().blobs());
    }

    // --- attaching ------------------------------------------------------------------------

    /**
     * Streams {@code source} into a new encrypted blob of case {@code caseId}. The file is read once;
     * nothing of it is written in clear. {@code progress} hears the bytes done so far.
     *
     * @throws Refusal {@code attachments.error.tooLarge} over the vault's limit per file (checked before and while reading)
     * @throws Refusal {@code attachments.error.caseSealed} if the case is sealed, exported or received
     */
    public Attachment attach(Session session, String caseId, Path source, Optional<String> note, ProgressListener progress) {
        accounts.require(session, Permission.WORK_ON_CASES);
        cases.requireCase(session, caseId);
        Optional<String> cleanNote = note.map(String::strip).filter(n -> !n.isEmpty());
        if (cleanNote.isPresent() && cleanNote.get().length() > MAX_NOTE) {
            throw new IllegalArgumentException("a note has at most " + MAX_NOTE + " characters");
        }
        long limit = limitMegabytes() * MEGABYTE;
        if (BlobWriter.sizeOf(source) > limit) {
            throw new Refusal("attachments.error.tooLarge", limit / AttachmentService.MEGABYTE);
        }
        String recipient = vault.transaction(c -> {
            requireChangeable(c, caseId);
            return recipient(c, session);
        });
        BlobWriter.Stored stored = BlobWriter.store(blobs, source, recipient, limit, progress);
        Attachment attachment = new Attachment(UUID.randomUUID().toString(), caseId, displayName(source),
                stored.mediaType(), stored.size(), stored.sha256(), cleanNote, clock.instant().toString(),
                session.user().id(), session.user().username());
        byte[] fileKey = fileKeyOf(stored.blobName());
        try {
            vault.transaction(c -> {
                requireChangeable(c, caseId);
                AttachmentRows.insert(c, attachment, stored.blobName(), stored.crc32(), stored.payloadSha256(), stored.payloadCrc32(),
                        fileKey);
                touch(c, caseId);
                audit.append(c, session.actorId(), AttachmentActions.ADDED, attachment.id(),
                        Map.of("case", caseId, "size", Long.toString(stored.size())));
                return null;
            });
        } catch (RuntimeException e) {
            blobs.delete(stored.blobName());
            throw e;
        } finally {
            if (fileKey != null) {
                Arrays.fill(fileKey, (byte) 0);
            }
        }
        return attachment;
    }

    /**
     * The age file key of a blob just written, unwrapped once with the vault's blob identity and
     * checked against its header, recorded with the attachment so that an export of package format
     * 2 rewraps it without an X25519 agreement of its own (issue 16, ADR 0016). Null if it cannot be
     * read: the export then unwraps it from the blob, as for blobs attached before migration 0020.
     */
    private byte[] fileKeyOf(String blobName) {
        try (AgeIdentity identity = identity();
             FileChannel file = FileChannel.open(blobs.path(blobName), StandardOpenOption.READ)) {
            return AgeHeaders.reading(Age.decryptor(List.of(identity))).fileKey(file);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Deletes the original of an attachment after checking it is still the same file (same
     * SHA-256): overwritten with zeros, then removed. On SSDs this cannot be guaranteed to erase
     * the old blocks; the faces say so before offering it.
     *
     * @throws Refusal {@code attachments.error.sourceChanged} if the file differs from what was attached (it is kept)
     */
    public void deleteSource(Session session, String attachmentId, Path source) {
        accounts.require(session, Permission.WORK_ON_CASES);
        AttachmentRows.Row row = visibleRow(session, attachmentId);
        if (!BlobWriter.sha256Of(source).equals(row.attachment().sha256())) {
            throw new Refusal("attachments.error.sourceChanged");
        }
        try {
            BlobWriter.overwriteAndDelete(source);
        } catch (IOException e) {
            throw new Refusal("attachments.error.writeFailed", e);
        }
        audit.record(session.actorId(), AttachmentActions.SOURCE_DELETED, attachmentId, Map.of("case", row.attachment().caseId()));
    }

    // --- reading --------------------------------------------------------------------------

    /** The attachments of a case, oldest first. */
    public List<Attachment> list(Session session, String caseId) {
        requireCaseReader(session);
        cases.requireCase(session, caseId);
        return vault.transaction(c -> AttachmentRows.ofCase(c, caseId).stream().map(AttachmentRows.Row::attachment).toList());
    }

    /** One attachment's record. */
    public Attachment get(Session session, String attachmentId) {
        return visibleRow(session, attachmentId).attachment();
    }

    /**
     * Decrypts an image or PDF into memory for viewing and checks its SHA-256 before handing it
     * over. The viewing is audited.
     *
     * @throws Refusal {@code attachments.error.altered} if the blob does not decrypt or differs from what was attached
     * @throws Refusal {@code attachments.error.tooLargeToShow} above {@link #PREVIEW_LIMIT_BYTES}
     */
    public OpenedAttachment open(Session session, String attachmentId) {
        AttachmentRows.Row row = visibleRow(session, attachmentId);
        Attachment a = row.attachment();
        if (!a.kind().viewable()) {
            throw new IllegalArgumentException("only images and PDFs are shown inside Harbor");
        }
        if (a.sizeBytes() > PREVIEW_LIMIT_BYTES) {
            throw new Refusal("attachments.error.tooLargeToShow");
        }
        byte[] content = new byte[(int) a.sizeBytes()];
        try (AgeIdentity identity = identity();
             InputStream in = blobs.open(row.blobName(), identity, a.sha256(), a.sizeBytes())) {
            int filled = in.readNBytes(content, 0, content.length);
            if (filled != content.length || in.read() != -1) {
                throw new AlteredBlobException("the stored file is shorter or longer than recorded", null);
            }
        } catch (IOException e) { // AlteredBlobException, or the file could not be read
            Arrays.fill(content, (byte) 0);
            throw altered(session, a, e);
        } catch (RuntimeException e) {
            Arrays.fill(content, (byte) 0);
            throw e;
        }
        audit.record(session.actorId(), AttachmentActions.VIEWED, a.id(), Map.of("case", a.caseId()));
        return new OpenedAttachment(a, content);
    }

    /**
     * Saves a decrypted copy into {@code folder} under the original name (never over an existing
     * file) for a supervisor. The copy is outside Harbor's protection; the faces say so. Audited.
     *
     * @return the file written
     */
    public Path saveOut(Session session, String attachmentId, Path folder) {
        accounts.require(session, Permission.MANAGE_ATTACHMENTS);
        AttachmentRows.Row row = visibleRow(session, attachmentId);
        Attachment a = row.attachment();
        if (!Files.isDirectory(folder)) {
            throw new Refusal("attachments.error.writeFailed");
        }
        Path written = null;
        try (AgeIdentity identity = identity();
             InputStream in = blobs.open(row.blobName(), identity, a.sha256(), a.sizeBytes())) {
            for (int n = 1; written == null; n++) {
                Path target = folder.resolve(SafeNames.numbered(a.originalName(), a.id(), n));
                if (Files.exists(target)) {
                    continue;
                }
                try {
                    BlobWriter.copyOut(in, folder, target);
                    written = target;
                } catch (FileAlreadyExistsException e) {
                    // created meanwhile; the copy was lost with its temporary file, so start over
                    return saveOut(session, attachmentId, folder);
                }
            }
        } catch (AlteredBlobException e) {
            throw altered(session, a, e);
        } catch (IOException e) {
            throw new Refusal("attachments.error.writeFailed", e);
        }
        audit.record(session.actorId(), AttachmentActions.SAVED_OUT, a.id(),
                Map.of("case", a.caseId(), "size", Long.toString(a.sizeBytes())));
        return written;
    }

    // --- removing -------------------------------------------------------------------------

    /** Removes an attachment and its blob (supervisors; not once the case is sealed). */
    public void remove(Session session, String attachmentId) {
        accounts.require(session, Permission.MANAGE_ATTACHMENTS);
        AttachmentRows.Row row = visibleRow(session, attachmentId);
        Attachment a = row.attachment();
        vault.transaction(c -> {
            requireChangeable(c, a.caseId());
            AttachmentRows.delete(c, a.id());
            touch(c, a.caseId());
            audit.append(c, session.actorId(), AttachmentActions.REMOVED, a.id(),
                    Map.of("case", a.caseId(), "size", Long.toString(a.sizeBytes())));
            return null;
        });
        blobs.delete(row.blobName());
    }

    /**
     * Removes every attachment of a case and their blobs (supervisors): for deleting a case, or
     * purging it after a receipt. Returns how many there were.
     */
    public int purgeCase(Session session, String caseId) {
        accounts.require(session, Permission.MANAGE_ATTACHMENTS);
        cases.requireCase(session, caseId);
        PurgedBlobs purged = vault.transaction(c -> purgeRows(c, session.actorId(), caseId));
        purged.deleteFiles();
        removeOrphans();
        return purged.count();
    }

    /**
     * The database half of a purge, inside the caller's transaction (for the purge of a whole
     * case by the sealed-packages service): deletes the rows and audits the count. Call
     * {@link PurgedBlobs#deleteFiles()} after the transaction commits; a crash in between leaves
     * only encrypted files that no row names, which {@link #removeOrphans} deletes.
     */
    public PurgedBlobs purgeRows(Connection c, String actorId, String caseId) throws SQLException {
        List<AttachmentRows.Row> rows = AttachmentRows.ofCase(c, caseId);
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM attachments WHERE case_id = ?")) {
            delete.setString(1, caseId);
            delete.executeUpdate();
        }
        if (!rows.isEmpty()) {
            audit.append(c, actorId, AttachmentActions.PURGED, caseId, Map.of("count", Integer.toString(rows.size())));
        }
        return new PurgedBlobs(blobs, rows.stream().map(AttachmentRows.Row::blobName).toList());
    }

    /** Deletes blob files that no attachment names (left by a crash or a deleted case). */
    public int removeOrphans() {
        Set<String> known = vault.transaction(AttachmentRows::blobNames);
        try {
            return blobs.sweep(known, clock.instant());
        } catch (IOException e) {
            throw new Refusal("vault.error.unavailable", e);
        }
    }

    // --- the seam for the package writer ----------------------------------------------------

    /** The blobs of a case (plaintext SHA-256 and size of each), for a package manifest. */
    public List<BlobRef> blobsOf(Session session, String caseId) {
        requireCaseReader(session);
        cases.requireCase(session, caseId);
        return vault.transaction(c -> AttachmentRows.ofCase(c, caseId).stream().map(AttachmentRows.Row::ref).toList());
    }

    /** A reader of a case's blobs; close it to destroy the identity it holds. */
    public BlobReader reader(Session session, String caseId) {
        requireCaseReader(session);
        cases.requireCase(session, caseId);
        return vault.transaction(c -> reader(c, caseId));
    }

    /**
     * A reader of the blobs of all {@code caseIds}, for one export: one transaction, one identity,
     * one age stanza reader for every blob (issue 16), instead of a transaction and an identity per
     * attachment; close it to destroy the identity.
     */
    public BlobReader reader(Session session, java.util.Collection<String> caseIds) {
        requireCaseReader(session);
        for (String caseId : caseIds) {
            cases.requireCase(session, caseId);
        }
        BlobReader reader = vault.transaction(c -> {
            List<AttachmentRows.Row> rows = new java.util.ArrayList<>();
            for (String caseId : caseIds) {
                rows.addAll(AttachmentRows.ofCaseWithKeys(c, caseId));
            }
            return new BlobReader(blobs, rows.isEmpty() ? null : AttachmentRows.identity(c).orElse(null), rows);
        });
        try {
            backfillPayloads(reader);
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
        return reader;
    }

    /**
     * The payload digests of blobs attached before vault migration 0019 (package format 2 needs
     * them): read once from their files and recorded, so the next export copies them unread. A blob
     * that cannot be read is left without; the export then fails on it as it would on any unreadable blob.
     */
    private void backfillPayloads(BlobReader reader) {
        java.util.Map<String, BlobStore.PayloadDigests> found = new java.util.LinkedHashMap<>();
        for (AttachmentRows.Row row : reader.rowsWithoutPayload()) {
            try {
                found.put(row.attachment().id(), blobs.payloadDigests(row.blobName()));
            } catch (java.io.IOException | RuntimeException e) {
                // left without: shipping it refuses as altered
            }
        }
        if (found.isEmpty()) {
            return;
        }
        vault.transaction(c -> {
            for (java.util.Map.Entry<String, BlobStore.PayloadDigests> e : found.entrySet()) {
                AttachmentRows.setPayload(c, e.getKey(), e.getValue());
            }
            return null;
        });
        reader.payloadsFound(found);
    }

    /**
     * The same inside the caller's transaction; the caller has checked the session may read the
     * case (the package writer, which seals and exports it).
     */
    public BlobReader reader(Connection c, String caseId) throws SQLException {
        return new BlobReader(blobs, AttachmentRows.identity(c).orElse(null), AttachmentRows.ofCaseWithKeys(c, caseId));
    }

    /**
     * The plaintext of one blob, streamed and checked: the stream ends in {@link AlteredBlobException}
     * rather than at its last byte if the content differs from what was attached.
     */
    public InputStream openVerified(Session session, BlobRef ref) {
        AttachmentRows.Row row = visibleRow(session, ref.attachmentId());
        AgeIdentity identity = identity();
        try {
            return new IdentityClosingStream(blobs.open(row.blobName(), identity, row.attachment().sha256(),
                    row.attachment().sizeBytes()), identity);
        } catch (AlteredBlobException e) {
            identity.destroy();
            throw altered(session, row.attachment(), e);
        } catch (RuntimeException e) {
            identity.destroy();
            throw e;
        }
    }

    // --- the limit per file -----------------------------------------------------------------

    public int limitMegabytes() {
        return vault.transaction(c -> AttachmentRows.limitMegabytes(c).orElse(DEFAULT_LIMIT_MB));
    }

    /** Changes the limit per file (supervisors); audited by key, never by value. */
    public void setLimitMegabytes(Session session, int megabytes) {
        accounts.require(session, Permission.CHANGE_SETTINGS);
        if (megabytes < MIN_LIMIT_MB || megabytes > MAX_LIMIT_MB) {
            throw new Refusal("attachments.error.limitRange", AttachmentService.MIN_LIMIT_MB, AttachmentService.MAX_LIMIT_MB);
        }
        vault.transaction(c -> {
            AttachmentRows.putLimitMegabytes(c, megabytes, clock.instant().toString(), session.user().id());
            audit.append(c, session.actorId(), AuditActions.SETTING_CHANGED, LIMIT_SETTING, Map.of());
            return null;
        });
    }

    // --- helpers --------------------------------------------------------------------------

    private void requireCaseReader(Session session) {
        Session active = accounts.requireActive(session);
        if (!active.role().can(Permission.WORK_ON_CASES) && !active.role().can(Permission.SEE_ALL_CASES)) {
            throw new AccessDenied(Permission.WORK_ON_CASES);
        }
        if (active.user().mustChangePassphrase()) {
            throw new AccessDenied("change the temporary passphrase first");
        }
    }

    /** The row of an attachment of a case this session may see; else refused as if missing. */
    private AttachmentRows.Row visibleRow(Session session, String attachmentId) {
        requireCaseReader(session);
        AttachmentRows.Row row = vault.transaction(c -> AttachmentRows.find(c, attachmentId))
                .orElseThrow(() -> new AccessDenied("no such attachment, or not one of yours"));
        cases.requireCase(session, row.attachment().caseId());
        return row;
    }

    private Refusal altered(Session session, Attachment a, Exception cause) {
        try {
            audit.record(session.actorId(), AttachmentActions.INTEGRITY_FAILED, a.id(), Map.of("case", a.caseId()));
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
        return new Refusal("attachments.error.altered", cause);
    }

    private static void requireChangeable(Connection c, String caseId) throws SQLException {
        String status = CaseRecords.numberAndStatus(c, caseId).map(CaseRecords.NumberAndStatus::status).orElseThrow(
                () -> new AccessDenied("no such case, or not one of yours"));
        if (SEALED_STATUSES.contains(status)) {
            throw new Refusal("attachments.error.caseSealed");
        }
    }

    /** The recipient of the vault's blob identity, created (and audited) on first need. */
    private String recipient(Connection c, Session session) throws SQLException {
        Optional<String> existing = AttachmentRows.recipient(c);
        if (existing.isPresent()) {
            return existing.get();
        }
        try (AgeIdentity created = AgeIdentity.generate()) {
            AttachmentRows.insertKey(c, created, clock.instant().toString());
            audit.append(c, session.actorId(), AttachmentActions.KEY_CREATED, null, Map.of());
            return created.recipient();
        }
    }

    private AgeIdentity identity() {
        return vault.transaction(AttachmentRows::identity).orElseThrow(() -> new Refusal("attachments.error.missing"));
    }

    private void touch(Connection c, String caseId) throws SQLException {
        CaseRecords.touch(c, caseId, clock.instant().toString());
    }

    private static String displayName(Path source) {
        Path name = source.getFileName();
        String text = name == null ? "" : name.toString().strip();
        return text.length() > MAX_NAME ? text.substring(0, MAX_NAME) : text;
    }
}
