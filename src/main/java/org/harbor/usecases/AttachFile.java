package org.harbor.usecases;

import java.nio.file.Path;
import java.util.Optional;
import org.harbor.accounts.Session;
import org.harbor.attachments.Attachment;
import org.harbor.attachments.AttachmentService;
import org.harbor.attachments.ProgressListener;

/**
 * Encrypts a file into a case, with progress, and then, if the user agrees, deletes the original
 * it came from (only if it is still the very file that was attached).
 */
public final class AttachFile {

    private final AttachmentService attachments;

    public AttachFile(AttachmentService attachments) {
        this.attachments = attachments;
    }

    public Attachment attach(Session session, String caseId, Path source, Optional<String> note, ProgressListener progress) {
        return attachments.attach(session, caseId, source, note, progress);
    }

    public void deleteOriginal(Session session, String attachmentId, Path source) {
        attachments.deleteSource(session, attachmentId, source);
    }
}
