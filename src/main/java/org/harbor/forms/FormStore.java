package org.harbor.forms;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.harbor.vault.ContentKeys;

/** The SQL of form definitions, submissions, answers and session events; callers own the transaction. */
final class FormStore {

    private FormStore() {
    }

    // --- definitions ---------------------------------------------------------------------

    static Optional<FormDefinition> definition(Connection c, String formId, String version) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT form_id, version, title, source, sensitivity FROM form_definitions WHERE form_id = ? AND version = ?")) {
            q.setString(1, formId);
            q.setString(2, version);
            try (ResultSet row = q.executeQuery()) {
                return row.next() ? Optional.of(definition(row)) : Optional.empty();
            }
        }
    }

    /** The newest registered version of a form. */
    static Optional<FormDefinition> latest(Connection c, String formId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("""
                SELECT form_id, version, title, source, sensitivity FROM form_definitions WHERE form_id = ?
                ORDER BY registered_at DESC, rowid DESC LIMIT 1""")) {
            q.setString(1, formId);
            try (ResultSet row = q.executeQuery()) {
                return row.next() ? Optional.of(definition(row)) : Optional.empty();
            }
        }
    }

    /** The newest version of every form, by id. */
    static List<FormDefinition> latestAll(Connection c) throws SQLException {
        List<FormDefinition> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("""
                SELECT form_id, version, title, source, sensitivity FROM form_definitions d
                WHERE rowid = (SELECT rowid FROM form_definitions e WHERE e.form_id = d.form_id
                               ORDER BY registered_at DESC, rowid DESC LIMIT 1)
                ORDER BY source, rowid""");
             ResultSet rows = q.executeQuery()) {
            while (rows.next()) {
                out.add(definition(rows));
            }
        }
        return out;
    }

    static byte[] xml(Connection c, String formId, String version) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT xml FROM form_definitions WHERE form_id = ? AND version = ?")) {
            q.setString(1, formId);
            q.setString(2, version);
            try (ResultSet row = q.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("no such form definition");
                }
                return row.getBytes(1);
            }
        }
    }

    static Optional<String> sha256(Connection c, String formId, String version) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT sha256 FROM form_definitions WHERE form_id = ? AND version = ?")) {
            q.setString(1, formId);
            q.setString(2, version);
            try (ResultSet row = q.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    static boolean anyBuiltIn(Connection c, String formId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM form_definitions WHERE form_id = ? AND source = 'builtin'")) {
            q.setString(1, formId);
            try (ResultSet row = q.executeQuery()) {
                return row.next();
            }
        }
    }

    static void insertDefinition(Connection c, FormDefinition d, byte[] xml, String sha256, String now, Long by)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO form_definitions(form_id, version, title, source, sensitivity, xml, sha256, registered_at, registered_by)
                VALUES (?,?,?,?,?,?,?,?,?)""")) {
            insert.setString(1, d.formId());
            insert.setString(2, d.version());
            insert.setString(3, d.title());
            insert.setString(4, d.builtIn() ? "builtin" : "import");
            insert.setString(5, d.sensitivity());
            insert.setBytes(6, xml);
            insert.setString(7, sha256);
            insert.setString(8, now);
            if (by == null) {
                insert.setNull(9, java.sql.Types.INTEGER);
            } else {
                insert.setLong(9, by);
            }
            insert.executeUpdate();
        }
    }

    private static FormDefinition definition(ResultSet row) throws SQLException {
        return new FormDefinition(row.getString(1), row.getString(2), row.getString(3), "builtin".equals(row.getString(4)),
                row.getString(5));
    }

    // --- submissions ---------------------------------------------------------------------

    /** Submission row: id, case, session, form, version, status, position. */
    record SubmissionRow(String id, String caseId, String sessionId, String formId, String formVersion, String status,
                         String position) {
    }

    static Optional<SubmissionRow> submission(Connection c, String sessionId, String formId) throws SQLException {
        return submissionWhere(c, "session_id = ? AND form_id = ?", sessionId, formId);
    }

    static Optional<SubmissionRow> submission(Connection c, String submissionId) throws SQLException {
        return submissionWhere(c, "id = ?", submissionId);
    }

    static List<SubmissionRow> submissionsOfCase(Connection c, String caseId) throws SQLException {
        List<SubmissionRow> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(
                "SELECT id, case_id, session_id, form_id, form_version, status, position FROM form_submissions WHERE case_id = ? ORDER BY started_at, id")) {
            q.setString(1, caseId);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    out.add(submissionRow(rows));
                }
            }
        }
        return out;
    }

    private static Optional<SubmissionRow> submissionWhere(Connection c, String where, String... args) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT id, case_id, session_id, form_id, form_version, status, position FROM form_submissions WHERE " + where)) {
            for (int i = 0; i < args.length; i++) {
                q.setString(i + 1, args[i]);
            }
            try (ResultSet row = q.executeQuery()) {
                return row.next() ? Optional.of(submissionRow(row)) : Optional.empty();
            }
        }
    }

    private static SubmissionRow submissionRow(ResultSet row) throws SQLException {
        return new SubmissionRow(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                row.getString(6), row.getString(7));
    }

    static void insertSubmission(Connection c, SubmissionRow s, String now, long by) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO form_submissions(id, case_id, session_id, form_id, form_version, status, position, started_at, started_by, updated_at)
                VALUES (?,?,?,?,?,?,?,?,?,?)""")) {
            insert.setString(1, s.id());
            insert.setString(2, s.caseId());
            insert.setString(3, s.sessionId());
            insert.setString(4, s.formId());
            insert.setString(5, s.formVersion());
            insert.setString(6, s.status());
            insert.setString(7, s.position());
            insert.setString(8, now);
            insert.setLong(9, by);
            insert.setString(10, now);
            insert.executeUpdate();
        }
    }

    static void savePosition(Connection c, String submissionId, String position, String now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE form_submissions SET position = ?, updated_at = ? WHERE id = ?")) {
            update.setString(1, position);
            update.setString(2, now);
            update.setString(3, submissionId);
            update.executeUpdate();
        }
    }

    static void setStatus(Connection c, String submissionId, String status, String stopReason, String now, boolean ended)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE form_submissions SET status = ?, stop_reason = ?, updated_at = ?, ended_at = ? WHERE id = ?")) {
            update.setString(1, status);
            update.setString(2, stopReason);
            update.setString(3, now);
            update.setString(4, ended ? now : null);
            update.setString(5, submissionId);
            update.executeUpdate();
        }
    }

    static void event(Connection c, String submissionId, SessionEvent kind, String reason, String now, long by)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO form_session_events(submission_id, kind, reason, at, by_user) VALUES (?,?,?,?,?)")) {
            insert.setString(1, submissionId);
            insert.setString(2, kind.code());
            insert.setString(3, reason);
            insert.setString(4, now);
            insert.setLong(5, by);
            insert.executeUpdate();
        }
    }

    static List<String> events(Connection c, String submissionId) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(
                "SELECT kind FROM form_session_events WHERE submission_id = ? ORDER BY id")) {
            q.setString(1, submissionId);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    out.add(rows.getString(1));
                }
            }
        }
        return out;
    }

    // --- answers -------------------------------------------------------------------------

    /** What the form's binds say about a question, copied onto its answer row. */
    record Tags(String factKey, String purposes, boolean danger) {
        static final Tags NONE = new Tags(null, "", false);
    }

    static void upsertAnswer(Connection c, String submissionId, StoredAnswer a, Tags tags, String now, long by)
            throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("""
                INSERT INTO form_answers(submission_id, path, kind, value, non_response, not_asked_reason, fact_key,
                                         purposes, danger, answered_at, answered_by, danger_raised)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?)
                ON CONFLICT(submission_id, path) DO UPDATE SET kind = excluded.kind, value = excluded.value,
                  non_response = excluded.non_response, not_asked_reason = excluded.not_asked_reason,
                  fact_key = excluded.fact_key, purposes = excluded.purposes, danger = excluded.danger,
                  answered_at = excluded.answered_at, answered_by = excluded.answered_by,
                  danger_raised = excluded.danger_raised""")) {
            upsert.setString(1, submissionId);
            upsert.setString(2, a.path());
            upsert.setString(3, a.kind());
            upsert.setString(4, restricted(c, submissionId)
                    ? ContentKeys.protect(c, ContentKeys.ContentClass.INTERVIEW, ContentKeys.answerContext(submissionId), a.value()) : a.value());
            upsert.setString(5, a.nonResponse() == null ? null : a.nonResponse().code());
            upsert.setString(6, a.notAskedReason() == null ? null : a.notAskedReason().code());
            upsert.setString(7, tags.factKey());
            upsert.setString(8, tags.purposes());
            upsert.setInt(9, tags.danger() ? 1 : 0);
            upsert.setString(10, now);
            upsert.setLong(11, by);
            upsert.setInt(12, tags.danger() && raisesDanger(a.value()) ? 1 : 0);
            upsert.executeUpdate();
        }
    }

    /** Whether a danger-tagged answer with this value raises the case's danger flag ("yes", alone or among the choices). */
    static boolean raisesDanger(String value) {
        return value != null && (" " + value + " ").contains(" yes ");
    }

    /** Whether the submission's form is restricted (trafficking history): its answers are encrypted under the interview key. */
    static boolean restricted(Connection c, String submissionId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("""
                SELECT d.sensitivity FROM form_submissions s
                JOIN form_definitions d ON d.form_id = s.form_id AND d.version = s.form_version WHERE s.id = ?""")) {
            q.setString(1, submissionId);
            try (ResultSet row = q.executeQuery()) {
                return row.next() && FormDefinition.TRAFFICKING_HISTORY.equals(row.getString(1));
            }
        }
    }

    static List<StoredAnswer> answers(Connection c, String submissionId) throws SQLException {
        List<StoredAnswer> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(
                "SELECT path, kind, value, non_response, not_asked_reason FROM form_answers WHERE submission_id = ? ORDER BY rowid")) {
            q.setString(1, submissionId);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    String nr = rows.getString(4);
                    String reason = rows.getString(5);
                    out.add(new StoredAnswer(rows.getString(1), rows.getString(2),
                            ContentKeys.read(c, ContentKeys.answerContext(submissionId), rows.getString(3)),
                            nr == null ? null : NonResponse.fromCode(nr), reason == null ? null : NotAskedReason.fromCode(reason)));
                }
            }
        }
        return out;
    }

    /** Removes entry {@code entryPrefix} of a repeat and moves the later entries up by one. */
    static void removeRepeatEntry(Connection c, String submissionId, String repeatPath, int entry, int count)
            throws SQLException {
        deletePrefix(c, submissionId, entryPath(repeatPath, entry));
        for (int k = entry + 1; k <= count; k++) {
            String from = entryPath(repeatPath, k);
            String to = entryPath(repeatPath, k - 1);
            try (PreparedStatement update = c.prepareStatement("""
                    UPDATE form_answers SET path = ? || substr(path, ?) WHERE submission_id = ?
                      AND substr(path, 1, ?) = ? AND (length(path) = ? OR substr(path, ? + 1, 1) = '/')""")) {
                update.setString(1, to);
                update.setInt(2, from.length() + 1);
                update.setString(3, submissionId);
                update.setInt(4, from.length());
                update.setString(5, from);
                update.setInt(6, from.length());
                update.setInt(7, from.length());
                update.executeUpdate();
            }
        }
    }

    private static void deletePrefix(Connection c, String submissionId, String prefix) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("""
                DELETE FROM form_answers WHERE submission_id = ?
                  AND substr(path, 1, ?) = ? AND (length(path) = ? OR substr(path, ? + 1, 1) = '/')""")) {
            delete.setString(1, submissionId);
            delete.setInt(2, prefix.length());
            delete.setString(3, prefix);
            delete.setInt(4, prefix.length());
            delete.setInt(5, prefix.length());
            delete.executeUpdate();
        }
    }

    /** {@code /data/guardians} and 2 give {@code /data/guardians[2]} (1-based, as in XPath). */
    static String entryPath(String repeatPath, int entry) {
        return repeatPath + "[" + entry + "]";
    }

    /** The free-text answers of a case's unrestricted forms, for its search row. */
    static String searchableAnswers(Connection c, String caseId) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (PreparedStatement q = c.prepareStatement("""
                SELECT a.value FROM form_answers a JOIN form_submissions s ON s.id = a.submission_id
                JOIN form_definitions d ON d.form_id = s.form_id AND d.version = s.form_version
                WHERE s.case_id = ? AND a.kind = 'text' AND a.value IS NOT NULL AND d.sensitivity = 'normal'
                ORDER BY s.started_at, a.rowid""")) {
            q.setString(1, caseId);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    out.append(rows.getString(1)).append('\n');
                }
            }
        }
        return out.toString();
    }
}
