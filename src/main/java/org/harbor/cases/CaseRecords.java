package org.harbor.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The narrow reads and writes other packages make on the tables this package owns ({@code cases},
 * {@code persons}, {@code case_sessions}, {@code case_search}), inside the caller's transaction.
 * The caller has checked the session's permission; the rows come back as stored, nothing decrypted.
 */
public final class CaseRecords {

    private CaseRecords() {
    }

    /** A case's fixed columns, as a case seal covers them. */
    public record CaseRow(String id, String number, String openedAt, long openedBy, Long leadWorker) {
    }

    /** A person of a case, as a case seal covers them; {@code aliases} as stored (one a line). */
    public record PersonRow(String id, String role, String displayName, String aliases, String createdAt, long createdBy) {
    }

    /** A session's columns, as a session seal covers them. */
    public record SessionRow(String id, String caseId, String kind, String interviewLanguage, String startedAt, long startedBy,
                             String endedAt) {
    }

    /** A case's number and status. */
    public record NumberAndStatus(String number, String status) {
    }

    public static Optional<CaseRow> caseRow(Connection c, String caseId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT id, number, opened_at, opened_by, lead_worker FROM cases WHERE id = ?")) {
            q.setString(1, caseId);
            try (ResultSet row = q.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                long lead = row.getLong(5);
                return Optional.of(new CaseRow(row.getString(1), row.getString(2), row.getString(3), row.getLong(4),
                        row.wasNull() ? null : lead));
            }
        }
    }

    /** The people of a case, oldest first. */
    public static List<PersonRow> persons(Connection c, String caseId) throws SQLException {
        List<PersonRow> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(
                "SELECT id, role, display_name, aliases, created_at, created_by FROM persons WHERE case_id = ? ORDER BY created_at, id")) {
            q.setString(1, caseId);
            try (ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    out.add(new PersonRow(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                            row.getString(5), row.getLong(6)));
                }
            }
        }
        return out;
    }

    /** The ids of a case's sessions, oldest first. */
    public static List<String> sessionIds(Connection c, String caseId) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT id FROM case_sessions WHERE case_id = ? ORDER BY started_at, id")) {
            q.setString(1, caseId);
            try (ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    out.add(row.getString(1));
                }
            }
        }
        return out;
    }

    public static Optional<SessionRow> session(Connection c, String sessionId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT id, case_id, kind, interview_language, started_at, started_by, ended_at FROM case_sessions WHERE id = ?")) {
            q.setString(1, sessionId);
            try (ResultSet row = q.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new SessionRow(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getLong(6), row.getString(7)));
            }
        }
    }

    /** The case a session belongs to. */
    public static Optional<String> caseOfSession(Connection c, String sessionId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT case_id FROM case_sessions WHERE id = ?")) {
            q.setString(1, sessionId);
            try (ResultSet row = q.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    /** Ends a session that has not ended yet; one that has keeps its time. */
    public static void endSession(Connection c, String sessionId, String now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE case_sessions SET ended_at = ? WHERE id = ? AND ended_at IS NULL")) {
            update.setString(1, now);
            update.setString(2, sessionId);
            update.executeUpdate();
        }
    }

    /** For every person and session of every case: its id and its case's id. */
    public static Map<String, String> casesOfPersonsAndSessions(Connection c) throws SQLException {
        Map<String, String> out = new HashMap<>();
        for (String sql : new String[] {"SELECT id, case_id FROM case_sessions", "SELECT id, case_id FROM persons"}) {
            try (PreparedStatement q = c.prepareStatement(sql); ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    out.put(row.getString(1), row.getString(2));
                }
            }
        }
        return out;
    }

    /** Marks the case as changed now (a child record of it was added, changed or removed). */
    public static void touch(Connection c, String caseId, String now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE cases SET updated_at = ? WHERE id = ?")) {
            update.setString(1, now);
            update.setString(2, caseId);
            update.executeUpdate();
        }
    }

    /** Whether the person is recorded as a guardian in this case. */
    public static boolean isGuardianOf(Connection c, String caseId, String personId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT 1 FROM persons WHERE id = ? AND case_id = ? AND role = 'guardian'")) {
            q.setString(1, personId);
            q.setString(2, caseId);
            try (ResultSet row = q.executeQuery()) {
                return row.next();
            }
        }
    }

    public static Optional<NumberAndStatus> numberAndStatus(Connection c, String caseId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT number, status FROM cases WHERE id = ?")) {
            q.setString(1, caseId);
            try (ResultSet row = q.executeQuery()) {
                return row.next() ? Optional.of(new NumberAndStatus(row.getString(1), row.getString(2))) : Optional.empty();
            }
        }
    }

    /** The ids of the cases with a status, by number. */
    public static List<String> withStatus(Connection c, CaseStatus status) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT id FROM cases WHERE status = ? ORDER BY number")) {
            q.setString(1, status.code());
            try (ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    out.add(row.getString(1));
                }
            }
        }
        return out;
    }

    /** Sets a case's status. */
    public static void setStatus(Connection c, String caseId, CaseStatus status, String now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE cases SET status = ?, updated_at = ? WHERE id = ?")) {
            update.setString(1, status.code());
            update.setString(2, now);
            update.setString(3, caseId);
            update.executeUpdate();
        }
    }

    /** Moves a case from one status to another; false when it was not in {@code from}. */
    public static boolean changeStatus(Connection c, String caseId, CaseStatus from, CaseStatus to, String now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE cases SET status = ?, updated_at = ? WHERE id = ? AND status = ?")) {
            update.setString(1, to.code());
            update.setString(2, now);
            update.setString(3, caseId);
            update.setString(4, from.code());
            return update.executeUpdate() == 1;
        }
    }

    /**
     * Deletes a purged case's sessions, people, search row and the case itself. The caller has
     * deleted what hangs on them (interviews, forms, consents, seals) and holds the purge permit
     * the triggers of migration 0007 ask for.
     */
    public static void purge(Connection c, String caseId) throws SQLException {
        for (String sql : new String[] {"DELETE FROM case_sessions WHERE case_id = ?", "DELETE FROM persons WHERE case_id = ?",
            "DELETE FROM case_search WHERE case_id = ?"}) {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, caseId);
                s.executeUpdate();
            }
        }
    }

    /** Deletes a purged case's row, last of all. */
    public static void purgeCase(Connection c, String caseId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM cases WHERE id = ?")) {
            s.setString(1, caseId);
            s.executeUpdate();
        }
    }
}
