package org.harbor.attachments;

/**
 * Why an attachment could not be stored, shown or saved. Messages name the failed check and never
 * a file's name or content; the desktop face shows the translation of {@link #messageKey()}.
 */
public abstract sealed class AttachmentException extends Exception {

    private static final long serialVersionUID = 1L;

    AttachmentException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The i18n key of the message shown to people. */
    public abstract String messageKey();

    /** Values for the message's placeholders. */
    public Object[] messageArgs() {
        return new Object[0];
    }

    /** The stored file no longer matches what was attached: nothing of it is shown. */
    public static final class Altered extends AttachmentException {
        private static final long serialVersionUID = 1L;

        Altered(Throwable cause) {
            super("the stored file was altered or damaged after it was attached; nothing of it is shown", cause);
        }

        @Override
        public String messageKey() {
            return "attachments.error.altered";
        }
    }

    /** The stored file is gone from the blobs folder. */
    public static final class Missing extends AttachmentException {
        private static final long serialVersionUID = 1L;

        Missing() {
            super("the stored file is missing from the vault folder", null);
        }

        @Override
        public String messageKey() {
            return "attachments.error.missing";
        }
    }

    /** The file is bigger than the vault's limit per file. */
    public static final class TooLarge extends AttachmentException {
        private static final long serialVersionUID = 1L;
        private final long limitMegabytes;

        TooLarge(long limitBytes) {
            super("the file is larger than the limit of " + limitBytes / AttachmentService.MEGABYTE + " MB per file", null);
            this.limitMegabytes = limitBytes / AttachmentService.MEGABYTE;
        }

        @Override
        public String messageKey() {
            return "attachments.error.tooLarge";
        }

        @Override
        public Object[] messageArgs() {
            return new Object[] {limitMegabytes};
        }
    }

    /** The file to attach cannot be read (gone, a folder, no permission). */
    public static final class Unreadable extends AttachmentException {
        private static final long serialVersionUID = 1L;

        Unreadable(Throwable cause) {
            super("the file to attach cannot be read", cause);
        }

        @Override
        public String messageKey() {
            return "attachments.error.unreadable";
        }
    }

    /** Too big to decrypt into memory for a preview; a supervisor can save a copy instead. */
    public static final class TooLargeToShow extends AttachmentException {
        private static final long serialVersionUID = 1L;

        TooLargeToShow() {
            super("the file is too large to show inside Harbor", null);
        }

        @Override
        public String messageKey() {
            return "attachments.error.tooLargeToShow";
        }
    }

    /** The original changed after it was attached, so it is not deleted. */
    public static final class SourceChanged extends AttachmentException {
        private static final long serialVersionUID = 1L;

        SourceChanged() {
            super("the original file changed after it was attached, so it was not deleted", null);
        }

        @Override
        public String messageKey() {
            return "attachments.error.sourceChanged";
        }
    }

    /** Writing to the vault folder or the chosen folder failed. */
    public static final class WriteFailed extends AttachmentException {
        private static final long serialVersionUID = 1L;

        WriteFailed(Throwable cause) {
            super("the file could not be written; check that the disk has space", cause);
        }

        @Override
        public String messageKey() {
            return "attachments.error.writeFailed";
        }
    }

    /** A limit setting outside the allowed range. */
    public static final class LimitOutOfRange extends AttachmentException {
        private static final long serialVersionUID = 1L;

        LimitOutOfRange() {
            super("the limit per file is " + AttachmentService.MIN_LIMIT_MB + " to " + AttachmentService.MAX_LIMIT_MB + " MB", null);
        }

        @Override
        public String messageKey() {
            return "attachments.error.limitRange";
        }

        @Override
        public Object[] messageArgs() {
            return new Object[] {AttachmentService.MIN_LIMIT_MB, AttachmentService.MAX_LIMIT_MB};
        }
    }

    /** The case is sealed (or exported, or received): its attachments are covered by the seal. */
    public static final class CaseSealed extends AttachmentException {
        private static final long serialVersionUID = 1L;

        CaseSealed() {
            super("the case is sealed; its attachments can no longer change", null);
        }

        @Override
        public String messageKey() {
            return "attachments.error.caseSealed";
        }
    }

    /** A file whose type says it can be shown, but whose content cannot be drawn (a damaged PDF). */
    public static final class CannotShow extends AttachmentException {
        private static final long serialVersionUID = 1L;

        CannotShow(Throwable cause) {
            super("the file cannot be shown inside Harbor", cause);
        }

        @Override
        public String messageKey() {
            return "attachments.error.cannotShow";
        }
    }
}
