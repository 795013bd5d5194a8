package org.harbor.attachments;

import java.util.Optional;

/**
 * What the vault knows of one attached file. Its name and note are record content:
 * {@code toString} leaves them out, so a log line never carries them.
 *
 * @param sha256 hex SHA-256 of the plaintext, computed while it was stored
 * @param addedBy the id of the account that attached it
 * @param addedByName that account's user name, for the list on screen
 */
public record Attachment(String id, String caseId, String originalName, String mediaType, long sizeBytes,
                         String sha256, Optional<String> note, String addedAt, long addedBy, String addedByName) {

    public AttachmentKind kind() {
        return AttachmentKind.of(mediaType);
    }

    @Override
    public String toString() {
        return "Attachment[id=" + id + ", case=" + caseId + ", type=" + mediaType + ", size=" + sizeBytes + "]";
    }
}
