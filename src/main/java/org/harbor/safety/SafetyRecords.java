package org.harbor.safety;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reads and writes of the safety tables, inside the caller's transaction: for the service,
 * for the case seal (which covers them) and for the purge of a received case.
 */
public final class SafetyRecords {

    private SafetyRecords() {
    }

    static void insertAction(Connection c, String id, String caseId, String text, String at, long by) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO safety_actions(id, case_id, action, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, id);
            s.setString(2, caseId);
            s.setString(3, text);
            s.setString(4, at);
            s.setLong(5, by);
            s.executeUpdate();
        }
    }

    static void insertReport(Connection c, String id, String caseId, String ruleId, String madeAt, String madeTo, String reference,
                             String at, long by) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO mandatory_reports(id, case_id, rule_id, made_at, made_to, "
                + "reference, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, id);
            s.setString(2, caseId);
            s.setString(3, ruleId);
            s.setString(4, madeAt);
            s.setString(5, madeTo);
            s.setString(6, reference);
            s.setString(7, at);
            s.setLong(8, by);
            s.executeUpdate();
        }
    }

    static List<CaseSafety.Action> actions(Connection c, String caseId) throws SQLException {
        List<CaseSafety.Action> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(
                "SELECT action, recorded_at FROM safety_actions WHERE case_id = ? ORDER BY recorded_at, id")) {
            q.setString(1, caseId);
            try (ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    out.add(new CaseSafety.Action(row.getString(1), Instant.parse(row.getString(2))));
                }
            }
        }
        return out;
    }

    static List<CaseSafety.Report> reports(Connection c, String caseId, String ruleId) throws SQLException {
        List<CaseSafety.Report> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT rule_id, made_at, made_to, reference, recorded_at "
                + "FROM mandatory_reports WHERE case_id = ? AND rule_id = ? ORDER BY made_at, id")) {
            q.setString(1, caseId);
            q.setString(2, ruleId);
            try (ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    out.add(new CaseSafety.Report(row.getString(1), Instant.parse(row.getString(2)), row.getString(3),
                            row.getString(4), Instant.parse(row.getString(5))));
                }
            }
        }
        return out;
    }

    /**
     * What a case seal covers of the safety tables: every action and every report, as stored.
     * Empty lists when the case has none, so that a seal made before migration 0014 reads the same.
     */
    public static Map<String, List<Map<String, Object>>> sealed(Connection c, String caseId) throws SQLException {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        List<Map<String, Object>> actions = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(
                "SELECT id, action, recorded_at, recorded_by FROM safety_actions WHERE case_id = ? ORDER BY recorded_at, id")) {
            q.setString(1, caseId);
            try (ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    Map<String, Object> a = new LinkedHashMap<>();
                    a.put("id", row.getString(1));
                    a.put("action", row.getString(2));
                    a.put("recordedAt", row.getString(3));
                    a.put("recordedBy", row.getLong(4));
                    actions.add(a);
                }
            }
        }
        List<Map<String, Object>> reports = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT id, rule_id, made_at, made_to, reference, recorded_at, recorded_by "
                + "FROM mandatory_reports WHERE case_id = ? ORDER BY made_at, id")) {
            q.setString(1, caseId);
            try (ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("id", row.getString(1));
                    r.put("ruleId", row.getString(2));
                    r.put("madeAt", row.getString(3));
                    r.put("madeTo", row.getString(4));
                    r.put("reference", row.getString(5));
                    r.put("recordedAt", row.getString(6));
                    r.put("recordedBy", row.getLong(7));
                    reports.add(r);
                }
            }
        }
        out.put("safetyActions", actions);
        out.put("mandatoryReports", reports);
        return out;
    }

    /** Deletes a received case's rows; the caller holds the case's purge permit. */
    public static void purge(Connection c, String caseId) throws SQLException {
        for (String table : List.of("safety_actions", "mandatory_reports")) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE case_id = ?")) {
                s.setString(1, caseId);
                s.executeUpdate();
            }
        }
    }
}
