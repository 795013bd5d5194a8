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
        UiTestSupport.logInAsSupervisor(robot);
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
        UiTestSupport.write(robot, text);
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
            UiTestSupport.write(robot, guardian);
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

    private void focusedStarts(FxRobot robot, String prefix) {
        waitUntil(() -> {
            Node owner = robot.listTargetWindows().stream().filter(w -> w.isFocused()).findFirst()
                    .map(w -> w.getScene().getFocusOwner()).orElse(null);
            return owner != null && owner.getId() != null && owner.getId().startsWith(prefix);
        });
    }

    /** Chooses the first option of a choice question in focus, then goes on. */
    private void firstChoice(FxRobot robot, String prefix) throws Exception {
        focusedStarts(robot, prefix);
        key(robot, KeyCode.SPACE);
        key(robot, KeyCode.ENTER);
    }

    @Test
    @DisplayName("the built-in intake form filled with the keyboard only: each non-response kind on a required question, two guardians")
    void builtInIntakeKeyboardOnly(FxRobot robot) throws Exception {
        String intake = "harbor-intake";
        logIn(robot);
        robot.interact(() -> shell.toForm(caseSession, intake));
        focused(robot, "formNext");                                       // the opening note
        key(robot, KeyCode.ENTER);

        focused(robot, "input-data_names_name");
        writeLine(robot, "Synthetic Child");
        focused(robot, "input-data_names_aliases");
        writeLine(robot, "Synthetic Alias");

        focused(robot, "input-data_age_claimed_age");
        writeLine(robot, "15");
        focused(robot, "input-data_age_dob");
        writeLine(robot, "2011-02-03");
        firstChoice(robot, "choice-data_age_dob_approximate-");           // appeared once a date was given
        focusedStarts(robot, "choice-data_age_dob_uncertain-");
        press(robot, KeyCode.CONTROL, KeyCode.DIGIT2);                    // don't know
        waitUntil(() -> shows(robot, "#recorded-data_age_dob_uncertain"));
        focused(robot, "formNext");
        key(robot, KeyCode.ENTER);

        focused(robot, "input-data_assessment_assessed_age_min");
        writeLine(robot, "14");
        focused(robot, "input-data_assessment_assessed_age_max");
        writeLine(robot, "17");
        firstChoice(robot, "choice-data_assessment_age_method-");          // appeared once a range was given
        waitUntil(() -> !shows(robot, "#input-data_assessment_assessed_age_min"));

        focused(robot, "input-data_gender_gender");
        writeLine(robot, "Synthetic self-description");
        firstChoice(robot, "choice-data_gender_worker_gender-");

        focused(robot, "input-data_languages_languages");
        writeLine(robot, "Synthetic tongue");
        focused(robot, "input-data_languages_language_codes");
        writeLine(robot, "ti so");
        firstChoice(robot, "choice-data_languages_reads-");
        firstChoice(robot, "choice-data_languages_preferred_language-");
        firstChoice(robot, "choice-data_languages_interpreter_needed-");

        focused(robot, "input-data_origin_nationality");
        writeLine(robot, "Synthetic land");
        focused(robot, "input-data_origin_nationality_codes");
        writeLine(robot, "ER");
        focused(robot, "input-data_origin_country_of_birth");
        writeLine(robot, "Synthetic land");

        firstChoice(robot, "choice-data_care_care_status-");               // a child: who looks after them
        firstChoice(robot, "choice-data_care_current_carer-");
        focused(robot, "input-data_care_current_carer_details");          // appeared once a carer was chosen
        writeLine(robot, "Synthetic carer");

        for (String guardian : new String[] {"Synthetic Guardian One", "Synthetic Guardian Two"}) {
            focused(robot, "formAddEntry");
            key(robot, KeyCode.ENTER);
            focusedStarts(robot, "input-data_guardians_");
            writeLine(robot, guardian);
            firstChoice(robot, "choice-data_guardians_");                 // relation
            firstChoice(robot, "choice-data_guardians_");                 // legal responsibility
            firstChoice(robot, "choice-data_guardians_");                 // possibly implicated
        }
        focused(robot, "formAddEntry");
        key(robot, KeyCode.PAGE_DOWN);                                    // no more guardians
        focused(robot, "formAddEntry");
        key(robot, KeyCode.PAGE_DOWN);                                    // no identity documents

        focusedStarts(robot, "choice-data_needs_medical_urgent-");
        press(robot, KeyCode.CONTROL, KeyCode.DIGIT1);                    // prefer not to say
        focusedStarts(robot, "choice-data_needs_safe_tonight-");
        press(robot, KeyCode.CONTROL, KeyCode.DIGIT3);                    // not asked, for a reason
        focused(robot, "reason-data_needs_safe_tonight");
        key(robot, KeyCode.DOWN);
        if (robot.lookup("#reason-data_needs_safe_tonight").queryAs(ComboBox.class).getValue() == null) {
            press(robot, KeyCode.ALT, KeyCode.DOWN);
            key(robot, KeyCode.DOWN, KeyCode.ENTER);
        }
        key(robot, KeyCode.TAB);
        focused(robot, "confirmNotAsked-data_needs_safe_tonight");
        key(robot, KeyCode.ENTER);
        firstChoice(robot, "choice-data_needs_food-");
        firstChoice(robot, "choice-data_needs_clothing-");
        firstChoice(robot, "choice-data_needs_legal_help-");
        focused(robot, "input-data_needs_other_needs");
        writeLine(robot, "Synthetic need");

        focused(robot, "formFinish");
        key(robot, KeyCode.ENTER);
        waitUntil(() -> shows(robot, "#formToCase"));

        Session who = fx.harbor.accounts().current().orElseThrow();
        SubmissionInfo submission = fx.harbor.forms().submissions(who, caseId).stream()
                .filter(x -> x.formId().equals(intake)).findFirst().orElseThrow();
        assertEquals("complete", submission.status());
        Map<String, StoredAnswer> stored = fx.harbor.forms().answers(who, submission.id()).stream()
                .collect(Collectors.toMap(StoredAnswer::path, Function.identity()));
        assertEquals("Synthetic Child", stored.get("/data/names/name").value());
        assertEquals("Synthetic Alias", stored.get("/data/names/aliases").value());
        assertEquals("ER", stored.get("/data/origin/nationality_codes").value());
        assertEquals("ti so", stored.get("/data/languages/language_codes").value());
        assertEquals("unaccompanied", stored.get("/data/care/care_status").value());
        assertEquals("15", stored.get("/data/age/claimed_age").value());
        assertEquals("2011-02-03", stored.get("/data/age/dob").value());
        assertEquals("yes", stored.get("/data/age/dob_approximate").value());
        assertEquals(NonResponse.DONT_KNOW, stored.get("/data/age/dob_uncertain").nonResponse());
        assertEquals("14", stored.get("/data/assessment/assessed_age_min").value());
        assertEquals("17", stored.get("/data/assessment/assessed_age_max").value());
        assertTrue(stored.get("/data/assessment/age_method").value() != null);
        assertEquals("Synthetic self-description", stored.get("/data/gender/gender").value());
        assertEquals("Synthetic tongue", stored.get("/data/languages/languages").value());
        assertEquals("Synthetic land", stored.get("/data/origin/nationality").value());
        assertEquals("Synthetic Guardian One", stored.get("/data/guardians[1]/guardian_name").value());
        assertEquals("Synthetic Guardian Two", stored.get("/data/guardians[2]/guardian_name").value());
        for (int g = 1; g <= 2; g++) {
            assertTrue(stored.get("/data/guardians[" + g + "]/guardian_relation").value() != null);
            assertTrue(stored.get("/data/guardians[" + g + "]/possibly_implicated").value() != null);
        }
        assertEquals(NonResponse.DECLINED, stored.get("/data/needs/medical_urgent").nonResponse());
        assertEquals(NonResponse.NOT_ASKED, stored.get("/data/needs/safe_tonight").nonResponse());
        assertEquals(NotAskedReason.DISTRESSED, stored.get("/data/needs/safe_tonight").notAskedReason());
        assertTrue(stored.get("/data/needs/food").value() != null);
        assertEquals("Synthetic need", stored.get("/data/needs/other_needs").value());
        assertTrue(fx.harbor.forms().facts(who, caseId).stream().anyMatch(f -> f.key().equals("survivor.name")),
                "the name is a case fact now");
    }
}
