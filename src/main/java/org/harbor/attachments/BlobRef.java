package org.harbor.attachments;

/**
 * One attachment as the package writer needs it: which file, its plaintext hash and size. Open
 * its plaintext with {@link AttachmentService#openVerified(org.harbor.accounts.Session, BlobRef)}
 * or a {@link BlobReader}.
 */
public record BlobRef(String attachmentId, String caseId, String sha256, long sizeBytes, String mediaType) {
}
