package org.harbor.seal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.harbor.attachments.AttachmentRecords;
import org.harbor.cases.CaseRecords;
import org.harbor.crypto.CanonicalJson;
import org.harbor.forms.FormRecords;
import org.harbor.interview.session.InterviewTables;

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
        for (FormRecords.AnswerRow row : FormRecords.answersOfSession(c, sessionId)) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("submission", row.submission());
            a.put("path", row.path());
            a.put("kind", row.kind());
            a.put("value", clear(c, org.harbor.vault.ContentKeys.answerContext(row.submission()), row.storedValue()));
            a.put("nonResponse", row.nonResponse());
            a.put("notAskedReason", row.notAskedReason());
            a.put("factKey", row.factKey());
            a.put("answeredAt", row.answeredAt());
            a.put("answeredBy", row.answeredBy());
            a.put("purposes", row.purposes());
            byte[] salt = row.salt();
            if (salt == null || salt.length < 16) {
                throw new IllegalStateException("a form answer has no salt; the vault's migration 0011 did not run");
            }
            out.add(new Opening(row.submission(), row.path(), salt, a));
        }
        return out;
    }

    static Optional<Map<String, Object>> caseUnit(Connection c, String caseId, long format) throws SQLException {
        Optional<CaseRecords.CaseRow> found = CaseRecords.caseRow(c, caseId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CaseRecords.CaseRow row = found.get();
        Map<String, Object> unit = new LinkedHashMap<>();
        Map<String, Object> kase = new LinkedHashMap<>();
        kase.put("id", row.id());
        kase.put("number", row.number());
        kase.put("openedAt", row.openedAt());
        kase.put("openedBy", row.openedBy());
        kase.put("leadWorker", row.leadWorker());
        unit.put("case", kase);
        List<Object> persons = new ArrayList<>();
        for (CaseRecords.PersonRow person : CaseRecords.persons(c, caseId)) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", person.id());
            p.put("role", person.role());
            p.put("displayName", person.displayName());
            String aliases = person.aliases();
            p.put("aliases", aliases == null || aliases.isEmpty() ? List.of() : List.of(aliases.split("\n")));
            p.put("createdAt", person.createdAt());
            p.put("createdBy", person.createdBy());
            persons.add(p);
        }
        unit.put("persons", persons);
        List<Object> sessions = new ArrayList<>();
        for (String sessionId : sessionIds(c, caseId)) {
            sessions.add(sessionUnit(c, sessionId, format).orElseThrow());
        }
        unit.put("sessions", sessions);
        // The files themselves are covered by their SHA-256: the package carries them beside the seal.
        List<Object> attachments = new ArrayList<>();
        for (AttachmentRecords.SealedRow a : AttachmentRecords.ofCase(c, caseId)) {
            attachments.add(map("id", a.id(), "sha256", a.sha256(), "size", a.sizeBytes(), "mediaType", a.mediaType(),
                    "addedAt", a.addedAt(), "addedBy", a.addedBy()));
        }
        unit.put("attachments", attachments);
        // The safety actions and mandatory reports (issue 14), only when the case has any: a case
        // without them reads as it did before they existed, so older seals still verify.
        for (Map.Entry<String, List<Map<String, Object>>> e : org.harbor.safety.SafetyRecords.sealed(c, caseId).entrySet()) {
            if (!e.getValue().isEmpty()) {
                unit.put(e.getKey(), new ArrayList<Object>(e.getValue()));
            }
        }
        return Optional.of(unit);
    }

    static List<String> sessionIds(Connection c, String caseId) throws SQLException {
        return CaseRecords.sessionIds(c, caseId);
    }

    static Optional<Map<String, Object>> sessionUnit(Connection c, String sessionId, long format) throws SQLException {
        Optional<CaseRecords.SessionRow> found = CaseRecords.session(c, sessionId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CaseRecords.SessionRow row = found.get();
        Map<String, Object> unit = new LinkedHashMap<>();
        unit.put("id", row.id());
        unit.put("caseId", row.caseId());
        unit.put("kind", row.kind());
        unit.put("interviewLanguage", row.interviewLanguage());
        unit.put("startedAt", row.startedAt());
        unit.put("startedBy", row.startedBy());
        unit.put("endedAt", row.endedAt());
        unit.put("interview", interview(c, sessionId));
        // Forms filled in the session: which form and version, and every answer and non-response.
        List<Object> forms = new ArrayList<>();
        for (FormRecords.SubmissionRow f : FormRecords.submissionsOfSession(c, sessionId)) {
            forms.add(map("id", f.id(), "formId", f.formId(), "formVersion", f.formVersion(), "status", f.status(),
                    "startedAt", f.startedAt(), "startedBy", f.startedBy(), "endedAt", f.endedAt()));
        }
        unit.put("forms", forms);
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
        // Format 1: the answers themselves, without salt or purposes.
        List<Object> answers = new ArrayList<>();
        for (FormRecords.AnswerRow a : FormRecords.answersOfSession(c, sessionId)) {
            String value = a.storedValue() == null ? null
                    : clear(c, org.harbor.vault.ContentKeys.answerContext(a.submission()), a.storedValue());
            answers.add(map("submission", a.submission(), "path", a.path(), "kind", a.kind(), "value", value,
                    "nonResponse", a.nonResponse(), "notAskedReason", a.notAskedReason(), "factKey", a.factKey(),
                    "answeredAt", a.answeredAt(), "answeredBy", a.answeredBy()));
        }
        unit.put("answers", answers);
        return Optional.of(unit);
    }

    private static Map<String, Object> interview(Connection c, String sessionId) throws SQLException {
        Optional<InterviewTables.InterviewRow> found = InterviewTables.interview(c, sessionId);
        if (found.isEmpty()) {
            return null;
        }
        InterviewTables.InterviewRow row = found.get();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("profileId", row.profileId());
        out.put("profileVersion", row.profileVersion());
        out.put("language", row.language());
        out.put("startedAt", row.startedAt());
        out.put("endedAt", row.endedAt());
        out.put("endReason", row.endReason());
        List<Object> present = new ArrayList<>();
        for (InterviewTables.PresentRow p : InterviewTables.present(c, sessionId)) {
            present.add(map("id", p.id(), "role", p.role(), "name", p.name(), "recordedAt", p.recordedAt()));
        }
        out.put("present", present);
        List<Object> utterances = new ArrayList<>();
        for (InterviewTables.UtteranceRow u : InterviewTables.utterances(c, sessionId)) {
            String text = u.storedText() == null ? null
                    : clear(c, org.harbor.vault.ContentKeys.utteranceContext(sessionId), u.storedText());
            utterances.add(map("id", u.id(), "kind", u.kind(), "text", text, "verbatim", u.verbatim(), "offsetMs", u.offsetMs(),
                    "phase", u.phase(), "label", u.label(), "ruleId", u.ruleId()));
        }
        out.put("utterances", utterances);
        List<Object> events = new ArrayList<>();
        for (InterviewTables.EventRow e : InterviewTables.events(c, sessionId)) {
            events.add(map("id", e.id(), "kind", e.kind(), "detail", e.detail(), "offsetMs", e.offsetMs()));
        }
        out.put("events", events);
        out.put("summary", InterviewTables.summary(c, sessionId)
                .map(s -> (Object) map("summaryJson", s.summaryJson(), "createdAt", s.createdAt())).orElse(null));
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

    /** An insertion-ordered map of name-value pairs; values may be null. */
    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
