package org.harbor.app;

import static org.harbor.app.UiTestSupport.shows;
import static org.harbor.app.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.harbor.Harbor;
import org.harbor.accounts.Session;
import org.harbor.cases.SessionKind;
import org.harbor.forms.SubmissionInfo;
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
 * Issue 14, "Forms and interview screen": the fixed action bar (Pause, Break, Stop/End, Hide, Back
 * to the case) at 1024 x 768 in English, Spanish and Arabic, on a form and on the interview; the
 * page never scrolls when a question is answered and the next question is scrolled into view;
 * "section x of y"; required-question errors only after a failed Next. With
 * {@code -Dharbor.screenshots=docs/images} it writes action-bar-form(-es|-ar).png and
 * action-bar-interview(-es|-ar).png (docs/images/screenshots.sh does so).
 */
@ExtendWith(ApplicationExtension.class)
@DisplayName("Forms and interview screen")
class FormScreenUiTest {

    static final String ERROR_RED = "0xa4161aff";

    static {
        // The first test of a cold JVM opens a vault, the built-in forms and two sessions in @Start:
        // on a loaded machine that takes longer than TestFX's default ten seconds.
        System.setProperty("testfx.setup.timeout", "60000");
    }

    Harbor harbor;
    Shell shell;
    Stage stage;
    String caseId;
    String intakeSession;
    String interviewSession;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        harbor = TestVaults.open(Files.createTempDirectory("harbor-formscreen-ui"), MutableClock.atStart());
        Session supervisor = harbor.accounts().setUp(VaultKind.FIELD, TestVaults.SUPERVISOR,
                TestVaults.SUPERVISOR_PASSPHRASE).session();
        harbor.accounts().confirmRecoveryKey(supervisor);
        caseId = harbor.cases().create(supervisor, "Synthetic Person", List.of()).id();
        intakeSession = harbor.cases().startSession(supervisor, caseId, SessionKind.INTAKE, "en").id();
        interviewSession = harbor.cases().startSession(supervisor, caseId, SessionKind.INTERVIEW, "en").id();
        harbor.accounts().lock("test");
        shell = UiTestSupport.showShell(harbor, stage);
        stage.setWidth(1024);
        stage.setHeight(768);
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(shell::dispose).get();
        harbor.close();
    }

    private void logIn(FxRobot robot) {
        UiTestSupport.logInAsSupervisorByKeyboard(robot);
    }

    private void settle() throws Exception {
        UiTestSupport.settle(shell);
    }

    private void language(FxRobot robot, String code) {
        robot.interact(() -> harbor.i18n().use(Locale.of(code)));
    }

    private Node focusOwner() {
        return stage.getScene().getFocusOwner();
    }

    private void focused(String id) {
        waitUntil(() -> focusOwner() != null && id.equals(focusOwner().getId()));
    }

    /** Every button of the bar lies wholly inside the window and shows its whole text. */
    private void barInside(FxRobot robot, String barId, List<String> buttons) {
        // laid out (a change of language rebuilds the screen a pulse later)
        waitUntil(() -> buttons.stream().allMatch(id -> robot.lookup(id).tryQuery().map(n -> n.getLayoutBounds().getWidth() > 0)
                .orElse(false)));
        Node bar = robot.lookup(barId).query();
        Bounds window = stage.getScene().getRoot().localToScene(stage.getScene().getRoot().getLayoutBounds());
        assertTrue(window.getWidth() >= 1000 && window.getHeight() >= 700, "the window is 1024 x 768: " + window);
        Bounds barBounds = bar.localToScene(bar.getLayoutBounds());
        assertTrue(barBounds.getMinX() >= -0.5 && barBounds.getMinY() >= -0.5 && barBounds.getMaxX() <= window.getMaxX() + 0.5
                && barBounds.getMaxY() <= window.getMaxY() + 0.5, "the bar " + barBounds + " lies inside the window " + window);
        for (String id : buttons) {
            Button button = robot.lookup(id).queryAs(Button.class);
            assertTrue(button.isVisible(), id + " is shown");
            Bounds b = button.localToScene(button.getLayoutBounds());
            assertTrue(b.getMinX() >= -0.5 && b.getMaxX() <= window.getMaxX() + 0.5 && b.getMinY() >= -0.5
                    && b.getMaxY() <= window.getMaxY() + 0.5, id + " " + b + " lies inside the window " + window);
            assertTrue(button.getWidth() + 0.5 >= button.prefWidth(-1),
                    id + " shows its whole text '" + button.getText() + "' (" + button.getWidth() + " < " + button.prefWidth(-1) + ")");
            assertTrue(isAncestor(bar, button), id + " is in the bar");
        }
    }

    private static boolean isAncestor(Node ancestor, Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static final List<String> FORM_BAR = List.of("#formPause", "#formBreak", "#formStop", "#formHide", "#formBackToCase");
    private static final List<String> INTERVIEW_BAR = List.of("#interviewPause", "#interviewBreak", "#interviewStop",
            "#interviewHide", "#interviewBackToCase");

    /**
     * Opens a screen at 1024x768 in language {@code code}, starts it with {@code start}, waits for
     * {@code ready}; the bar lies inside the window, and still does once the page is scrolled to
     * its end (the bar has not moved away).
     */
    private void barAt1024(FxRobot robot, String code, String shot, Runnable open, String start, String ready,
            String barId, String scrollId, List<String> buttons) throws Exception {
        logIn(robot);
        language(robot, code);
        robot.interact(open);
        waitUntil(() -> shows(robot, start));
        robot.interact(() -> robot.lookup(start).queryAs(Button.class).fire());
        settle();
        waitUntil(() -> shows(robot, ready));
        barInside(robot, barId, buttons);
        ScrollPane scroll = robot.lookup(scrollId).queryAs(ScrollPane.class);
        robot.interact(() -> scroll.setVvalue(scroll.getVmax()));
        WaitForAsyncUtils.waitForFxEvents();
        barInside(robot, barId, buttons);
        UiTestSupport.screenshot(stage, shot);
    }

    private void formBarAt1024(FxRobot robot, String code, String shot) throws Exception {
        barAt1024(robot, code, shot, () -> shell.toForm(intakeSession, "harbor-safety"), "#formNext",
                "#choice-data_danger_danger_now-yes", "#formActionBar", "#formScroll", FORM_BAR);
    }

    @Test
    @DisplayName("one fixed action bar on forms (Pause, Break, Stop, Hide, Back to the case) inside the window at 1024x768, in English")
    void formActionBarEnglish(FxRobot robot) throws Exception {
        formBarAt1024(robot, "en", "action-bar-form.png");
    }

    @Test
    @DisplayName("one fixed action bar on forms inside the window at 1024x768, in Spanish")
    void formActionBarSpanish(FxRobot robot) throws Exception {
        formBarAt1024(robot, "es", "action-bar-form-es.png");
    }

    @Test
    @DisplayName("one fixed action bar on forms inside the window at 1024x768, in Arabic")
    void formActionBarArabic(FxRobot robot) throws Exception {
        formBarAt1024(robot, "ar", "action-bar-form-ar.png");
    }

    private void interviewBarAt1024(FxRobot robot, String code, String shot) throws Exception {
        barAt1024(robot, code, shot, () -> shell.toInterview(interviewSession), "#interviewStart",
                "#interviewQuestion", "#interviewActionBar", "#interviewScroll", INTERVIEW_BAR);
    }

    @Test
    @DisplayName("one fixed action bar on the interview (Pause, Break, End, Hide, Back to the case) inside the window at 1024x768, in English")
    void interviewActionBarEnglish(FxRobot robot) throws Exception {
        interviewBarAt1024(robot, "en", "action-bar-interview.png");
    }

    @Test
    @DisplayName("one fixed action bar on the interview inside the window at 1024x768, in Spanish")
    void interviewActionBarSpanish(FxRobot robot) throws Exception {
        interviewBarAt1024(robot, "es", "action-bar-interview-es.png");
    }

    @Test
    @DisplayName("one fixed action bar on the interview inside the window at 1024x768, in Arabic")
    void interviewActionBarArabic(FxRobot robot) throws Exception {
        interviewBarAt1024(robot, "ar", "action-bar-interview-ar.png");
    }

    @Test
    @DisplayName("a break is one key (Ctrl+B) on the interview; its reason can be added afterwards")
    void interviewBreakIsOneKey(FxRobot robot) throws Exception {
        logIn(robot);
        robot.interact(() -> shell.toInterview(interviewSession));
        waitUntil(() -> shows(robot, "#interviewStart"));
        robot.interact(() -> robot.lookup("#interviewStart").queryAs(Button.class).fire());
        settle();
        focused("interviewQuestion");
        robot.press(KeyCode.CONTROL, KeyCode.B).release(KeyCode.B, KeyCode.CONTROL);
        settle();
        Session who = harbor.accounts().current().orElseThrow();
        waitUntil(() -> harbor.interviews().state(who, interviewSession).orElseThrow().hold()
                == org.harbor.interview.session.InterviewState.Hold.BREAK);
        robot.interact(() -> robot.lookup("#interviewReason").query().requestFocus());
        UiTestSupport.write(robot, "Synthetic reason");
        robot.press(KeyCode.CONTROL, KeyCode.B).release(KeyCode.B, KeyCode.CONTROL);
        settle();
        waitUntil(() -> harbor.interviews().state(who, interviewSession).orElseThrow().hold()
                == org.harbor.interview.session.InterviewState.Hold.NONE);
        assertEquals(java.util.Optional.of("Synthetic reason"), harbor.interviews().breakReasons(who, interviewSession).stream().findFirst(),
                "the reason typed during the break is recorded with it");
    }

    @Test
    @DisplayName("a break is one key (Ctrl+B) on a form, and ends with the same key")
    void formBreakIsOneKey(FxRobot robot) throws Exception {
        logIn(robot);
        robot.interact(() -> shell.toForm(intakeSession, "harbor-safety"));
        focused("formNext");
        robot.press(KeyCode.CONTROL, KeyCode.B).release(KeyCode.B, KeyCode.CONTROL);
        settle();
        waitUntil(() -> shows(robot, "#formBreakEnd"));
        assertFalse(robot.lookup("#formNext").tryQuery().map(Node::isVisible).orElse(false), "the form is hidden on a break");
        robot.press(KeyCode.CONTROL, KeyCode.B).release(KeyCode.B, KeyCode.CONTROL);
        settle();
        waitUntil(() -> robot.lookup("#formNext").tryQuery().map(Node::isVisible).orElse(false));
    }

    private double scrollTop(ScrollPane scroll) {
        double extra = scroll.getContent().getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
        return scroll.getVvalue() / Math.max(1e-9, scroll.getVmax()) * Math.max(0, extra);
    }

    private boolean inView(ScrollPane scroll, Node node) {
        Bounds view = scroll.localToScene(scroll.getLayoutBounds());
        Bounds b = node.localToScene(node.getLayoutBounds());
        return b.getMinY() >= view.getMinY() - 0.5 && b.getMaxY() <= view.getMaxY() + 0.5;
    }

    @Test
    @DisplayName("answering a question never scrolls the page; focus moves to the next question and scrolls it into view (keyboard)")
    void answeringNeverScrollsFocusMovesIntoView(FxRobot robot) throws Exception {
        logIn(robot);
        robot.interact(() -> shell.toForm(intakeSession, "harbor-safety"));
        focused("formNext");
        robot.type(KeyCode.ENTER);
        settle();
        focused("choice-data_danger_danger_now-yes");
        ScrollPane scroll = robot.lookup("#formScroll").queryAs(ScrollPane.class);
        assertTrue(scroll.getContent().getLayoutBounds().getHeight() > scroll.getViewportBounds().getHeight(),
                "the danger page is longer than the window");
        String[] questions = {"danger_now", "exploiter_nearby", "exploiter_contact", "threats_family"};
        for (int i = 0; i < questions.length; i++) {
            String id = "choice-data_danger_" + questions[i] + "-no";
            waitUntil(() -> focusOwner() != null && focusOwner().getId() != null
                    && focusOwner().getId().startsWith("choice-data_danger_"));
            String owner = focusOwner().getId();
            assertTrue(owner.startsWith("choice-data_danger_" + questions[i] + "-"), "the focus is on " + questions[i] + ": " + owner);
            robot.type(KeyCode.DOWN); // the "no" choice (the focus goes to the choice; arrows choose)
            settle();
            if (!robot.lookup("#" + id).queryAs(javafx.scene.control.RadioButton.class).isSelected()) {
                robot.type(KeyCode.SPACE);
                settle();
            }
            double before = scrollTop(scroll);
            settle();
            assertEquals(before, scrollTop(scroll), 1.0, "answering " + questions[i] + " did not scroll the page");
            robot.type(KeyCode.ENTER);
            settle();
            if (i + 1 < questions.length) {
                String next = questions[i + 1];
                waitUntil(() -> focusOwner() != null && focusOwner().getId() != null
                        && focusOwner().getId().startsWith("choice-data_danger_" + next + "-"));
                assertTrue(inView(scroll, focusOwner()), "the next question, " + next + ", is scrolled into view");
            }
        }
    }

    @Test
    @DisplayName("'section x of y' is shown, never in error colour")
    void sectionXOfY(FxRobot robot) throws Exception {
        logIn(robot);
        robot.interact(() -> shell.toForm(intakeSession, "harbor-safety"));
        focused("formNext");
        robot.type(KeyCode.ENTER);
        settle();
        waitUntil(() -> shows(robot, "#formProgress"));
        Labeled progress = robot.lookup("#formProgress").queryAs(Labeled.class);
        assertTrue(progress.getText().matches("Section \\d+ of \\d+"), progress.getText());
        assertNotEquals(ERROR_RED, String.valueOf(progress.getTextFill()), "progress text is never in error colour");
    }

    @Test
    @DisplayName("required-question errors appear only after a failed Next, on the question, and go away when it is answered")
    void requiredErrorsOnlyAfterFailedNext(FxRobot robot) throws Exception {
        logIn(robot);
        robot.interact(() -> shell.toForm(intakeSession, "harbor-safety"));
        focused("formNext");
        robot.type(KeyCode.ENTER);
        settle();
        focused("choice-data_danger_danger_now-yes");
        assertFalse(shows(robot, "#problem-data_danger_danger_now"), "no error before Next");
        for (Node n : robot.lookup(".form-question .label").queryAll()) {
            if (n.isVisible() && n instanceof Labeled l) {
                assertNotEquals(ERROR_RED, String.valueOf(l.getTextFill()), "nothing in error colour before Next: " + l.getText());
                assertNotEquals(Color.web("#9a3412").toString(), String.valueOf(l.getTextFill()),
                        "nothing in warning colour before Next: " + l.getText());
            }
        }
        robot.interact(() -> robot.lookup("#formNext").queryAs(Button.class).fire());
        settle();
        waitUntil(() -> shows(robot, "#problem-data_danger_danger_now"));
        Node problem = robot.lookup("#problem-data_danger_danger_now").query();
        Node question = robot.lookup("#choice-data_danger_danger_now-no").query();
        assertTrue(isAncestor(question.getParent().getParent(), problem), "the error is on the question");
        assertTrue(robot.lookup("#formMessage").queryAs(Paragraph.class).getContent().isEmpty(), "and not at the top of the form");
        robot.interact(() -> robot.lookup("#choice-data_danger_danger_now-no").queryAs(javafx.scene.control.RadioButton.class).fire());
        settle();
        waitUntil(() -> !shows(robot, "#problem-data_danger_danger_now"));
    }

    @Test
    @DisplayName("the form buttons on the case screen show done / stopped / not started")
    void formButtonsShowStatus(FxRobot robot) throws Exception {
        logIn(robot);
        Session who = harbor.accounts().current().orElseThrow();
        robot.interact(() -> shell.toForm(intakeSession, "harbor-safety"));
        focused("formNext");
        robot.interact(() -> robot.lookup("#formStop").queryAs(Button.class).fire());
        settle();
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.ComboBox<org.harbor.forms.StopReason> reason =
                    robot.lookup("#stopReason").queryAs(javafx.scene.control.ComboBox.class);
            reason.setValue(org.harbor.forms.StopReason.OUT_OF_TIME);
            robot.lookup("#formStopConfirm").queryAs(Button.class).fire();
        });
        settle();
        waitUntil(() -> shows(robot, "#caseScreen"));
        List<SubmissionInfo> subs = harbor.forms().submissions(who, caseId);
        assertTrue(subs.stream().anyMatch(s -> s.formId().equals("harbor-safety")));
        String safetyButton = "#form-harbor-safety-" + intakeSession;
        waitUntil(() -> shows(robot, safetyButton));
        assertTrue(robot.lookup(safetyButton).queryAs(Labeled.class).getText().contains(harbor.i18n().get("case.form.status.stopped")),
                robot.lookup(safetyButton).queryAs(Labeled.class).getText());
        String intakeButton = "#form-harbor-intake-" + intakeSession;
        assertTrue(robot.lookup(intakeButton).queryAs(Labeled.class).getText().contains(harbor.i18n().get("case.form.status.notStarted")),
                robot.lookup(intakeButton).queryAs(Labeled.class).getText());
    }

    @Test
    @DisplayName("a sealed case's forms and consent pane are read-only: no edit controls")
    void sealedCaseFormsAndConsentReadOnly(FxRobot robot) throws Exception {
        logIn(robot);
        Session who = harbor.accounts().current().orElseThrow();
        robot.interact(() -> shell.toCase(caseId));
        waitUntil(() -> shows(robot, "#form-harbor-safety-" + intakeSession) && shows(robot, "#consentRecord"));
        harbor.forms().open(who, intakeSession, "harbor-safety");
        harbor.useCases().sealCase().sealCase(who, caseId);
        robot.interact(() -> shell.toCase(caseId));
        settle();
        waitUntil(() -> shows(robot, "#formStatus-harbor-safety-" + intakeSession));
        assertFalse(shows(robot, "#form-harbor-safety-" + intakeSession), "no button opens a form of a sealed case");
        assertTrue(robot.lookup("#caseSessions .button").queryAll().stream().noneMatch(Node::isVisible),
                "no button among the sessions of a sealed case");
        Node pane = robot.lookup("#consentPane").query();
        assertTrue(pane.lookupAll("*").stream().filter(n -> n instanceof javafx.scene.control.Control)
                        .filter(n -> n instanceof Button || n instanceof javafx.scene.control.TextInputControl
                                || n instanceof javafx.scene.control.ComboBoxBase || n instanceof javafx.scene.control.CheckBox)
                        .noneMatch(FormScreenUiTest::shownOnScreen),
                "no edit control in the consent pane of a sealed case");
    }

    private static boolean shownOnScreen(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
