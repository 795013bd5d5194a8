package org.harbor.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.harbor.accounts.Session;
import org.harbor.cases.SessionKind;
import org.harbor.interview.profile.ProfileLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, child presumption: the intake's result ({@code survivor.treated_as_child}) is stored
 * as a fact and prefilled, with its provenance, wherever it is asked; the interview's default
 * profile follows it. A real vault with the built-in forms, driven as the desktop and the CLI do.
 */
@DisplayName("issue 12, child presumption: the result is a stored fact, prefilled everywhere it is asked")
class ChildPresumptionFactTest {

    static final String FACT = "survivor.treated_as_child";
    static final String CONSENT = "harbor-consent";
    static final String INTAKE = "harbor-intake";
    static final String TRAFFICKING = "harbor-trafficking";

    FormFixture fx;
    Session ivo;
    String caseSession;
    String caseId;

    @BeforeEach
    void vault(@TempDir Path dir) throws Exception {
        fx = FormFixture.create(dir);
        ivo = fx.as("ivo");
        caseId = fx.harbor.cases().create(ivo, null, List.of()).id();
        caseSession = fx.newSession(ivo, caseId, "en");
    }

    @AfterEach
    void close() {
        fx.close();
    }

    Map<String, CaseFact> facts() throws Exception {
        return fx.harbor.forms().facts(ivo, caseId).stream().collect(Collectors.toMap(CaseFact::key, Function.identity()));
    }

    /** The question {@code id} as its page shows it, found by walking the form's sections. */
    static PageQuestion question(FormSession form, String id) throws Exception {
        for (FormPage.Section section : form.page().sections()) {
            FormPage page = form.jumpTo(section.key());
            for (int i = 0; i < 20 && page.type() != FormPage.Type.END; i++) {
                for (PageQuestion q : page.questions()) {
                    if (q.id().equals(id)) {
                        return q;
                    }
                }
                if (i == 0) {
                    break; // field-list sections are one page
                }
            }
        }
        throw new AssertionError(id + " is not shown");
    }

    @Test
    @DisplayName("the intake's result is stored as a fact and prefilled, with who recorded it, in the consent and trafficking forms")
    void treatedAsChildPrefilledInConsentAndTraffickingForms() throws Exception {
        FormSession intake = fx.harbor.forms().open(ivo, caseSession, INTAKE);
        assertTrue(intake.answer("/data/age/claimed_age", "19").isSaved());
        CaseFact fact = facts().get(FACT);
        assertNotNull(fact, "the calculated result is a case fact");
        assertEquals("yes", fact.value(), "claimed 19, nothing else recorded: treated as a child");
        assertEquals("interviewer", fact.recordedRole());

        FormSession consent = fx.harbor.forms().open(ivo, caseSession, CONSENT);
        PageQuestion asked = question(consent, "/data/who/treated_as_child");
        assertEquals("yes", asked.value());
        assertNotNull(asked.prefill(), "shown as already recorded");
        assertEquals("interviewer", asked.prefill().role());

        FormSession trafficking = fx.harbor.forms().open(ivo, caseSession, TRAFFICKING);
        PageQuestion intro = question(trafficking, "/data/intro/treated_as_child");
        assertEquals("yes", intro.value());
        assertNotNull(intro.prefill());
    }

    @Test
    @DisplayName("the stored result follows the intake: an adult only on the worker's recorded reason, a child again on 'don't know'")
    void storedResultFollowsTheIntake() throws Exception {
        FormSession intake = fx.harbor.forms().open(ivo, caseSession, INTAKE);
        intake.answer("/data/age/claimed_age", "25");
        intake.answer("/data/assessment/reason_under_18", "no");
        assertEquals("yes", facts().get(FACT).value(), "a 'no' without a reason is not enough");
        intake.answer("/data/assessment/reason_not_child", "Synthetic reason given by the worker");
        assertEquals("no", facts().get(FACT).value());

        FormSession consent = fx.harbor.forms().open(ivo, caseSession, CONSENT);
        assertEquals("no", question(consent, "/data/who/treated_as_child").value());

        intake.markNonResponse("/data/assessment/reason_under_18", NonResponse.DONT_KNOW, null);
        assertEquals("yes", facts().get(FACT).value(), "'don't know' means child, and the stored fact says so");
        assertEquals(List.of(), fx.harbor.forms().factHistory(ivo, caseId),
                "changes within the one intake submission are not corrections");
    }

    @Test
    @DisplayName("a change of the intake's result after another form recorded the fact is kept as a correction, with why")
    void laterChangeIsACorrection() throws Exception {
        FormSession consent = fx.harbor.forms().open(ivo, caseSession, CONSENT);
        assertTrue(consent.answer("/data/who/treated_as_child", "yes").isSaved());
        FormSession intake = fx.harbor.forms().open(ivo, fx.newSession(ivo, caseId, "en"), INTAKE);
        intake.answer("/data/names/name", "Synthetic Survivor");
        assertEquals("yes", facts().get(FACT).value());
        intake.answer("/data/age/claimed_age", "30");
        intake.answer("/data/assessment/reason_under_18", "no");
        intake.answer("/data/assessment/reason_not_child", "Synthetic reason given by the worker");
        assertEquals("no", facts().get(FACT).value());
        List<FactChange> history = fx.harbor.forms().factHistory(ivo, caseId);
        assertEquals(1, history.size());
        assertEquals("yes", history.get(0).oldValue());
        assertEquals("no", history.get(0).newValue());
        assertTrue(!history.get(0).reason().isBlank());
    }

    @Test
    @DisplayName("through the form session (desktop, CLI import): a year-only date of birth is saved; 2010-02-31 says 'no such date'")
    void partialDatesThroughTheFormSession() throws Exception {
        FormSession intake = fx.harbor.forms().open(ivo, caseSession, INTAKE);
        String year = Integer.toString(LocalDate.now().getYear() - 16);
        assertTrue(intake.answer("/data/age/dob", year).isSaved());
        assertTrue(intake.answer("/data/age/dob_approximate", "yes").isSaved());
        assertEquals(year, facts().get("survivor.date_of_birth").value());
        assertEquals("yes", facts().get("survivor.dob_approximate").value());
        AnswerOutcome impossible = intake.answer("/data/age/dob", "2010-02-31");
        assertEquals(AnswerOutcome.Status.CONSTRAINT, impossible.status());
        assertTrue(impossible.message().startsWith("There is no such date"), impossible.message());
        assertEquals(year, facts().get("survivor.date_of_birth").value());
    }

    @Test
    @DisplayName("the interview's default profile and the case view follow the stored fact: child unless recorded 'no'")
    void interviewDefaultFollowsTheStoredFact() throws Exception {
        String interview = fx.harbor.cases().startSession(ivo, caseId, SessionKind.INTERVIEW, "en").id();
        assertEquals(ProfileLibrary.CHILD_DEFAULT, fx.harbor.interviews().defaults(ivo, interview).profileId(),
                "nothing recorded: presumed a child");
        assertTrue(fx.harbor.forms().treatedAsChild(ivo, caseId));
        FormSession intake = fx.harbor.forms().open(ivo, caseSession, INTAKE);
        intake.answer("/data/age/claimed_age", "40");
        intake.answer("/data/assessment/reason_under_18", "no");
        intake.answer("/data/assessment/reason_not_child", "Synthetic reason given by the worker");
        assertEquals(ProfileLibrary.ADULT_DEFAULT, fx.harbor.interviews().defaults(ivo, interview).profileId());
        assertEquals(false, fx.harbor.forms().treatedAsChild(ivo, caseId), "the case view's consent pane reads the same");
        intake.answer("/data/age/claimed_age", "16");
        assertEquals(ProfileLibrary.CHILD_DEFAULT, fx.harbor.interviews().defaults(ivo, interview).profileId());
        assertEquals(true, fx.harbor.forms().treatedAsChild(ivo, caseId));
    }
}
