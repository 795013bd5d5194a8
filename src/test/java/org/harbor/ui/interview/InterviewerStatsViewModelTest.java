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
