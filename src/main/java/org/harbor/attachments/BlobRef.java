package org.harbor.attachments;

/**
 * One attachment as the package writer needs it: which file, its plaintext hash and size. Open
 * its plaintext with {@link AttachmentService#openVerified(org.harbor.accounts.Session, BlobRef)}
 * or a {@link BlobReader}. {@code crc32}: of the plaintext, recorded at attach time (null for
 * attachments made before vault migration 0016), so a package can carry it as a STORED ZIP entry.
 */
public record BlobRef(String attachmentId, String caseId, String sha256, long sizeBytes, String mediaType, Long crc32) {
}
