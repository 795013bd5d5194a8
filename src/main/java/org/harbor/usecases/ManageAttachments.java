package org.harbor.usecases;

import java.nio.file.Path;
import org.harbor.accounts.Session;
import org.harbor.attachments.AttachmentService;

/** A supervisor saves a decrypted copy of an attachment out, or removes it from the case. */
public final class ManageAttachments {

    private final AttachmentService attachments;

    public ManageAttachments(AttachmentService attachments) {
        this.attachments = attachments;
    }

    /** @return the file written in {@code folder} */
    public Path saveCopy(Session supervisor, String attachmentId, Path folder) {
        return attachments.saveOut(supervisor, attachmentId, folder);
    }

    public void remove(Session supervisor, String attachmentId) {
        attachments.remove(supervisor, attachmentId);
    }
}
