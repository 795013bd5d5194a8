package org.harbor.attachments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.harbor.crypto.AgeIdentity;

/** The SQL of attachments: one row per attached file, and the vault's blob identity. */
final class AttachmentRows {

    private static final String COLUMNS = """
            SELECT a.id, a.case_id, a.original_name, a.media_type, a.size_bytes, a.sha256, a.note, a.added_at,
                   a.added_by, COALESCE(u.username, ''), a.blob_name, a.crc32, a.payload_sha256, a.payload_crc32, """;
    private static final String FROM = " FROM attachments a LEFT JOIN users u ON u.id = a.added_by";
    /** Every row but its file key, which only an export's reader needs ({@link #ofCaseWithKeys}). */
    private static final String SELECT = COLUMNS + "NULL" + FROM;
    private static final String SELECT_WITH_KEYS = COLUMNS + "a.file_key" + FROM;

    /**
     * A row with the name of its blob file, which never leaves this package, the CRC-32 of its
     * plaintext (null for attachments made before migration 0016), its payload's digests (null
     * before 0019) and its age file key (null before 0020).
     */
    record Row(Attachment attachment, String blobName, Long crc32, BlobStore.PayloadDigests payload, byte[] fileKey) {
        BlobRef ref() {
            Attachment a = attachment;
            return new BlobRef(a.id(), a.caseId(), a.sha256(), a.sizeBytes(), a.mediaType(), crc32);
        }

        Row withPayload(BlobStore.PayloadDigests digests) {
            return new Row(attachment, blobName, crc32, digests, fileKey);
        }
    }

    private AttachmentRows() {
    }

    static void insert(Connection c, Attachment a, String blobName, long crc32, String payloadSha256, long payloadCrc32,
                       byte[] fileKey) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO attachments(id, case_id, blob_name, original_name, media_type, size_bytes, sha256, note,
                                        added_at, added_by, crc32, payload_sha256, payload_crc32, file_key)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")) {
            insert.setString(1, a.id());
            insert.setString(2, a.caseId());
            insert.setString(3, blobName);
            insert.setString(4, a.originalName());
            insert.setString(5, a.mediaType());
            insert.setLong(6, a.sizeBytes());
            insert.setString(7, a.sha256());
            insert.setString(8, a.note().orElse(null));
            insert.setString(9, a.addedAt());
            insert.setLong(10, a.addedBy());
            insert.setLong(11, crc32);
            insert.setString(12, payloadSha256);
            insert.setLong(13, payloadCrc32);
            insert.setBytes(14, fileKey);
            insert.executeUpdate();
        }
    }

    static Optional<Row> find(Connection c, String attachmentId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(SELECT + " WHERE a.id = ?")) {
            q.setString(1, attachmentId);
            try (ResultSet row = q.executeQuery()) {
                return row.next() ? Optional.of(row(row)) : Optional.empty();
            }
        }
    }

    static List<Row> ofCase(Connection c, String caseId) throws SQLException {
        return ofCase(c, caseId, SELECT);
    }

    /**
     * As {@link #ofCase(Connection, String)}, with each blob's age file key: for the reader of an
     * export, which wipes them when it closes (ADR 0016 amendment).
     */
    static List<Row> ofCaseWithKeys(Connection c, String caseId) throws SQLException {
        return ofCase(c, caseId, SELECT_WITH_KEYS);
    }

    private static List<Row> ofCase(Connection c, String caseId, String select) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(select + " WHERE a.case_id = ? ORDER BY a.added_at, a.rowid")) {
            q.setString(1, caseId);
            try (ResultSet rows = q.executeQuery()) {
                List<Row> out = new ArrayList<>();
                while (rows.next()) {
                    out.add(row(rows));
                }
                return out;
            }
        }
    }

    static void delete(Connection c, String attachmentId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM attachments WHERE id = ?")) {
            delete.setString(1, attachmentId);
            delete.executeUpdate();
        }
    }

    static Set<String> blobNames(Connection c) throws SQLException {
        Set<String> out = new HashSet<>();
        try (PreparedStatement q = c.prepareStatement("SELECT blob_name FROM attachments");
             ResultSet rows = q.executeQuery()) {
            while (rows.next()) {
                out.add(rows.getString(1));
            }
        }
        return out;
    }

    /** {@code [recipient, identity]} of the vault's blob key, if it was created. */
    /** The recipient of the vault's blob identity, if it was made: enough to encrypt, without the secret. */
    static Optional<String> recipient(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT recipient FROM attachment_keys WHERE id = 1");
             ResultSet row = q.executeQuery()) {
            return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
        }
    }

    /** Stores the vault's blob identity; its secret is in age's text form only inside the encrypted database. */
    static void insertKey(Connection c, AgeIdentity identity, String now) throws SQLException {
        char[] secret = identity.copySecret();
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO attachment_keys(id, recipient, identity, created_at) VALUES (1, ?, ?, ?)")) {
            insert.setString(1, identity.recipient());
            insert.setString(2, new String(secret));
            insert.setString(3, now);
            insert.executeUpdate();
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    /** The vault's blob identity, if it was created; the caller destroys it. */
    static Optional<AgeIdentity> identity(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT recipient, identity FROM attachment_keys WHERE id = 1");
             ResultSet row = q.executeQuery()) {
            return row.next() ? Optional.of(AgeIdentity.of(row.getString(1), row.getString(2).toCharArray())) : Optional.empty();
        }
    }

    static Optional<Integer> limitMegabytes(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
            q.setString(1, AttachmentService.LIMIT_SETTING);
            try (ResultSet row = q.executeQuery()) {
                return row.next() ? Optional.of(Integer.parseInt(row.getString(1))) : Optional.empty();
            }
        }
    }

    static void putLimitMegabytes(Connection c, int megabytes, String now, long userId) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("""
                INSERT INTO settings(key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
                ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at,
                  updated_by = excluded.updated_by""")) {
            upsert.setString(1, AttachmentService.LIMIT_SETTING);
            upsert.setString(2, Integer.toString(megabytes));
            upsert.setString(3, now);
            upsert.setLong(4, userId);
            upsert.executeUpdate();
        }
    }

    /** Records the payload digests of a blob attached before vault migration 0019. */
    static void setPayload(Connection c, String attachmentId, BlobStore.PayloadDigests digests) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE attachments SET payload_sha256 = ?, payload_crc32 = ? WHERE id = ? AND payload_sha256 IS NULL")) {
            update.setString(1, digests.sha256());
            update.setLong(2, digests.crc32());
            update.setString(3, attachmentId);
            update.executeUpdate();
        }
    }

    private static Row row(ResultSet r) throws SQLException {
        Attachment a = new Attachment(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getLong(5),
                r.getString(6), Optional.ofNullable(r.getString(7)), r.getString(8), r.getLong(9), r.getString(10));
        long crc32 = r.getLong(12);
        Long recorded = r.wasNull() ? null : crc32; // before any other column is read
        String payloadSha = r.getString(13);
        long payloadCrc = r.getLong(14);
        BlobStore.PayloadDigests payload = payloadSha == null ? null : new BlobStore.PayloadDigests(payloadSha, payloadCrc);
        return new Row(a, r.getString(11), recorded, payload, r.getBytes(15));
    }
}
