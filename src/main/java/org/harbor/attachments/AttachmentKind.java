package org.harbor.attachments;

/** How Harbor can show an attachment: images and PDFs inside the window, anything else not at all. */
public enum AttachmentKind {
    IMAGE,
    PDF,
    OTHER;

    public static AttachmentKind of(String mediaType) {
        if (MediaTypes.PDF.equals(mediaType)) {
            return PDF;
        }
        if (MediaTypes.SHOWN_IMAGES.contains(mediaType)) {
            return IMAGE;
        }
        return OTHER;
    }

    public boolean viewable() {
        return this != OTHER;
    }
}
