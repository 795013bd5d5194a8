package org.harbor.app;

import static org.harbor.app.UiTestSupport.shows;
import static org.harbor.app.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.harbor.Harbor;
import org.harbor.accounts.Role;
import org.harbor.accounts.Session;
import org.harbor.cases.SessionKind;
import org.harbor.interview.session.InterviewState;
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
 * Issue 14 on the interview screen: the break offer at the organisation's interval (R14), the
 * question before an end (Ctrl+E) and before closing the window, the debrief after an end (R22),
 * and the place kept across a quick-hide or the idle lock with the question being typed.
 */
@ExtendWith(ApplicationExtension.class)
@DisplayName("Issue 14 on the interview screen")
class InterviewGuardsUiTest {

    static final char[] TEMPORARY = "temporary pass phrase one".toCharArray();
    static final String OWN = "interviewer own pass phrase";
    static final String OTHER = "other interviewer pass phrase";

    MutableClock clock = MutableClock.atStart();
    Harbor harbor;
    Shell shell;
    Stage stage;
    String sessionId;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        harbor = TestVaults.open(Files.createTempDirectory("harbor-interview-guards"), clock);
        var setup = harbor.accounts().setUp(VaultKind.FIELD, TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE);
        harbor.accounts().confirmRecoveryKey(setup.session());
        harbor.settings().setBreakOfferMinutes(setup.session(), 15);
        harbor.accounts().addUser(setup.session(), "ivo", Role.INTERVIEWER, TEMPORARY);
        harbor.accounts().addUser(setup.session(), "ana", Role.INTERVIEWER, TEMPORARY);
        harbor.accounts().lock("switch");
        harbor.accounts().changePassphrase(harbor.accounts().login("ana", TEMPORARY), TEMPORARY, OTHER.toCharArray());
        harbor.accounts().lock("switch");
        harbor.accounts().changePassphrase(harbor.accounts().login("ivo", TEMPORARY), TEMPORARY, OWN.toCharArray());
        Session ivo = harbor.accounts().current().orElseThrow();
        String caseId = harbor.cases().create(ivo, "Synthetic Child", List.of()).id();
        sessionId = harbor.cases().startSession(ivo, caseId, SessionKind.INTERVIEW, "en").id();
        harbor.accounts().lock("test");
        shell = UiTestSupport.showShell(harbor, stage);
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(shell::dispose).get();
        harbor.close();
    }

    private void logInAs(FxRobot robot, String user, String passphrase) {
        waitUntil(() -> robot.lookup("#loginUsername").tryQuery().map(Node::isFocused).orElse(false));
        UiTestSupport.write(robot, user);
        robot.type(KeyCode.TAB);
        UiTestSupport.write(robot, passphrase);
        robot.type(KeyCode.ENTER);
    }

    private void startInterview(FxRobot robot) {
        logInAs(robot, "ivo", OWN);
        waitUntil(() -> shows(robot, "#homeGreeting"));
        robot.interact(() -> shell.toInterview(sessionId));
        waitUntil(() -> shows(robot, "#interviewStart") && focused() != null && !"quickHide".equals(focused().getId())
                && !"emergencyOpen".equals(focused().getId()));
        robot.type(KeyCode.ENTER);
        waitUntil(this::questionReady);
    }

    private boolean questionReady() {
        return stage.getScene().lookup("#interviewQuestion") instanceof TextInputControl q && !q.isDisabled()
                && q.isFocused();
    }

    private Node focused() {
        return stage.getScene().getFocusOwner();
    }

    private static void shortcut(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean visible(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    private InterviewState state() {
        Session ivo = harbor.accounts().current().orElseThrow();
        return harbor.interviews().state(ivo, sessionId).orElseThrow();
    }

    private String text(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        return node instanceof Paragraph p ? p.getContent() : ((Labeled) node).getText();
    }

    private void inLanguage(FxRobot robot, String language) {
        robot.interact(() -> harbor.i18n().use(Locale.of(language)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    @DisplayName("Ending an interview (Ctrl+E) asks first: Enter keeps interviewing, the end is its own choice; then the debrief, which is not kept")
    void endingAnInterviewAsksFirst(FxRobot robot) throws Exception {
        startInterview(robot);
        shortcut(robot, KeyCode.E);
        assertEquals("interviewReason", focused().getId(), "before the last phase an end needs its reason first");
        UiTestSupport.write(robot, "the child is too tired");
        shortcut(robot, KeyCode.E);
        waitUntil(() -> visible(robot, "#interviewEndConfirm"));
        waitUntil(() -> focused() != null && "interviewEndConfirmKeep".equals(focused().getId()));
        assertFalse(robot.lookup("#interviewEndConfirmGo").queryButton().isDefaultButton(), "ending is never the default");
        assertFalse(state().ended());
        for (String language : List.of("en", "es", "ar")) {
            inLanguage(robot, language);
            waitUntil(() -> visible(robot, "#interviewEndConfirm"));
            UiTestSupport.screenshot(stage, "interview-end-confirm-" + language + ".png");
        }
        inLanguage(robot, "en");
        waitUntil(() -> focused() != null && "interviewEndConfirmKeep".equals(focused().getId()));
        robot.type(KeyCode.ENTER);
        waitUntil(() -> !visible(robot, "#interviewEndConfirm"));
        assertFalse(state().ended(), "Enter keeps interviewing");
        waitUntil(this::questionReady);

        shortcut(robot, KeyCode.E);
        waitUntil(() -> visible(robot, "#interviewEndConfirm")
                && focused() != null && "interviewEndConfirmKeep".equals(focused().getId()));
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !visible(robot, "#interviewEndConfirm"));
        assertFalse(state().ended(), "Escape keeps interviewing");

        shortcut(robot, KeyCode.E);
        waitUntil(() -> visible(robot, "#interviewEndConfirm")
                && focused() != null && "interviewEndConfirmKeep".equals(focused().getId()));
        robot.type(KeyCode.TAB);
        assertEquals("interviewEndConfirmGo", focused().getId());
        robot.type(KeyCode.SPACE);
        waitUntil(() -> shows(robot, "#interviewSummaryTypes"));
        assertTrue(state().ended());

        // R22: the debrief after the end, for the interviewer alone: no field to write in, and it says nothing is kept
        assertTrue(visible(robot, "#interviewDebrief"), "a debrief is offered after the end");
        assertEquals(harbor.i18n().get("interview.debrief.notKept"), text(robot, "#interviewDebriefNotKept"));
        assertTrue(robot.lookup("#interviewDebrief").query().lookupAll(".text-input").isEmpty(),
                "nothing to type: the debrief holds no words that could be kept");
        robot.clickOn("#interviewDebriefClose");
        waitUntil(() -> !visible(robot, "#interviewDebrief"));
    }

    @Test
    @DisplayName("Interview break prompt: the interview screen offers a break at the organisation's interval, and Ctrl+B takes it")
    void interviewOffersBreakAtInterval(FxRobot robot) throws Exception {
        startInterview(robot);
        // the test clock jumps by a quarter of an hour: the idle lock (a few minutes) must not end the session meanwhile
        harbor.idleLock().setTimeout(Duration.ofHours(2));
        assertFalse(visible(robot, "#interviewBreakOffer"));
        clock.advance(Duration.ofMinutes(14));
        WaitForAsyncUtils.sleep(1500, java.util.concurrent.TimeUnit.MILLISECONDS);
        assertFalse(visible(robot, "#interviewBreakOffer"), "not before the interval");
        clock.advance(Duration.ofMinutes(1));
        waitUntil(() -> visible(robot, "#interviewBreakOffer"));
        assertTrue(text(robot, "#interviewBreakOfferText").contains("15 minutes"), text(robot, "#interviewBreakOfferText"));
        shortcut(robot, KeyCode.B);
        waitUntil(() -> state().hold() == InterviewState.Hold.BREAK);
        waitUntil(() -> !visible(robot, "#interviewBreakOffer"));
        assertTrue(text(robot, "#interviewHold").contains(harbor.i18n().get("interview.break.offeredReason")));

        // the break ends with the same key; the next offer comes one interval later, and "Continue" declines it
        shortcut(robot, KeyCode.B);
        waitUntil(() -> state().hold() == InterviewState.Hold.NONE);
        clock.advance(Duration.ofMinutes(15));
        waitUntil(() -> visible(robot, "#interviewBreakOffer"));
        robot.clickOn("#interviewBreakContinue");
        waitUntil(() -> !visible(robot, "#interviewBreakOffer"));
        assertEquals(InterviewState.Hold.NONE, state().hold());
    }

    @Test
    @DisplayName("closing the window during an interview asks first; Enter keeps working")
    void closingTheWindowDuringAnInterviewAsksFirst(FxRobot robot) throws Exception {
        startInterview(robot);
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitUntil(() -> visible(robot, "#closeConfirm"));
        waitUntil(() -> focused() != null && "closeConfirmKeep".equals(focused().getId()));
        assertTrue(stage.isShowing());
        robot.type(KeyCode.ENTER);
        waitUntil(() -> !shows(robot, "#closeConfirm"));
        assertTrue(stage.isShowing(), "Enter keeps working");
        waitUntil(() -> !robot.lookup("#interviewQuestion").query().isDisabled());

        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitUntil(() -> focused() != null && "closeConfirmKeep".equals(focused().getId()));
        robot.type(KeyCode.TAB);
        robot.type(KeyCode.SPACE);
        waitUntil(() -> !stage.isShowing());
    }

    @Test
    @DisplayName("after quick-hide, unlocking returns to the interview with the question being typed; the lock screen says why")
    void quickHideKeepsThePlace(FxRobot robot) throws Exception {
        startInterview(robot);
        UiTestSupport.write(robot, "Tell me about the blue house");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.H).release(KeyCode.H, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> shows(robot, "#neutralScreen"));
        robot.clickOn("#neutralOpen");
        waitUntil(() -> shows(robot, "#loginUsername"));
        assertEquals(harbor.i18n().get("login.locked.hidden"), text(robot, "#loginLockedWhy"));
        logInAs(robot, "ivo", OWN);
        waitUntil(() -> shows(robot, "#interviewQuestion")
                && "Tell me about the blue house".equals(robot.lookup("#interviewQuestion").queryTextInputControl().getText()));
        assertFalse(shows(robot, "#homeGreeting"), "the same screen, not home");
    }

    @Test
    @DisplayName("a warning shows 30 s before the idle lock; after it, unlocking returns to the same screen with the draft; another user gets home and no draft")
    void idleLockWarnsAndKeepsThePlace(FxRobot robot) throws Exception {
        startInterview(robot);
        UiTestSupport.write(robot, "Tell me about the red door");
        Duration timeout = harbor.idleLock().timeout();
        clock.advance(timeout.minusSeconds(40));
        robot.interact(shell::checkIdle);
        assertFalse(shows(robot, "#idleWarning"), "no warning 40 s before");
        clock.advance(Duration.ofSeconds(15));
        robot.interact(shell::checkIdle);
        waitUntil(() -> shows(robot, "#idleWarning"));
        for (String language : List.of("en", "es", "ar")) {
            inLanguage(robot, language);
            robot.interact(shell::checkIdle);
            waitUntil(() -> shows(robot, "#idleWarning"));
            UiTestSupport.screenshot(stage, "idle-warning-" + language + ".png");
        }
        inLanguage(robot, "en");
        robot.interact(shell::checkIdle);
        waitUntil(() -> shows(robot, "#idleWarning"));
        clock.advance(Duration.ofSeconds(30));
        robot.interact(shell::checkIdle);
        waitUntil(() -> shows(robot, "#loginUsername"));
        assertEquals(harbor.i18n().get("login.locked.idle"), text(robot, "#loginLockedWhy"));
        logInAs(robot, "ivo", OWN);
        waitUntil(() -> shows(robot, "#interviewQuestion")
                && "Tell me about the red door".equals(robot.lookup("#interviewQuestion").queryTextInputControl().getText()));

        // the draft is the same user's only: another user logging in after the idle lock starts at home
        robot.interact(() -> robot.lookup("#interviewQuestion").queryTextInputControl().setText("Tell me about the window"));
        clock.advance(timeout);
        robot.interact(shell::checkIdle);
        waitUntil(() -> shows(robot, "#loginUsername"));
        logInAs(robot, "ana", OTHER);
        waitUntil(() -> shows(robot, "#homeGreeting"));
        assertFalse(shows(robot, "#interviewQuestion"));
    }
}
