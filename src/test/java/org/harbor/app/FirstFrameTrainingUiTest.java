package org.harbor.app;

import static org.harbor.app.UiTestSupport.shows;
import static org.harbor.app.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.harbor.Harbor;
import org.harbor.app.FirstFrame.Training;
import org.harbor.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 16, "train the AOT cache through log-in and the case list": the training mode
 * ({@code -Dharbor.training=caseList}) that installer/aot-train.sh drives with xdotool. What it
 * does, not how fast: it logs nobody in, says when the home screen is there, and ends the run once
 * the case list has rows; the keyboard route the driver takes (user, Tab, passphrase, Enter; Space
 * on Home) reaches the case list.
 */
@ExtendWith(ApplicationExtension.class)
@DisplayName("Issue 16: the AOT cache trained through a log-in and the case list")
class FirstFrameTrainingUiTest {

    MutableClock clock = MutableClock.atStart();
    Harbor harbor;
    Shell shell;
    Stage stage;
    final List<String> said = new CopyOnWriteArrayList<>();
    final AtomicInteger ended = new AtomicInteger();

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        harbor = UiTestSupport.lockedSupervisorVault("harbor-training", clock, 12);
        shell = UiTestSupport.showShell(harbor, stage);
        FirstFrame.watchTraining(stage.getScene(), said::add, ended::incrementAndGet);
    }

    @AfterEach
    void stop() {
        WaitForAsyncUtils.waitForAsyncFx(10_000, shell::dispose);
        harbor.close();
    }

    @Test
    @DisplayName("train the AOT cache through log-in and the case list: the run ends once the list has rows, driven by keyboard as a person would")
    void trainingThroughLogInEndsAtTheCaseList(FxRobot robot) throws Exception {
        waitUntil(() -> shows(robot, "#loginUsername"));
        UiTestSupport.settle(shell);
        assertEquals(List.of(), said, "nothing said at the log-in form");
        assertEquals(0, ended.get(), "the run does not end at the log-in form");
        assertTrue(harbor.accounts().current().isEmpty(), "nobody logged in by the training mode itself");

        UiTestSupport.logInAsSupervisorByKeyboard(robot);
        waitUntil(() -> said.contains("home"));
        assertEquals(0, ended.get(), "the run goes on at the home screen");
        // Home gives its first tile, Cases, the focus: Space opens the case list (what the driver does).
        waitUntil(() -> robot.lookup("#homeCases").query().isFocused());
        robot.type(KeyCode.SPACE);

        waitUntil(() -> ended.get() == 1);
        assertEquals(List.of("home", "caseList"), said);
        assertTrue(FirstFrame.caseListDrawn(stage.getScene()), "the case list is on screen with its rows");
        UiTestSupport.settle(shell);
        assertEquals(1, ended.get(), "ended once");
    }

    @Test
    @DisplayName("the training modes: true closes at the first frame, caseList after the case list, anything else is off")
    void trainingModes() {
        assertEquals(Training.OFF, Training.of(null));
        assertEquals(Training.OFF, Training.of("false"));
        assertEquals(Training.OFF, Training.of(""));
        assertEquals(Training.FIRST_FRAME, Training.of("true"));
        assertEquals(Training.CASE_LIST, Training.of("caseList"));
        assertEquals(Training.OFF, Training.of("yes"));
    }
}
