package org.harbor.app;

import static org.harbor.app.UiTestSupport.shows;
import static org.harbor.app.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.harbor.accounts.Session;
import org.harbor.forms.FormFixture;
import org.harbor.forms.NonResponse;
import org.harbor.forms.NotAskedReason;
import org.harbor.forms.StoredAnswer;
import org.harbor.forms.SubmissionInfo;
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
@DisplayName("Filling a form on screen")
class FormUiTest {

    FormFixture fx;
    Shell shell;
    String caseSession;
    String caseId;

    @Start
    void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory("harbor-form-ui");
        fx = FormFixture.create(home);
        Session supervisor = fx.current();
        fx.harbor.accounts().confirmRecoveryKey(supervisor);
        caseSession = fx.newCaseSession(supervisor, "es");
        caseId = fx.harbor.cases().list(supervisor, org.harbor.cases.CaseQuery.all()).get(0).id();
        fx.harbor.accounts().lock("test");
        shell = new Shell(fx.harbor, stage);
        shell.start();
        stage.show();
    }

    @AfterEach
    void stop() {
        shell.dispose();
        fx.close();
    }

    private void logIn(FxRobot robot) {
        robot.clickOn("#loginUsername");
        robot.write(TestVaults.SUPERVISOR);
        robot.type(KeyCode.TAB);
        robot.write(new String(TestVaults.SUPERVISOR_PASSPHRASE));
        robot.type(KeyCode.ENTER);
        waitUntil(() -> shows(robot, "#homeGreeting"));
    }

    /** Waits until the worker has saved everything and the screen shows the result. */
    private void settle() throws Exception {
        for (int i = 0; i < 3; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            shell.background().drain();
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void key(FxRobot robot, KeyCode... keys) throws Exception {
        robot.type(keys);
        settle();
    }

    private void press(FxRobot robot, KeyCode... chord) throws Exception {
        robot.press(chord);
        robot.release(chord);
        settle();
    }

    private void focused(FxRobot robot, String id) {
        waitUntil(() -> {
            Node owner = robot.listTargetWindows().stream().filter(w -> w.isFocused()).findFirst()
                    .map(w -> w.getScene().getFocusOwner()).orElse(null);
            return owner != null && id.equals(owner.getId());
        });
    }

    private void writeLine(FxRobot robot, String text) throws Exception {
        robot.write(text);
        key(robot, KeyCode.ENTER);
    }

    @Test
    @DisplayName("the intake form filled with the keyboard only: values, each non-response kind on a required question, two guardians")
    void keyboardOnly(FxRobot robot) throws Exception {
        logIn(robot);
        robot.interact(() -> shell.toForm(caseSession, FormFixture.INTAKE));
        focused(robot, "input-data_name");
        assertTrue(robot.lookup("Nombre *").tryQuery().isPresent(), "the question in the interview language");
        assertTrue(robot.lookup("Name").tryQuery().isPresent(), "with the display language beneath");

        writeLine(robot, "Synthetic Child");
        focused(robot, "input-data_age");
        press(robot, KeyCode.CONTROL, KeyCode.DIGIT1);                  // prefer not to say
        waitUntil(() -> shows(robot, "#recorded-data_age"));
        key(robot, KeyCode.PAGE_DOWN);

        focused(robot, "input-data_dob");
        writeLine(robot, "2012-05-06");
        focused(robot, "choice-data_dob_uncertain-yes");
        press(robot, KeyCode.CONTROL, KeyCode.DIGIT2);                  // don't know
        waitUntil(() -> shows(robot, "#recorded-data_dob_uncertain"));
        key(robot, KeyCode.PAGE_DOWN);

        focused(robot, "choice-data_gender-woman");                    // the uncertain-age reason is not relevant
        press(robot, KeyCode.CONTROL, KeyCode.DIGIT3);                  // not asked, with a reason
        focused(robot, "reason-data_gender");
        ComboBox<?> reason = robot.lookup("#reason-data_gender").queryAs(ComboBox.class);
        key(robot, KeyCode.DOWN);
        if (reason.getValue() == null) {
            press(robot, KeyCode.ALT, KeyCode.DOWN);
            key(robot, KeyCode.DOWN, KeyCode.ENTER);
        }
        assertEquals(NotAskedReason.DISTRESSED, reason.getValue());
        key(robot, KeyCode.TAB);
        focused(robot, "confirmNotAsked-data_gender");
        key(robot, KeyCode.ENTER);
        waitUntil(() -> shows(robot, "#recorded-data_gender"));
        key(robot, KeyCode.PAGE_DOWN);

        focused(robot, "choice-data_languages-en");
        key(robot, KeyCode.SPACE);
        key(robot, KeyCode.TAB);
        focused(robot, "choice-data_languages-es");
        key(robot, KeyCode.SPACE);
        key(robot, KeyCode.ENTER);

        focused(robot, "formNext");                                     // a note: nothing to answer
        key(robot, KeyCode.ENTER);

        focused(robot, "choice-data_needs_food-yes");                   // a field-list page: two questions
        key(robot, KeyCode.SPACE);
        key(robot, KeyCode.ENTER);
        focused(robot, "choice-data_needs_shelter-yes");
        key(robot, KeyCode.DOWN);
        if (!robot.lookup("#choice-data_needs_shelter-no").queryAs(javafx.scene.control.RadioButton.class).isSelected()) {
            key(robot, KeyCode.SPACE);
        }
        key(robot, KeyCode.ENTER);

        for (String guardian : new String[] {"Synthetic Guardian One", "Synthetic Guardian Two"}) {
            focused(robot, "formAddEntry");
            key(robot, KeyCode.ENTER);
            waitUntil(() -> robot.lookup(".text-field").tryQuery().isPresent());
            robot.write(guardian);
            key(robot, KeyCode.ENTER);
            key(robot, KeyCode.SPACE);                                  // possibly implicated: yes
            key(robot, KeyCode.ENTER);
        }
        focused(robot, "formAddEntry");
        assertTrue(robot.lookup("#repeatPrompt").queryAs(org.harbor.ui.common.Paragraph.class).getContent().contains("2"));
        key(robot, KeyCode.PAGE_DOWN);                                  // no more guardians

        focused(robot, "input-data_notes");
        writeLine(robot, "Synthetic free text");
        focused(robot, "input-data_ack");
        key(robot, KeyCode.SPACE);
        key(robot, KeyCode.ENTER);
        focused(robot, "formFinish");
        key(robot, KeyCode.ENTER);
        waitUntil(() -> shows(robot, "#formToCase"));

        Session who = fx.harbor.accounts().current().orElseThrow();
        SubmissionInfo submission = fx.harbor.forms().submissions(who, caseId).get(0);
        assertEquals("complete", submission.status());
        Map<String, StoredAnswer> stored = fx.harbor.forms().answers(who, submission.id()).stream()
                .collect(Collectors.toMap(StoredAnswer::path, Function.identity()));
        assertEquals("Synthetic Child", stored.get("/data/name").value());
        assertEquals(NonResponse.DECLINED, stored.get("/data/age").nonResponse());
        assertNull(stored.get("/data/age").value());
        assertEquals("2012-05-06", stored.get("/data/dob").value());
        assertEquals(NonResponse.DONT_KNOW, stored.get("/data/dob_uncertain").nonResponse());
        assertEquals(NonResponse.NOT_ASKED, stored.get("/data/gender").nonResponse());
        assertEquals(NotAskedReason.DISTRESSED, stored.get("/data/gender").notAskedReason());
        assertEquals("en es", stored.get("/data/languages").value());
        assertEquals("yes", stored.get("/data/needs/food").value());
        assertEquals("no", stored.get("/data/needs/shelter").value());
        assertEquals("Synthetic Guardian One", stored.get("/data/guardians[1]/g_name").value());
        assertEquals("yes", stored.get("/data/guardians[1]/g_implicated").value());
        assertEquals("Synthetic Guardian Two", stored.get("/data/guardians[2]/g_name").value());
        assertEquals("yes", stored.get("/data/guardians[2]/g_implicated").value());
        assertEquals("Synthetic free text", stored.get("/data/notes").value());
        assertEquals("OK", stored.get("/data/ack").value());
        assertTrue(!fx.harbor.forms().safetyAlert(who, caseId), "no danger question was answered 'yes'");
    }
}
