package org.harbor.app;

import static org.harbor.app.UiTestSupport.shows;
import static org.harbor.app.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.Node;
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
@DisplayName("Issue 14: Settings and Accounts put the initial focus on their first field, not on 'Hide screen'")
class FirstFieldFocusUiTest {

    Harbor harbor;
    Shell shell;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        harbor = UiTestSupport.lockedSupervisorVault("harbor-focus-ui", MutableClock.atStart());
        shell = UiTestSupport.showShell(harbor, stage);
    }

    @AfterEach
    void stop() {
        shell.dispose();
        harbor.close();
    }

    private void logIn(FxRobot robot) {
        UiTestSupport.logInAsSupervisor(robot);
    }

    private String focused() {
        WaitForAsyncUtils.waitForFxEvents();
        Node owner = stage.getScene().getFocusOwner();
        return owner == null ? "nothing" : String.valueOf(owner.getId());
    }

    @Test
    @DisplayName("Settings, Accounts: the first field has the focus, so Enter never hides and locks")
    void initialFocusOnFirstField(FxRobot robot) {
        logIn(robot);
        robot.clickOn("#homeSettings");
        waitUntil(() -> shows(robot, "#settingsLanguage"));
        WaitForAsyncUtils.waitForFxEvents(3); // the screen settles over a few pulses
        assertEquals("settingsLanguage", focused());

        robot.interact(() -> shell.toHome());
        waitUntil(() -> shows(robot, "#homeUsers"));
        robot.clickOn("#homeUsers");
        waitUntil(() -> shows(robot, "#usersName"));
        WaitForAsyncUtils.waitForFxEvents(3);
        assertEquals("usersName", focused());
        // the scene moving the focus to the top bar on a late pulse of its own (no key, no click) is undone
        robot.interact(() -> robot.lookup("#emergencyOpen").query().requestFocus());
        assertEquals("usersName", focused());
        // nor is it when the screen had placed the focus on a control of its own, not its first field
        robot.interact(() -> robot.lookup("#usersRole").query().requestFocus());
        robot.interact(() -> robot.lookup("#quickHide").query().requestFocus());
        assertEquals("usersRole", focused());
        // once the user acts, the focus goes where they take it
        robot.clickOn("#emergencyOpen");
        waitUntil(() -> shows(robot, "#emergencyClose"));
        robot.type(KeyCode.ESCAPE);
        robot.interact(() -> shell.toHome()); // the accounts screen is released on the FX thread
        waitUntil(() -> shows(robot, "#homeUsers"));
    }
}
