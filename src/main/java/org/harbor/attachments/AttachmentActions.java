package org.harbor.attachments;

/** Audited actions on attachments. Details carry ids and sizes, never names, types or notes. */
public final class AttachmentActions {

    public static final String ADDED = "attachment.added";
    public static final String VIEWED = "attachment.viewed";
    public static final String SAVED_OUT = "attachment.savedOut";
    public static final String REMOVED = "attachment.removed";
    public static final String SOURCE_DELETED = "attachment.sourceDeleted";
    public static final String INTEGRITY_FAILED = "attachment.integrityFailed";
    public static final String PURGED = "attachment.purged";
    public static final String KEY_CREATED = "attachment.keyCreated";

    private AttachmentActions() {
    }
}
