package org.harbor.usecases;

import java.nio.file.Path;
import java.util.Optional;
import org.harbor.accounts.Session;
import org.harbor.attachments.Attachment;
import org.harbor.attachments.AttachmentException;
import org.harbor.attachments.AttachmentService;
import org.harbor.attachments.ProgressListener;
import org.harbor.vault.VaultException;

/**
 * Encrypts a file into a case, with progress, and then, if the user agrees, deletes the original
 * it came from (only if it is still the very file that was attached).
 */
public final class AttachFile {

    private final AttachmentService attachments;

    public AttachFile(AttachmentService attachments) {
        this.attachments = attachments;
    }

    public Attachment attach(Session session, String caseId, Path source, Optional<String> note, ProgressListener progress)
            throws VaultException, AttachmentException {
        return attachments.attach(session, caseId, source, note, progress);
    }

    public void deleteOriginal(Session session, String attachmentId, Path source) throws VaultException, AttachmentException {
        attachments.deleteSource(session, attachmentId, source);
    }
}
