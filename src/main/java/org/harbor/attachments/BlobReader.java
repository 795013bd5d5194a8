package org.harbor.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.harbor.crypto.Age;
import org.harbor.crypto.AgeHeaders;
import org.harbor.crypto.AgeIdentity;
import org.harbor.i18n.Refusal;

/**
 * Reads the plaintext of the blobs of one case or of all the cases of an export, for the package
 * writer: the vault's identity is loaded once, its age stanza reader made on the first blob opened
 * and kept for the rest, and the identity destroyed when the reader closes. Every stream is checked against its recorded SHA-256
 * and size and ends in {@link AlteredBlobException} instead of its last bytes if they differ, so a
 * writer that copies a stream to its end either copied the attached file or fails.
 */
public final class BlobReader implements AutoCloseable {

    private final BlobStore store;
    private final AgeIdentity identity;
    private final Map<String, AttachmentRows.Row> rows = new LinkedHashMap<>();
    /** Each case's refs, in the rows' order: an export of 1 000 cases asks once per case. */
    private final Map<String, List<BlobRef>> byCase = new HashMap<>();
    private Age.Decryptor decryptor;
    private Map.Entry<List<String>, AgeHeaders> rewrapper;

    BlobReader(BlobStore store, AgeIdentity identity, List<AttachmentRows.Row> rows) {
        this.store = store;
        this.identity = identity;
        rows.forEach(r -> this.rows.put(r.attachment().id(), r));
        this.rows.values().forEach(r -> {
            BlobRef ref = r.ref();
            byCase.computeIfAbsent(ref.caseId(), id -> new ArrayList<>()).add(ref);
        });
    }

    /** The case's attachments, oldest first (for a reader of several cases: case by case, in the order asked). */
    public List<BlobRef> blobs() {
        return rows.values().stream().map(AttachmentRows.Row::ref).toList();
    }

    /** The attachments of {@code caseId}, oldest first. */
    public List<BlobRef> blobs(String caseId) {
        return List.copyOf(byCase.getOrDefault(caseId, List.of()));
    }

    /** The case's attachments with what is known about each (name, type, who, when, note). */
    public List<Attachment> attachments() {
        return rows.values().stream().map(AttachmentRows.Row::attachment).toList();
    }

    /**
     * The plaintext of {@code ref}, streamed (never whole in memory).
     *
     * @throws Refusal {@code attachments.error.missing} if its file is gone
     * @throws Refusal {@code attachments.error.altered} if it does not decrypt with the vault's identity
     */
    public InputStream open(BlobRef ref) {
        AttachmentRows.Row row = rows.get(ref.attachmentId());
        if (row == null || identity == null) {
            throw new IllegalArgumentException("not an attachment of this case");
        }
        try {
            Age.Decryptor opening;
            try {
                opening = decryptor();
            } catch (IOException e) {
                throw new AlteredBlobException("the vault's blob identity is not usable", e);
            }
            return store.open(row.blobName(), opening, row.attachment().sha256(), row.attachment().sizeBytes());
        } catch (AlteredBlobException e) {
            throw new Refusal("attachments.error.altered", e);
        }
    }

    List<AttachmentRows.Row> rowsWithoutPayload() {
        return rows.values().stream().filter(r -> r.payload() == null).toList();
    }

    void payloadsFound(Map<String, BlobStore.PayloadDigests> found) {
        found.forEach((id, digests) -> rows.computeIfPresent(id, (k, row) -> row.withPayload(digests)));
    }

    /**
     * The stored payload of {@code ref} with a new age header to {@code recipients}, for package
     * format 2 (ADR 0016): its file key unwrapped with the vault's identity and wrapped to them, the
     * payload left as stored. Its payload is opened again when it is copied.
     *
     * @throws Refusal {@code attachments.error.missing} if its file is gone
     * @throws Refusal {@code attachments.error.altered} if its header does not open with the vault's
     *     identity or its payload digests were never recorded
     */
    public ShippedBlob ship(BlobRef ref, List<String> recipients) {
        AttachmentRows.Row row = rows.get(ref.attachmentId());
        if (row == null || identity == null) {
            throw new IllegalArgumentException("not an attachment of this case");
        }
        if (row.payload() == null) {
            throw new Refusal("attachments.error.altered");
        }
        FileChannel file;
        try {
            file = FileChannel.open(store.path(row.blobName()), StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new Refusal("attachments.error.missing");
        } catch (IOException e) {
            throw new Refusal("attachments.error.altered", e);
        }
        try {
            AgeHeaders.Rewrapped header = rewrapper(recipients).rewrap(file, row.fileKey());
            Path path = store.path(row.blobName());
            return new ShippedBlob(header.header(), header.payloadOffset(), file.size() - header.payloadOffset(),
                    row.payload().sha256(), row.payload().crc32(),
                    () -> FileChannel.open(path, StandardOpenOption.READ));
        } catch (IOException | RuntimeException e) {
            throw new Refusal("attachments.error.altered", e);
        } finally {
            try {
                file.close();
            } catch (IOException ignored) {
                // read only
            }
        }
    }

    /** The rewrapper to {@code recipients}, made once; exports call {@link #ship} from several threads. */
    private synchronized AgeHeaders rewrapper(List<String> recipients) throws IOException {
        if (rewrapper == null || !rewrapper.getKey().equals(recipients)) {
            rewrapper = Map.entry(List.copyOf(recipients), AgeHeaders.rewrapping(decryptor(), recipients));
        }
        return rewrapper.getValue();
    }

    /** The decryptor of the vault's identity, made once (its stanza reader derives the public key). */
    private synchronized Age.Decryptor decryptor() throws IOException {
        if (decryptor == null) {
            decryptor = Age.decryptor(List.of(identity));
        }
        return decryptor;
    }

    @Override
    public synchronized void close() {
        rewrapper = null;
        decryptor = null;
        if (identity != null) {
            identity.destroy();
        }
        // the blobs' file keys read for the export (ADR 0016 amendment)
        rows.values().forEach(r -> {
            if (r.fileKey() != null) {
                Arrays.fill(r.fileKey(), (byte) 0);
            }
        });
    }
}
