package org.harbor.seal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what a seal covers, as plain maps ready for {@link CanonicalJson}: a session with its
 * interview (who was present, every utterance, breaks and phases, the summary), or a whole case
 * with its people and sessions. The same reading at verification time must give the same bytes.
 *
 * <p>Format 2 (ADR 0009) covers each form answer by a digest, SHA-256 of the answer's random salt
 * followed by the canonical JSON of the answer with its purpose tags: a package can then carry
 * some answers ("openings": the answer and its salt) and leave others out, and the central office
 * still verifies the seal and every answer carried, while a withheld answer stays hidden (the salt
 * stops a guess of a short value being checked against its digest). Format 1 seals carry the
 * answers themselves and are still verified as they were made.
 */
final class SealUnits {

    static final int FORMAT = 2;
    static final int FORMAT_WHOLE_ANSWERS = 1;

    private SealUnits() {
    }

    /** One answer as a format-2 seal covers it, and as a package carries it when it goes out. */
    record Opening(String submission, String path, byte[] salt, Map<String, Object> answer) {

        String key() {
            return key(submission, path);
        }

        static String key(String submission, String path) {
            return submission + "|" + path;
        }

        String digest() {
            return digest(salt, answer);
        }

        static String digest(byte[] salt, Map<?, ?> answer) {
            java.security.MessageDigest sha = org.harbor.crypto.Hashes.sha256();
            sha.update(salt);
            sha.update(CanonicalJson.bytes(answer));
            return org.harbor.crypto.Hashes.hex(sha.digest());
        }

        /** The purposes the answer's question is tagged for ({@code harbor:purpose}); empty when untagged. */
        List<String> purposes() {
            Object tags = answer.get("purposes");
            return tags == null || tags.toString().isBlank() ? List.of() : List.of(tags.toString().strip().split("\\s+"));
        }

        @Override
        public String toString() {
            return "Opening[" + submission + ", " + path + "]";
        }
    }

    static Optional<Map<String, Object>> caseUnit(Connection c, String caseId) throws SQLException {
        return caseUnit(c, caseId, FORMAT);
    }

    static Optional<Map<String, Object>> sessionUnit(Connection c, String sessionId) throws SQLException {
        return sessionUnit(c, sessionId, FORMAT);
    }

    /** Every answer of a case with its salt, in the order the seals list them. */
    static List<Opening> caseOpenings(Connection c, String caseId) throws SQLException {
        List<Opening> out = new ArrayList<>();
        for (String sessionId : sessionIds(c, caseId)) {
            out.addAll(openings(c, sessionId));
        }
        return out;
    }

    private static List<Opening> openings(Connection c, String sessionId) throws SQLException {
        List<Opening> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT a.submission_id, a.path, a.kind, a.value, a.non_response, "
                + "a.not_asked_reason, a.fact_key, a.answered_at, a.answered_by, a.purposes, a.salt FROM form_answers a "
                + "JOIN form_submissions s ON s.id = a.submission_id WHERE s.session_id = ? ORDER BY a.submission_id, a.path")) {
            q.setString(1, sessionId);
            try (ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    Map<String, Object> a = new LinkedHashMap<>();
                    a.put("submission", row.getString(1));
                    a.put("path", row.getString(2));
                    a.put("kind", row.getString(3));
                    a.put("value", clear(c, org.harbor.vault.ContentKeys.answerContext(row.getString(1)), row.getString(4)));
                    a.put("nonResponse", row.getString(5));
                    a.put("notAskedReason", row.getString(6));
                    a.put("factKey", row.getString(7));
                    a.put("answeredAt", row.getString(8));
                    a.put("answeredBy", row.getLong(9));
                    a.put("purposes", row.getString(10));
                    byte[] salt = row.getBytes(11);
                    if (salt == null || salt.length < 16) {
                        throw new IllegalStateException("a form answer has no salt; the vault's migration 0011 did not run");
                    }
                    out.add(new Opening(row.getString(1), row.getString(2), salt, a));
                }
            }
        }
        return out;
    }

    static Optional<Map<String, Object>> caseUnit(Connection c, String caseId, long format) throws SQLException {
        Map<String, Object> unit = new LinkedHashMap<>();
        try (PreparedStatement q = c.prepareStatement(
                "SELECT id, number, opened_at, opened_by, lead_worker FROM cases WHERE id = ?")) {
            q.setString(1, caseId);
            try (ResultSet row = q.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Map<String, Object> kase = new LinkedHashMap<>();
                kase.put("id", row.getString(1));
                kase.put("number", row.getString(2));
                kase.put("openedAt", row.getString(3));
                kase.put("openedBy", row.getLong(4));
                long lead = row.getLong(5);
                kase.put("leadWorker", row.wasNull() ? null : lead);
                unit.put("case", kase);
            }
        }
        List<Object> persons = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(
                "SELECT id, role, display_name, aliases, created_at, created_by FROM persons WHERE case_id = ? ORDER BY created_at, id")) {
            q.setString(1, caseId);
            try (ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("id", row.getString(1));
                    p.put("role", row.getString(2));
                    p.put("displayName", row.getString(3));
                    String aliases = row.getString(4);
                    p.put("aliases", aliases == null || aliases.isEmpty() ? List.of() : List.of(aliases.split("\n")));
                    p.put("createdAt", row.getString(5));
                    p.put("createdBy", row.getLong(6));
                    persons.add(p);
                }
            }
        }
        unit.put("persons", persons);
        List<Object> sessions = new ArrayList<>();
        for (String sessionId : sessionIds(c, caseId)) {
            sessions.add(sessionUnit(c, sessionId, format).orElseThrow());
        }
        unit.put("sessions", sessions);
        // The files themselves are covered by their SHA-256: the package carries them beside the seal.
        unit.put("attachments", rows(c, "SELECT id, sha256, size_bytes, media_type, added_at, added_by FROM attachments "
                + "WHERE case_id = ? ORDER BY added_at, id", caseId, "id", "sha256", "size", "mediaType", "addedAt", "addedBy"));
        return Optional.of(unit);
    }

    static List<String> sessionIds(Connection c, String caseId) throws SQLException {
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

    static Optional<Map<String, Object>> sessionUnit(Connection c, String sessionId, long format) throws SQLException {
        Map<String, Object> unit = new LinkedHashMap<>();
        try (PreparedStatement q = c.prepareStatement(
                "SELECT id, case_id, kind, interview_language, started_at, started_by, ended_at FROM case_sessions WHERE id = ?")) {
            q.setString(1, sessionId);
            try (ResultSet row = q.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                unit.put("id", row.getString(1));
                unit.put("caseId", row.getString(2));
                unit.put("kind", row.getString(3));
                unit.put("interviewLanguage", row.getString(4));
                unit.put("startedAt", row.getString(5));
                unit.put("startedBy", row.getLong(6));
                unit.put("endedAt", row.getString(7));
            }
        }
        unit.put("interview", interview(c, sessionId));
        // Forms filled in the session: which form and version, and every answer and non-response.
        unit.put("forms", rows(c, "SELECT id, form_id, form_version, status, started_at, started_by, ended_at "
                + "FROM form_submissions WHERE session_id = ? ORDER BY started_at, id", sessionId,
                "id", "formId", "formVersion", "status", "startedAt", "startedBy", "endedAt"));
        if (format >= 2) {
            List<Object> digests = new ArrayList<>();
            for (Opening o : openings(c, sessionId)) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("submission", o.submission());
                d.put("path", o.path());
                d.put("digest", o.digest());
                digests.add(d);
            }
            unit.put("answers", digests);
            return Optional.of(unit);
        }
        unit.put("answers", rows(c, "SELECT a.submission_id, a.path, a.kind, a.value, a.non_response, a.not_asked_reason, "
                + "a.fact_key, a.answered_at, a.answered_by FROM form_answers a JOIN form_submissions s ON s.id = a.submission_id "
                + "WHERE s.session_id = ? ORDER BY a.submission_id, a.path", sessionId,
                "submission", "path", "kind", "value", "nonResponse", "notAskedReason", "factKey", "answeredAt", "answeredBy"));
        return Optional.of(unit);
    }

    private static Map<String, Object> interview(Connection c, String sessionId) throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        try (PreparedStatement q = c.prepareStatement(
                "SELECT profile_id, profile_version, language, started_at, ended_at, end_reason FROM interviews WHERE session_id = ?")) {
            q.setString(1, sessionId);
            try (ResultSet row = q.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                out.put("profileId", row.getString(1));
                out.put("profileVersion", row.getString(2));
                out.put("language", row.getString(3));
                out.put("startedAt", row.getString(4));
                out.put("endedAt", row.getString(5));
                out.put("endReason", row.getString(6));
            }
        }
        out.put("present", rows(c, "SELECT id, role, name, recorded_at FROM interview_present WHERE session_id = ? ORDER BY recorded_at, id",
                sessionId, "id", "role", "name", "recordedAt"));
        out.put("utterances", rows(c, "SELECT id, kind, text, verbatim, offset_ms, phase, label, rule_id FROM utterances "
                + "WHERE session_id = ? ORDER BY id", sessionId, "id", "kind", "text", "verbatim", "offsetMs", "phase", "label", "ruleId"));
        out.put("events", rows(c, "SELECT id, kind, detail, offset_ms FROM interview_events WHERE session_id = ? ORDER BY id",
                sessionId, "id", "kind", "detail", "offsetMs"));
        List<Map<String, Object>> summary = rows(c, "SELECT summary_json, created_at FROM interview_summaries WHERE session_id = ?",
                sessionId, "summaryJson", "createdAt");
        out.put("summary", summary.isEmpty() ? null : summary.getFirst());
        return out;
    }

    /**
     * A stored value as it was sealed: decrypted with this session's class key. A session without
     * the key cannot rebuild the unit; {@link Restricted} says so instead of calling it altered.
     */
    private static String clear(Connection c, String context, String stored) {
        String clear = org.harbor.vault.ContentKeys.read(c, context, stored);
        if (clear == org.harbor.vault.ContentKeys.RESTRICTED && !org.harbor.vault.ContentKeys.RESTRICTED.equals(stored)) {
            throw new Restricted();
        }
        return clear;
    }

    /** The unit holds content of a class this account may not read (ADR 0011). */
    public static final class Restricted extends RuntimeException {
        public Restricted() {
            super("the unit holds content this account may not read", null, false, false);
        }
    }

    private static List<Map<String, Object>> rows(Connection c, String sql, String id, String... names) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, id);
            try (ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (int i = 0; i < names.length; i++) {
                        Object value = row.getObject(i + 1);
                        m.put(names[i], value instanceof Integer n ? Long.valueOf(n) : value instanceof Number n ? n.longValue() : value);
                    }
                    if (m.get("text") instanceof String text && sql.contains("FROM utterances")) {
                        m.put("text", clear(c, org.harbor.vault.ContentKeys.utteranceContext(id), text));
                    }
                    if (m.get("value") instanceof String value && m.get("submission") instanceof String submission
                            && sql.contains("FROM form_answers")) {
                        m.put("value", clear(c, org.harbor.vault.ContentKeys.answerContext(submission), value));
                    }
                    out.add(m);
                }
            }
        }
        return out;
    }
}
