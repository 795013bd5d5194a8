package org.harbor.app;

import static org.harbor.app.UiTestSupport.shows;
import static org.harbor.app.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.harbor.Harbor;
import org.harbor.accounts.Session;
import org.harbor.cases.SessionKind;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
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
 * Issue 14, "Guard what cannot be undone": sealing opens a dialog that lists what is incomplete and
 * needs the case number typed; Enter seals only then, Escape cancels; an empty case is not sealed.
 * With {@code -Dharbor.screenshots=docs/images} it writes seal-dialog.png and seal-dialog-ar.png
 * (docs/images/screenshots.sh does so).
 */
@ExtendWith(ApplicationExtension.class)
@DisplayName("Guard what cannot be undone: the seal dialog")
class SealDialogUiTest {

    Harbor harbor;
    Shell shell;
    Session supervisor;
    String caseId;
    String caseNumber;
    String emptyCaseId;

    @Start
    void start(Stage stage) throws Exception {
        harbor = TestVaults.open(Files.createTempDirectory("harbor-seal-ui"), MutableClock.atStart());
        supervisor = harbor.accounts().setUp(VaultKind.FIELD, TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE).session();
        harbor.accounts().confirmRecoveryKey(supervisor);
        var summary = harbor.cases().create(supervisor, "Synthetic Person", List.of());
        caseId = summary.id();
        caseNumber = summary.number();
        String sessionId = harbor.cases().startSession(supervisor, caseId, SessionKind.INTAKE, "en").id();
        harbor.forms().open(supervisor, sessionId, "harbor-safety");
        emptyCaseId = harbor.cases().create(supervisor, "Synthetic Other", List.of()).id();
        harbor.i18n().use(Locale.of(System.getProperty("harbor.ui.test.language", "en")));
        harbor.accounts().lock("test");
        shell = UiTestSupport.showShell(harbor, stage);
    }

    @AfterEach
    void stop() throws Exception {
        // A dialog a failed test left open would hold up the next test's window.
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && s.getOwner() != null).map(w -> (Stage) w).toList().forEach(Stage::close)));
        shell.dispose();
        harbor.close();
    }

    private void logIn(FxRobot robot) {
        UiTestSupport.logInAsSupervisor(robot);
    }

    private void settle() throws Exception {
        for (int i = 0; i < 3; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            shell.background().drain();
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Opens the case and the seal dialog from the keyboard: the focus on "Seal the case", then Space. */
    private void openDialog(FxRobot robot, String id) throws Exception {
        robot.interact(() -> shell.toCase(id));
        waitUntil(() -> shows(robot, "#sealCase") && shows(robot, "#sealRows .label"));
        settle();
        Node seal = robot.lookup("#sealCase").query();
        robot.interact(seal::requestFocus);
        robot.type(KeyCode.SPACE);
        settle();
        waitUntil(() -> shows(robot, "#sealDialog"));
    }

    /** Whether a node and every parent of it are visible. */
    private static boolean onScreen(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** The lines the dialog lists as incomplete. */
    private static List<String> gaps(FxRobot robot) {
        return robot.lookup(".seal-gap").queryAll().stream().map(n -> ((org.harbor.ui.common.Paragraph) n).getContent()).toList();
    }

    private boolean sealed() {
        return "sealed".equals(status(caseId));
    }

    /** The case's status as the logged-in account sees it. */
    private String status(String id) {
        return harbor.cases().open(harbor.accounts().current().orElseThrow(), id).orElseThrow().summary().status().code();
    }

    @Test
    @DisplayName("Sealing opens a dialog that lists what is incomplete and needs a typed confirmation (Enter, Escape)")
    void sealingListsWhatIsIncompleteAndNeedsTypedConfirmation(FxRobot robot) throws Exception {
        logIn(robot);
        openDialog(robot, caseId);
        List<String> shown = gaps(robot);
        assertTrue(shown.contains("• " + harbor.i18n().get("seal.dialog.gap.formUnfinished", harbor.i18n().get("forms.title.harbor-safety"))),
                shown.toString());
        assertTrue(shown.contains("• " + harbor.i18n().get("seal.dialog.gap.formNotStarted", harbor.i18n().get("forms.title.harbor-intake"))),
                shown.toString());
        assertTrue(shown.contains("• " + harbor.i18n().get("seal.dialog.gap.consentMissing", harbor.i18n().get("consent.purpose.services"))),
                shown.toString());
        screenshot(robot, "seal-dialog.png");
        Button confirm = robot.lookup("#sealDialogConfirm").queryButton();
        assertTrue(confirm.isDisabled(), "Seal is disabled until the case number is typed");
        assertTrue(robot.lookup("#sealConfirmText").query().isFocused(), "the focus starts in the confirmation field");

        robot.type(KeyCode.ENTER);                       // nothing typed: Enter does not seal
        settle();
        assertTrue(shows(robot, "#sealDialog"));
        UiTestSupport.write(robot, "HB-0000");
        robot.type(KeyCode.ENTER);                       // the wrong number: still not sealed
        settle();
        assertTrue(confirm.isDisabled());
        assertFalse(sealed());

        robot.type(KeyCode.ESCAPE);                      // Escape cancels
        settle();
        waitUntil(() -> !shows(robot, "#sealDialog"));
        assertFalse(sealed(), "cancelling seals nothing");

        openDialog(robot, caseId);
        TextField typed = robot.lookup("#sealConfirmText").query();
        assertEquals("", typed.getText(), "asked afresh each time");
        robot.clickOn(typed);
        UiTestSupport.write(robot, caseNumber);
        settle();
        assertFalse(robot.lookup("#sealDialogConfirm").queryButton().isDisabled(), () -> "typed [" + typed.getText() + "] focus " + robot.lookup("#sealConfirmText").query().getScene().getFocusOwner());
        robot.type(KeyCode.ENTER);                       // the number typed: Enter seals
        settle();
        waitUntil(() -> !shows(robot, "#sealDialog") && sealed());
        waitUntil(() -> robot.lookup("#sealCase").query().isDisabled());

        // A sealed case is read-only on screen: no edit controls, no file chooser, the addendum path.
        waitUntil(() -> robot.lookup("#sealedNotice").query().isVisible());
        assertTrue(((org.harbor.ui.common.Paragraph) robot.lookup("#sealedNotice").query()).getContent().contains("--amend"));
        waitUntil(() -> !onScreen(robot.lookup("#personAdd").query()));
        assertFalse(onScreen(robot.lookup("#sessionStart").query()), "no new session on a sealed case");
        assertFalse(onScreen(robot.lookup("#attachmentsAdd").query()), "no attach button, so no file chooser");
    }

    @Test
    @DisplayName("An empty case cannot be sealed: the dialog says so and offers no confirmation")
    void emptyCaseCannotBeSealed(FxRobot robot) throws Exception {
        logIn(robot);
        openDialog(robot, emptyCaseId);
        assertTrue(shows(robot, "#sealDialogEmpty"));
        assertFalse(shows(robot, "#sealConfirmText"));
        assertTrue(robot.lookup("#sealDialogConfirm").queryButton().isDisabled());
        robot.type(KeyCode.ENTER);
        settle();
        assertEquals("open", status(emptyCaseId));
        robot.type(KeyCode.ESCAPE);
        settle();
        waitUntil(() -> !shows(robot, "#sealDialog"));
    }

    @Test
    @DisplayName("the seal dialog in Arabic: right to left, the gaps in Arabic")
    void arabic(FxRobot robot) throws Exception {
        logIn(robot);
        robot.interact(() -> harbor.i18n().use(Locale.of("ar")));
        openDialog(robot, caseId);
        Node dialog = robot.lookup("#sealDialog").query();
        assertEquals(javafx.geometry.NodeOrientation.RIGHT_TO_LEFT, dialog.getEffectiveNodeOrientation());
        assertTrue(gaps(robot).contains("• " + harbor.i18n().get("seal.dialog.gap.formUnfinished",
                harbor.i18n().get("forms.title.harbor-safety"))), gaps(robot).toString());
        screenshot(robot, "seal-dialog-ar.png");
        robot.type(KeyCode.ESCAPE);
        settle();
    }

    /** Writes the owner window with the dialog over it when -Dharbor.screenshots names a folder. */
    private void screenshot(FxRobot robot, String name) throws Exception {
        String folder = System.getProperty("harbor.screenshots");
        if (folder == null || folder.isBlank()) {
            return;
        }
        Node dialog = robot.lookup("#sealDialog").query();
        WritableImage image = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> dialog.getScene().snapshot(null)));
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        javax.imageio.ImageIO.write(out, "png", Path.of(folder, name).toFile());
    }
}
