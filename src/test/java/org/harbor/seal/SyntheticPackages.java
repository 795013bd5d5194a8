package org.harbor.seal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.harbor.crypto.CanonicalJson;
import org.harbor.crypto.Ed25519;
import org.harbor.crypto.Hashes;

/**
 * Verified packages of synthetic cases for the central-store tests, built as a field device builds
 * them: a case unit in the shape of {@code SealUnits}, sealed (canonical JSON, SHA-256, a real
 * Ed25519 signature), a {@code case.json}, an XForm instance and audit lines per case.
 */
public final class SyntheticPackages {

    /** One synthetic case. {@code answers} maps a question path to a value; {@code declined} lists declined paths. */
    public record CaseSpec(String caseId, String number, String survivorName, List<String> aliases, String openedAt,
                           String dateOfBirth, String claimedAge, String treatedAsChild, Map<String, String> answers,
                           List<String> declined, boolean attachment) {

        public static CaseSpec of(String number, String survivorName, String... aliases) {
            return new CaseSpec(UUID.randomUUID().toString(), number, survivorName, List.of(aliases), "2026-03-01T10:00:00Z",
                    null, null, null, Map.of(), List.of(), false);
        }

        public CaseSpec opened(String iso) {
            return new CaseSpec(caseId, number, survivorName, aliases, iso, dateOfBirth, claimedAge, treatedAsChild, answers,
                    declined, attachment);
        }

        public CaseSpec born(String dob) {
            return new CaseSpec(caseId, number, survivorName, aliases, openedAt, dob, claimedAge, treatedAsChild, answers,
                    declined, attachment);
        }

        public CaseSpec age(String claimed) {
            return new CaseSpec(caseId, number, survivorName, aliases, openedAt, dateOfBirth, claimed, treatedAsChild, answers,
                    declined, attachment);
        }

        public CaseSpec child(boolean child) {
            return new CaseSpec(caseId, number, survivorName, aliases, openedAt, dateOfBirth, claimedAge, child ? "yes" : "no",
                    answers, declined, attachment);
        }

        public CaseSpec answers(Map<String, String> more, List<String> declinedPaths) {
            return new CaseSpec(caseId, number, survivorName, aliases, openedAt, dateOfBirth, claimedAge, treatedAsChild, more,
                    declinedPaths, attachment);
        }

        public CaseSpec withAttachment() {
            return new CaseSpec(caseId, number, survivorName, aliases, openedAt, dateOfBirth, claimedAge, treatedAsChild, answers,
                    declined, true);
        }
    }

    /** Answers at these paths carry the fact key the built-in forms give them (for statistics). */
    public static final Map<String, String> FACT_PATHS = Map.of("/data/identity/gender", "survivor.gender",
            "/data/origin/nationality_codes", "survivor.nationality_codes");

    private final Ed25519.SigningKey worker = Ed25519.generate();

    /** A package of these cases from {@code deviceId} with sequence number {@code sequence}. */
    public VerifiedPackage pack(String deviceId, long sequence, List<CaseSpec> cases) {
        return pack(deviceId, sequence, cases, false);
    }

    /** As {@link #pack}, with the last case's seal content cut short of its unit (a record that cannot be filed). */
    public VerifiedPackage packWithBrokenLast(String deviceId, long sequence, List<CaseSpec> cases) {
        return pack(deviceId, sequence, cases, true);
    }

    /** A later package of the device carrying the very same case records as {@code earlier}. */
    public VerifiedPackage again(VerifiedPackage earlier, long sequence) {
        Manifest m = earlier.manifest();
        String packageId = UUID.randomUUID().toString();
        Manifest manifest = new Manifest(packageId, m.deviceId(), sequence, m.createdAt(), m.exporterId(), m.exporterName(),
                m.exporterRole(), m.cases(), m.entries(), m.auditEntries(), m.auditHead(), m.purpose(), m.withheld());
        return new VerifiedPackage(manifest, Hashes.hex(Hashes.sha256(manifest.canonicalBytes())),
                Hashes.hex(Hashes.sha256(packageId.getBytes(StandardCharsets.UTF_8))), earlier.cases());
    }

    private VerifiedPackage pack(String deviceId, long sequence, List<CaseSpec> cases, boolean breakLast) {
        List<VerifiedPackage.VerifiedCase> out = new ArrayList<>();
        List<Manifest.CaseRef> refs = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            CaseSpec spec = cases.get(i);
            refs.add(new Manifest.CaseRef(spec.caseId(), spec.number()));
            out.add(kase(spec, breakLast && i == cases.size() - 1));
        }
        String packageId = UUID.randomUUID().toString();
        Manifest manifest = new Manifest(packageId, deviceId, sequence, "2026-03-02T09:00:00Z", 7, "sam-supervisor", "supervisor",
                refs, Map.of(), 3, "0".repeat(64), "services", List.of());
        String manifestHash = Hashes.hex(Hashes.sha256(manifest.canonicalBytes()));
        return new VerifiedPackage(manifest, manifestHash, Hashes.hex(Hashes.sha256(packageId.getBytes(StandardCharsets.UTF_8))), out);
    }

    private VerifiedPackage.VerifiedCase kase(CaseSpec spec, boolean broken) {
        String caseId = spec.caseId();
        String personId = UUID.randomUUID().toString();
        String sessionId = UUID.randomUUID().toString();
        String submissionId = "s" + UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> kase = new LinkedHashMap<>();
        kase.put("id", caseId);
        kase.put("number", spec.number());
        kase.put("openedAt", spec.openedAt());
        kase.put("openedBy", 7L);
        kase.put("leadWorker", null);
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("id", personId);
        person.put("role", "survivor");
        person.put("displayName", spec.survivorName());
        person.put("aliases", spec.aliases());
        person.put("createdAt", spec.openedAt());
        person.put("createdBy", 7L);
        List<Object> answers = new ArrayList<>();
        Map<String, String[]> facts = new LinkedHashMap<>();
        if (spec.dateOfBirth() != null) {
            facts.put("/data/age/date_of_birth", new String[] {spec.dateOfBirth(), "survivor.date_of_birth"});
        }
        if (spec.claimedAge() != null) {
            facts.put("/data/age/claimed_age", new String[] {spec.claimedAge(), "survivor.claimed_age"});
        }
        if (spec.treatedAsChild() != null) {
            facts.put("/data/assessment/treated_as_child", new String[] {spec.treatedAsChild(), "survivor.treated_as_child"});
        }
        spec.answers().forEach((path, value) -> facts.put(path, new String[] {value, FACT_PATHS.get(path)}));
        facts.forEach((path, v) -> answers.add(answer(submissionId, path, v[0], null, v[1])));
        for (String path : spec.declined()) {
            answers.add(answer(submissionId, path, null, "declined", null));
        }
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("id", submissionId);
        form.put("formId", "harbor-intake");
        form.put("formVersion", "2026030101");
        form.put("status", "complete");
        form.put("startedAt", spec.openedAt());
        form.put("startedBy", 7L);
        form.put("endedAt", spec.openedAt());
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("id", sessionId);
        session.put("caseId", caseId);
        session.put("kind", "intake");
        session.put("interviewLanguage", "en");
        session.put("startedAt", spec.openedAt());
        session.put("startedBy", 7L);
        session.put("endedAt", spec.openedAt());
        session.put("interview", null);
        session.put("forms", List.of(form));
        session.put("answers", answers);
        List<Object> attachments = new ArrayList<>();
        List<VerifiedPackage.AttachmentRef> refs = new ArrayList<>();
        if (spec.attachment()) {
            String sha = Hashes.hex(Hashes.sha256(caseId.getBytes(StandardCharsets.UTF_8)));
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("id", UUID.randomUUID().toString());
            a.put("sha256", sha);
            a.put("size", 1234L);
            a.put("mediaType", "image/png");
            a.put("addedAt", spec.openedAt());
            a.put("addedBy", 7L);
            attachments.add(a);
            refs.add(new VerifiedPackage.AttachmentRef(PackageNames.attachment(caseId, sha), sha, 1234));
        }
        Map<String, Object> unit = new LinkedHashMap<>();
        unit.put("case", kase);
        unit.put("persons", List.of(person));
        unit.put("sessions", List.of(session));
        unit.put("attachments", attachments);
        SealRecord seal = seal(caseId, unit, broken);
        byte[] caseJson = CaseFiles.caseJson(caseId, spec.number(), List.of(seal));
        StringBuilder xml = new StringBuilder("<data id=\"harbor-intake\">");
        spec.answers().forEach((path, value) -> xml.append("<v p=\"").append(path).append("\">").append(value).append("</v>"));
        xml.append("</data>");
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("seq", 1L);
        audit.put("at", spec.openedAt());
        audit.put("actor", "user:7");
        audit.put("action", "case.created");
        audit.put("target", caseId);
        audit.put("details", null);
        audit.put("prevHash", "0".repeat(64));
        audit.put("hash", "1".repeat(64));
        byte[] auditLine = (CanonicalJson.write(audit) + "\n").getBytes(StandardCharsets.UTF_8);
        return new VerifiedPackage.VerifiedCase(caseId, spec.number(), caseJson, List.of(seal),
                Map.of(submissionId, xml.toString().getBytes(StandardCharsets.UTF_8)), auditLine, refs);
    }

    private static Map<String, Object> answer(String submission, String path, String value, String nonResponse, String fact) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("submission", submission);
        a.put("path", path);
        a.put("kind", "text");
        a.put("value", value);
        a.put("nonResponse", nonResponse);
        a.put("notAskedReason", null);
        a.put("factKey", fact);
        a.put("answeredAt", "2026-03-01T10:05:00Z");
        a.put("answeredBy", 7L);
        return a;
    }

    private SealRecord seal(String caseId, Map<String, Object> unit, boolean broken) {
        String id = UUID.randomUUID().toString();
        String now = "2026-03-01T11:00:00Z";
        Map<String, Object> signer = new LinkedHashMap<>();
        signer.put("id", 7L);
        signer.put("name", "sam-supervisor");
        signer.put("role", "supervisor");
        signer.put("keyId", "0011223344556677");
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("format", 1L);
        content.put("sealId", id);
        content.put("kind", "case");
        content.put("caseId", caseId);
        content.put("unitId", caseId);
        content.put("amends", null);
        content.put("reason", null);
        content.put("sealedAt", now);
        content.put("signer", signer);
        content.put("unit", broken ? "cut short" : unit);
        byte[] canonical = CanonicalJson.bytes(content);
        byte[] hash = Hashes.sha256(canonical);
        return new SealRecord(id, caseId, SealKind.CASE, caseId, null, null, new String(canonical, StandardCharsets.UTF_8),
                Hashes.hex(hash), 7, "sam-supervisor", "supervisor", "0011223344556677", worker.publicKey().bytes(),
                worker.sign(hash), now, List.of());
    }
}
