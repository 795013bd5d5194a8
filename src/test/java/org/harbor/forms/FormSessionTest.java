package org.harbor.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.harbor.accounts.Session;
import org.harbor.cases.CaseQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.harbor.accounts.AccessDenied;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A form session on JavaRosa")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormSessionTest {

    FormFixture fx;
    Session ivo;
    String caseSession;
    FormSession form;

    @BeforeAll
    void vault(@TempDir Path dir) throws Exception {
        fx = FormFixture.create(dir);
    }

    @BeforeEach
    void setUp() throws Exception {
        ivo = fx.current().user().username().equals("ivo") ? fx.current() : fx.as("ivo");
        caseSession = fx.newCaseSession(ivo, "es");
        form = fx.harbor.forms().open(ivo, caseSession, FormFixture.INTAKE);
    }

    @AfterAll
    void tearDown() {
        fx.close();
    }

    String caseId() {
        return form.caseId();
    }

    static final String NAME = "/data/name";
    static final String AGE = "/data/age";
    static final String DOB = "/data/dob";
    static final String UNCERTAIN = "/data/dob_uncertain";
    static final String REASON = "/data/age_reason";
    static final String GENDER = "/data/gender";

    /** Steps forward until a page holds {@code id}; fails after 40 pages. */
    static FormPage goTo(FormSession form, String id) throws Exception {
        FormPage page = form.page();
        for (int i = 0; i < 40; i++) {
            if (page.questions().stream().anyMatch(q -> q.id().equals(id))) {
                return page;
            }
            for (PageQuestion q : page.questions()) {
                if (q.required() && !q.answered() && !q.readOnly()) {
                    form.markNonResponse(q.id(), NonResponse.DECLINED, null);
                }
            }
            if (page.type() == FormPage.Type.END) {
                break;
            }
            page = form.next();
        }
        throw new AssertionError("no page holds " + id);
    }

    static Map<String, StoredAnswer> stored(FormFixture fx, Session who, String submissionId) throws Exception {
        return fx.harbor.forms().answers(who, submissionId).stream()
                .collect(Collectors.toMap(StoredAnswer::path, Function.identity()));
    }

    @Test
    @DisplayName("starts on the first question, in the interview language with the display language beneath")
    void firstPageTwoLanguages() {
        FormPage page = form.page();
        assertEquals(FormPage.Type.QUESTIONS, page.type());
        PageQuestion name = page.questions().get(0);
        assertEquals(NAME, name.id());
        assertEquals("Nombre", name.text());
        assertEquals("Name", name.textUi());
        assertTrue(name.required());
        assertFalse(name.hint().isBlank());
        assertTrue(page.atStart());
    }

    @Test
    @DisplayName("a relevance rule hides a question and shows it when the answer changes")
    void relevance() throws Exception {
        goTo(form, UNCERTAIN);
        form.answer(UNCERTAIN, "no");
        FormPage after = form.next();
        assertFalse(after.questions().stream().anyMatch(q -> q.id().equals(REASON)), "hidden while the date is certain");
        form.back();
        FormPage back = form.page();
        assertEquals(UNCERTAIN, back.questions().get(0).id());
        form.answer(UNCERTAIN, "yes");
        assertEquals(REASON, form.next().questions().get(0).id(), "shown once the date is uncertain");
    }

    @Test
    @DisplayName("a constraint refuses a value with the form's message, in the interview language, and stores nothing")
    void constraint() throws Exception {
        goTo(form, AGE);
        AnswerOutcome refused = form.answer(AGE, "130");
        assertEquals(AnswerOutcome.Status.CONSTRAINT, refused.status());
        assertEquals("Una edad está entre 0 y 120.", refused.message());
        assertEquals("Una edad está entre 0 y 120.", form.page().questions().get(0).problem());
        assertFalse(stored(fx, ivo, form.submissionId()).containsKey(AGE));
        assertEquals(AnswerOutcome.Status.INVALID, form.answer(AGE, "twelve").status());
        assertTrue(form.answer(AGE, "14").isSaved());
        assertEquals("14", stored(fx, ivo, form.submissionId()).get(AGE).value());
        assertNull(form.page().questions().get(0).problem());
    }

    /** Moves forward (declining required questions) to the next "add another" page. */
    static FormPage toRepeatPrompt(FormSession form) throws Exception {
        FormPage page = form.page();
        for (int i = 0; i < 40 && page.type() != FormPage.Type.REPEAT_PROMPT; i++) {
            for (PageQuestion q : page.questions()) {
                if (q.required() && !q.answered() && !q.readOnly()) {
                    form.markNonResponse(q.id(), NonResponse.DONT_KNOW, null);
                }
            }
            page = form.next();
        }
        assertEquals(FormPage.Type.REPEAT_PROMPT, page.type());
        return page;
    }

    @Test
    @DisplayName("a repeat adds entries with a count, removes one, and the later entries move up")
    void repeat() throws Exception {
        assertEquals(0, toRepeatPrompt(form).repeatCount());
        String[] names = {"Guardian One", "Guardian Two", "Guardian Three"};
        for (int i = 0; i < 3; i++) {
            FormPage entry = form.addRepeat();
            assertEquals("/data/guardians[" + (i + 1) + "]/g_name", entry.questions().get(0).id());
            assertEquals(i + 1, entry.repeatEntry());
            assertTrue(form.answer(entry.questions().get(0).id(), names[i]).isSaved());
            assertEquals(i + 1, toRepeatPrompt(form).repeatCount());
        }

        // back to the second entry's name, and remove the entry: the third becomes the second
        FormPage page = form.back();
        for (int i = 0; i < 10 && !page.questions().get(0).id().equals("/data/guardians[2]/g_name"); i++) {
            page = form.back();
        }
        assertEquals(2, page.repeatEntry());
        assertEquals(3, page.repeatCount());
        assertTrue(page.canRemoveEntry());
        form.removeEntry();
        Map<String, StoredAnswer> answers = stored(fx, ivo, form.submissionId());
        assertEquals("Guardian One", answers.get("/data/guardians[1]/g_name").value());
        assertEquals("Guardian Three", answers.get("/data/guardians[2]/g_name").value());
        assertFalse(answers.containsKey("/data/guardians[3]/g_name"));

        // and the same after reopening, in the exported instance
        FormSession reopened = fx.harbor.forms().open(ivo, caseSession, FormFixture.INTAKE);
        String xml = new String(fx.harbor.forms().exportInstanceXml(ivo, reopened.submissionId()), StandardCharsets.UTF_8);
        assertTrue(xml.contains("<g_name>Guardian One</g_name>"), xml);
        assertTrue(xml.contains("<g_name>Guardian Three</g_name>"), xml);
        assertFalse(xml.contains("Guardian Two"), xml);
    }

    @Test
    @DisplayName("each non-response is stored apart from the value, satisfies required, and a value replaces it")
    void nonResponse() throws Exception {
        FormPage first = form.page();
        assertEquals(NAME, form.next().questions().get(0).id(), "a required question without answer keeps the page");
        assertNotNull(form.page().questions().get(0).problem());
        form.markNonResponse(NAME, NonResponse.DECLINED, null);
        assertEquals(AGE, form.next().questions().get(0).id());
        form.markNonResponse(AGE, NonResponse.NOT_ASKED, NotAskedReason.DISTRESSED);
        assertThrows(IllegalArgumentException.class, () -> form.markNonResponse(AGE, NonResponse.NOT_ASKED, null));
        assertEquals(DOB, form.next().questions().get(0).id());
        form.answer(DOB, "2012-03-04");
        form.markNonResponse(DOB, NonResponse.DONT_KNOW, null);
        Map<String, StoredAnswer> answers = stored(fx, ivo, form.submissionId());
        assertEquals(NonResponse.DECLINED, answers.get(NAME).nonResponse());
        assertNull(answers.get(NAME).value());
        assertEquals(NonResponse.NOT_ASKED, answers.get(AGE).nonResponse());
        assertEquals(NotAskedReason.DISTRESSED, answers.get(AGE).notAskedReason());
        assertEquals(NonResponse.DONT_KNOW, answers.get(DOB).nonResponse());
        assertNull(answers.get(DOB).value(), "the value is cleared, not kept beside the non-response");
        form.answer(DOB, "2012-03-04");
        assertNull(stored(fx, ivo, form.submissionId()).get(DOB).nonResponse());
        assertEquals(NAME, first.questions().get(0).id());
    }

    @Test
    @DisplayName("a harbor:fact answer typed in the intake form is prefilled in another form of the same case, with who and when")
    void askOnce() throws Exception {
        form.answer(NAME, "Synthetic Survivor");
        String caseId = form.caseId();
        String later = fx.newSession(ivo, caseId, "en");
        FormSession safety = fx.harbor.forms().open(ivo, later, FormFixture.SAFETY);
        PageQuestion name = safety.page().questions().get(0);
        assertEquals("Synthetic Survivor", name.value());
        assertNotNull(name.prefill());
        assertEquals("interviewer", name.prefill().role());
        assertEquals("Synthetic Survivor", stored(fx, ivo, safety.submissionId()).get(NAME).value());
        assertEquals(List.of("survivor.name"), fx.harbor.forms().facts(ivo, caseId).stream().map(CaseFact::key).toList());
    }

    @Test
    @DisplayName("a correction of a fact asks for a reason and keeps the earlier value with who, when and why")
    void correction() throws Exception {
        form.answer(NAME, "Synthetic Survivor");
        form.answer(NAME, "Synthetic Survivor B");  // a typo fixed in the same form is not a correction
        assertEquals(List.of(), fx.harbor.forms().factHistory(ivo, caseId()));
        FormSession safety = fx.harbor.forms().open(ivo, fx.newSession(ivo, caseId(), "en"), FormFixture.SAFETY);
        assertEquals(AnswerOutcome.Status.NEEDS_REASON, safety.answer(NAME, "Synthetic Other").status());
        assertEquals("Synthetic Survivor B", fx.harbor.forms().facts(ivo, caseId()).get(0).value());
        fx.clock.advance(java.time.Duration.ofMinutes(5));
        assertTrue(safety.correct(NAME, "Synthetic Other", "spelling confirmed from a document").isSaved());
        List<FactChange> history = fx.harbor.forms().factHistory(ivo, caseId());
        assertEquals(1, history.size());
        assertEquals("Synthetic Survivor B", history.get(0).oldValue());
        assertEquals("Synthetic Other", history.get(0).newValue());
        assertEquals("spelling confirmed from a document", history.get(0).reason());
        assertEquals(ivo.user().id(), history.get(0).changedBy());
        assertEquals("Synthetic Other", fx.harbor.forms().facts(ivo, caseId()).get(0).value());
    }

    @Test
    @DisplayName("purposes of recorded values and a 'yes' to a danger question are reported for the case view")
    void purposesAndSafety() throws Exception {
        assertFalse(fx.harbor.forms().safetyAlert(ivo, caseId()));
        form.answer(NAME, "Synthetic Survivor");
        form.answer(AGE, "15");
        form.markNonResponse("/data/notes", NonResponse.DECLINED, null);
        assertEquals(Map.of("services", 2, "referral", 1), fx.harbor.forms().purposesUsed(ivo, caseId()));
        FormSession safety = fx.harbor.forms().open(ivo, fx.newSession(ivo, caseId(), "en"), FormFixture.SAFETY);
        safety.answer("/data/danger", "no");
        assertFalse(fx.harbor.forms().safetyAlert(ivo, caseId()));
        safety.answer("/data/danger", "yes");
        assertTrue(fx.harbor.forms().safetyAlert(ivo, caseId()));
    }

    @Test
    @DisplayName("free-text answers are found by the case search, in the same transaction")
    void search() throws Exception {
        form.answer("/data/notes", "Synthetic marigold harbour");
        List<org.harbor.cases.CaseSummary> found = fx.harbor.cases().list(ivo, CaseQuery.all().withSearch("marigold"));
        assertEquals(List.of(caseId()), found.stream().map(org.harbor.cases.CaseSummary::id).toList());
        fx.harbor.cases().addPerson(ivo, caseId(), org.harbor.cases.PersonRole.GUARDIAN, "Synthetic Guardian", List.of());
        assertEquals(1, fx.harbor.cases().list(ivo, CaseQuery.all().withSearch("marigold")).size(),
                "adding a person keeps the answers in the search row");
    }

    @Test
    @DisplayName("reopening resumes on the same page with every answer, and keeps form id and version")
    void resume() throws Exception {
        form.answer(NAME, "Synthetic Survivor");
        form.next();
        form.answer(AGE, "12");
        goTo(form, GENDER);
        form.answer(GENDER, "self");
        FormSession again = fx.harbor.forms().open(ivo, caseSession, FormFixture.INTAKE);
        assertEquals(form.submissionId(), again.submissionId());
        assertEquals(GENDER, again.page().questions().get(0).id());
        assertEquals("self", again.page().questions().get(0).value());
        SubmissionInfo info = fx.harbor.forms().submissions(ivo, caseId()).get(0);
        assertEquals("test-intake", info.formId());
        assertEquals("2026112801", info.formVersion());
        String xml = new String(fx.harbor.forms().exportInstanceXml(ivo, again.submissionId()), StandardCharsets.UTF_8);
        assertTrue(xml.contains("<age>12</age>"), xml);
        assertTrue(xml.contains("id=\"test-intake\""), xml);
    }

    @Test
    @DisplayName("completing needs every relevant required question answered or declined")
    void complete() throws Exception {
        FormPage page = form.complete();
        assertEquals(NAME, page.questions().get(0).id());
        assertFalse(form.ended());
        toRepeatPrompt(form);
        FormPage end = form.next();
        for (int i = 0; i < 10 && end.type() != FormPage.Type.END; i++) {
            for (PageQuestion q : end.questions()) {
                if (q.required() && !q.answered()) {
                    form.answer(q.id(), "OK");
                }
            }
            end = form.next();
        }
        assertEquals(FormPage.Type.END, end.type());
        form.complete();
        assertTrue(form.ended());
        assertEquals("complete", fx.harbor.forms().submissions(ivo, caseId()).get(0).status());
        FormSession reopened = fx.harbor.forms().open(ivo, caseSession, FormFixture.INTAKE);
        assertTrue(reopened.ended(), "a completed form opens read-only");
        assertThrows(IllegalStateException.class, () -> reopened.answer(NAME, "Synthetic Other"));
    }

    @Test
    @DisplayName("breaks, pauses and a stop are logged with codes; the break interval defaults to 20 minutes and is a supervisor's setting")
    void sessionCare() throws Exception {
        form.answer(NAME, "Synthetic Survivor");
        form.log(SessionEvent.BREAK_OFFERED);
        form.log(SessionEvent.BREAK_TAKEN);
        form.log(SessionEvent.BREAK_END);
        form.log(SessionEvent.PAUSE);
        form.log(SessionEvent.RESUME);
        form.stop(StopReason.DISTRESSED);
        assertTrue(form.ended());
        assertThrows(IllegalStateException.class, () -> form.answer(NAME, "Synthetic Other"));
        assertEquals(List.of("opened", "break_offered", "break_taken", "break_end", "pause", "resume", "stop"),
                fx.harbor.forms().events(ivo, form.submissionId()));
        assertEquals("stopped", fx.harbor.forms().submissions(ivo, caseId()).get(0).status());
        assertEquals(java.time.Duration.ofMinutes(20), fx.harbor.settings().breakOffer());
        assertThrows(AccessDenied.class, () -> fx.harbor.settings().setBreakOfferMinutes(ivo, 10));
        FormSession reopened = fx.harbor.forms().open(ivo, caseSession, FormFixture.INTAKE);
        assertEquals("Synthetic Survivor", reopened.page().questions().get(0).value(), "a stopped form keeps its answers");
        assertEquals("in_progress", fx.harbor.forms().submissions(ivo, caseId()).get(0).status(), "and can be taken up again");
    }

    @Nested
    @DisplayName("for an intake worker")
    class IntakeWorker {

        @Test
        @DisplayName("the trafficking-history form is refused: opening, reading answers, exporting, listing")
        void refused() throws Exception {
            FormSession traffic = fx.harbor.forms().open(ivo, caseSession, FormFixture.TRAFFICKING);
            traffic.answer("/data/promised", "Synthetic factory job");
            String submission = traffic.submissionId();
            // the intake worker's own case, so that only the form's sensitivity refuses
            Session ines = fx.as("ines");
            String own = fx.newCaseSession(ines, "en");
            assertThrows(AccessDenied.class, () -> fx.harbor.forms().open(ines, own, FormFixture.TRAFFICKING));
            assertTrue(fx.harbor.forms().forms(ines).stream().noneMatch(FormDefinition::restricted));
            assertThrows(AccessDenied.class, () -> fx.harbor.forms().answers(ines, submission));
            assertThrows(AccessDenied.class, () -> fx.harbor.forms().exportInstanceXml(ines, submission));
            assertThrows(AccessDenied.class, () -> fx.harbor.forms().open(ines, caseSession, FormFixture.INTAKE),
                    "and another worker's case is not theirs at all");
            assertTrue(fx.harbor.forms().open(ines, own, FormFixture.INTAKE).page().questions().size() > 0);
            Session sup = fx.as(org.harbor.testing.TestVaults.SUPERVISOR);
            assertEquals("Synthetic factory job", stored(fx, sup, submission).get("/data/promised").value());
            assertTrue(fx.harbor.cases().list(sup, CaseQuery.all().withSearch("factory")).isEmpty(),
                    "trafficking answers stay out of the search index");
        }
    }
}
