package org.harbor.interview.session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The narrow reads and writes other packages make on the interview tables, inside the caller's
 * transaction: what a session seal covers, whether an interview still runs, and the purge of a
 * received case. Rows come back as stored: an utterance's text is still encrypted.
 */
public final class InterviewTables {

    private InterviewTables() {
    }

    public record InterviewRow(String profileId, String profileVersion, String language, String startedAt, String endedAt,
                               String endReason) {
    }

    public record PresentRow(String id, String role, String name, String recordedAt) {
    }

    /** An utterance with its text as stored (encrypted under the interview class key). */
    public record UtteranceRow(long id, String kind, String storedText, long verbatim, long offsetMs, String phase, String label,
                               String ruleId) {
    }

    public record EventRow(long id, String kind, String detail, long offsetMs) {
    }

    public record SummaryRow(String summaryJson, String createdAt) {
    }

    public static Optional<InterviewRow> interview(Connection c, String sessionId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT profile_id, profile_version, language, started_at, ended_at, end_reason FROM interviews WHERE session_id = ?")) {
            q.setString(1, sessionId);
            try (ResultSet row = q.executeQuery()) {
                return row.next() ? Optional.of(new InterviewRow(row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5), row.getString(6))) : Optional.empty();
            }
        }
    }

    /** True when the session has an interview that has not been ended. */
    public static boolean running(Connection c, String sessionId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT ended_at FROM interviews WHERE session_id = ?")) {
            q.setString(1, sessionId);
            try (ResultSet row = q.executeQuery()) {
                return row.next() && row.getString(1) == null;
            }
        }
    }

    public static List<PresentRow> present(Connection c, String sessionId) throws SQLException {
        List<PresentRow> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(
                "SELECT id, role, name, recorded_at FROM interview_present WHERE session_id = ? ORDER BY recorded_at, id")) {
            q.setString(1, sessionId);
            try (ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    out.add(new PresentRow(row.getString(1), row.getString(2), row.getString(3), row.getString(4)));
                }
            }
        }
        return out;
    }

    public static List<UtteranceRow> utterances(Connection c, String sessionId) throws SQLException {
        List<UtteranceRow> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(
                "SELECT id, kind, text, verbatim, offset_ms, phase, label, rule_id FROM utterances WHERE session_id = ? ORDER BY id")) {
            q.setString(1, sessionId);
            try (ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    out.add(new UtteranceRow(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4), row.getLong(5),
                            row.getString(6), row.getString(7), row.getString(8)));
                }
            }
        }
        return out;
    }

    public static List<EventRow> events(Connection c, String sessionId) throws SQLException {
        List<EventRow> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(
                "SELECT id, kind, detail, offset_ms FROM interview_events WHERE session_id = ? ORDER BY id")) {
            q.setString(1, sessionId);
            try (ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    out.add(new EventRow(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4)));
                }
            }
        }
        return out;
    }

    public static Optional<SummaryRow> summary(Connection c, String sessionId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT summary_json, created_at FROM interview_summaries WHERE session_id = ?")) {
            q.setString(1, sessionId);
            try (ResultSet row = q.executeQuery()) {
                return row.next() ? Optional.of(new SummaryRow(row.getString(1), row.getString(2))) : Optional.empty();
            }
        }
    }

    /** Deletes everything recorded in these sessions' interviews (the purge of a received case). */
    public static void purge(Connection c, List<String> sessionIds) throws SQLException {
        for (String sql : new String[] {"DELETE FROM utterances WHERE session_id = ?", "DELETE FROM interview_events WHERE session_id = ?",
            "DELETE FROM interview_present WHERE session_id = ?", "DELETE FROM interview_summaries WHERE session_id = ?",
            "DELETE FROM interviews WHERE session_id = ?"}) {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (String sessionId : sessionIds) {
                    s.setString(1, sessionId);
                    s.executeUpdate();
                }
            }
        }
    }
}
