package org.harbor.app;

import static org.harbor.app.UiTestSupport.shows;
import static org.harbor.app.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
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
        UiTestSupport.write(robot, "sam-supervisor");
        robot.type(KeyCode.TAB);
        UiTestSupport.write(robot, "short");
        robot.type(KeyCode.TAB);
        UiTestSupport.write(robot, "short");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#setupMessage").queryAs(org.harbor.ui.common.Paragraph.class).getContent().contains("too short"));
        assertFalse(harbor.vault().exists());

        robot.clickOn("#setupPassphrase");
        robot.eraseText(5);
        UiTestSupport.write(robot, "orchard lantern pebble river");
        robot.type(KeyCode.TAB);
        robot.eraseText(5);
        UiTestSupport.write(robot, "orchard lantern pebble river");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> !robot.lookup("#setupRecoveryKey").queryAs(Labeled.class).getText().isEmpty());
        String key = robot.lookup("#setupRecoveryKey").queryAs(Labeled.class).getText().replace("\n", "");
        assertTrue(key.matches("([0-9A-Z]{4}-){12}[0-9A-Z]{4}"), key);
        assertTrue(robot.lookup("#setupFinish").queryAs(Button.class).isDisabled(), "continue needs the confirmation");

        waitUntil(() -> robot.lookup("#setupCopyKey").query().isFocused());
        robot.type(KeyCode.TAB); // to Print
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

    private String createVault(FxRobot robot) {
        assertTrue(shows(robot, "#setupUsername"));
        robot.clickOn("#setupUsername");
        UiTestSupport.write(robot, "sam-supervisor");
        robot.clickOn("#setupPassphrase");
        UiTestSupport.write(robot, "orchard lantern pebble river");
        robot.clickOn("#setupConfirmation");
        UiTestSupport.write(robot, "orchard lantern pebble river");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> !keyShown(robot).isEmpty());
        return keyShown(robot);
    }

    private static String keyShown(FxRobot robot) {
        return robot.lookup("#setupRecoveryKey").queryAs(javafx.scene.Node.class) instanceof Labeled label
                ? label.getText() : ((TextField) robot.lookup("#setupRecoveryKey").query()).getText();
    }

    @Test
    @DisplayName("Issue 14: the recovery key is shown whole at setup, grouped, never cut off (\"...ENC1-\")")
    void recoveryKeyShownWholeAndGrouped(FxRobot robot) throws Exception {
        createVault(robot);
        javafx.scene.Node shown = robot.lookup("#setupRecoveryKey").query();
        var region = (javafx.scene.layout.Region) shown;
        var texts = robot.from(shown).lookup((javafx.scene.Node n) -> n instanceof javafx.scene.text.Text)
                .queryAllAs(javafx.scene.text.Text.class);
        assertFalse(texts.isEmpty());
        StringBuilder visible = new StringBuilder();
        for (var text : texts) {
            assertFalse(text.getText().contains("\u2026") || text.getText().contains("..."), "cut off: " + text.getText());
            assertTrue(text.getLayoutBounds().getWidth() <= region.getWidth() - region.snappedLeftInset()
                    - region.snappedRightInset() + 0.5, "the key is wider than its box, so part of it is hidden");
            visible.append(text.getText());
        }
        String key = visible.toString();
        assertTrue(key.contains("\n"), "grouped on several lines: " + key.length() + " chars");
        for (String line : key.split("\n")) {
            assertTrue(line.matches("([0-9A-Z]{4}-){0,3}[0-9A-Z]{4}-?"), "four groups a line at most");
        }
        assertTrue(key.replace("\n", "").matches("([0-9A-Z]{4}-){12}[0-9A-Z]{4}"), "the whole key");
    }

    @Test
    @DisplayName("Issue 14: the recovery key has Copy (with a clipboard warning, cleared on leaving) and Print")
    void recoveryKeyCopyAndPrint(FxRobot robot) throws Exception {
        createVault(robot);
        String key = keyShown(robot).replace("\n", "");
        robot.clickOn("#setupCopyKey");
        waitUntil(() -> !robot.lookup("#setupKeyNote").queryAs(org.harbor.ui.common.Paragraph.class).getContent().isEmpty());
        assertEquals(key, onFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString()));
        assertTrue(robot.lookup("#setupKeyNote").queryAs(org.harbor.ui.common.Paragraph.class).getContent()
                .contains(harbor.i18n().get("setup.recovery.copied")));

        robot.clickOn("#setupPrintKey"); // headless: no printer, so the user is told to write it down
        waitUntil(() -> !robot.lookup("#setupKeyNote").queryAs(org.harbor.ui.common.Paragraph.class).getContent()
                .equals(harbor.i18n().get("setup.recovery.copied")));
        String note = robot.lookup("#setupKeyNote").queryAs(org.harbor.ui.common.Paragraph.class).getContent();
        assertTrue(note.equals(harbor.i18n().get("setup.recovery.noPrinter")) || note.equals(harbor.i18n().get("setup.recovery.printed"))
                || note.isEmpty(), note);

        robot.clickOn("#setupWrittenDown");
        robot.clickOn("#setupFinish");
        waitUntil(() -> shows(robot, "#homeGreeting"));
        assertFalse(key.equals(onFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString())),
                "the key is taken off the clipboard once confirmed");
    }

    private static String onFx(java.util.concurrent.Callable<String> read) throws Exception {
        var task = new java.util.concurrent.FutureTask<>(read);
        javafx.application.Platform.runLater(task);
        return task.get();
    }
}
