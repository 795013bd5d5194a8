package org.harbor.ui.attachments;

import org.harbor.ui.common.ScreenContext;

/** Builds the attachments part of a case screen from what the shell hands a screen. */
public final class AttachmentScreens {

    private AttachmentScreens() {
    }

    /** The view-model of case {@code caseId}'s attachments, with the use cases it needs. */
    public static AttachmentsViewModel model(ScreenContext context, String caseId) {
        var useCases = context.useCases();
        return new AttachmentsViewModel(useCases.attachFile(), useCases.viewAttachments(), useCases.manageAttachments(),
                context.i18n(), context.background(), context.session(), caseId);
    }
}
