package org.harbor.usecases;

import java.util.List;
import org.harbor.accounts.Session;
import org.harbor.attachments.Attachment;
import org.harbor.attachments.AttachmentKind;
import org.harbor.attachments.AttachmentService;
import org.harbor.attachments.OpenedAttachment;
import org.harbor.attachments.PdfPreview;

/** A case's attachments, and one of them decrypted in memory to be looked at (a PDF page drawn). */
public final class ViewAttachments {

    /** What is shown: the decrypted attachment and, for a PDF, its first page drawn. */
    public record Shown(OpenedAttachment opened, PdfPreview.Page page) {
    }

    private final AttachmentService attachments;

    public ViewAttachments(AttachmentService attachments) {
        this.attachments = attachments;
    }

    public List<Attachment> list(Session session, String caseId) {
        return attachments.list(session, caseId);
    }

    /** Decrypts the attachment into memory; the caller wipes it ({@link OpenedAttachment#wipe()}) when done. */
    public Shown show(Session session, Attachment attachment) {
        OpenedAttachment opened = attachments.open(session, attachment.id());
        if (attachment.kind() != AttachmentKind.PDF) {
            return new Shown(opened, null);
        }
        try {
            return new Shown(opened, PdfPreview.render(opened.content(), 0));
        } catch (RuntimeException e) {
            opened.wipe();
            throw e;
        }
    }

    /** Draws another page of a PDF already shown. */
    public PdfPreview.Page page(OpenedAttachment opened, int index) {
        return PdfPreview.render(opened.content(), index);
    }
}
