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
import org.harbor.audit.AuditLog;
import org.harbor.cases.CaseRecords;
import org.harbor.crypto.CanonicalJson;

/**
 * The documents of a case in a package: {@code case.json} (its seals, each with the canonical JSON
 * it covers, so the central office verifies them without any database, and — format 2, ADR 0009 —
 * the answers that go out, each with the salt that opens its digest in the seals and the purposes
 * it may be used for) and {@code audit.jsonl} (the audit entries about the case, with their chain
 * hashes).
 */
final class CaseFiles {

    static final String FORMAT = "harbor-case/2";
    /** Before per-value withholding: seals only; still read. */
    static final String FORMAT_1 = "harbor-case/1";

    private CaseFiles() {
    }

    static byte[] caseJson(String caseId, String number, List<SealRecord> seals) {
        return caseJson(caseId, number, seals, null, List.of());
    }

    /**
     * @param purpose the package's purpose (a code); {@code null} writes format 1
     * @param carried the answers that go out and are covered by a format-2 seal's digest
     */
    static byte[] caseJson(String caseId, String number, List<SealRecord> seals, String purpose, List<ValueFilter.Carried> carried) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", purpose == null ? FORMAT_1 : FORMAT);
        m.put("caseId", caseId);
        m.put("number", number);
        List<Object> list = new ArrayList<>();
        for (SealRecord s : seals) {
            list.add(s.toJson());
        }
        m.put("seals", list);
        if (purpose != null) {
            m.put("purpose", purpose);
            List<Object> answers = new ArrayList<>();
            for (ValueFilter.Carried a : carried) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("submission", a.opening().submission());
                o.put("path", a.opening().path());
                o.put("salt", org.harbor.crypto.Hashes.hex(a.opening().salt()));
                o.put("answer", a.opening().answer());
                o.put("under", List.copyOf(a.under()));
                answers.add(o);
            }
            m.put("answers", answers);
        }
        return CanonicalJson.bytes(m);
    }

    private static final java.util.regex.Pattern CASE_IN_DETAILS = java.util.regex.Pattern.compile("\"case\":\"([0-9a-f-]{36})\"");

    /**
     * For each case, the audit entries about it: whose target is the case, one of its people,
     * sessions or seals, or whose details name it. One pass over the log for all the cases.
     */
    static Map<String, byte[]> auditJsonl(Connection c, java.util.Collection<String> caseIds) throws SQLException {
        Map<String, String> caseOf = new java.util.HashMap<>();
        for (String caseId : caseIds) {
            caseOf.put(caseId, caseId);
        }
        try (PreparedStatement q = c.prepareStatement("SELECT id, case_id FROM seals"); ResultSet row = q.executeQuery()) {
            while (row.next()) {
                if (caseOf.containsKey(row.getString(2))) {
                    caseOf.put(row.getString(1), row.getString(2));
                }
            }
        }
        CaseRecords.casesOfPersonsAndSessions(c).forEach((id, caseId) -> {
            if (caseOf.containsKey(caseId)) {
                caseOf.put(id, caseId);
            }
        });
        Map<String, ByteArrayOutputStream> out = new java.util.HashMap<>();
        AuditLog.forEach(c, entry -> {
            String target = entry.target();
            String details = entry.details();
            String caseId = target == null ? null : caseOf.get(target);
            if (caseId == null && details != null && details.contains("\"case\"")) {
                java.util.regex.Matcher m = CASE_IN_DETAILS.matcher(details);
                if (m.find() && caseOf.containsKey(m.group(1))) {
                    caseId = caseOf.get(m.group(1));
                }
            }
            if (caseId == null) {
                return;
            }
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("seq", entry.seq());
            e.put("at", entry.at());
            e.put("actor", entry.actor());
            e.put("action", entry.action());
            e.put("target", target);
            e.put("details", details);
            e.put("prevHash", entry.prevHash());
            e.put("hash", entry.hash());
            ByteArrayOutputStream lines = out.computeIfAbsent(caseId, k -> new ByteArrayOutputStream());
            lines.writeBytes(CanonicalJson.bytes(e));
            lines.write('\n');
        });
        Map<String, byte[]> result = new java.util.HashMap<>();
        for (String caseId : caseIds) {
            ByteArrayOutputStream lines = out.get(caseId);
            result.put(caseId, lines == null ? new byte[0] : lines.toByteArray());
        }
        return result;
    }
}
