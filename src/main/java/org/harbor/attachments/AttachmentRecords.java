package org.harbor.attachments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The narrow read other packages make on the attachment rows: what a case seal covers of each file. */
public final class AttachmentRecords {

    private AttachmentRecords() {
    }

    /** A file of a case as a seal covers it: by its SHA-256, never by its name or note. */
    public record SealedRow(String id, String sha256, long sizeBytes, String mediaType, String addedAt, long addedBy) {
    }

    /** The files of a case, oldest first. */
    public static List<SealedRow> ofCase(Connection c, String caseId) throws SQLException {
        List<SealedRow> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT id, sha256, size_bytes, media_type, added_at, added_by FROM attachments "
                + "WHERE case_id = ? ORDER BY added_at, id")) {
            q.setString(1, caseId);
            try (ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    out.add(new SealedRow(row.getString(1), row.getString(2), row.getLong(3), row.getString(4), row.getString(5),
                            row.getLong(6)));
                }
            }
        }
        return out;
    }
}
