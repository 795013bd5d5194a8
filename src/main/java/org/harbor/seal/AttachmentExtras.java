package org.harbor.seal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.harbor.accounts.Session;
import org.harbor.attachments.AttachmentService;
import org.harbor.attachments.BlobReader;
import org.harbor.attachments.BlobRef;
import org.harbor.attachments.PurgedBlobs;
import org.harbor.i18n.Refusal;

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
            out.add(new Attachment(ref.sha256(), ref.sizeBytes(), () -> {
                try {
                    return attachments.openVerified(session, ref);
                } catch (Refusal e) {
                    throw new IOException("an attachment cannot be read: " + e.key(), e);
                }
            }));
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
                    out.add(new Attachment(ref.sha256(), ref.sizeBytes(), () -> {
                        try {
                            return reader.open(ref);
                        } catch (Refusal e) {
                            throw new IOException("an attachment cannot be read: " + e.key(), e);
                        }
                    }, ref.crc32(), recipients -> {
                        try {
                            return reader.ship(ref, recipients);
                        } catch (Refusal e) {
                            throw new IOException("an attachment cannot be read: " + e.key(), e);
                        }
                    }));
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
