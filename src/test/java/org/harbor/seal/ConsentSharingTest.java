package org.harbor.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.harbor.cases.SessionKind;
import org.harbor.consent.ChildAssent;
import org.harbor.consent.Consent;
import org.harbor.consent.ConsentGrant;
import org.harbor.consent.ConsentPurpose;
import org.harbor.consent.ConsentScope;
import org.harbor.consent.GuardianConsent;
import org.harbor.consent.LawfulBasis;
import org.harbor.crypto.CanonicalJson;
import org.harbor.forms.FormSession;
import org.harbor.i18n.I18n;
import org.harbor.i18n.Refusal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, "Consent governs sharing (R8, R12, R17)": each package is decrypted with the real
 * {@code age} tool and its entries searched for the values that must, or must not, have left.
 * Synthetic data only.
 */
@DisplayName("Consent governs sharing")
class ConsentSharingTest {

    /** Tagged services, law enforcement, national referral, referral and research (intake form). */
    private static final String NATIONALITY = "/data/origin/nationality";
    /** Tagged law enforcement and national referral only (trafficking form). */
    private static final String PROMISED_JOB = "/data/recruitment/promised_job";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    PackageFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new PackageFixture(dir);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    /** A case with a services-tagged answer and a law-enforcement-only answer, not yet sealed, no consent. */
    private String caseWithAnswers(String marker) throws Exception {
        String caseId = f.field.cases().create(f.supervisor, marker + " Survivor", List.of()).id();
        String sessionId = f.field.cases().startSession(f.supervisor, caseId, SessionKind.INTAKE, "en").id();
        FormSession intake = f.field.forms().open(f.supervisor, sessionId, "harbor-intake");
        assertTrue(intake.answer(NATIONALITY, marker + "-NATIONALITY").isSaved());
        FormSession trafficking = f.field.forms().open(f.supervisor, sessionId, "harbor-trafficking");
        assertTrue(trafficking.answer(PROMISED_JOB, marker + "-PROMISEDJOB").isSaved());
        return caseId;
    }

    private Consent consent(String caseId, ConsentPurpose purpose, boolean given) throws Exception {
        ConsentGrant.Builder b = ConsentGrant.builder(ConsentScope.of(purpose)).bySurvivor(false).language("en");
        return f.field.consents().record(f.supervisor, caseId, (given ? b.given() : b.refused()).build());
    }

    private ExportService.Exported export(String caseId, String name) throws Exception {
        return f.export(List.of(caseId), name);
    }

    /** Every entry of the decrypted package as text, for searching. */
    private static String text(Map<String, byte[]> entries) {
        StringBuilder all = new StringBuilder();
        entries.values().forEach(b -> all.append(new String(b, StandardCharsets.UTF_8)).append('\n'));
        return all.toString();
    }

    private static List<String> withheldPaths(Map<String, byte[]> entries) throws Exception {
        JsonNode manifest = JSON.readTree(entries.get("manifest.json"));
        List<String> out = new ArrayList<>();
        manifest.get("withheld").forEach(w -> out.add(w.get("path").asText() + " " + w.get("reasons").toString()));
        return out;
    }

    private void assertRefused(String caseId, String number, String purpose, String reason) {
        Refusal e = assertThrows(Refusal.class, () -> export(caseId, "refused.harbor"));
        assertEquals("export.error.consentMissing", e.key());
        List<Object> args = List.of(e.args());
        assertEquals(number, args.get(0), "the message names the case by its number");
        assertEquals(new Refusal.Term("consent.purpose." + purpose), args.get(1), "and the missing purpose");
        assertEquals(new Refusal.Term("consent.reason." + reason), args.get(2));
        String said = e.describe(new I18n(Locale.ENGLISH));
        assertTrue(said.contains(number), said);
        assertFalse(said.contains("consent.purpose.") || said.contains("consent.reason."), "purpose and reason in words: " + said);
        assertFalse(said.contains("Survivor"), "never a person's name");
        assertFalse(Files.exists(dir.resolve("out/refused.harbor")));
    }

    private String number(String caseId) throws Exception {
        return f.field.cases().open(f.supervisor, caseId).orElseThrow().summary().number();
    }

    @Test
    @DisplayName("(a) a case with no consent recorded does not leave; the refusal names its number and the purpose")
    void noConsent() throws Exception {
        String caseId = caseWithAnswers("CANARYshare01");
        f.field.seals().sealCase(f.supervisor, caseId);
        assertRefused(caseId, number(caseId), "services", "no_consent");
        assertEquals(List.of(), f.field.exports().stalePackages(f.supervisor));
    }

    @Test
    @DisplayName("(b) research refused but services given: the case leaves; values with no consented purpose are withheld and listed")
    void researchRefusedServicesGiven() throws Exception {
        String caseId = caseWithAnswers("CANARYshare02");
        consent(caseId, ConsentPurpose.SERVICES, true);
        consent(caseId, ConsentPurpose.RESEARCH, false);
        f.field.seals().sealCase(f.supervisor, caseId);
        ExportService.Exported exported = export(caseId, "b.harbor");
        assertEquals(1, exported.withheldFields());

        Map<String, byte[]> entries = f.decryptWithAge(exported.file());
        String all = text(entries);
        assertTrue(all.contains("CANARYshare02-NATIONALITY"), "a services value goes out although research was refused");
        assertFalse(all.contains("CANARYshare02-PROMISEDJOB"), "a law-enforcement-only value has no consent: left out");
        assertEquals(List.of(PROMISED_JOB + " [\"law_enforcement:no_consent\",\"national_referral:no_consent\"]"),
                withheldPaths(entries));
        assertEquals("services", JSON.readTree(entries.get("manifest.json")).get("purpose").asText());

        // The central office verifies what is present and reads the withheld field as withheld, not altered.
        ImportService.ImportResult imported = f.central.imports().importPackage(f.office, exported.file(), ExportListener.SILENT);
        assertTrue(imported.custodyReport().contains("withheld (no consent for sharing, not altered): " + PROMISED_JOB),
                imported.custodyReport());
        assertTrue(imported.custodyReport().contains("signature valid"));
        assertFalse(imported.custodyReport().contains("INVALID"));
    }

    @Test
    @DisplayName("(b) research refused: a package for research is refused, naming the case and research")
    void researchPackageRefused() throws Exception {
        String caseId = caseWithAnswers("CANARYshare03");
        consent(caseId, ConsentPurpose.SERVICES, true);
        consent(caseId, ConsentPurpose.RESEARCH, false);
        f.field.seals().sealCase(f.supervisor, caseId);
        Refusal e = assertThrows(Refusal.class, () -> f.field.exports().export(f.supervisor, List.of(caseId),
                ConsentPurpose.RESEARCH, dir.resolve("out/r.harbor"), ExportListener.SILENT));
        assertEquals(List.of(number(caseId), new Refusal.Term("consent.purpose.research"), new Refusal.Term("consent.reason.refused")),
                List.of(e.args()));
    }

    @Test
    @DisplayName("(c) a child's assent \"no\" blocks services like a refusal; a recorded lawful basis lets the case leave, "
            + "and law enforcement, which does not need assent, rests on the guardian's consent")
    void assentNo() throws Exception {
        String caseId = caseWithAnswers("CANARYshare04");
        for (ConsentPurpose p : List.of(ConsentPurpose.SERVICES, ConsentPurpose.LAW_ENFORCEMENT)) {
            f.field.consents().record(f.supervisor, caseId, ConsentGrant.builder(ConsentScope.of(p)).bySurvivor(true)
                    .childAssent(ChildAssent.NO).guardian(GuardianConsent.consenting("Guardian G")).language("es").build());
        }
        f.field.seals().sealCase(f.supervisor, caseId);
        assertRefused(caseId, number(caseId), "services", "child_said_no");

        f.field.consents().recordLawfulBasis(f.supervisor, caseId, ConsentScope.of(ConsentPurpose.SERVICES),
                LawfulBasis.CHILD_PROTECTION, "Child-protection referral under the local safeguarding procedure");
        ExportService.Exported exported = export(caseId, "c.harbor");
        String all = text(f.decryptWithAge(exported.file()));
        assertTrue(all.contains("CANARYshare04-NATIONALITY"));
        assertTrue(all.contains("CANARYshare04-PROMISEDJOB"), "law enforcement does not need assent: the guardian's consent counts");
        assertEquals(0, exported.withheldFields());
    }

    @Test
    @DisplayName("(d) an implicated guardian's consent never counts: the case does not leave until an authority consents")
    void implicatedGuardianOnly() throws Exception {
        String caseId = caseWithAnswers("CANARYshare05");
        f.field.consents().record(f.supervisor, caseId, ConsentGrant.builder(ConsentScope.of(ConsentPurpose.SERVICES))
                .bySurvivor(true).childAssent(ChildAssent.YES)
                .guardian(GuardianConsent.excluded("Guardian H", "may be involved")).language("en").build());
        f.field.consents().record(f.supervisor, caseId, ConsentGrant.builder(ConsentScope.of(ConsentPurpose.LAW_ENFORCEMENT))
                .bySurvivor(true).childAssent(ChildAssent.YES)
                .guardian(GuardianConsent.excluded("Guardian H", "may be involved")).language("en").build());
        f.field.seals().sealCase(f.supervisor, caseId);
        assertRefused(caseId, number(caseId), "services", "guardian_excluded");

        f.field.consents().record(f.supervisor, caseId, ConsentGrant.builder(ConsentScope.of(ConsentPurpose.SERVICES))
                .bySurvivor(true).childAssent(ChildAssent.YES).guardian(GuardianConsent.excluded("Guardian H", "may be involved"))
                .authority("Officer on duty, child-protection service").language("en").build());
        Map<String, byte[]> entries = f.decryptWithAge(export(caseId, "d.harbor").file());
        String all = text(entries);
        assertTrue(all.contains("CANARYshare05-NATIONALITY"), "an independent authority's consent lets services values go");
        assertFalse(all.contains("CANARYshare05-PROMISEDJOB"), "law enforcement still rests on the excluded guardian only");
        assertEquals(List.of(PROMISED_JOB + " [\"law_enforcement:guardian_excluded\",\"national_referral:no_consent\"]"),
                withheldPaths(entries));
    }

    @Test
    @DisplayName("the sharing of many cases asked at once (as an export asks it) is each case's own: consents, revocations, assent, lawful bases, none")
    void sharingOfManyAtOnce() throws Exception {
        String plain = caseWithAnswers("CANARYshare11");
        consent(plain, ConsentPurpose.SERVICES, true);
        String revoked = caseWithAnswers("CANARYshare12");
        consent(revoked, ConsentPurpose.SERVICES, true);
        f.field.consents().revoke(f.supervisor, consent(revoked, ConsentPurpose.LAW_ENFORCEMENT, true).id(), "withdrawn");
        String assentNo = caseWithAnswers("CANARYshare13");
        f.field.consents().record(f.supervisor, assentNo, ConsentGrant.builder(ConsentScope.of(ConsentPurpose.SERVICES)).bySurvivor(true)
                .childAssent(ChildAssent.NO).guardian(GuardianConsent.consenting("Guardian K")).language("es").build());
        f.field.consents().recordLawfulBasis(f.supervisor, assentNo, ConsentScope.of(ConsentPurpose.SERVICES),
                LawfulBasis.CHILD_PROTECTION, "Child-protection referral under the local safeguarding procedure");
        String none = caseWithAnswers("CANARYshare14");
        List<String> ids = List.of(none, assentNo, plain, revoked);
        ConsentExport check = new ConsentExport(f.field.consents());
        Map<String, org.harbor.consent.Sharing> many = f.field.vault().transaction(c -> check.sharing(c, ids));
        assertEquals(ids, List.copyOf(many.keySet()), "in the order asked");
        for (String id : ids) {
            assertEquals(f.field.vault().transaction(c -> check.sharing(c, id)), many.get(id), id);
        }
        assertFalse(many.get(plain).equals(many.get(revoked)), "the revocation is seen");
        assertFalse(many.get(none).equals(many.get(assentNo)), "the lawful basis and the assent are seen");
    }

    @Test
    @DisplayName("(e) a revocation after sealing flags the written package and the next export withholds, then refuses")
    void revocationAfterSealing() throws Exception {
        String caseId = caseWithAnswers("CANARYshare06");
        consent(caseId, ConsentPurpose.SERVICES, true);
        Consent police = consent(caseId, ConsentPurpose.LAW_ENFORCEMENT, true);
        f.field.seals().sealCase(f.supervisor, caseId);
        ExportService.Exported first = export(caseId, "e1.harbor");
        assertTrue(text(f.decryptWithAge(first.file())).contains("CANARYshare06-PROMISEDJOB"));
        assertEquals(List.of(), f.field.exports().stalePackages(f.supervisor));

        f.clock.advance(java.time.Duration.ofMinutes(5));
        f.field.consents().revoke(f.supervisor, police.id(), "changed their mind");
        assertEquals(List.of(first.packageId()), f.field.exports().stalePackages(f.supervisor),
                "the package written before the revocation is flagged: it must not be sent");

        ExportService.Exported second = export(caseId, "e2.harbor");
        Map<String, byte[]> entries = f.decryptWithAge(second.file());
        String all = text(entries);
        assertTrue(all.contains("CANARYshare06-NATIONALITY"));
        assertFalse(all.contains("CANARYshare06-PROMISEDJOB"), "the rebuilt package leaves the revoked value out");
        assertEquals(List.of(PROMISED_JOB + " [\"law_enforcement:revoked\",\"national_referral:no_consent\"]"),
                withheldPaths(entries));

        Consent services = f.field.consents().list(f.supervisor, caseId).stream()
                .filter(k -> k.scope().purpose() == ConsentPurpose.SERVICES).findFirst().orElseThrow();
        f.clock.advance(java.time.Duration.ofMinutes(5));
        f.field.consents().revoke(f.supervisor, services.id(), "does not want the office to have it");
        assertRefused(caseId, number(caseId), "services", "revoked");
    }

    @Nested
    @DisplayName("a withheld answer cannot be put back into a package, even by the holder of the device key")
    class Tamper {

        private String caseId;
        private Map<String, byte[]> entries;
        private SealUnits.Opening withheld;

        @BeforeEach
        void export() throws Exception {
            caseId = caseWithAnswers("CANARYshare08");
            consent(caseId, ConsentPurpose.SERVICES, true);
            f.field.seals().sealCase(f.supervisor, caseId);
            entries = f.decryptWithAge(ConsentSharingTest.this.export(caseId, "t.harbor").file());
            withheld = f.field.vault().transaction(c -> SealUnits.caseOpenings(c, caseId)).stream()
                    .filter(o -> o.path().equals(PROMISED_JOB)).findFirst().orElseThrow();
        }

        /** Re-signs a changed package as the device would, and reads it as the central office does. */
        private String read(java.util.function.UnaryOperator<Map<String, Object>> caseJson,
                            java.util.function.UnaryOperator<Map<String, Object>> manifest) throws Exception {
            String name = PackageNames.caseJson(caseId);
            @SuppressWarnings("unchecked")
            Map<String, Object> kase = (Map<String, Object>) CanonicalJson.parse(entries.get(name), 64);
            byte[] changed = CanonicalJson.bytes(caseJson.apply(new java.util.LinkedHashMap<>(kase)));
            @SuppressWarnings("unchecked")
            Map<String, Object> m = new java.util.LinkedHashMap<>((Map<String, Object>) CanonicalJson.parse(entries.get("manifest.json"), 64));
            @SuppressWarnings("unchecked")
            Map<String, Object> listed = new java.util.LinkedHashMap<>((Map<String, Object>) m.get("entries"));
            listed.put(name, Map.of("sha256", org.harbor.crypto.Hashes.hex(org.harbor.crypto.Hashes.sha256(changed)),
                    "size", (long) changed.length));
            m.put("entries", listed);
            byte[] manifestBytes = CanonicalJson.bytes(manifest.apply(m));
            String now = f.clock.instant().toString();
            org.harbor.crypto.Minisign.PublicKey key = f.field.vault().transaction(c -> org.harbor.accounts.SigningKeys.vaultKey(c,
                    org.harbor.accounts.SigningKeys.Purpose.DEVICE, now));
            byte[] signature;
            try (org.harbor.crypto.Ed25519.SigningKey device = f.field.vault().transaction(c -> org.harbor.accounts.SigningKeys.open(c, key))) {
                signature = device.sign(manifestBytes);
            }
            java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
            try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(zip)) {
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    byte[] bytes = e.getKey().equals("manifest.json") ? manifestBytes
                            : e.getKey().equals("manifest.sig") ? java.util.Base64.getEncoder().encode(signature)
                            : e.getKey().equals(name) ? changed : e.getValue();
                    out.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                    out.write(bytes);
                    out.closeEntry();
                }
            }
            try {
                PackageReader.read(new java.io.ByteArrayInputStream(zip.toByteArray()), key.keyIdHex(), key.key(), PackageLimits.DEFAULT);
                return "accepted";
            } catch (PackageReader.Malformed e) {
                return e.getMessage();
            }
        }

        private Map<String, Object> opening(String value) {
            Map<String, Object> answer = new java.util.LinkedHashMap<>(withheld.answer());
            answer.put("value", value);
            Map<String, Object> o = new java.util.LinkedHashMap<>();
            o.put("submission", withheld.submission());
            o.put("path", withheld.path());
            o.put("salt", org.harbor.crypto.Hashes.hex(withheld.salt()));
            o.put("answer", answer);
            o.put("under", List.of("law_enforcement"));
            return o;
        }

        private Map<String, Object> addAnswer(Map<String, Object> kase, Map<String, Object> opening) {
            List<Object> answers = new ArrayList<>((List<?>) kase.get("answers"));
            answers.add(opening);
            kase.put("answers", answers);
            return kase;
        }

        private Map<String, Object> unlist(Map<String, Object> m) {
            m.put("withheld", List.of());
            return m;
        }

        @Test
        @DisplayName("the package as written reads, and only re-signing it is what the tests below change")
        void asWritten() throws Exception {
            assertEquals("accepted", read(k -> k, m -> m));
        }

        @Test
        @DisplayName("the true value, still listed as withheld: refused")
        void listedAndCarried() throws Exception {
            assertEquals("an answer listed as withheld is carried",
                    read(k -> addAnswer(k, opening((String) withheld.answer().get("value"))), m -> m));
        }

        @Test
        @DisplayName("another value, no longer listed: it does not match the seal")
        void forged() throws Exception {
            assertEquals("a carried answer does not match its seal", read(k -> addAnswer(k, opening("CANARYshare08-FORGED")), this::unlist));
        }

        @Test
        @DisplayName("dropped from the withheld list without being carried: refused")
        void silentlyDropped() throws Exception {
            assertEquals("a sealed answer is neither carried nor listed as withheld", read(k -> k, this::unlist));
        }
    }

    @Nested
    @DisplayName("the check runs inside the export's writing transaction")
    class InTransaction {

        @Test
        @DisplayName("a consent revoked while the package is being written stops it: nothing is released or marked exported")
        void revokedWhileWriting() throws Exception {
            String caseId = caseWithAnswers("CANARYshare07");
            Consent services = consent(caseId, ConsentPurpose.SERVICES, true);
            f.field.seals().sealCase(f.supervisor, caseId);
            ExportListener revoking = new ExportListener() {
                private boolean done;

                @Override
                public boolean cancelled() {
                    if (!done) {
                        done = true;
                        try {
                            f.field.consents().revoke(f.supervisor, services.id(), "withdrawn during the export");
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    return false;
                }
            };
            Refusal e = assertThrows(Refusal.class, () -> f.field.exports().export(f.supervisor, List.of(caseId),
                    dir.resolve("out/t.harbor"), revoking));
            assertEquals("export.error.consentChanged", e.key());
            assertFalse(Files.exists(dir.resolve("out/t.harbor")));
            try (var files = Files.list(dir.resolve("out"))) {
                assertEquals(List.of(), files.toList(), "no temporary file is left");
            }
            assertEquals("sealed", f.field.cases().open(f.supervisor, caseId).orElseThrow().summary().status().code());
        }
    }
}
