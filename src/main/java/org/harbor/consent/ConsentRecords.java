package org.harbor.consent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The narrow reads and writes other packages make on the consent tables, inside the caller's transaction. */
public final class ConsentRecords {

    private ConsentRecords() {
    }

    /**
     * True when a consent, a revocation or a lawful basis was recorded for the case after
     * {@code since} (an ISO instant); times are compared as instants ({@code julianday}), not as text.
     */
    public static boolean decidedSince(Connection c, String caseId, String since) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("""
                SELECT EXISTS (SELECT 1 FROM consents n WHERE n.case_id = ?1 AND julianday(n.recorded_at) > julianday(?2))
                  OR EXISTS (SELECT 1 FROM consent_revocations r JOIN consents n ON n.id = r.consent_id
                             WHERE n.case_id = ?1 AND julianday(r.revoked_at) > julianday(?2))
                  OR EXISTS (SELECT 1 FROM lawful_bases b WHERE b.case_id = ?1 AND julianday(b.recorded_at) > julianday(?2))""")) {
            q.setString(1, caseId);
            q.setString(2, since);
            try (ResultSet row = q.executeQuery()) {
                return row.next() && row.getInt(1) == 1;
            }
        }
    }

    /** Deletes a purged case's consents; the caller holds the purge permit the triggers ask for. */
    public static void purge(Connection c, String caseId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM consents WHERE case_id = ?")) {
            s.setString(1, caseId);
            s.executeUpdate();
        }
    }
}
