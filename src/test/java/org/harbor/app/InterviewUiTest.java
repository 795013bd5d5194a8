package org.harbor.app;

import static org.harbor.app.UiTestSupport.shows;
import static org.harbor.app.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.NodeOrientation;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.harbor.Harbor;
import org.harbor.accounts.Role;
import org.harbor.accounts.Session;
import org.harbor.cases.SessionKind;
import org.harbor.interview.coach.QuestionType;
import org.harbor.interview.profile.Phase;
import org.harbor.interview.profile.ProfileLibrary;
import org.harbor.interview.profile.ProtocolProfile;
import org.harbor.interview.session.InterviewState;
import org.harbor.interview.session.InterviewSummary;
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

@ExtendWith(ApplicationExtension.class)
@DisplayName("The interview screen")
class InterviewUiTest {

    static final char[] TEMPORARY = "temporary pass phrase one".toCharArray();
    static final String OWN = "interviewer own pass phrase";

    MutableClock clock = MutableClock.atStart();
    Harbor harbor;
    Shell shell;
    Stage stage;
    String caseId;
    String sessionId;
    Path home;
    final java.time.Instant testStarted = java.time.Instant.now().minusSeconds(2);

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        home = Files.createTempDirectory("harbor-interview-ui");
        harbor = TestVaults.open(home, clock);
        var setup = harbor.accounts().setUp(VaultKind.FIELD, TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE);
        harbor.accounts().confirmRecoveryKey(setup.session());
        harbor.accounts().addUser(setup.session(), "ivo", Role.INTERVIEWER, TEMPORARY);
        harbor.accounts().lock("switch");
        harbor.accounts().changePassphrase(harbor.accounts().login("ivo", TEMPORARY), TEMPORARY, OWN.toCharArray());
        Session ivo = harbor.accounts().current().orElseThrow();
        caseId = harbor.cases().create(ivo, "Synthetic Child", List.of()).id();
        sessionId = harbor.cases().startSession(ivo, caseId, SessionKind.INTERVIEW, "en").id();
        harbor.accounts().lock("test");
        shell = new Shell(harbor, stage);
        shell.start();
        stage.show();
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
        waitUntil(() -> shows(robot, "#homeGreeting"));
    }

    private void openInterview(FxRobot robot) {
        logInAs(robot, "ivo", OWN);
        robot.interact(() -> shell.toInterview(sessionId));
        // Keys go to the screen only once its first control has the focus (never the hide button).
        waitUntil(() -> shows(robot, "#interviewStart") && stage.getScene().getFocusOwner() != null
                && !"quickHide".equals(stage.getScene().getFocusOwner().getId())
                && !"emergencyOpen".equals(stage.getScene().getFocusOwner().getId()));
    }

    private static void shortcut(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        return node instanceof Paragraph p ? p.getContent() : ((Label) node).getText();
    }

    private int logSize(FxRobot robot) {
        return robot.lookup("#interviewLog").queryAs(VBox.class).getChildren().size();
    }

    private Node focused() {
        return stage.getScene().getFocusOwner();
    }

    /** Types a question and logs it with Enter; returns the label the coach showed before Enter. */
    private String ask(FxRobot robot, String question) {
        shortcut(robot, KeyCode.DIGIT1);
        UiTestSupport.write(robot, question);
        String shown = text(robot, "#interviewLabel");
        int before = logSize(robot);
        robot.type(KeyCode.ENTER);
        if (shown.startsWith("SUG-") || shown.startsWith("PROM")) {
            assertTrue(robot.lookup("#interviewConfirm").query().isVisible(), "a suggestive question or a promise asks first");
            assertEquals(shown.startsWith("PROM"), text(robot, "#interviewConfirm").contains("promises"),
                    "a promise is named as one: " + text(robot, "#interviewConfirm"));
            assertEquals(before, logSize(robot), "and is not logged yet");
            robot.type(KeyCode.ENTER);
        }
        waitUntil(() -> logSize(robot) == before + 1);
        return shown.substring(0, shown.indexOf(' '));
    }

    private void answer(FxRobot robot, String said) {
        shortcut(robot, KeyCode.DIGIT2);
        UiTestSupport.write(robot, said);
        int before = logSize(robot);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> logSize(robot) == before + 1);
    }

    private String phaseName(FxRobot robot) {
        return text(robot, "#interviewPhaseName");
    }

    @Test
    @DisplayName("runs a whole NICHD-revised interview by keyboard; the summary counts match the logged questions")
    void wholeInterviewByKeyboard(FxRobot robot) throws Exception {
        openInterview(robot);
        ComboBox<?> profile = robot.lookup("#interviewProfile").queryAs(ComboBox.class);
        assertEquals(ProfileLibrary.CHILD_DEFAULT, ((ProtocolProfile) profile.getValue()).id(), "a child's protocol by default");
        waitUntil(() -> focused() == profile);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> shows(robot, "#interviewQuestion") && !robot.lookup("#interviewQuestion").query().isDisabled());
        waitUntil(() -> focused() == robot.lookup("#interviewQuestion").query());

        ProtocolProfile nichd = harbor.interviews().profiles().get(ProfileLibrary.CHILD_DEFAULT);
        List<Phase> phases = nichd.phases();
        List<String> shownLabels = new ArrayList<>();
        for (int i = 0; i < phases.size(); i++) {
            Phase phase = phases.get(i);
            int number = i + 1;
            if (phase.id().equals("TRANSITION")) {
                recordPresentAfterRefusal(robot, i);
            }
            waitUntil(() -> phaseName(robot).startsWith("Phase " + number + " of " + phases.size()));
            assertTrue(phaseName(robot).endsWith(phase.name().get(java.util.Locale.ENGLISH)));
            assertEquals(phase.checklist().size(), robot.lookup(".interview-check").queryAll().size());

            clock.advance(Duration.ofMinutes(2));
            waitUntil(() -> text(robot, "#interviewPhaseTime").endsWith("0:02:00"));
            shortcut(robot, KeyCode.DIGIT3); // from the note field, past its button, to the first checklist item
            robot.type(KeyCode.TAB, KeyCode.TAB);
            assertTrue(focused().getStyleClass().contains("interview-check"), String.valueOf(focused()));
            robot.type(KeyCode.SPACE);
            assertTrue(robot.lookup(".interview-check").queryAs(javafx.scene.control.CheckBox.class).isSelected());

            shownLabels.add(ask(robot, "Tell me everything about that."));
            answer(robot, "We went to the market by bus.");
            if (phase.id().equals("FOCUSED_FOLLOWUP")) {
                shownLabels.add(ask(robot, "Where was the bus?"));
                assertFalse(text(robot, "#interviewReminder").isEmpty(), "a focused question asks for an open follow-up");
                shownLabels.add(ask(robot, "The bus was red, wasn't it?"));
                // an option-posing question, replaced by its open rewrite with Ctrl+R before it is logged
                shortcut(robot, KeyCode.DIGIT1);
                UiTestSupport.write(robot, "Did he take your phone?");
                assertTrue(text(robot, "#interviewLabel").startsWith("OP-YN"));
                assertFalse(text(robot, "#interviewRewrite").isEmpty());
                shortcut(robot, KeyCode.R);
                String label = text(robot, "#interviewLabel");
                assertTrue(QuestionType.fromCode(label.substring(0, label.indexOf(' '))).isOpen(), label);
                int before = logSize(robot);
                robot.type(KeyCode.ENTER);
                waitUntil(() -> logSize(robot) == before + 1);
                shownLabels.add(label.substring(0, label.indexOf(' ')));
                assertTrue(text(robot, "#interviewReminder").isEmpty(), "the open prompt answers the reminder");
                // R21: a promise is its own warning; a welfare check is no focused question (issue 12)
                shownLabels.add(ask(robot, "I promise nobody will hurt you again."));
                assertEquals("PROM", shownLabels.getLast());
                shownLabels.add(ask(robot, "Would you like some water?"));
                assertEquals("WELF", shownLabels.getLast());
                assertTrue(text(robot, "#interviewReminder").isEmpty(), "a welfare check asks for no open follow-up");
            }
            if (phase.id().equals("BREAK")) {
                takeBreak(robot);
            }
            if (i < phases.size() - 1) {
                String before = phaseName(robot);
                shortcut(robot, KeyCode.PAGE_DOWN);
                waitUntil(() -> !phaseName(robot).equals(before) || !text(robot, "#interviewMessage").isEmpty());
            }
        }
        shortcut(robot, KeyCode.E); // in the last phase an end needs no reason
        // it asks first (issue 14): the safe answer has the focus, the end is one Tab away
        waitUntil(() -> focused() != null && "interviewEndConfirmKeep".equals(focused().getId()));
        robot.type(KeyCode.TAB);
        robot.type(KeyCode.SPACE);
        waitUntil(() -> shows(robot, "#interviewSummaryTypes"));

        Session ivo = harbor.accounts().current().orElseThrow();
        List<Utterance> logged = harbor.interviews().utterances(ivo, sessionId);
        List<String> storedLabels = logged.stream().filter(u -> u.kind() == Utterance.Kind.QUESTION).map(Utterance::label).toList();
        assertEquals(shownLabels, storedLabels, "each question was stored with the label the coach showed");
        assertEquals(phases.size() + 5, storedLabels.size());
        assertEquals(phases.size(), logged.stream().filter(u -> u.kind() == Utterance.Kind.ANSWER).count());

        InterviewSummary summary = harbor.interviews().summary(ivo, sessionId).orElseThrow();
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (QuestionType type : QuestionType.values()) {
            expected.put(type.code(), (int) storedLabels.stream().filter(type.code()::equals).count());
        }
        expected.forEach((code, count) -> assertEquals(count, summary.counts().get(code), code));
        assertEquals(storedLabels.size(), summary.questions());
        assertEquals(1, summary.breaks());
        assertEquals(phases.size(), summary.phaseMillis().size(), "time is counted for every phase");
        assertTrue(summary.phaseMillis().values().stream().allMatch(ms -> ms >= Duration.ofMinutes(2).toMillis()));

        GridPane types = robot.lookup("#interviewSummaryTypes").queryAs(GridPane.class);
        QuestionType[] all = QuestionType.values();
        for (int row = 0; row < all.length; row++) {
            String count = robot.lookup("#interviewSummaryTypesCount" + row).queryAs(Label.class).getText();
            assertEquals(Integer.toString(expected.get(all[row].code())), count, all[row].code());
        }
        assertTrue(harbor.interviews().state(ivo, sessionId).orElseThrow().ended());
        assertTrue(focused() == robot.lookup("#interviewHome").query());
        robot.type(KeyCode.ENTER);
        waitUntil(() -> shows(robot, "#homeGreeting"));
    }

    /** The service refuses the substantive phase until someone is recorded; the screen says so. */
    private void recordPresentAfterRefusal(FxRobot robot, int transitionIndex) {
        waitUntil(() -> text(robot, "#interviewMessage").contains("Record who is present"));
        assertEquals(transitionIndex - 1, phaseIndexShown(robot), "still in the phase before");
        shortcut(robot, KeyCode.DIGIT4);
        assertEquals("interviewPresentName", focused().getId());
        UiTestSupport.write(robot, "Ivo Synthetic");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#interviewPresentList").queryAs(VBox.class).getChildren().size() == 1);
        shortcut(robot, KeyCode.PAGE_DOWN);
        waitUntil(() -> phaseIndexShown(robot) == transitionIndex);
    }

    private int phaseIndexShown(FxRobot robot) {
        String name = phaseName(robot);
        return Integer.parseInt(name.substring("Phase ".length(), name.indexOf(' ', "Phase ".length()))) - 1;
    }

    private void takeBreak(FxRobot robot) throws Exception {
        shortcut(robot, KeyCode.B);                                  // a break is one key (issue 14)
        waitUntil(() -> !text(robot, "#interviewHold").isEmpty());
        Session ivo = harbor.accounts().current().orElseThrow();
        assertEquals(InterviewState.Hold.BREAK, harbor.interviews().state(ivo, sessionId).orElseThrow().hold());
        robot.interact(() -> robot.lookup("#interviewReason").query().requestFocus());
        UiTestSupport.write(robot, "child asked for water");                        // its reason, added afterwards
        clock.advance(Duration.ofMinutes(5));
        shortcut(robot, KeyCode.B);
        waitUntil(() -> text(robot, "#interviewHold").isEmpty());
        assertTrue(harbor.interviews().breakReasons(ivo, sessionId).contains("child asked for water"));
    }

    @Test
    @DisplayName("refuses an interpreter who is family and shows why; works right to left in Arabic")
    void interpreterConflictInArabic(FxRobot robot) throws Exception {
        logInAs(robot, "ivo", OWN);
        Session ivo = harbor.accounts().current().orElseThrow();
        robot.interact(() -> harbor.i18n().use(java.util.Locale.of("ar")));
        robot.interact(() -> shell.toInterview(sessionId));
        // Keys go to the screen only once its first control has the focus (never the hide button).
        waitUntil(() -> shows(robot, "#interviewStart") && stage.getScene().getFocusOwner() != null
                && !"quickHide".equals(stage.getScene().getFocusOwner().getId())
                && !"emergencyOpen".equals(stage.getScene().getFocusOwner().getId()));
        assertEquals(NodeOrientation.RIGHT_TO_LEFT, stage.getScene().getRoot().getEffectiveNodeOrientation());
        robot.type(KeyCode.ENTER);
        waitUntil(() -> shows(robot, "#interviewQuestion") && !robot.lookup("#interviewQuestion").query().isDisabled());
        assertTrue(text(robot, "#interviewPhaseName").contains("المرحلة"), text(robot, "#interviewPhaseName"));

        robot.interact(() -> robot.lookup("#interviewPresentRole").queryAs(ComboBox.class).getSelectionModel()
                .select(org.harbor.interview.session.PresentRole.INTERPRETER));
        shortcut(robot, KeyCode.DIGIT4);
        UiTestSupport.write(robot, "Synthetic Interpreter");
        robot.interact(() -> robot.lookup("#interviewInterpreterFamily").queryAs(javafx.scene.control.CheckBox.class).requestFocus());
        robot.type(KeyCode.SPACE);
        robot.interact(() -> robot.lookup("#interviewPresentName").query().requestFocus());
        robot.type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#interviewMessage").equals(harbor.i18n().get("interview.error.interpreterConflict")));
        assertEquals(0, robot.lookup("#interviewPresentList").queryAs(VBox.class).getChildren().size());
        assertTrue(harbor.interviews().state(ivo, sessionId).orElseThrow().present().isEmpty());
        assertEquals("Synthetic Interpreter", robot.lookup("#interviewPresentName").queryAs(TextInputControl.class).getText(),
                "nothing typed is lost");
    }

    @Test
    @DisplayName("the reluctance path ends on rapport and schedules a second session")
    void reluctancePath(FxRobot robot) throws Exception {
        openInterview(robot);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> shows(robot, "#interviewQuestion") && !robot.lookup("#interviewQuestion").query().isDisabled());
        String question = "CANARY" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String said = "CANARY" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        ask(robot, "Tell me about " + question + ".");
        answer(robot, "I like " + said + ".");
        shortcut(robot, KeyCode.L);
        assertTrue(robot.lookup("#interviewReluctancePanel").query().isVisible());
        robot.type(KeyCode.TAB);
        assertEquals("interviewScheduleSecond", focused().getId());
        robot.type(KeyCode.SPACE);
        waitUntil(() -> shows(robot, "#interviewSummaryTypes"));
        assertTrue(text(robot, "#interviewFollowUp").contains("2026-12-05"), text(robot, "#interviewFollowUp"));
        Session ivo = harbor.accounts().current().orElseThrow();
        InterviewState ended = harbor.interviews().state(ivo, sessionId).orElseThrow();
        assertEquals("reluctance", ended.endReason().orElseThrow());
        assertEquals("RAPPORT", ended.currentPhase().orElseThrow());
        assertEquals(2, harbor.cases().open(ivo, caseId).orElseThrow().sessions().stream()
                .filter(s -> s.kind() == SessionKind.INTERVIEW).count());
        List<Path> places = List.of(home, Path.of(System.getProperty("java.io.tmpdir")));
        assertEquals(List.of(), org.harbor.testing.FileScan.findMarkers(places, List.of(question, said), testStarted),
                "what was typed on the screen is only inside the encrypted database");
    }
}
