package org.harbor.app;

import static org.harbor.app.UiTestSupport.shows;
import static org.harbor.app.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.harbor.Harbor;
import org.harbor.accounts.Role;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
@DisplayName("First-run setup")
class SetupUiTest {

    Path home;
    Harbor harbor;
    Shell shell;

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory("harbor-setup-ui");
        harbor = TestVaults.open(home, MutableClock.atStart());
        shell = new Shell(harbor, stage);
        shell.start();
        stage.show();
    }

    @AfterEach
    void stop() {
        shell.dispose();
        harbor.close();
    }

    @Test
    @DisplayName("creates the vault and its supervisor with the keyboard only, and shows the recovery key once")
    void keyboardOnly(FxRobot robot) throws Exception {
        assertTrue(shows(robot, "#setupUsername"));
        assertFalse(harbor.vault().exists());
        robot.clickOn("#setupUsername"); // focus only; everything after is typed
        robot.write("sam-supervisor");
        robot.type(KeyCode.TAB);
        robot.write("short");
        robot.type(KeyCode.TAB);
        robot.write("short");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#setupMessage").queryAs(org.harbor.ui.common.Paragraph.class).getContent().contains("too short"));
        assertFalse(harbor.vault().exists());

        robot.clickOn("#setupPassphrase");
        robot.eraseText(5);
        robot.write("orchard lantern pebble river");
        robot.type(KeyCode.TAB);
        robot.eraseText(5);
        robot.write("orchard lantern pebble river");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> !robot.lookup("#setupRecoveryKey").queryAs(TextField.class).getText().isEmpty());
        String key = robot.lookup("#setupRecoveryKey").queryAs(TextField.class).getText();
        assertTrue(key.matches("([0-9A-Z]{4}-){12}[0-9A-Z]{4}"), key);
        assertTrue(robot.lookup("#setupFinish").queryAs(Button.class).isDisabled(), "continue needs the confirmation");

        waitUntil(() -> robot.lookup("#setupRecoveryKey").query().isFocused());
        robot.type(KeyCode.TAB); // to the check box
        waitUntil(() -> robot.lookup("#setupWrittenDown").query().isFocused());
        robot.type(KeyCode.SPACE);
        assertTrue(robot.lookup("#setupWrittenDown").queryAs(javafx.scene.control.CheckBox.class).isSelected());
        robot.type(KeyCode.ENTER);
        waitUntil(() -> shows(robot, "#homeGreeting"));
        assertTrue(robot.lookup("#homeGreeting").queryAs(org.harbor.ui.common.Paragraph.class).getContent().contains("sam-supervisor"));
        assertFalse(shows(robot, "#setupRecoveryKey"), "the recovery key is gone once confirmed");
        assertTrue(harbor.vault().exists());
        assertEquals(Role.SUPERVISOR, harbor.accounts().current().orElseThrow().role());
        assertTrue(harbor.accounts().recoveryKeyConfirmed(harbor.accounts().current().orElseThrow()));
    }
}
