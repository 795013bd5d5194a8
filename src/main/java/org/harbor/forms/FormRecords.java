package org.harbor.forms;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The narrow reads other packages make on the form tables, inside the caller's transaction: the
 * submissions and answers of a session as a seal covers them. An answer's value comes back as
 * stored (encrypted under its class key); the caller decrypts what its session may read.
 */
public final class FormRecords {

    private FormRecords() {
    }

    public record SubmissionRow(String id, String formId, String formVersion, String status, String startedAt, long startedBy,
                                String endedAt) {
    }

    /** An answer as stored, with the salt and purpose tags of format-2 seals (ADR 0009). */
    public record AnswerRow(String submission, String path, String kind, String storedValue, String nonResponse,
                            String notAskedReason, String factKey, String answeredAt, long answeredBy, String purposes,
                            byte[] salt) {
    }

    /** The forms filled in a session, oldest first. */
    public static List<SubmissionRow> submissionsOfSession(Connection c, String sessionId) throws SQLException {
        List<SubmissionRow> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT id, form_id, form_version, status, started_at, started_by, ended_at "
                + "FROM form_submissions WHERE session_id = ? ORDER BY started_at, id")) {
            q.setString(1, sessionId);
            try (ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    out.add(new SubmissionRow(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                            row.getString(5), row.getLong(6), row.getString(7)));
                }
            }
        }
        return out;
    }

    /** Every answer and non-response given in a session, by submission and path. */
    public static List<AnswerRow> answersOfSession(Connection c, String sessionId) throws SQLException {
        List<AnswerRow> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT a.submission_id, a.path, a.kind, a.value, a.non_response, "
                + "a.not_asked_reason, a.fact_key, a.answered_at, a.answered_by, a.purposes, a.salt FROM form_answers a "
                + "JOIN form_submissions s ON s.id = a.submission_id WHERE s.session_id = ? ORDER BY a.submission_id, a.path")) {
            q.setString(1, sessionId);
            try (ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    out.add(new AnswerRow(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                            row.getString(6), row.getString(7), row.getString(8), row.getLong(9), row.getString(10),
                            row.getBytes(11)));
                }
            }
        }
        return out;
    }
    /**
     * The paths of the built-in trafficking form whose answers are trafficking indicators (R18):
     * the methods of control and the forms of exploitation (for a child any form of exploitation
     * is one; Palermo Protocol Art. 3(c)).
     */
    public static final List<String> INDICATOR_PATHS = List.of("/data/control/control_methods",
            "/data/exploitation/exploitation_types");

    /**
     * When a case first recorded a trafficking indicator: the earliest answer with a value at one
     * of {@link #INDICATOR_PATHS} in a trafficking form; empty when none. Reads whether a value is
     * there, never the value (it is encrypted for the interview roles).
     */
    public static java.util.Optional<String> firstIndicatorAt(Connection c, String caseId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT min(a.answered_at) FROM form_answers a "
                + "JOIN form_submissions s ON s.id = a.submission_id WHERE s.case_id = ? AND s.form_id = 'harbor-trafficking' "
                + "AND a.path IN (?, ?) AND a.value IS NOT NULL AND a.value <> ''")) {
            q.setString(1, caseId);
            q.setString(2, INDICATOR_PATHS.get(0));
            q.setString(3, INDICATOR_PATHS.get(1));
            try (ResultSet row = q.executeQuery()) {
                return java.util.Optional.ofNullable(row.next() ? row.getString(1) : null);
            }
        }
    }

    /**
     * When the latest answer of the case that raises the danger flag (R3: "yes" to a question
     * marked {@code harbor:safety="danger"}) was given; empty when none raises it now.
     */
    public static java.util.Optional<String> lastDangerAt(Connection c, String caseId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT max(a.answered_at) FROM form_answers a "
                + "JOIN form_submissions s ON s.id = a.submission_id WHERE s.case_id = ? AND a.danger = 1 AND a.danger_raised = 1")) {
            q.setString(1, caseId);
            try (ResultSet row = q.executeQuery()) {
                return java.util.Optional.ofNullable(row.next() ? row.getString(1) : null);
            }
        }
    }

    /** Whether the case is treated as a child's: a child, or age uncertain ({@link FormService#treatedAsChild(Connection, String)}). */
    public static boolean treatedAsChild(Connection c, String caseId) throws SQLException {
        return FormService.treatedAsChild(c, caseId);
    }
}
