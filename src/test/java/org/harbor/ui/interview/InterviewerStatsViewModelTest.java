package org.harbor.ui.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.harbor.accounts.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Issue 13: the interviewer-statistics view-model gets its use case and a UiExecutor, tested without the JavaFX toolkit")
class InterviewerStatsViewModelTest {

    @TempDir
    Path dir;
    InterviewFixture fx;

    @BeforeEach
    void open() throws Exception {
        fx = new InterviewFixture(dir);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private InterviewerStatsViewModel model(Session session) {
        return new InterviewerStatsViewModel(fx.vault.useCases().reviewInterviewers(), fx.vault.harbor.i18n(), fx.vault.clock,
                fx.vault.ui, fx.vault.navigator, session);
    }

    @Test
    @DisplayName("a supervisor sees each interviewer's interviews and questions over the period")
    void figures() throws Exception {
        InterviewViewModel interview = fx.started();
        interview.coach().questionProperty().set("Tell me everything about that day.");
        interview.coach().submitQuestion();
        interview.holds().reasonProperty().set("synthetic end");
        interview.stop();
        Session supervisor = fx.vault.signInSupervisor();

        InterviewerStatsViewModel model = model(supervisor);
        model.load();
        assertEquals("", model.messageProperty().get());
        InterviewerStatsViewModel.Row ivo = model.rows().stream().filter(r -> r.interviewer().equals("ivo")).findFirst()
                .orElseThrow(() -> new AssertionError(model.rows().toString()));
        assertEquals(1, ivo.interviews());
        assertEquals(1, ivo.questions());
        assertTrue(model.series().stream().anyMatch(s -> s.interviewer().equals("ivo")));
    }

    @Test
    @DisplayName("Debrief and workload: supervisors see per-interviewer load this week (interviews, hours, disclosures of severe harm)")
    void workloadThisWeek() throws Exception {
        InterviewViewModel first = fx.started();
        fx.vault.clock.advance(java.time.Duration.ofMinutes(90));
        first.holds().reasonProperty().set("synthetic end");
        assertTrue(first.askToEnd());
        first.severeHarmProperty().set(true);
        first.confirmEnd();
        assertEquals(InterviewViewModel.Step.SUMMARY, first.stepProperty().get(), first.messageProperty().get());
        // a second interview of the same interviewer, without the mark
        String second = fx.vault.harbor.cases().startSession(fx.ivo, fx.caseId, org.harbor.cases.SessionKind.INTERVIEW, "en").id();
        fx.vault.harbor.interviews().start(fx.ivo, second, org.harbor.interview.profile.ProfileLibrary.CHILD_DEFAULT,
                org.harbor.interview.coach.Language.EN);
        fx.vault.clock.advance(java.time.Duration.ofMinutes(30));
        fx.vault.harbor.interviews().end(fx.ivo, second, "synthetic end");
        Session supervisor = fx.vault.signInSupervisor();

        InterviewerStatsViewModel model = model(supervisor);
        model.load();
        InterviewerStatsViewModel.WorkloadRow ivo = model.workload().stream().filter(r -> r.interviewer().equals("ivo"))
                .findFirst().orElseThrow(() -> new AssertionError(model.workload().toString()));
        assertEquals(2, ivo.interviews());
        assertEquals("2.0", ivo.hours(), "ninety minutes and thirty");
        assertEquals(1, ivo.severeHarm(), "one interview marked as disclosing severe harm");

        // last week's interviews are not this week's load
        fx.vault.clock.advance(java.time.Duration.ofDays(8));
        InterviewerStatsViewModel later = model(supervisor);
        later.load();
        assertTrue(later.workload().isEmpty(), later.workload().toString());
    }

    @Test
    @DisplayName("a period that ends before it starts is refused")
    void badPeriod() throws Exception {
        InterviewerStatsViewModel model = model(fx.vault.signInSupervisor());
        model.fromProperty().set(model.toProperty().get().plusDays(1));
        model.load();
        assertEquals(fx.says("interview.stats.badPeriod"), model.messageProperty().get());
    }

    @Test
    @DisplayName("an interviewer may not read the figures: the screen says so")
    void interviewerRefused() {
        InterviewerStatsViewModel model = model(fx.ivo);
        model.load();
        assertEquals(fx.says("generic.error.notAllowed"), model.messageProperty().get());
        assertTrue(model.rows().isEmpty());
        model.back();
        assertEquals(List.of("home"), fx.vault.navigator.visits());
    }
}
