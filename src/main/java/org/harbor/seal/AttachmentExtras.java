package org.harbor.seal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.harbor.accounts.Session;
import org.harbor.attachments.AttachmentService;
import org.harbor.attachments.BlobReader;
import org.harbor.attachments.BlobRef;
import org.harbor.attachments.PurgedBlobs;

/** Attachments in packages and purges: each blob streamed, decrypted and checked against its SHA-256. */
public final class AttachmentExtras implements CaseExtras {

    private final AttachmentService attachments;

    public AttachmentExtras(AttachmentService attachments) {
        this.attachments = attachments;
    }

    @Override
    public List<Attachment> attachments(Session session, String caseId) {
        List<Attachment> out = new ArrayList<>();
        for (BlobRef ref : attachments.blobsOf(session, caseId)) {
            out.add(new Attachment(ref.sha256(), ref.sizeBytes(), () -> attachments.openVerified(session, ref)));
        }
        return out;
    }

    /** One reader for the whole export: one transaction, one identity, one age stanza reader (issue 16). */
    @Override
    public Attachments attachments(Session session, List<String> caseIds) {
        BlobReader reader = attachments.reader(session, caseIds);
        return new Attachments() {
            @Override
            public List<Attachment> of(String caseId) {
                List<Attachment> out = new ArrayList<>();
                for (BlobRef ref : reader.blobs(caseId)) {
                    // A missing or altered blob is refused with its own sentence (attachments.error.*),
                    // which the export screen and the CLI show, not as an unexplained I/O failure.
                    out.add(new Attachment(ref.sha256(), ref.sizeBytes(), () -> reader.open(ref), ref.crc32(),
                            recipients -> reader.ship(ref, recipients)));
                }
                return out;
            }

            @Override
            public void close() {
                reader.close();
            }
        };
    }

    @Override
    public AfterPurge purgeRows(Connection c, String actorId, String caseId) throws SQLException {
        PurgedBlobs purged = attachments.purgeRows(c, actorId, caseId);
        return () -> {
            purged.deleteFiles();
            attachments.removeOrphans();
        };
    }
}
