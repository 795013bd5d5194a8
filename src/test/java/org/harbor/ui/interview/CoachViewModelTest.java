package org.harbor.ui.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.harbor.interview.session.Utterance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Issue 13: the coach view-model gets its use case and a UiExecutor, tested without the JavaFX toolkit")
class CoachViewModelTest {

    @TempDir
    Path dir;
    InterviewFixture fx;
    InterviewViewModel interview;
    CoachViewModel model;

    @BeforeEach
    void open() throws Exception {
        fx = new InterviewFixture(dir);
        interview = fx.started();
        model = interview.coach();
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private List<Utterance> stored() throws Exception {
        return fx.vault.harbor.interviews().utterances(fx.ivo, fx.sessionId);
    }

    @Test
    @DisplayName("logs a labelled question, an answer and a note, in order, in the vault and on screen")
    void logs() throws Exception {
        assertTrue(model.readyProperty().get(), interview.messageProperty().get());
        model.questionProperty().set("Tell me everything about that day.");
        assertFalse(model.labelTextProperty().get().isEmpty(), "the coach labels the question as it is typed");
        model.submitQuestion();
        model.answerProperty().set("We went to the market by bus.");
        model.answerVerbatimProperty().set(false);
        model.submitAnswer();
        model.noteProperty().set("Child relaxed.");
        model.submitNote();

        assertEquals(List.of(Utterance.Kind.QUESTION, Utterance.Kind.ANSWER, Utterance.Kind.NOTE),
                model.entries().stream().map(CoachViewModel.LogEntry::kind).toList(), interview.messageProperty().get());
        assertEquals(List.of(Utterance.Kind.QUESTION, Utterance.Kind.ANSWER, Utterance.Kind.NOTE),
                stored().stream().map(Utterance::kind).toList());
        assertFalse(model.entries().get(1).verbatim());
        assertEquals("", model.questionProperty().get());
        assertEquals("", model.answerProperty().get());
        assertEquals("", model.noteProperty().get());
    }

    @Test
    @DisplayName("a refused question is shown and its text given back")
    void refusedGivesTextBack() throws Exception {
        fx.vault.harbor.interviews().end(fx.ivo, fx.sessionId, "ended elsewhere");
        model.questionProperty().set("What happened next?");
        model.submitQuestion();
        assertEquals(fx.says("interview.error.ended"), interview.messageProperty().get());
        assertEquals("What happened next?", model.questionProperty().get());
    }
}
