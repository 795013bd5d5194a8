package org.harbor.app;

import static org.harbor.app.UiTestSupport.shows;
import static org.harbor.app.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import javafx.geometry.NodeOrientation;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.harbor.Harbor;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
@DisplayName("The window")
class ShellUiTest {

    MutableClock clock = MutableClock.atStart();
    Harbor harbor;
    Shell shell;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        harbor = UiTestSupport.lockedSupervisorVault("harbor-shell-ui", clock);
        shell = UiTestSupport.showShell(harbor, stage);
    }

    @AfterEach
    void stop() {
        shell.dispose();
        harbor.close();
    }

    private void logIn(FxRobot robot, String passphrase) {
        robot.clickOn("#loginUsername");
        robot.eraseText(40);
        UiTestSupport.write(robot, TestVaults.SUPERVISOR);
        robot.type(KeyCode.TAB);
        UiTestSupport.write(robot, passphrase);
        robot.type(KeyCode.ENTER);
    }

    private void logIn(FxRobot robot) {
        logIn(robot, new String(TestVaults.SUPERVISOR_PASSPHRASE));
        waitUntil(() -> shows(robot, "#homeGreeting"));
    }

    private void drainWorker() throws Exception {
        shell.background().drain();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    @DisplayName("refuses a wrong passphrase, then lets the right one in")
    void loginWrongThenRight(FxRobot robot) {
        logIn(robot, "this is not the passphrase");
        waitUntil(() -> robot.lookup("#loginMessage").queryAs(org.harbor.ui.common.Paragraph.class).getContent().contains("not right"));
        assertFalse(shows(robot, "#homeGreeting"));
        assertFalse(harbor.vault().isUnlocked());
        assertTrue(robot.lookup("#loginPassphrase").queryTextInputControl().getText().isEmpty(), "a refused passphrase is wiped");

        robot.clickOn("#loginPassphrase");
        UiTestSupport.write(robot, new String(TestVaults.SUPERVISOR_PASSPHRASE));
        robot.type(KeyCode.ENTER);
        waitUntil(() -> shows(robot, "#homeGreeting"));
        assertTrue(harbor.vault().isUnlocked());
    }

    @Test
    @DisplayName("locks after the idle minutes pass without input, and asks for the passphrase again")
    void idleLock(FxRobot robot) throws Exception {
        logIn(robot);
        clock.advance(Duration.ofMinutes(4));
        robot.interact(shell::checkIdle);
        assertTrue(shows(robot, "#homeGreeting"), "four minutes is not yet idle");
        clock.advance(Duration.ofMinutes(2));
        robot.interact(shell::checkIdle);
        drainWorker();
        assertTrue(shows(robot, "#loginUsername"));
        assertFalse(shows(robot, "#homeGreeting"));
        assertFalse(harbor.vault().isUnlocked(), "the data key is gone and the database closed");
        assertTrue(harbor.accounts().current().isEmpty());
    }

    @Test
    @DisplayName("quick-hide by key swaps to a neutral screen, removes the content and locks")
    void quickHideByKey(FxRobot robot) throws Exception {
        logIn(robot);
        long started = System.nanoTime();
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.H).release(KeyCode.H, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertNeutralAndLocked(robot);
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(5).toNanos());
        robot.clickOn("#neutralOpen");
        assertTrue(shows(robot, "#loginUsername"), "coming back needs the passphrase");
        logIn(robot);
    }

    @Test
    @DisplayName("quick-hide by the button on the screen does the same")
    void quickHideByButton(FxRobot robot) throws Exception {
        logIn(robot);
        robot.clickOn("#homeSettings");
        waitUntil(() -> shows(robot, "#settingsLanguage"));
        robot.clickOn("#quickHide");
        WaitForAsyncUtils.waitForFxEvents();
        assertNeutralAndLocked(robot);
        assertFalse(shows(robot, "#settingsLanguage"));
    }

    @Test
    @DisplayName("quick-hide while a log-in is still running stays hidden, and the vault ends locked")
    void quickHideDuringLogin(FxRobot robot) throws Exception {
        robot.clickOn("#loginUsername");
        UiTestSupport.write(robot, TestVaults.SUPERVISOR);
        robot.type(KeyCode.TAB);
        UiTestSupport.write(robot, new String(TestVaults.SUPERVISOR_PASSPHRASE));
        robot.type(KeyCode.ENTER);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.H).release(KeyCode.H, KeyCode.SHIFT, KeyCode.CONTROL);
        drainWorker();
        // The log-in's result lands after the hide and locks again on the worker: wait for that, bounded.
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> !harbor.vault().isUnlocked() && harbor.accounts().current().isEmpty());
        drainWorker();
        assertNeutralAndLocked(robot);
    }

    @Test
    @DisplayName("a recovery key never confirmed is replaced at the next supervisor log-in and shown once")
    void unconfirmedRecoveryKey(FxRobot robot) throws Exception {
        var session = harbor.accounts().login(TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE);
        harbor.accounts().rotateRecoveryKey(session); // leaves the key unconfirmed, as an interrupted setup would
        harbor.accounts().lock("test");
        logIn(robot, new String(TestVaults.SUPERVISOR_PASSPHRASE));
        waitUntil(() -> shows(robot, "#setupRecoveryKey")
                && !robot.lookup("#setupRecoveryKey").queryLabeled().getText().isEmpty());
        waitUntil(() -> robot.lookup("#setupCopyKey").query().isFocused());
        robot.type(KeyCode.TAB); // Print
        robot.type(KeyCode.TAB);
        robot.type(KeyCode.SPACE);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> shows(robot, "#homeGreeting"));
        assertTrue(harbor.accounts().recoveryKeyConfirmed(harbor.accounts().current().orElseThrow()));
    }

    /** Picks a language in Settings and commits it with Enter, as a keyboard user does (it applies on commit). */
    private static void chooseLanguage(FxRobot robot, String code) {
        robot.interact(() -> {
            ComboBox<?> combo = robot.lookup("#settingsLanguage").queryAs(ComboBox.class);
            combo.getSelectionModel().select(combo.getItems().indexOf(code));
            combo.requestFocus();
        });
        robot.type(KeyCode.ENTER);
    }

    private static java.util.List<String> titles(FxRobot robot) {
        return robot.lookup(".screen-title").queryAllAs(javafx.scene.control.Label.class).stream()
                .map(javafx.scene.control.Label::getText).toList();
    }

    private void assertNeutralAndLocked(FxRobot robot) throws Exception {
        assertTrue(shows(robot, "#neutralScreen"));
        assertFalse(shows(robot, "#homeGreeting"));
        assertFalse(shows(robot, "#quickHide"), "nothing of Harbor is left on the screen");
        assertEquals("Notes", stage.getTitle());
        drainWorker();
        assertFalse(harbor.vault().isUnlocked());
        assertTrue(harbor.accounts().current().isEmpty());
    }

    @Test
    @DisplayName("switches the whole window to Arabic, right to left, and back, without a restart")
    void arabicAndBack(FxRobot robot) throws Exception {
        logIn(robot);
        robot.clickOn("#homeSettings");
        waitUntil(() -> shows(robot, "#settingsLanguage"));
        assertEquals(NodeOrientation.LEFT_TO_RIGHT, stage.getScene().getRoot().getNodeOrientation());

        chooseLanguage(robot, "ar");
        waitUntil(() -> stage.getScene().getRoot().getNodeOrientation() == NodeOrientation.RIGHT_TO_LEFT);
        assertTrue(titles(robot).contains("الإعدادات"), titles(robot).toString());
        assertEquals("ar", harbor.settings().uiLanguage().orElseThrow());

        chooseLanguage(robot, "en");
        waitUntil(() -> stage.getScene().getRoot().getNodeOrientation() == NodeOrientation.LEFT_TO_RIGHT);
        assertTrue(titles(robot).contains("Settings"), titles(robot).toString());
    }
}
