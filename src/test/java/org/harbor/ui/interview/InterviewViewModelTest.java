package org.harbor.ui.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.harbor.interview.profile.ProfileLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Issue 13: the interview view-model gets its use cases and a UiExecutor, tested without the JavaFX toolkit")
class InterviewViewModelTest {

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

    @Test
    @DisplayName("a new interview opens on the setup with the bundled protocols and the default chosen")
    void setup() {
        InterviewViewModel model = fx.model();
        assertEquals(InterviewViewModel.Step.LOADING, model.stepProperty().get());
        model.load();
        assertEquals(InterviewViewModel.Step.SETUP, model.stepProperty().get(), model.messageProperty().get());
        assertFalse(model.profiles().isEmpty());
        assertEquals(ProfileLibrary.CHILD_DEFAULT, model.chosenProfileProperty().get().id());
    }

    @Test
    @DisplayName("the interview language list offers every shipped language; for Tagalog it says plainly the coach cannot label, "
            + "and a question is logged without a label")
    void languageTheCoachDoesNotCover() throws Exception {
        InterviewViewModel model = fx.model();
        model.load();
        assertEquals(org.harbor.i18n.I18n.SHIPPED, List.copyOf(model.languages()));
        assertEquals("", model.coverageProperty().get(), "English is covered");
        model.chosenLanguageProperty().set("tl");
        assertEquals(fx.says("interview.coach.notCovered", "Tagalog"), model.coverageProperty().get());
        assertEquals("Tagalog", model.languageName("tl"));
        assertEquals("Français (French)", model.languageName("fr"));
        model.start();
        assertEquals(InterviewViewModel.Step.RUNNING, model.stepProperty().get(), model.messageProperty().get());
        assertEquals(fx.says("interview.coach.notCovered", "Tagalog"), model.coverageProperty().get());
        model.coach().questionProperty().set("Ano ang nangyari?");
        assertEquals("", model.coach().labelTextProperty().get(), "no label pretending");
        model.coach().submitQuestion();
        assertEquals(1, model.coach().entries().size(), model.messageProperty().get());
        assertEquals(null, model.coach().entries().getFirst().label());
        assertEquals("", model.messageProperty().get());
        assertEquals("tl", fx.vault.harbor.interviews().state(fx.ivo, fx.sessionId).orElseThrow().language());
    }

    @Test
    @DisplayName("in French the coach labels as the question is typed")
    void french() {
        InterviewViewModel model = fx.model();
        model.load();
        model.chosenLanguageProperty().set("fr");
        assertEquals("", model.coverageProperty().get());
        model.start();
        model.coach().questionProperty().set("Tu dormais où ?");
        assertTrue(model.coach().labelTextProperty().get().startsWith("DIR"), model.coach().labelTextProperty().get());
    }

    @Test
    @DisplayName("starting runs the first phase with its checklist and prompts, and the vault knows it started")
    void start() throws Exception {
        InterviewViewModel model = fx.started();
        assertEquals(InterviewViewModel.Step.RUNNING, model.stepProperty().get(), model.messageProperty().get());
        assertEquals(0, model.phaseIndexProperty().get());
        assertFalse(model.prompts().isEmpty());
        assertTrue(fx.vault.harbor.interviews().state(fx.ivo, fx.sessionId).isPresent());
        fx.vault.clock.advance(Duration.ofSeconds(75));
        model.tick();
        assertEquals("0:01:15", model.totalElapsedProperty().get());
    }

    @Test
    @DisplayName("a substantive phase is refused until who is present is recorded; then it is entered")
    void presentFirst() {
        InterviewViewModel model = fx.started();
        int freeRecall = InterviewFixture.phase(model, "FREE_RECALL");
        model.enterPhase(freeRecall);
        assertEquals(fx.says("interview.error.presentFirst"), model.messageProperty().get());
        assertEquals(0, model.phaseIndexProperty().get());
        fx.recordPresent(model);
        model.enterPhase(freeRecall);
        assertEquals(freeRecall, model.phaseIndexProperty().get(), model.messageProperty().get());
        assertEquals("", model.messageProperty().get());
    }

    @Test
    @DisplayName("a stop before the last phase needs a reason; with one the summary is shown, and shown again on reopening")
    void stop() {
        InterviewViewModel model = fx.started();
        assertFalse(model.stop());
        assertEquals(fx.says("interview.reason.needed"), model.messageProperty().get());
        model.holds().reasonProperty().set("the child is tired");
        assertTrue(model.stop());
        assertEquals(InterviewViewModel.Step.SUMMARY, model.stepProperty().get(), model.messageProperty().get());
        assertNotNull(model.summaryProperty().get());

        InterviewViewModel reopened = fx.model();
        reopened.load();
        assertEquals(InterviewViewModel.Step.SUMMARY, reopened.stepProperty().get());
        assertNotNull(reopened.summaryProperty().get());
    }

    @Test
    @DisplayName("ending for reluctance schedules the second session and shows it with the summary")
    void reluctance() throws Exception {
        InterviewViewModel model = fx.started();
        LocalDate day = LocalDate.of(2030, 1, 15);
        model.secondSessionProperty().set(day);
        model.endForReluctance();
        assertEquals(InterviewViewModel.Step.SUMMARY, model.stepProperty().get(), model.messageProperty().get());
        assertEquals(fx.says("interview.reluctance.scheduled", day.toString()), model.followUpTextProperty().get());
        assertEquals(java.util.Optional.of(day), fx.vault.harbor.interviews().scheduledFor(fx.ivo, fx.sessionId));
    }

    @Test
    @DisplayName("Interview break prompt: a break is offered at the organisation's interval (the forms' setting); taking it starts a break, declining waits another interval")
    void breakOfferedAtInterval() {
        InterviewViewModel model = fx.started();
        assertEquals(java.time.Duration.ofMinutes(org.harbor.usecases.SaveSettings.DEFAULT_BREAK_MINUTES), model.breakAfter(),
                "the organisation's break interval, the one the forms use");
        fx.vault.clock.advance(model.breakAfter().minusSeconds(1));
        model.tick();
        assertFalse(model.breakOfferedProperty().get(), "not before the interval");
        fx.vault.clock.advance(java.time.Duration.ofSeconds(1));
        model.tick();
        assertTrue(model.breakOfferedProperty().get());
        model.declineOfferedBreak();
        assertFalse(model.breakOfferedProperty().get());
        fx.vault.clock.advance(model.breakAfter().minusSeconds(1));
        model.tick();
        assertFalse(model.breakOfferedProperty().get(), "a declined offer comes back one interval later");
        fx.vault.clock.advance(java.time.Duration.ofSeconds(1));
        model.tick();
        assertTrue(model.breakOfferedProperty().get());
        model.takeOfferedBreak();
        assertEquals(org.harbor.interview.session.InterviewState.Hold.BREAK,
                fx.vault.harbor.interviews().state(fx.ivo, fx.sessionId).orElseThrow().hold());
        assertFalse(model.breakOfferedProperty().get());
        assertEquals(fx.says("interview.break.offeredReason"),
                fx.vault.harbor.interviews().state(fx.ivo, fx.sessionId).orElseThrow().holdReason());
    }

    @Test
    @DisplayName("Interview break offer audited like the forms' break offer: offered, declined and taken, the event's code only, no content")
    void breakOfferAudited() throws Exception {
        InterviewViewModel model = fx.started();
        fx.vault.clock.advance(model.breakAfter());
        model.tick();
        model.declineOfferedBreak();
        fx.vault.clock.advance(model.breakAfter());
        model.tick();
        model.takeOfferedBreak();
        List<org.harbor.audit.AuditLog.Entry> events = new java.util.ArrayList<>();
        fx.vault.harbor.vault().transaction(c -> {
            org.harbor.audit.AuditLog.forEach(c, e -> {
                if (e.action().equals(org.harbor.interview.session.InterviewService.SESSION_EVENT)) {
                    events.add(e);
                }
            });
            return null;
        });
        assertEquals(List.of("{\"event\":\"break_offered\"}", "{\"event\":\"break_declined\"}",
                        "{\"event\":\"break_offered\"}", "{\"event\":\"break_taken\"}"),
                events.stream().map(org.harbor.audit.AuditLog.Entry::details).toList(), "the offer's fate, in order, nothing else");
        assertTrue(events.stream().allMatch(e -> e.target().equals(fx.sessionId)), "the interview's session is the target");
        for (org.harbor.interview.session.BreakOffer event : org.harbor.interview.session.BreakOffer.values()) {
            assertEquals(org.harbor.forms.SessionEvent.valueOf(event.name()).code(), event.code(), "the forms' event codes");
        }
    }

    @Test
    @DisplayName("ending an interview asks first: the question ends nothing, keeping on cancels it, only the confirmation ends")
    void endingAsksFirst() {
        InterviewViewModel model = fx.started();
        assertFalse(model.askToEnd(), "before the last phase a reason comes first");
        assertFalse(model.endConfirmingProperty().get());
        model.holds().reasonProperty().set("the child is tired");
        assertTrue(model.askToEnd());
        assertTrue(model.endConfirmingProperty().get());
        assertFalse(fx.vault.harbor.interviews().state(fx.ivo, fx.sessionId).orElseThrow().ended(), "asking ends nothing");
        model.cancelEnd();
        assertFalse(model.endConfirmingProperty().get());
        assertEquals(InterviewViewModel.Step.RUNNING, model.stepProperty().get());
        model.confirmEnd();
        assertFalse(fx.vault.harbor.interviews().state(fx.ivo, fx.sessionId).orElseThrow().ended(),
                "a confirmation without the question ends nothing");
        assertTrue(model.askToEnd());
        model.confirmEnd();
        assertEquals(InterviewViewModel.Step.SUMMARY, model.stepProperty().get(), model.messageProperty().get());
        assertTrue(model.debriefOfferedProperty().get(), "the debrief is offered after the end");
        model.closeDebrief();
        assertFalse(model.debriefOfferedProperty().get());

        InterviewViewModel reopened = fx.model();
        reopened.load();
        assertFalse(reopened.debriefOfferedProperty().get(), "only right after an end on this screen");
    }

    @Test
    @DisplayName("home goes home")
    void home() {
        fx.model().home();
        assertEquals(List.of("home"), fx.vault.navigator.visits());
    }
}
