package org.harbor.seal;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The documents of a case in a package: {@code case.json} (its seals, each with the canonical JSON
 * it covers, so the central office verifies them without any database) and {@code audit.jsonl}
 * (the audit entries about the case, with their chain hashes).
 */
final class CaseFiles {

    static final String FORMAT = "harbor-case/1";

    private CaseFiles() {
    }

    static byte[] caseJson(String caseId, String number, List<SealRecord> seals) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("caseId", caseId);
        m.put("number", number);
        List<Object> list = new ArrayList<>();
        for (SealRecord s : seals) {
            list.add(s.toJson());
        }
        m.put("seals", list);
        return CanonicalJson.bytes(m);
    }

    /** Audit entries whose target is the case, or whose details name it, or which concern its seals and sessions. */
    static byte[] auditJsonl(Connection c, String caseId) throws SQLException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PreparedStatement q = c.prepareStatement("""
                SELECT seq, at, actor, action, target, details, prev_hash, hash FROM audit_log
                WHERE target = ?1 OR json_extract(details, '$.case') = ?1
                   OR target IN (SELECT id FROM seals WHERE case_id = ?1)
                   OR target IN (SELECT id FROM case_sessions WHERE case_id = ?1)
                ORDER BY seq""")) {
            q.setString(1, caseId);
            try (ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("seq", row.getLong(1));
                    e.put("at", row.getString(2));
                    e.put("actor", row.getString(3));
                    e.put("action", row.getString(4));
                    e.put("target", row.getString(5));
                    e.put("details", row.getString(6));
                    e.put("prevHash", row.getString(7));
                    e.put("hash", row.getString(8));
                    out.writeBytes(CanonicalJson.bytes(e));
                    out.write('\n');
                }
            }
        }
        return out.toByteArray();
    }
}
