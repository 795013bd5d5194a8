package org.harbor.app;

import static org.harbor.app.UiTestSupport.shows;
import static org.harbor.app.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.harbor.accounts.Session;
import org.harbor.forms.FormFixture;
import org.harbor.testing.TestVaults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 14 on the form screen: closing the window asks first; a typed, unconfirmed answer survives a quick-hide. */
@ExtendWith(ApplicationExtension.class)
@DisplayName("Issue 14 on the form screen")
class FormGuardsUiTest {

    FormFixture fx;
    Shell shell;
    Stage stage;
    String caseSession;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path home = Files.createTempDirectory("harbor-form-guards");
        fx = FormFixture.create(home);
        Session supervisor = fx.current();
        fx.harbor.accounts().confirmRecoveryKey(supervisor);
        caseSession = fx.newCaseSession(supervisor, "es");
        fx.harbor.accounts().lock("test");
        shell = UiTestSupport.showShell(fx.harbor, stage);
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(shell::dispose).get();
        fx.close();
    }

    private void logIn(FxRobot robot) {
        waitUntil(() -> robot.lookup("#loginUsername").tryQuery().map(Node::isFocused).orElse(false));
        UiTestSupport.write(robot, TestVaults.SUPERVISOR);
        robot.type(KeyCode.TAB);
        UiTestSupport.write(robot, new String(TestVaults.SUPERVISOR_PASSPHRASE));
        robot.type(KeyCode.ENTER);
    }

    private void openForm(FxRobot robot) {
        logIn(robot);
        waitUntil(() -> shows(robot, "#homeGreeting"));
        robot.interact(() -> shell.toForm(caseSession, FormFixture.INTAKE));
        waitUntil(() -> stage.getScene().getFocusOwner() != null && "input-data_name".equals(stage.getScene().getFocusOwner().getId()));
    }

    private Node focused() {
        return stage.getScene().getFocusOwner();
    }

    @Test
    @DisplayName("closing the window during a form asks first; Enter keeps working")
    void closingTheWindowDuringAFormAsksFirst(FxRobot robot) throws Exception {
        openForm(robot);
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitUntil(() -> shows(robot, "#closeConfirm") && focused() != null && "closeConfirmKeep".equals(focused().getId()));
        assertFalse(robot.lookup("#closeConfirmGo").queryButton().isDefaultButton());
        robot.type(KeyCode.ENTER);
        waitUntil(() -> !shows(robot, "#closeConfirm"));
        assertTrue(stage.isShowing());
        assertTrue(shows(robot, "#input-data_name"), "still on the form");
    }

    @Test
    @DisplayName("after quick-hide, unlocking returns to the form with the typed but unconfirmed answer")
    void quickHideKeepsTheUnconfirmedAnswer(FxRobot robot) throws Exception {
        openForm(robot);
        UiTestSupport.write(robot, "Synthetic Draft");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.H).release(KeyCode.H, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> shows(robot, "#neutralScreen"));
        robot.clickOn("#neutralOpen");
        waitUntil(() -> shows(robot, "#loginUsername"));
        logIn(robot);
        waitUntil(() -> shows(robot, "#input-data_name")
                && "Synthetic Draft".equals(robot.lookup("#input-data_name").queryTextInputControl().getText()));
        assertEquals(false, shows(robot, "#homeGreeting"));
    }
}
