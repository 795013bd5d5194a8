package org.harbor.forms;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.harbor.accounts.Session;

/** The ask-once store: one current value per fact of a case, and every earlier value kept on correction. */
final class FactStore {

    record Fact(String key, String value, String recordedAt, long recordedBy, String recordedRole, String submissionId) {
    }

    private FactStore() {
    }

    static Map<String, Fact> facts(Connection c, String caseId) throws SQLException {
        Map<String, Fact> out = new LinkedHashMap<>();
        try (PreparedStatement q = c.prepareStatement("""
                SELECT fact_key, value, recorded_at, recorded_by, recorded_role, submission_id FROM case_facts
                WHERE case_id = ? ORDER BY fact_key""")) {
            q.setString(1, caseId);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    out.put(rows.getString(1), new Fact(rows.getString(1), rows.getString(2), rows.getString(3), rows.getLong(4),
                            rows.getString(5), rows.getString(6)));
                }
            }
        }
        return out;
    }

    /**
     * Records a fact's value. A different value recorded earlier by another submission is a
     * correction: the earlier value goes to the history with the reason. Returns whether it was one.
     */
    static boolean record(Connection c, String caseId, String key, String value, String submissionId, Session session,
                          String now, String reason) throws SQLException {
        Fact existing = facts(c, caseId).get(key);
        if (existing != null && existing.value().equals(value)) {
            return false;
        }
        boolean correction = existing != null && !submissionId.equals(existing.submissionId());
        if (correction) {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a correction of a recorded fact needs a reason");
            }
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO case_fact_history(case_id, fact_key, old_value, old_recorded_at, old_recorded_by, new_value,
                                                  changed_at, changed_by, reason) VALUES (?,?,?,?,?,?,?,?,?)""")) {
                insert.setString(1, caseId);
                insert.setString(2, key);
                insert.setString(3, existing.value());
                insert.setString(4, existing.recordedAt());
                insert.setLong(5, existing.recordedBy());
                insert.setString(6, value);
                insert.setString(7, now);
                insert.setLong(8, session.user().id());
                insert.setString(9, reason);
                insert.executeUpdate();
            }
        }
        try (PreparedStatement upsert = c.prepareStatement("""
                INSERT INTO case_facts(case_id, fact_key, value, recorded_at, recorded_by, recorded_role, submission_id)
                VALUES (?,?,?,?,?,?,?)
                ON CONFLICT(case_id, fact_key) DO UPDATE SET value = excluded.value, recorded_at = excluded.recorded_at,
                  recorded_by = excluded.recorded_by, recorded_role = excluded.recorded_role,
                  submission_id = excluded.submission_id""")) {
            upsert.setString(1, caseId);
            upsert.setString(2, key);
            upsert.setString(3, value);
            upsert.setString(4, now);
            upsert.setLong(5, session.user().id());
            upsert.setString(6, session.role().code());
            upsert.setString(7, submissionId);
            upsert.executeUpdate();
        }
        return correction;
    }

    static List<FactChange> history(Connection c, String caseId) throws SQLException {
        List<FactChange> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("""
                SELECT fact_key, old_value, old_recorded_at, old_recorded_by, new_value, changed_at, changed_by, reason
                FROM case_fact_history WHERE case_id = ? ORDER BY id""")) {
            q.setString(1, caseId);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    out.add(new FactChange(rows.getString(1), rows.getString(2), rows.getString(3), rows.getLong(4),
                            rows.getString(5), rows.getString(6), rows.getLong(7), rows.getString(8)));
                }
            }
        }
        return out;
    }

    /** Purpose → number of values (not non-responses) tagged with it in the case. */
    static Map<String, Integer> purposesUsed(Connection c, String caseId) throws SQLException {
        Map<String, Integer> out = new TreeMap<>();
        try (PreparedStatement q = c.prepareStatement("""
                SELECT a.purposes FROM form_answers a JOIN form_submissions s ON s.id = a.submission_id
                WHERE s.case_id = ? AND a.purposes <> '' AND a.value IS NOT NULL AND a.value <> ''""")) {
            q.setString(1, caseId);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    for (String p : rows.getString(1).split(" ")) {
                        if (!p.isEmpty()) {
                            out.merge(p, 1, Integer::sum);
                        }
                    }
                }
            }
        }
        return out;
    }

    static boolean danger(Connection c, String caseId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("""
                SELECT 1 FROM form_answers a JOIN form_submissions s ON s.id = a.submission_id
                WHERE s.case_id = ? AND a.danger = 1 AND a.danger_raised = 1 LIMIT 1""")) {
            q.setString(1, caseId);
            try (ResultSet row = q.executeQuery()) {
                return row.next();
            }
        }
    }
}
