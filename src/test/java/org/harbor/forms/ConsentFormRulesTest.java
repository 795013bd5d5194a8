package org.harbor.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.harbor.Harbor;
import org.harbor.accounts.Session;
import org.harbor.cases.SessionKind;
import org.harbor.consent.ChildAssent;
import org.harbor.consent.ConsentGrant;
import org.harbor.consent.ConsentPurpose;
import org.harbor.consent.ConsentScope;
import org.harbor.consent.GuardianConsent;
import org.harbor.consent.LawfulBasis;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.harbor.vault.VaultKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12, consent in the built-in forms: real vault, real JavaRosa forms, synthetic data. */
@DisplayName("Consent in the forms")
class ConsentFormRulesTest {

    @TempDir
    Path dir;
    Harbor harbor;
    Session supervisor;
    String caseId;
    String sessionId;

    @BeforeEach
    void setUp() throws Exception {
        harbor = TestVaults.open(dir, MutableClock.atStart());
        supervisor = harbor.accounts().setUp(VaultKind.FIELD, TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE).session();
        caseId = harbor.cases().create(supervisor, "Synthetic Person", List.of()).id();
        sessionId = harbor.cases().startSession(supervisor, caseId, SessionKind.INTAKE, "en").id();
    }

    @AfterEach
    void tearDown() {
        harbor.close();
    }

    @Nested
    @DisplayName("the \"I have explained this\" acknowledgement and consent decisions do not offer the non-response choices")
    class NoNonResponse {

        private static final List<String> NOT_QUESTIONS_TO_THE_PERSON = List.of("/data/intro/intro_ack",
                "/data/purposes/consent_services", "/data/purposes/consent_law_enforcement",
                "/data/purposes/consent_national_referral", "/data/purposes/consent_research",
                "/data/purposes/consent_recording", "/data/closing/closing_ack");

        @Test
        @DisplayName("the page offers none, and the service refuses one")
        void consentForm() throws Exception {
            FormSession form = harbor.forms().open(supervisor, sessionId, "harbor-consent");
            PageQuestion ack = form.page().questions().stream().filter(q -> q.id().equals("/data/intro/intro_ack"))
                    .findFirst().orElseThrow();
            assertFalse(ack.offersNonResponse());
            for (String path : NOT_QUESTIONS_TO_THE_PERSON) {
                for (NonResponse kind : List.of(NonResponse.DECLINED, NonResponse.DONT_KNOW)) {
                    assertThrows(IllegalArgumentException.class, () -> form.markNonResponse(path, kind, null), path);
                }
                assertThrows(IllegalArgumentException.class,
                        () -> form.markNonResponse(path, NonResponse.NOT_ASKED, NotAskedReason.OUT_OF_TIME), path);
            }
            assertEquals(List.of(), harbor.forms().answers(supervisor, form.submissionId()).stream()
                    .filter(a -> a.nonResponse() != null).toList());
        }

        @Test
        @DisplayName("a question put to the person still offers them")
        void otherQuestionsKeepThem() throws Exception {
            FormSession form = harbor.forms().open(supervisor, sessionId, "harbor-consent");
            form.markNonResponse("/data/how/interpreter_used", NonResponse.DONT_KNOW, null);
            assertEquals(NonResponse.DONT_KNOW, harbor.forms().answers(supervisor, form.submissionId()).stream()
                    .filter(a -> a.path().equals("/data/how/interpreter_used")).findFirst().orElseThrow().nonResponse());
        }
    }

    @Test
    @DisplayName("the script does not overpromise confidentiality: the central office and, where the law requires, the authorities may receive it")
    void scriptNamesWhoReceivesIt() throws Exception {
        String[][] expected = {{"en", "central office", "the law", "authorities"}, {"es", "oficina central", "la ley", "autoridades"},
            {"ar", "مكتبنا المركزي", "القانون", "السلطات"}};
        for (String[] lang : expected) {
            harbor.i18n().use(java.util.Locale.of(lang[0]));
            String sid = harbor.cases().startSession(supervisor, caseId, SessionKind.INTAKE, lang[0]).id();
            FormSession form = harbor.forms().open(supervisor, sid, "harbor-consent");
            String script = form.page().questions().stream().filter(q -> q.id().equals("/data/intro/intro_confidential"))
                    .findFirst().orElseThrow().text();
            for (int i = 1; i < lang.length; i++) {
                assertTrue(script.contains(lang[i]), lang[0] + ": " + script);
            }
            assertFalse(script.contains("Only the people") || script.contains("Solo las personas") || script.contains("ولا يراه إلا"),
                    "no promise that only the helpers see it");
        }
    }

    @Nested
    @DisplayName("the referral form's consent question is checked against the recorded consents")
    class ReferralConsent {

        private String consentGiven;

        private FormSession referralEntry() throws Exception {
            FormSession form = harbor.forms().open(supervisor, sessionId, "harbor-referrals");
            FormPage page = form.page();
            for (int i = 0; i < 20 && page.type() != FormPage.Type.REPEAT_PROMPT; i++) {
                page = form.skip();
            }
            FormPage entry = form.addRepeat();
            String organisation = entry.questions().stream().filter(q -> q.id().endsWith("/organisation")).findFirst().orElseThrow().id();
            consentGiven = organisation.replace("/organisation", "/consent_given");
            assertTrue(form.answer(organisation, "Synthetic Shelter").isSaved());
            return form;
        }

        @Test
        @DisplayName("a worker's \"yes\" with no consent recorded for that organisation is refused")
        void noRecordedConsent() throws Exception {
            FormSession form = referralEntry();
            assertEquals(AnswerOutcome.Status.NO_RECORDED_CONSENT, form.answer(consentGiven, "yes").status());
            assertNull(harbor.forms().answers(supervisor, form.submissionId()).stream()
                    .filter(a -> a.path().equals(consentGiven)).findFirst().map(StoredAnswer::value).orElse(null));
            harbor.consents().record(supervisor, caseId, ConsentGrant.builder(ConsentScope.referral("Other Clinic"))
                    .bySurvivor(false).language("en").build());
            assertEquals(AnswerOutcome.Status.NO_RECORDED_CONSENT, form.answer(consentGiven, "yes").status(),
                    "a consent to another organisation does not count");
            assertTrue(form.answer(consentGiven, "no").isSaved(), "\"no\" needs nothing recorded");
        }

        @Test
        @DisplayName("a consent recorded for the organisation, or a lawful basis, lets the \"yes\" stand; a refused or implicated one does not")
        void recordedConsent() throws Exception {
            FormSession form = referralEntry();
            harbor.consents().record(supervisor, caseId, ConsentGrant.builder(ConsentScope.referral("synthetic  shelter"))
                    .bySurvivor(true).childAssent(ChildAssent.YES).guardian(GuardianConsent.excluded("Guardian", "may be involved"))
                    .language("en").build());
            assertEquals(AnswerOutcome.Status.NO_RECORDED_CONSENT, form.answer(consentGiven, "yes").status(),
                    "an implicated guardian's consent never counts");
            harbor.consents().recordLawfulBasis(supervisor, caseId, ConsentScope.referral("Synthetic Shelter"),
                    LawfulBasis.CHILD_PROTECTION, "Safeguarding referral, synthetic procedure 1");
            assertTrue(form.answer(consentGiven, "yes").isSaved());
        }
    }

    @Test
    @DisplayName("a child's assent \"no\" is read from the consent form (/data/who/assent) and kept with each decision")
    void assentReadFromForm() {
        List<StoredAnswer> answers = List.of(
                new StoredAnswer("/data/who/treated_as_child", "select one", "yes", null, null),
                new StoredAnswer("/data/who/givers", "select many", "survivor guardian", null, null),
                new StoredAnswer("/data/who/assent", "select one", "no", null, null),
                new StoredAnswer("/data/guardian/guardian_name", "text", "Synthetic Guardian", null, null),
                new StoredAnswer("/data/how/consent_language", "select one", "es", null, null),
                new StoredAnswer("/data/purposes/consent_services", "select one", "yes", null, null),
                new StoredAnswer("/data/purposes/consent_law_enforcement", "select one", "yes", null, null));
        List<ConsentGrant> grants = ConsentFromForm.grants(answers);
        assertEquals(2, grants.size());
        for (ConsentGrant g : grants) {
            assertEquals(ChildAssent.NO, g.childAssent());
        }
        ConsentGrant services = grants.stream().filter(g -> g.scope().purpose() == ConsentPurpose.SERVICES).findFirst().orElseThrow();
        assertEquals(java.util.Optional.of(org.harbor.consent.ConsentStatus.Reason.CHILD_SAID_NO), services.blockedBy(),
                "services need the child's assent: a no blocks like a refusal");
        ConsentGrant police = grants.stream().filter(g -> g.scope().purpose() == ConsentPurpose.LAW_ENFORCEMENT).findFirst().orElseThrow();
        assertTrue(police.blockedBy().isEmpty(), "law enforcement rests on the adult's consent; the child's no is recorded and shown");
    }
}
