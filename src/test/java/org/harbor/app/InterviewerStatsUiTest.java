package org.harbor.app;

import static org.harbor.app.UiTestSupport.shows;
import static org.harbor.app.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.harbor.Harbor;
import org.harbor.accounts.Role;
import org.harbor.accounts.Session;
import org.harbor.cases.SessionKind;
import org.harbor.interview.coach.Language;
import org.harbor.interview.profile.ProfileLibrary;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.harbor.ui.interview.InterviewerStatsViewModel;
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
@DisplayName("The interviewer statistics screen")
class InterviewerStatsUiTest {

    static final char[] TEMPORARY = "temporary pass phrase one".toCharArray();
    static final String OWN = "interviewer own pass phrase";

    MutableClock clock = MutableClock.atStart();
    Harbor harbor;
    Shell shell;

    @Start
    void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory("harbor-stats-ui");
        harbor = TestVaults.open(home, clock);
        var setup = harbor.accounts().setUp(VaultKind.FIELD, TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE);
        harbor.accounts().confirmRecoveryKey(setup.session());
        harbor.accounts().addUser(setup.session(), "ivo", Role.INTERVIEWER, TEMPORARY);
        harbor.accounts().lock("switch");
        harbor.accounts().changePassphrase(harbor.accounts().login("ivo", TEMPORARY), TEMPORARY, OWN.toCharArray());
        Session ivo = harbor.accounts().current().orElseThrow();
        String caseId = harbor.cases().create(ivo, "Synthetic Child", List.of()).id();
        // week 1: one open prompt of two; week 3: three open prompts of three
        interview(ivo, caseId, List.of("Tell me everything about that.", "Did he take your phone?"));
        clock.advance(Duration.ofDays(14));
        interview(ivo, caseId, List.of("Tell me everything about that.", "What happened next?", "Tell me more about that."));
        clock.advance(Duration.ofDays(7));
        harbor.accounts().lock("test");
        shell = new Shell(harbor, stage);
        shell.start();
        stage.show();
    }

    private void interview(Session ivo, String caseId, List<String> questions) throws Exception {
        String session = harbor.cases().startSession(ivo, caseId, SessionKind.INTERVIEW, "en").id();
        harbor.interviews().start(ivo, session, ProfileLibrary.CHILD_DEFAULT, Language.EN);
        for (String q : questions) {
            harbor.interviews().logQuestion(ivo, session, q, true);
        }
        harbor.interviews().end(ivo, session, null);
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

    @Test
    @DisplayName("a supervisor reaches it from home by keyboard and sees a table and a weekly chart per interviewer")
    void supervisor(FxRobot robot) {
        logInAs(robot, TestVaults.SUPERVISOR, new String(TestVaults.SUPERVISOR_PASSPHRASE));
        assertTrue(robot.lookup("#homeInterviewerStats").query().isVisible());
        waitUntil(() -> robot.lookup("#homeCases").query().isFocused());
        // Tab from "Cases" along the tiles (outbox, settings, accounts, ...) to the interviewer statistics, bounded
        for (int tabs = 0; tabs < 8 && !robot.lookup("#homeInterviewerStats").query().isFocused(); tabs++) {
            robot.type(KeyCode.TAB);
        }
        assertTrue(robot.lookup("#homeInterviewerStats").query().isFocused());
        robot.type(KeyCode.SPACE);
        waitUntil(() -> shows(robot, "#statsTable")
                && !robot.lookup("#statsTable").queryAs(TableView.class).getItems().isEmpty());

        @SuppressWarnings("unchecked")
        TableView<InterviewerStatsViewModel.Row> table = robot.lookup("#statsTable").queryAs(TableView.class);
        assertEquals(1, table.getItems().size());
        InterviewerStatsViewModel.Row row = table.getItems().getFirst();
        assertEquals("ivo", row.interviewer());
        assertEquals(2, row.interviews());
        assertEquals(5, row.questions());
        assertEquals("80 %", row.openShare(), "four open prompts of five questions");

        @SuppressWarnings("unchecked")
        LineChart<String, Number> chart = robot.lookup("#statsChart").queryAs(LineChart.class);
        assertEquals(1, chart.getData().size());
        List<XYChart.Data<String, Number>> points = chart.getData().getFirst().getData();
        assertEquals(2, points.size(), "one point per week with interviews");
        assertEquals(50.0, points.get(0).getYValue().doubleValue(), 1e-9);
        assertEquals(100.0, points.get(1).getYValue().doubleValue(), 1e-9);
        List<String> weeks = ((javafx.scene.chart.CategoryAxis) chart.getXAxis()).getCategories();
        assertTrue(weeks.indexOf(points.get(0).getXValue()) < weeks.indexOf(points.get(1).getXValue()), "weeks in order: " + weeks);
    }

    @Test
    @DisplayName("an interviewer has no way to it")
    void interviewer(FxRobot robot) {
        logInAs(robot, "ivo", OWN);
        assertFalse(robot.lookup("#homeInterviewerStats").query().isVisible());
        assertFalse(robot.lookup("#homeInterviewerStats").query().isManaged());
    }
}
