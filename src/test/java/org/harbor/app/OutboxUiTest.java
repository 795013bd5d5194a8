package org.harbor.app;

import static org.harbor.app.UiTestSupport.shows;
import static org.harbor.app.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.geometry.NodeOrientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.harbor.Harbor;
import org.harbor.sync.SyncFixture;
import org.harbor.sync.SyncServer;
import org.harbor.ui.common.Paragraph;
import org.harbor.ui.outbox.OutboxViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 18, the outbox screen, against a real {@code harbor central serve} server on 127.0.0.1 (as
 * SyncTest starts it) and a real field vault whose trust bundle names that server: the desktop's
 * own background sender sends what the supervisor releases. With {@code -Dharbor.screenshots=DIR}
 * it writes outbox.png, outbox-es.png and outbox-ar.png (docs/images/screenshots.sh does so).
 */
@ExtendWith(ApplicationExtension.class)
@DisplayName("The outbox screen against a real sync server (issue 18)")
class OutboxUiTest {

    SyncFixture fixture;
    Harbor harbor;
    Shell shell;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        fixture = new SyncFixture(Files.createTempDirectory("harbor-outbox-ui"));
        fixture.serve(SyncServer.Limits.DEFAULT);
        SyncFixture.Laptop laptop = fixture.laptop("1", true, fixture.url().toString());
        harbor = laptop.harbor();
        harbor.accounts().confirmRecoveryKey(laptop.supervisor());
        SyncFixture.sealedCase(laptop, "Rho");
        SyncFixture.sealedCase(laptop, "Sigma");
        harbor.accounts().lock("test");
        shell = UiTestSupport.showShell(harbor, stage);
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> {
            shell.dispose();
            return null;
        }));
        fixture.close();
    }

    private String text(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        return node instanceof Paragraph p ? p.getContent() : ((javafx.scene.control.Labeled) node).getText();
    }

    private List<OutboxViewModel.CaseRow> caseRows(FxRobot robot) {
        ListView<OutboxViewModel.CaseRow> list = robot.lookup("#outboxCases").query();
        return list.getItems();
    }

    private String onlyPackageStatus(FxRobot robot) {
        return robot.lookup(".outbox-row").queryAll().stream().findFirst()
                .map(row -> ((Paragraph) row.lookup(".paragraph")).getContent()).orElse("");
    }

    @Test
    @DisplayName("the supervisor opens the outbox from Home, releases after a question, the desktop sends it, the receipt is applied, and purge asks with Keep as the default")
    void releaseSendReceiptPurge(FxRobot robot) throws Exception {
        assertFalse(harbor.useCases().sendInBackground().running(), "no sender before the log-in");
        UiTestSupport.logInAsSupervisor(robot);
        waitUntil(() -> harbor.useCases().sendInBackground().running()); // the desktop's sender runs while the supervisor is in
        assertTrue(shows(robot, "#homeOutbox"), "the supervisor has the outbox on Home");
        robot.clickOn("#homeOutbox");
        waitUntil(() -> shows(robot, "#outboxCases") && caseRows(robot).size() == 2);
        assertTrue(robot.lookup("#outboxRelease").queryButton().isDisabled(), "nothing chosen, nothing to release");
        assertTrue(shows(robot, "#outboxPackagesNone") && robot.lookup("#outboxPackagesNone").query().isVisible());

        // Space on the list ticks the focused case
        robot.clickOn("#outboxCases");
        robot.interact(() -> {
            ListView<OutboxViewModel.CaseRow> list = robot.lookup("#outboxCases").query();
            list.getFocusModel().focus(0);
        });
        robot.type(KeyCode.SPACE);
        waitUntil(() -> caseRows(robot).getFirst().selected().get());
        robot.clickOn("#outboxRelease");
        waitUntil(() -> shows(robot, "#outboxReleaseConfirm"));
        Button cancel = robot.lookup("#outboxReleaseConfirmKeep").queryButton();
        waitUntil(cancel::isFocused);
        robot.type(KeyCode.ENTER); // Enter gives the safe answer: nothing is released
        waitUntil(() -> !shows(robot, "#outboxReleaseConfirm"));
        shell.background().drain();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".outbox-row").queryAll().isEmpty(), "Cancel released nothing");

        robot.clickOn("#outboxRelease");
        waitUntil(() -> shows(robot, "#outboxReleaseConfirmGo"));
        robot.clickOn("#outboxReleaseConfirmGo");
        // the background sender (started at Home) sends it to the real server and applies the receipt
        waitUntil(() -> onlyPackageStatus(robot).startsWith("Receipt applied "));
        assertEquals(1, fixture.importedPackages(), "the office imported the package once");
        waitUntil(() -> shows(robot, "#outboxPurge") && robot.lookup("#outboxPurge").query().isVisible());
        assertEquals(1, caseRows(robot).size(), "one sealed case is still to release");
        assertTrue(robot.lookup("#outboxRetry").queryButton().isDisabled(), "nothing waits: nothing to retry");
        UiTestSupport.screenshot(stage, "outbox.png");

        robot.clickOn("#outboxPurge");
        waitUntil(() -> shows(robot, "#outboxPurgeConfirm"));
        Button keep = robot.lookup("#outboxPurgeConfirmKeep").queryButton();
        waitUntil(keep::isFocused);
        assertEquals("Keep", keep.getText());
        assertTrue(keep.isDefaultButton(), "Keep is the default answer");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> !shows(robot, "#outboxPurgeConfirm"));
        assertEquals(1, harbor.receipts().purgeable(harbor.accounts().current().orElseThrow()).size(), "Keep deleted nothing");

        robot.clickOn("#outboxPurge");
        waitUntil(() -> shows(robot, "#outboxPurgeConfirmGo"));
        robot.clickOn("#outboxPurgeConfirmGo");
        waitUntil(() -> text(robot, "#outboxMessage").equals("1 received case deleted from this laptop."));
        assertFalse(robot.lookup("#outboxPurge").query().isVisible(), "nothing more to purge");
        robot.interact(shell::lock);
        waitUntil(() -> !harbor.useCases().sendInBackground().running()); // the lock stops the sender
    }

    @Test
    @DisplayName("the outbox in Spanish and Arabic (right to left), with a package received")
    void languages(FxRobot robot) throws Exception {
        UiTestSupport.logInAsSupervisor(robot);
        robot.clickOn("#homeOutbox");
        waitUntil(() -> shows(robot, "#outboxCases") && caseRows(robot).size() == 2);
        robot.interact(() -> caseRows(robot).getFirst().selected().set(true));
        robot.clickOn("#outboxRelease");
        waitUntil(() -> shows(robot, "#outboxReleaseConfirmGo"));
        robot.clickOn("#outboxReleaseConfirmGo");
        waitUntil(() -> onlyPackageStatus(robot).startsWith("Receipt applied "));
        waitUntil(() -> robot.lookup("#outboxPurge").query().isVisible());

        robot.interact(() -> harbor.i18n().use(Locale.of("es")));
        waitUntil(() -> onlyPackageStatus(robot).startsWith("Recibo aplicado "));
        assertEquals("Eliminar casos recibidos…", robot.lookup("#outboxPurge").queryButton().getText());
        assertTrue(text(robot, "#outboxMessage").startsWith("Liberado."), "what the screen said, in the new language: "
                + text(robot, "#outboxMessage"));
        UiTestSupport.screenshot(stage, "outbox-es.png");

        robot.interact(() -> harbor.i18n().use(Locale.of("ar")));
        waitUntil(() -> onlyPackageStatus(robot).startsWith("طُبّق الإيصال"));
        assertEquals(NodeOrientation.RIGHT_TO_LEFT, robot.lookup("#outboxScreen").query().getEffectiveNodeOrientation());
        UiTestSupport.screenshot(stage, "outbox-ar.png");
        robot.interact(() -> harbor.i18n().use(Locale.ENGLISH));
    }
}
