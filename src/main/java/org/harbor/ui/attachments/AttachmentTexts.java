package org.harbor.ui.attachments;

import java.time.Instant;
import java.time.ZoneId;
import org.harbor.attachments.Attachment;
import org.harbor.attachments.PdfPreview;
import org.harbor.i18n.I18n;
import org.harbor.i18n.LocalizedDates;

/** How the attachments pane words things: types, sizes, times, questions, in the display language. */
public final class AttachmentTexts {

    private final I18n i18n;

    AttachmentTexts(I18n i18n) {
        this.i18n = i18n;
    }

    public String kindName(Attachment a) {
        return i18n.get(switch (a.kind()) {
            case IMAGE -> "attachments.pane.kind.image";
            case PDF -> "attachments.pane.kind.pdf";
            case OTHER -> "attachments.pane.kind.other";
        });
    }

    public String sizeText(Attachment a) {
        double mb = a.sizeBytes() / (1024.0 * 1024.0);
        if (mb >= 0.1) {
            return i18n.get("attachments.pane.sizeMegabytes", Math.round(mb * 10) / 10.0);
        }
        return i18n.get("attachments.pane.sizeKilobytes", Math.max(1, Math.round(a.sizeBytes() / 1024.0)));
    }

    public String whenText(Attachment a) {
        try {
            return LocalizedDates.dateTime(Instant.parse(a.addedAt()), i18n.locale(), ZoneId.systemDefault());
        } catch (RuntimeException e) {
            return a.addedAt();
        }
    }

    public String questionText(AttachmentsViewModel.Confirmation c) {
        return switch (c.question()) {
            case DELETE_SOURCE -> i18n.get("attachments.pane.deleteSource.question", c.attachment().originalName());
            case SAVE_COPY -> i18n.get("attachments.pane.save.warning");
            case REMOVE -> i18n.get("attachments.pane.remove.question", c.attachment().originalName());
        };
    }

    public String confirmText(AttachmentsViewModel.Confirmation c) {
        return i18n.get(switch (c.question()) {
            case DELETE_SOURCE -> "attachments.pane.deleteSource.confirm";
            case SAVE_COPY -> "attachments.pane.save.confirm";
            case REMOVE -> "attachments.pane.remove.confirm";
        });
    }

    public String cancelText(AttachmentsViewModel.Confirmation c) {
        return i18n.get(c.question() == AttachmentsViewModel.Question.DELETE_SOURCE ? "attachments.pane.deleteSource.keep" : "generic.cancel");
    }

    public String pageText(PdfPreview.Page page) {
        return i18n.get("attachments.pane.page", page.pageIndex() + 1, page.pageCount());
    }
}
