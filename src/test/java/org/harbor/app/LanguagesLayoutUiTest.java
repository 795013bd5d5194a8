package org.harbor.app;

import static org.harbor.app.UiTestSupport.shows;
import static org.harbor.app.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.harbor.accounts.Session;
import org.harbor.cases.SessionKind;
import org.harbor.forms.FormFixture;
import org.harbor.i18n.I18n;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 19: the home screen, a built-in form and the interview screen laid out in every shipped
 * language ({@link I18n#SHIPPED}) at 1024×768 and 1440×900, with no label, button or choice cut
 * short ("…") and nothing outside the window. With {@code -Dharbor.screenshots=docs/images} it
 * writes language-home-LANG.png, language-form-LANG.png and language-interview-LANG.png at
 * 1024×768 (docs/images/screenshots.sh does so). {@link WrappedTextUiTest} lays out every message
 * alone at five widths; this lays out the interviewer's screens and {@link EveryScreenLayoutUiTest}
 * every other screen, with the same {@link LayoutCheck}.
 */
@ExtendWith(ApplicationExtension.class)
@DisplayName("Issue 19: the home, a form and the interview screen in every language")
class LanguagesLayoutUiTest {

    static final double[][] SIZES = {{1024, 768}, {1440, 900}};

    FormFixture fx;
    Shell shell;
    Stage stage;
    Session supervisor;
    final java.util.Map<String, String> caseSessions = new java.util.HashMap<>();
    final java.util.Map<String, String> interviewSessions = new java.util.HashMap<>();

    @BeforeAll
    static void patience() {
        FxToolkit.toolkitContext().setSetupTimeoutInMillis(120_000);
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        fx = FormFixture.create(Files.createTempDirectory("harbor-languages-ui"));
        supervisor = fx.current();
        fx.harbor.accounts().confirmRecoveryKey(supervisor);
        // The interviewer of the fixture works the case: an intake session for the form and an
        // interview session, in each language (a supervisor may not interview).
        Session ivo = fx.as("ivo");
        for (String language : I18n.SHIPPED) {
            String caseId = fx.harbor.cases().create(ivo, null, List.of()).id();
            caseSessions.put(language, fx.harbor.cases().startSession(ivo, caseId, SessionKind.INTAKE, language).id());
            interviewSessions.put(language, fx.harbor.cases().startSession(ivo, caseId, SessionKind.INTERVIEW, language).id());
        }
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
        robot.clickOn("#loginUsername");
        UiTestSupport.write(robot, "ivo");
        robot.type(KeyCode.TAB);
        UiTestSupport.write(robot, "own pass phrase of someone");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> shows(robot, "#homeGreeting"));
    }

    private void settle() throws Exception {
        for (int i = 0; i < 3; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            shell.background().drain();
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** What is cut short, overflows or lies outside the window on the screen shown ({@link LayoutCheck}). */
    static List<String> problems(Stage stage, String where) {
        return LayoutCheck.problems(stage, where);
    }

    @Test
    @DisplayName("the home, a form and the interview screen laid out in every language at 1024x768 and 1440x900 with no truncation, with screenshots (every other screen: EveryScreenLayoutUiTest)")
    void everyLanguageEverySize(FxRobot robot) throws Exception {
        logIn(robot);
        List<String> problems = new ArrayList<>();
        // TestFX hands the same stage to the next test class: its size is given back afterwards
        double width = stage.getWidth();
        double height = stage.getHeight();
        try {
            everyLanguage(robot, problems);
        } finally {
            robot.interact(() -> {
                stage.setWidth(width);
                stage.setHeight(height);
            });
        }
        assertEquals(List.of(), problems);
        assertTrue(I18n.SHIPPED.size() >= 3);
    }

    private void everyLanguage(FxRobot robot, List<String> problems) throws Exception {
        for (String language : I18n.SHIPPED) {
            robot.interact(() -> fx.harbor.i18n().use(Locale.of(language)));
            String caseSession = caseSessions.get(language);
            List<Runnable> screens = List.of(shell::toHome, () -> shell.toForm(caseSession, "harbor-intake"),
                    () -> shell.toInterview(interviewSessions.get(language)));
            List<String> names = List.of("home", "form", "interview");
            for (double[] size : SIZES) {
                robot.interact(() -> {
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                });
                for (int i = 0; i < screens.size(); i++) {
                    robot.interact(screens.get(i));
                    settle();
                    if (names.get(i).equals("interview")) {
                        waitUntil(() -> shows(robot, "#interviewProfile"));
                        settle();
                    }
                    if (names.get(i).equals("form")) {
                        waitUntil(() -> shows(robot, "#formTitle"));
                        settle();
                    }
                    String where = language + " " + names.get(i) + " at " + (int) size[0] + "x" + (int) size[1];
                    problems.addAll(WaitForAsyncUtils.waitForAsyncFx(10_000, () -> problems(stage, where)));
                    if (size[0] == 1024) {
                        UiTestSupport.screenshot(stage, "language-" + names.get(i) + "-" + language + ".png");
                    }
                }
            }
        }
    }
}
