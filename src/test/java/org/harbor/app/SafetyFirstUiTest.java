package org.harbor.app;

import static org.harbor.app.UiTestSupport.shows;
import static org.harbor.app.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.harbor.Harbor;
import org.harbor.accounts.Session;
import org.harbor.cases.CaseQuery;
import org.harbor.cases.SessionKind;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 14, R3 (safety first) and R18 (mandatory-report rule packs), in the real window, headless.
 * With {@code -Dharbor.screenshots=docs/images} it writes danger-banner.png, danger-banner-es.png
 * and danger-banner-ar.png: the danger banner on a form (docs/images/screenshots.sh does so).
 */
@ExtendWith(ApplicationExtension.class)
@DisplayName("Issue 14: safety first (R3) and mandatory-report rule packs (R18)")
class SafetyFirstUiTest {

    final MutableClock clock = MutableClock.atStart();
    Harbor harbor;
    Shell shell;
    Stage stage;

    @BeforeAll
    static void patience() {
        org.testfx.api.FxToolkit.toolkitContext().setSetupTimeoutInMillis(120_000);
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        harbor = UiTestSupport.lockedSupervisorVault("harbor-safety-ui", clock);
        shell = UiTestSupport.showShell(harbor, stage);
    }

    @AfterEach
    void stop() {
        WaitForAsyncUtils.waitForAsyncFx(10_000, shell::dispose);
        harbor.close();
    }

    private Session logIn(FxRobot robot) {
        robot.clickOn("#loginUsername");
        UiTestSupport.write(robot, TestVaults.SUPERVISOR);
        robot.type(KeyCode.TAB);
        UiTestSupport.write(robot, new String(TestVaults.SUPERVISOR_PASSPHRASE));
        robot.type(KeyCode.ENTER);
        waitUntil(() -> shows(robot, "#homeGreeting"));
        return harbor.accounts().current().orElseThrow();
    }

    private void settle() throws Exception {
        for (int i = 0; i < 3; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            shell.background().drain();
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean bannerShown(FxRobot robot) {
        return robot.lookup("#safetyBanner").tryQuery().map(Node::isVisible).orElse(false);
    }

    /** Creates a case through the case list and answers its safety form's first danger question "yes". */
    private String newCaseWithDanger(FxRobot robot) throws Exception {
        robot.interact(shell::toCases);
        settle();
        robot.clickOn("#newCaseName");
        UiTestSupport.write(robot, "Synthetic Child");
        robot.clickOn("#newCaseCreate");
        settle();
        waitUntil(() -> shows(robot, "#formRoot"));
        assertTrue(robot.lookup("#formTitle").queryAs(Label.class).getText().contains(harbor.i18n().get("forms.title.harbor-safety"))
                || shows(robot, "#formNext"), "a new case starts with the safety form");
        assertFalse(bannerShown(robot), "no banner before any danger answer");
        robot.clickOn("#formNext");
        settle();
        waitUntil(() -> shows(robot, "#choice-data_danger_danger_now-yes"));
        robot.clickOn("#choice-data_danger_danger_now-yes");
        settle();
        return harbor.cases().list(harbor.accounts().current().orElseThrow(), CaseQuery.all()).getFirst().id();
    }

    @Test
    @DisplayName("a new case starts with the safety form; a yes shows the danger banner at once, on the form, at the top, with the emergency contacts")
    void bannerOnTheFormAtOnce(FxRobot robot) throws Exception {
        Session sup = logIn(robot);
        harbor.settings().setOrganisationCountry(sup, "US");
        newCaseWithDanger(robot);
        waitUntil(() -> bannerShown(robot));
        assertTrue(shows(robot, "#formRoot"), "still on the form: the banner shows on the form itself");
        Bounds banner = robot.lookup("#safetyBanner").query().localToScene(robot.lookup("#safetyBanner").query().getBoundsInLocal());
        Bounds form = robot.lookup("#formRoot").query().localToScene(robot.lookup("#formRoot").query().getBoundsInLocal());
        assertTrue(banner.getMaxY() <= form.getMinY() + 1, "the banner is at the top, above the form");
        waitUntil(() -> !robot.lookup("#bannerContacts .emergency-number").queryAll().isEmpty());
        assertEquals("1-888-373-7888", robot.lookup("#bannerContacts .emergency-number").queryAllAs(Label.class).stream()
                .map(Label::getText).filter("1-888-373-7888"::equals).findFirst().orElse(""), "the emergency panel's contacts");
        screenshot("danger-banner.png");
        robot.interact(() -> harbor.i18n().use(Locale.of("es")));
        settle();
        waitUntil(() -> bannerShown(robot));
        screenshot("danger-banner-es.png");
        robot.interact(() -> harbor.i18n().use(Locale.of("ar")));
        settle();
        waitUntil(() -> bannerShown(robot));
        assertEquals(javafx.geometry.NodeOrientation.RIGHT_TO_LEFT, robot.lookup("#safetyBanner").query().getEffectiveNodeOrientation());
        screenshot("danger-banner-ar.png");
    }

    @Test
    @DisplayName("the banner stays on the interview, case and attachments screens until a supervisor records the action taken")
    void bannerStaysUntilRecorded(FxRobot robot) throws Exception {
        Session sup = logIn(robot);
        String caseId = newCaseWithDanger(robot);
        waitUntil(() -> bannerShown(robot));
        String interview = harbor.cases().startSession(sup, caseId, SessionKind.INTERVIEW, "en").id();
        robot.interact(() -> shell.toInterview(interview));
        settle();
        waitUntil(() -> shows(robot, "#interviewScreen") && bannerShown(robot));
        robot.interact(() -> shell.toCase(caseId));
        settle();
        waitUntil(() -> shows(robot, "#caseScreen") && bannerShown(robot));
        assertTrue(shows(robot, "#caseScreen .attachments-pane"), "the attachments live on the case screen, under the banner");
        robot.clickOn("#safetyAction");
        UiTestSupport.write(robot, "Synthetic action: moved to the shelter with the duty officer");
        clock.advance(Duration.ofMinutes(3));
        robot.clickOn("#safetyRecord");
        settle();
        waitUntil(() -> !bannerShown(robot));
        robot.interact(() -> shell.toInterview(interview));
        settle();
        waitUntil(() -> shows(robot, "#interviewScreen"));
        assertFalse(bannerShown(robot), "the banner is gone from every screen of the case once the action is recorded");
    }

    @Test
    @DisplayName("a case that triggers the rule shows a checklist with a countdown on the case and the home screen; overdue is red to supervisors")
    void reportChecklistAndCountdown(FxRobot robot) throws Exception {
        Session sup = logIn(robot);
        harbor.useCases().chooseReportJurisdiction().choose(sup, "us-federal");
        String caseId = harbor.useCases().createCase().create(sup, "Synthetic Child", List.of()).id();
        String intake = harbor.cases().startSession(sup, caseId, SessionKind.INTAKE, "en").id();
        harbor.forms().open(sup, intake, "harbor-trafficking").answer("/data/control/control_methods", "threats");
        clock.advance(Duration.ofHours(2));
        robot.interact(shell::toHome);
        settle();
        waitUntil(() -> shows(robot, "#homeReport1"));
        String home = robot.lookup("#homeReport1").queryButton().getText();
        assertTrue(home.contains(harbor.i18n().get("reports.countdown.left", harbor.i18n().get("reports.countdown.span", 22L, "00"))), home);
        assertFalse(robot.lookup("#homeReport1").query().getStyleClass().contains("report-overdue"));
        robot.clickOn("#homeReport1");
        settle();
        waitUntil(() -> shows(robot, "#reportChecklist") && robot.lookup("#reportChecklist").query().isVisible());
        assertTrue(robot.lookup("#reportCountdown").queryAs(Label.class).getText().contains("22"));
        assertTrue(shows(robot, "#reportStep3"));
        assertTrue(shows(robot, "#reportCitation"));

        clock.advance(Duration.ofHours(23));
        robot.interact(shell::toHome);
        settle();
        waitUntil(() -> shows(robot, "#homeReport1"));
        assertTrue(robot.lookup("#homeReport1").query().getStyleClass().contains("report-overdue"), "overdue in red on the home screen");
        robot.clickOn("#homeReport1");
        settle();
        waitUntil(() -> robot.lookup("#reportCountdown").queryAs(Label.class).getStyleClass().contains("report-overdue"));
        assertEquals(harbor.i18n().get("reports.countdown.overdue", harbor.i18n().get("reports.countdown.span", 1L, "00")),
                robot.lookup("#reportCountdown").queryAs(Label.class).getText());

        robot.clickOn("#reportMadeTo");
        UiTestSupport.write(robot, "Synthetic Police Department");
        robot.clickOn("#reportReference");
        UiTestSupport.write(robot, "SYN-7");
        robot.clickOn("#reportLog");
        settle();
        waitUntil(() -> shows(robot, "#reportMade1"));
        assertEquals(harbor.i18n().get("reports.countdown.done"), robot.lookup("#reportCountdown").queryAs(Label.class).getText());
        robot.interact(shell::toHome);
        settle();
        assertFalse(shows(robot, "#homeReport1"), "a report logged is no longer due");
    }

    void screenshot(String name) {
        UiTestSupport.screenshot(stage, name);
    }
}
