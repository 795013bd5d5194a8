package org.harbor.central;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.harbor.seal.SealKind;
import org.harbor.seal.SealRecord;
import org.harbor.seal.VerifiedPackage;

/**
 * The relational rows of one case, read from the same verified package the import checked: the
 * case seal's content (case, persons, sessions with their forms and answers, attachments) — the
 * very record the field device sealed — plus the XForm instances and audit lines beside it.
 */
final class CaseContent {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Person(String id, String role, String name, List<String> aliases) {
    }

    record Session(String id, String kind, String language, String startedAt, String endedAt, String interviewJson) {
    }

    record Submission(String id, String sessionId, String formId, String formVersion, String status, String startedAt,
                      String endedAt) {
    }

    record Answer(String submissionId, String path, String kind, String value, String nonResponse, String notAskedReason,
                  String factKey, String answeredAt) {
    }

    record Attachment(String id, String sha256, long size, String mediaType, String addedAt) {
    }

    final String openedAt;
    final String sealedAt;
    final List<Person> persons = new ArrayList<>();
    final List<Session> sessions = new ArrayList<>();
    final List<Submission> submissions = new ArrayList<>();
    final List<Answer> answers = new ArrayList<>();
    final List<Attachment> attachments = new ArrayList<>();

    private CaseContent(String openedAt, String sealedAt) {
        this.openedAt = openedAt;
        this.sealedAt = sealedAt;
    }

    /** @throws CentralException naming what is missing, never content */
    static CaseContent of(VerifiedPackage.VerifiedCase kase) {
        SealRecord caseSeal = kase.seals().stream()
                .filter(s -> s.kind() == SealKind.CASE && s.unitId().equals(kase.caseId())).findFirst()
                .orElseThrow(() -> malformed("a case has no case seal"));
        try {
            Map<?, ?> content = map(JSON.readValue(caseSeal.content(), Map.class), "seal content");
            Map<?, ?> unit = map(content.get("unit"), "seal unit");
            Map<?, ?> c = map(unit.get("case"), "case");
            if (!kase.caseId().equals(c.get("id"))) {
                throw malformed("the case seal covers another case");
            }
            Map<String, Map<?, ?>> carried = carriedAnswers(kase.caseJson());
            CaseContent out = new CaseContent(Times.normalize(text(c.get("openedAt"))), Times.normalize(caseSeal.sealedAt()));
            for (Object o : list(unit.get("persons"), "persons")) {
                Map<?, ?> p = map(o, "person");
                List<String> aliases = new ArrayList<>();
                for (Object a : list(p.get("aliases"), "aliases")) {
                    aliases.add(required(a, "alias"));
                }
                out.persons.add(new Person(required(p.get("id"), "person id"), required(p.get("role"), "role"),
                        required(p.get("displayName"), "name"), aliases));
            }
            for (Object o : list(unit.get("sessions"), "sessions")) {
                Map<?, ?> s = map(o, "session");
                String sessionId = required(s.get("id"), "session id");
                Object interview = s.get("interview");
                out.sessions.add(new Session(sessionId, required(s.get("kind"), "session kind"), text(s.get("interviewLanguage")),
                        Times.normalize(text(s.get("startedAt"))), Times.normalize(text(s.get("endedAt"))),
                        interview == null ? null : JSON.writeValueAsString(interview)));
                for (Object f : list(s.get("forms"), "forms")) {
                    Map<?, ?> m = map(f, "form");
                    out.submissions.add(new Submission(required(m.get("id"), "submission id"), sessionId,
                            required(m.get("formId"), "form id"), text(m.get("formVersion")), text(m.get("status")),
                            Times.normalize(text(m.get("startedAt"))), Times.normalize(text(m.get("endedAt")))));
                }
                for (Object a : list(s.get("answers"), "answers")) {
                    Map<?, ?> m = map(a, "answer");
                    if (m.containsKey("digest")) {
                        // Seal format 2 (ADR 0009): the seal holds a digest; the answer itself travels in
                        // case.json, already checked against it by the import. A withheld answer is absent.
                        m = carried.get(required(m.get("submission"), "answer submission") + "|" + required(m.get("path"), "path"));
                        if (m == null) {
                            continue;
                        }
                    }
                    out.answers.add(new Answer(required(m.get("submission"), "answer submission"), required(m.get("path"), "path"),
                            text(m.get("kind")), text(m.get("value")), text(m.get("nonResponse")), text(m.get("notAskedReason")),
                            text(m.get("factKey")), Times.normalize(text(m.get("answeredAt")))));
                }
            }
            for (Object o : list(unit.get("attachments"), "attachments")) {
                Map<?, ?> m = map(o, "attachment");
                Object size = m.get("size");
                out.attachments.add(new Attachment(required(m.get("id"), "attachment id"), required(m.get("sha256"), "sha256"),
                        size instanceof Number n ? n.longValue() : 0, text(m.get("mediaType")), Times.normalize(text(m.get("addedAt")))));
            }
            return out;
        } catch (java.io.IOException e) {
            throw malformed("a case seal's content is not JSON");
        }
    }

    /** The answers a format-2 {@code case.json} carries, by submission and path; empty for format 1. */
    private static Map<String, Map<?, ?>> carriedAnswers(byte[] caseJson) throws java.io.IOException {
        Map<String, Map<?, ?>> out = new java.util.HashMap<>();
        if (caseJson == null) {
            return out;
        }
        Map<?, ?> doc = map(JSON.readValue(caseJson, Map.class), "case.json");
        Object answers = doc.get("answers");
        if (answers == null) {
            return out;
        }
        for (Object o : list(answers, "answers")) {
            Map<?, ?> a = map(o, "answer");
            out.put(required(a.get("submission"), "answer submission") + "|" + required(a.get("path"), "path"),
                    map(a.get("answer"), "answer"));
        }
        return out;
    }

    /** The first survivor of the case, if any. */
    Person survivor() {
        return persons.stream().filter(p -> "survivor".equals(p.role())).findFirst().orElse(null);
    }

    /** The latest value of a fact among the answers (by answer time). */
    String fact(String key) {
        Answer best = null;
        for (Answer a : answers) {
            if (key.equals(a.factKey()) && a.value() != null && !a.value().isBlank()
                    && (best == null || String.valueOf(a.answeredAt()).compareTo(String.valueOf(best.answeredAt())) > 0)) {
                best = a;
            }
        }
        return best == null ? null : best.value();
    }

    Boolean treatedAsChild() {
        String v = fact("survivor.treated_as_child");
        return "yes".equals(v) ? Boolean.TRUE : "no".equals(v) ? Boolean.FALSE : null;
    }

    /** The birth year from the date of birth, if one was given. */
    Integer birthYear() {
        String dob = fact("survivor.date_of_birth");
        if (dob != null && dob.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
            return Integer.parseInt(dob.substring(0, 4));
        }
        return null;
    }

    /** The age band of the claimed age, else of the assessed minimum. */
    String ageBand() {
        for (String key : new String[] {"survivor.claimed_age", "survivor.assessed_age_min"}) {
            String v = fact(key);
            if (v != null && v.matches("\\d{1,3}")) {
                return band(Integer.parseInt(v));
            }
        }
        return null;
    }

    /** The age bands the Counter Trafficking Data Collaborative publishes (0–8, 9–17, 18–20, … 48+). */
    static String band(int age) {
        int[] upper = {8, 17, 20, 23, 26, 29, 38, 47};
        int lower = 0;
        for (int u : upper) {
            if (age <= u) {
                return lower + "-" + u;
            }
            lower = u + 1;
        }
        return "48+";
    }

    private static CentralException malformed(String what) {
        return new CentralException("central.error.malformed", "the package's case record cannot be filed: " + what);
    }

    private static Map<?, ?> map(Object o, String what) {
        if (o instanceof Map<?, ?> m) {
            return m;
        }
        throw malformed(what + " is missing or not an object");
    }

    private static List<?> list(Object o, String what) {
        if (o == null) {
            return List.of();
        }
        if (o instanceof List<?> l) {
            return l;
        }
        throw malformed(what + " is not a list");
    }

    private static String text(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    private static String required(Object o, String what) {
        if (o instanceof String s && !s.isEmpty()) {
            return s;
        }
        throw malformed(what + " is missing");
    }
}
