package org.harbor.app;

import static org.harbor.app.UiTestSupport.shows;
import static org.harbor.app.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.harbor.accounts.EmergencyContact;
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

/**
 * Issue 14, R2: the emergency panel on every screen after log-in, by Ctrl+Shift+E and by the
 * top-bar button, over the screen (not instead of it), closed by Esc with the focus, the typed
 * text and the caret where they were. With {@code -Dharbor.screenshots=docs/images} it also writes
 * emergency-panel.png and emergency-panel-ar.png (docs/images/screenshots.sh does so).
 */
@ExtendWith(ApplicationExtension.class)
@DisplayName("Issue 14: emergency panel on every screen after log-in (R2)")
class EmergencyPanelUiTest {

    FormFixture fx;
    Shell shell;
    Stage stage;
    String caseSession;
    String caseId;

    @org.junit.jupiter.api.BeforeAll
    static void patience() {
        // The first window of a loaded test machine can take longer than TestFX's 30 s default.
        org.testfx.api.FxToolkit.toolkitContext().setSetupTimeoutInMillis(120_000);
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        fx = FormFixture.create(Files.createTempDirectory("harbor-emergency-ui"));
        Session supervisor = fx.current();
        fx.harbor.accounts().confirmRecoveryKey(supervisor);
        caseSession = fx.newCaseSession(supervisor, "en");
        caseId = fx.harbor.cases().list(supervisor, org.harbor.cases.CaseQuery.all()).get(0).id();
        // The organisation's own contact (synthetic) before the United States' hotlines.
        fx.harbor.settings().setEmergencyContacts(supervisor, "US", List.of(
                new EmergencyContact("Harbor duty supervisor (Ana)", "+1 555 0100", "Any danger to the child, day or night"),
                new EmergencyContact("National Human Trafficking Hotline", "1-888-373-7888",
                        "You suspect trafficking or exploitation, or need advice, at any time"),
                new EmergencyContact("National Human Trafficking Hotline (text)", "233733", "Speaking aloud is not safe")));
        fx.harbor.accounts().lock("test");
        shell = new Shell(fx.harbor, stage);
        shell.start();
        stage.show();
    }

    @AfterEach
    void stop() {
        WaitForAsyncUtils.waitForAsyncFx(10_000, shell::dispose);
        fx.close();
    }

    private void logIn(FxRobot robot) {
        UiTestSupport.logInAsSupervisor(robot);
    }

    private void settle() throws Exception {
        for (int i = 0; i < 3; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            shell.background().drain();
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void chord(FxRobot robot, KeyCode... keys) {
        robot.press(keys);
        robot.release(keys);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Node focusOwner() {
        return stage.getScene().getFocusOwner();
    }

    private List<String> numbersShown(FxRobot robot) {
        return robot.lookup(".emergency-number").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    @Test
    @DisplayName("Ctrl+Shift+E opens the panel over a form while typing; Esc closes it; the typed text is untouched")
    void keyboardPathKeepsTypedText(FxRobot robot) throws Exception {
        logIn(robot);
        robot.interact(() -> shell.toForm(caseSession, FormFixture.INTAKE));
        waitUntil(() -> focusOwner() != null && "input-data_name".equals(focusOwner().getId()));
        TextInputControl name = (TextInputControl) focusOwner();
        UiTestSupport.write(robot, "Mira Okafor");
        robot.type(KeyCode.LEFT, 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(8, name.getCaretPosition());

        chord(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E);
        settle();
        assertTrue(shell.emergencyOpen());
        assertTrue(shows(robot, "#emergencyPanel"));
        assertTrue(shows(robot, "#input-data_name"), "the panel lies over the form; the form is still there beneath");
        assertEquals(List.of("+1 555 0100", "1-888-373-7888", "233733"), numbersShown(robot));
        assertEquals("emergencyClose", focusOwner().getId(), "the focus goes into the panel");
        robot.type(KeyCode.TAB);
        assertTrue(robot.lookup("#emergencyPanel").query().lookupAll("*").contains(focusOwner()),
                "Tab stays inside the panel while it is open: " + focusOwner());
        assertTrue(focusOwner().getAccessibleText() != null && !focusOwner().getAccessibleText().isBlank(),
                "a contact is read whole by a screen reader");
        assertEquals("Mira Okafor", name.getText(), "nothing typed reaches the form while the panel is open");

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(shell.emergencyOpen());
        assertFalse(shows(robot, "#emergencyPanel"));
        assertEquals("Mira Okafor", name.getText(), "the typed text is untouched");
        waitUntil(() -> focusOwner() != null && "input-data_name".equals(focusOwner().getId()));
        TextInputControl back = (TextInputControl) focusOwner();
        assertEquals("Mira Okafor", back.getText(), "the field the focus returns to holds what was typed");
        assertEquals(8, back.getCaretPosition(), "the caret is where it was (three to the left of the end)");
        UiTestSupport.write(robot, "x");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Mira Okaxfor", back.getText(), "typing goes on where it stopped");
    }

    @Test
    @DisplayName("the always-visible button opens it on every screen after log-in (home, cases, case, form, interview, settings), and not before")
    void buttonOnEveryScreen(FxRobot robot) throws Exception {
        assertFalse(shows(robot, "#emergencyOpen"), "not on the log-in screen");
        chord(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E);
        assertFalse(shell.emergencyOpen(), "the key does nothing before log-in");
        logIn(robot);
        List<Runnable> screens = List.of(shell::toHome, shell::toCases, () -> shell.toCase(caseId),
                () -> shell.toForm(caseSession, FormFixture.INTAKE), () -> shell.toInterview(caseSession), shell::toSettings);
        for (Runnable screen : screens) {
            robot.interact(screen);
            settle();
            assertTrue(shows(robot, "#emergencyOpen"), "the button is on " + UiTestSupport.texts());
            robot.clickOn("#emergencyOpen");
            settle();
            assertTrue(shell.emergencyOpen());
            waitUntil(() -> numbersShown(robot).contains("1-888-373-7888"));
            robot.clickOn("#emergencyClose");
            WaitForAsyncUtils.waitForFxEvents();
            assertFalse(shows(robot, "#emergencyPanel"));
        }
    }

    @Test
    @DisplayName("quick-hide with the panel open hides it with everything else")
    void quickHideClosesPanel(FxRobot robot) throws Exception {
        logIn(robot);
        chord(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E);
        settle();
        assertTrue(shell.emergencyOpen());
        chord(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.H);
        settle();
        assertFalse(shell.emergencyOpen());
        assertTrue(shows(robot, "#neutralScreen"));
        assertFalse(shows(robot, "#emergencyPanel"));
    }

    @Test
    @DisplayName("the panel in Arabic, right to left, with the contacts (screenshots en and ar)")
    void screenshotsEnglishAndArabic(FxRobot robot) throws Exception {
        logIn(robot);
        robot.interact(() -> shell.toForm(caseSession, FormFixture.INTAKE));
        settle();
        robot.clickOn("#emergencyOpen");
        settle();
        waitUntil(() -> numbersShown(robot).size() == 3);
        screenshot("emergency-panel.png");
        robot.type(KeyCode.ESCAPE);
        robot.interact(() -> fx.harbor.i18n().use(Locale.of("ar")));
        settle();
        robot.clickOn("#emergencyOpen");
        settle();
        waitUntil(() -> numbersShown(robot).size() == 3);
        assertEquals("جهات اتصال الطوارئ", robot.lookup("#emergencyTitle").queryAs(Label.class).getText());
        assertEquals(javafx.geometry.NodeOrientation.RIGHT_TO_LEFT,
                robot.lookup("#emergencyPanel").query().getEffectiveNodeOrientation());
        // In the Arabic window a number still reads left to right (+1 555 0100, not 0100 555 1+),
        // and a Latin name keeps its own direction (its closing bracket stays at its end).
        assertEquals(javafx.geometry.NodeOrientation.LEFT_TO_RIGHT,
                robot.lookup("#emergencyNumber1").query().getEffectiveNodeOrientation());
        screenshot("emergency-panel-ar.png");
    }

    void screenshot(String name) {
        UiTestSupport.screenshot(stage, name);
    }
}
