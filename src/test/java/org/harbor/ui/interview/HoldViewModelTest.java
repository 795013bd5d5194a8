package org.harbor.ui.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.harbor.interview.session.InterviewState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Issue 13: the breaks-and-pauses view-model gets its use case and a UiExecutor, tested without the JavaFX toolkit")
class HoldViewModelTest {

    @TempDir
    Path dir;
    InterviewFixture fx;
    InterviewViewModel interview;
    HoldViewModel model;

    @BeforeEach
    void open() throws Exception {
        fx = new InterviewFixture(dir);
        interview = fx.started();
        model = interview.holds();
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private InterviewState.Hold stored() throws Exception {
        return fx.vault.harbor.interviews().state(fx.ivo, fx.sessionId).orElseThrow().hold();
    }

    @Test
    @DisplayName("a break is one key: it starts without a reason, and a reason typed during it is recorded when it ends")
    void breakIsOneKeyReasonAfterwards() throws Exception {
        assertTrue(model.toggleBreak());
        assertEquals(InterviewState.Hold.BREAK, stored());
        assertEquals(fx.says("interview.hold.breakNoReason"), model.holdTextProperty().get());
        model.reasonProperty().set("the child asked");
        assertTrue(model.toggleBreak());
        assertEquals(InterviewState.Hold.NONE, stored());
        assertEquals(java.util.List.of("the child asked"), fx.vault.harbor.interviews().breakReasons(fx.ivo, fx.sessionId));
        assertEquals("", model.reasonProperty().get());
    }

    @Test
    @DisplayName("a pause still needs a reason")
    void pauseNeedsReason() throws Exception {
        assertFalse(model.togglePause());
        assertEquals(fx.says("interview.reason.needed"), interview.messageProperty().get());
        assertEquals(InterviewState.Hold.NONE, stored());
    }

    @Test
    @DisplayName("a break starts with its reason and ends with the same key; a pause meanwhile is refused")
    void breakThenResume() throws Exception {
        model.reasonProperty().set("the child asked");
        assertTrue(model.toggleBreak());
        assertEquals(InterviewState.Hold.BREAK, model.holdProperty().get(), interview.messageProperty().get());
        assertEquals(fx.says("interview.hold.break", "the child asked"), model.holdTextProperty().get());
        assertEquals("", model.reasonProperty().get());
        assertEquals(InterviewState.Hold.BREAK, stored());

        model.reasonProperty().set("phone rang");
        model.togglePause();
        assertEquals(fx.says("interview.hold.other"), interview.messageProperty().get());
        assertEquals(InterviewState.Hold.BREAK, stored());

        model.toggleBreak();
        assertEquals(InterviewState.Hold.NONE, model.holdProperty().get());
        assertEquals("", model.holdTextProperty().get());
        assertEquals(InterviewState.Hold.NONE, stored());
    }

    @Test
    @DisplayName("a pause starts with its reason and resumes")
    void pause() throws Exception {
        model.reasonProperty().set("phone rang");
        model.togglePause();
        assertEquals(InterviewState.Hold.PAUSE, stored());
        assertEquals(fx.says("interview.hold.pause", "phone rang"), model.holdTextProperty().get());
        model.togglePause();
        assertEquals(InterviewState.Hold.NONE, stored());
    }
}
