package org.harbor.ui.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.harbor.interview.session.PresentRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Issue 13: the who-is-present view-model gets its use case and a UiExecutor, tested without the JavaFX toolkit")
class PresentViewModelTest {

    @TempDir
    Path dir;
    InterviewFixture fx;
    InterviewViewModel interview;
    PresentViewModel model;

    @BeforeEach
    void open() throws Exception {
        fx = new InterviewFixture(dir);
        interview = fx.started();
        model = interview.present();
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    @DisplayName("a name is needed")
    void nameNeeded() {
        model.nameProperty().set("  ");
        model.record();
        assertEquals(fx.says("interview.present.nameNeeded"), interview.messageProperty().get());
        assertTrue(model.rows().isEmpty());
    }

    @Test
    @DisplayName("records a person: listed, kept in the vault, and the form emptied")
    void records() throws Exception {
        model.roleProperty().set(PresentRole.INTERVIEWER);
        model.nameProperty().set("Ivo");
        model.record();
        assertEquals(fx.says("interview.present.recorded"), interview.messageProperty().get());
        assertEquals(List.of(new PresentViewModel.Row(PresentRole.INTERVIEWER, "Ivo")), model.rows());
        assertEquals("", model.nameProperty().get());
        assertEquals(1, fx.vault.harbor.interviews().state(fx.ivo, fx.sessionId).orElseThrow().present().size());
    }

    @Test
    @DisplayName("an interpreter who is family is refused with the service's reason, and nothing is recorded")
    void interpreterConflict() throws Exception {
        model.roleProperty().set(PresentRole.INTERPRETER);
        model.nameProperty().set("Synthetic Interpreter");
        model.familyProperty().set(true);
        model.record();
        assertEquals(fx.says("interview.error.interpreterConflict"), interview.messageProperty().get());
        assertTrue(model.rows().isEmpty());
        assertTrue(fx.vault.harbor.interviews().state(fx.ivo, fx.sessionId).orElseThrow().present().isEmpty());
    }
}
