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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A form session on JavaRosa")
class FormSessionTest {

    @TempDir
    Path dir;
    FormFixture fx;
    Session ivo;
    String caseSession;
    FormSession form;

    @BeforeEach
    void setUp() throws Exception {
        fx = FormFixture.create(dir);
        ivo = fx.as("ivo");
        caseSession = fx.newCaseSession(ivo, "es");
        form = fx.harbor.forms().open(ivo, caseSession, FormFixture.INTAKE);
    }

    @AfterEach
    void tearDown() {
        fx.close();
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
}
