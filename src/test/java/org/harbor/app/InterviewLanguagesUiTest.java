package org.harbor.app;

import static org.harbor.app.UiTestSupport.shows;
import static org.harbor.app.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.harbor.Harbor;
import org.harbor.accounts.Role;
import org.harbor.accounts.Session;
import org.harbor.cases.SessionKind;
import org.harbor.i18n.I18n;
import org.harbor.interview.session.Utterance;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.harbor.ui.common.Paragraph;
import org.harbor.vault.VaultKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issues 14 and 19: the interview language list offers every shipped language, each by its own
 * name; for a language the question coach does not cover, the screen says so plainly and the
 * turns are still logged, with the interview's language; a covered language is labelled.
 */
@ExtendWith(ApplicationExtension.class)
@DisplayName("The interview language")
class InterviewLanguagesUiTest {

    static final char[] TEMPORARY = "temporary pass phrase one".toCharArray();
    static final String OWN = "interviewer own pass phrase";

    final MutableClock clock = MutableClock.atStart();
    Harbor harbor;
    Shell shell;
    Stage stage;
    String caseId;
    String firstSession;
    String secondSession;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path home = Files.createTempDirectory("harbor-interview-languages");
        harbor = TestVaults.open(home, clock);
        var setup = harbor.accounts().setUp(VaultKind.FIELD, TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE);
        harbor.accounts().confirmRecoveryKey(setup.session());
        harbor.accounts().addUser(setup.session(), "ivo", Role.INTERVIEWER, TEMPORARY);
        harbor.accounts().lock("switch");
        harbor.accounts().changePassphrase(harbor.accounts().login("ivo", TEMPORARY), TEMPORARY, OWN.toCharArray());
        Session ivo = harbor.accounts().current().orElseThrow();
        caseId = harbor.cases().create(ivo, "Synthetic Child", List.of()).id();
        firstSession = harbor.cases().startSession(ivo, caseId, SessionKind.INTERVIEW, "en").id();
        secondSession = harbor.cases().startSession(ivo, caseId, SessionKind.INTERVIEW, "en").id();
        harbor.accounts().lock("test");
        shell = UiTestSupport.showShell(harbor, stage);
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(shell::dispose).get();
        harbor.close();
    }

    private void logIn(FxRobot robot) {
        waitUntil(() -> robot.lookup("#loginUsername").tryQuery().map(Node::isFocused).orElse(false));
        UiTestSupport.write(robot, "ivo");
        robot.type(KeyCode.TAB);
        UiTestSupport.write(robot, OWN);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> shows(robot, "#homeGreeting"));
    }

    private void openSetup(FxRobot robot, String sessionId) {
        robot.interact(() -> shell.toInterview(sessionId));
        waitUntil(() -> shows(robot, "#interviewStart") && shows(robot, "#interviewLanguage"));
    }

    @SuppressWarnings("unchecked")
    private ComboBox<String> languageCombo(FxRobot robot) {
        return robot.lookup("#interviewLanguage").queryAs(ComboBox.class);
    }

    private void choose(FxRobot robot, String code) {
        ComboBox<String> combo = languageCombo(robot);
        robot.interact(() -> combo.getSelectionModel().select(code));
        waitUntil(() -> code.equals(combo.getValue()));
    }

    private void startInterview(FxRobot robot) {
        robot.interact(() -> robot.lookup("#interviewStart").query().requestFocus());
        robot.type(KeyCode.ENTER);
        waitUntil(() -> shows(robot, "#interviewQuestion") && !robot.lookup("#interviewQuestion").query().isDisabled());
    }

    private static String text(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        return node instanceof Paragraph p ? p.getContent() : ((Label) node).getText();
    }

    private static boolean coverageShown(FxRobot robot) {
        return robot.lookup("#interviewCoverage").tryQuery().map(Node::isVisible).orElse(false);
    }

    private int logSize(FxRobot robot) {
        return robot.lookup("#interviewLog").queryAs(VBox.class).getChildren().size();
    }

    private void logQuestion(FxRobot robot, String question) {
        robot.interact(() -> robot.lookup("#interviewQuestion").query().requestFocus());
        UiTestSupport.write(robot, question);
        int before = logSize(robot);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> logSize(robot) == before + 1);
    }

    @Test
    @DisplayName("offers every shipped language, each by its own name")
    void everyShippedLanguageByItsOwnName(FxRobot robot) {
        logIn(robot);
        openSetup(robot, firstSession);
        ComboBox<String> combo = languageCombo(robot);
        assertEquals(I18n.SHIPPED, List.copyOf(combo.getItems()));
        List<String> names = combo.getItems().stream().map(code -> combo.getConverter().toString(code)).toList();
        assertEquals(List.of("English", "Español (Spanish)", "العربية (Arabic)", "Français (French)", "Português (Portuguese)",
                "Tiếng Việt (Vietnamese)", "Shqip (Albanian)", "Tagalog"), names);
    }

    @Test
    @DisplayName("choose Tagalog: the screen says the coach cannot label it; a turn is logged and stored with its language; "
            + "choose Spanish: the coach labels")
    void tagalogIsLoggedUnlabelledSpanishIsLabelled(FxRobot robot) {
        logIn(robot);
        Session ivo = harbor.accounts().current().orElseThrow();
        openSetup(robot, firstSession);
        assertFalse(coverageShown(robot), "English is covered: nothing to say");
        choose(robot, "tl");
        String notCovered = harbor.i18n().get("interview.coach.notCovered", harbor.i18n().languageName("tl"));
        waitUntil(() -> coverageShown(robot));
        assertEquals(notCovered, text(robot, "#interviewCoverage"));
        assertEquals("The question coach cannot label questions in Tagalog. Your turns are still logged, with their language.",
                notCovered);
        startInterview(robot);
        waitUntil(() -> coverageShown(robot));
        assertEquals(notCovered, text(robot, "#interviewCoverage"), "the running screen says it too");
        robot.interact(() -> robot.lookup("#interviewQuestion").query().requestFocus());
        UiTestSupport.write(robot, "Ano ang nangyari?");
        assertEquals("", text(robot, "#interviewLabel"), "no English label pretending");
        UiTestSupport.screenshot(stage, "interview-language-not-covered.png");
        int before = logSize(robot);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> logSize(robot) == before + 1);
        List<Utterance> stored = harbor.interviews().utterances(ivo, firstSession);
        assertEquals(1, stored.size());
        assertEquals(Utterance.Kind.QUESTION, stored.getFirst().kind());
        assertEquals("Ano ang nangyari?", stored.getFirst().text());
        assertNull(stored.getFirst().label(), "stored without a label");
        assertEquals("tl", harbor.interviews().state(ivo, firstSession).orElseThrow().language(), "with the interview's language");
        assertEquals("", text(robot, "#interviewMessage"), "no error");

        openSetup(robot, secondSession);
        choose(robot, "es");
        waitUntil(() -> !coverageShown(robot));
        startInterview(robot);
        assertFalse(coverageShown(robot));
        robot.interact(() -> robot.lookup("#interviewQuestion").query().requestFocus());
        UiTestSupport.write(robot, "¿Era de día o de noche?");
        waitUntil(() -> text(robot, "#interviewLabel").startsWith("OP-FC"));
        robot.type(KeyCode.ENTER);
        waitUntil(() -> harbor.interviews().utterances(ivo, secondSession).size() == 1);
        assertEquals("OP-FC", harbor.interviews().utterances(ivo, secondSession).getFirst().label());
        assertEquals("es", harbor.interviews().state(ivo, secondSession).orElseThrow().language());
    }

    @Test
    @DisplayName("says so in the display language: Spanish and Arabic")
    void notCoveredInSpanishAndArabic(FxRobot robot) {
        logIn(robot);
        for (String display : List.of("es", "ar")) {
            robot.interact(() -> harbor.i18n().use(Locale.of(display)));
            openSetup(robot, firstSession);
            choose(robot, "vi");
            waitUntil(() -> coverageShown(robot));
            String expected = harbor.i18n().get("interview.coach.notCovered", harbor.i18n().languageName("vi"));
            assertEquals(expected, text(robot, "#interviewCoverage"));
            assertTrue(expected.contains(harbor.i18n().languageName("vi")), expected);
            UiTestSupport.screenshot(stage, "interview-language-not-covered-" + display + ".png");
        }
    }
}
