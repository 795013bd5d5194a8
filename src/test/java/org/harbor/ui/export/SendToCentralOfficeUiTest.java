package org.harbor.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.geometry.NodeOrientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.harbor.Harbor;
import org.harbor.accounts.Session;
import org.harbor.audit.AuditActions;
import org.harbor.audit.AuditLog;
import org.harbor.consent.ConsentGrant;
import org.harbor.consent.ConsentPurpose;
import org.harbor.consent.ConsentScope;
import org.harbor.seal.ExportListener;
import org.harbor.seal.ImportService;
import org.harbor.seal.TrustBundle;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.harbor.ui.common.Background;
import org.harbor.ui.common.FxmlScreen;
import org.harbor.ui.common.Navigator;
import org.harbor.ui.common.Paragraph;
import org.harbor.ui.common.ScreenContext;
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
 * Issue 14: the supervisor's "Send to the central office" screen, driven by keyboard on real vaults:
 * the central office's keys imported with the fingerprint it reads out, two sealed cases exported
 * into a folder as a real package, the office's real receipt applied, and the purge it allows.
 * The operating system's choosers cannot show headless: the test answers them, as a person would.
 */
@ExtendWith(ApplicationExtension.class)
@DisplayName("Send to the central office")
class SendToCentralOfficeUiTest {

    final MutableClock clock = MutableClock.atStart();
    Harbor field;
    Harbor central;
    Session supervisor;
    Session office;
    Background background;
    Stage stage;
    Path dir;
    Path folder;
    TrustBundle bundle;
    final List<File> files = new ArrayList<>();
    final List<String> caseIds = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dir = Files.createTempDirectory("harbor-send-ui");
        folder = Files.createDirectories(dir.resolve("usb"));
        field = TestVaults.open(dir.resolve("field"), clock);
        central = TestVaults.open(dir.resolve("central"), clock);
        supervisor = field.accounts().setUp(VaultKind.FIELD, TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE).session();
        office = central.accounts().setUp(VaultKind.CENTRAL, "olga-central", "central office pass phrase".toCharArray()).session();
        bundle = central.trust().writeTrustBundle(office, dir.resolve("trust.json"));
        Path device = dir.resolve("device.pub");
        field.trust().writeDeviceKey(supervisor, device);
        central.trust().enrolDevice(office, Files.readString(device), "Field laptop 1");
        for (String name : List.of("Synthetic Send One", "Synthetic Send Two")) {
            String id = field.cases().create(supervisor, name, List.of()).id();
            field.consents().record(supervisor, id, ConsentGrant.builder(ConsentScope.of(ConsentPurpose.SERVICES))
                    .bySurvivor(false).language("en").build());
            field.seals().sealCase(supervisor, id);
            caseIds.add(id);
        }
        background = new Background();
        PackagesView.chooser = new PackagesView.Chooser() {
            @Override
            public File folder(Window owner, String title) {
                return folder.toFile();
            }

            @Override
            public File file(Window owner, String title) {
                return files.removeFirst();
            }
        };
        stage.setScene(new Scene(new javafx.scene.layout.StackPane(), 1024, 768));
        stage.show();
        show(System.getProperty("harbor.ui.test.language", "en"));
    }

    private void show(String language) {
        Navigator navigator = (Navigator) java.lang.reflect.Proxy.newProxyInstance(Navigator.class.getClassLoader(),
                new Class<?>[] {Navigator.class}, (proxy, method, args) -> null);
        field.i18n().use(Locale.of(language));
        stage.getScene().setRoot(ExportScreens.packages(ScreenContext.of(field, background, navigator, supervisor)).build());
        stage.getScene().setNodeOrientation(field.i18n().rightToLeft() ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT);
    }

    @AfterEach
    void stop() {
        PackagesView.chooser = PackagesView.SYSTEM;
        background.close();
        field.close();
        central.close();
    }

    private static void waitUntil(BooleanSupplier condition, String what) {
        try {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void press(FxRobot robot, String id, KeyCode key) {
        Node node = robot.lookup(id).query();
        robot.interact(node::requestFocus);
        waitUntil(node::isFocused, id + " takes the focus");
        robot.type(key);
    }

    /** The screen's picture for the README when run with -Dharbor.screenshots=DIR (docs/images/screenshots.sh). */
    private void screenshot(String name) throws Exception {
        String into = System.getProperty("harbor.screenshots");
        if (into == null || into.isBlank()) {
            return;
        }
        javafx.scene.image.WritableImage image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get();
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, image.getPixelReader().getArgb(x, y));
            }
        }
        javax.imageio.ImageIO.write(out, "png", Path.of(into, name).toFile());
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Paragraph.class).getContent();
    }

    @Test
    @DisplayName("by keyboard: import the office's keys with the fingerprint read out, export 2 sealed cases into a folder, apply the receipt, keep by default, then purge")
    void sendByKeyboard(FxRobot robot) throws Exception {
        // The office's keys: the bundle's fingerprint is shown grouped for reading aloud; what is typed must match.
        files.add(dir.resolve("trust.json").toFile());
        press(robot, "#sendTrustChoose", KeyCode.SPACE);
        Label fingerprint = robot.lookup("#sendTrustFingerprint").queryAs(Label.class);
        waitUntil(() -> fingerprint.getText().equals(bundle.fingerprint()), "the fingerprint is shown");
        assertTrue(fingerprint.getText().matches("([0-9A-F]{4} ){7}[0-9A-F]{4}"), "groups of four: " + fingerprint.getText());
        waitUntil(() -> robot.lookup("#sendTrustReadOut").query().isFocused(), "the field for what the office reads out has the focus");
        robot.write("0000 1111 2222 3333 4444 5555 6666 7777");
        robot.type(KeyCode.ENTER);
        String refused = field.i18n().get("send.trust.refused", field.i18n().get("send.trust.check.fingerprint"));
        waitUntil(() -> text(robot, "#sendTrustMessage").equals(refused), "a wrong fingerprint is refused, naming the check");
        assertTrue(field.trust().trust(supervisor).isEmpty(), "nothing imported");
        robot.interact(() -> robot.lookup("#sendTrustReadOut").queryAs(javafx.scene.control.TextField.class).clear());
        robot.write(bundle.fingerprint().toLowerCase(Locale.ROOT));
        robot.type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#sendTrustMessage").equals(field.i18n().get("send.trust.done")), "the keys are imported");
        assertEquals(bundle.fingerprint(), field.trust().trust(supervisor).orElseThrow().fingerprint());

        // Export: both sealed cases ticked with Space, the folder chosen, the files listed by name.
        ListView<?> cases = robot.lookup("#packagesCases").queryListView();
        waitUntil(() -> cases.getItems().size() == 2, "both sealed cases are listed");
        press(robot, "#packagesCases", KeyCode.HOME);
        robot.type(KeyCode.SPACE, KeyCode.DOWN, KeyCode.SPACE);
        List<Double> progress = new ArrayList<>();
        robot.interact(() -> robot.lookup("#packagesProgress").queryAs(javafx.scene.control.ProgressBar.class).progressProperty()
                .addListener((o, was, is) -> progress.add(is.doubleValue())));
        press(robot, "#packagesExport", KeyCode.SPACE);
        ListView<?> written = robot.lookup("#sendWritten").queryListView();
        waitUntil(() -> written.getItems().size() == 2, "the files written are listed: " + text(robot, "#packagesMessage"));
        assertTrue(progress.contains(1.0), "the progress bar reached the end: " + progress);
        String name = (String) written.getItems().get(0);
        assertTrue(name.matches("harbor-\\d{8}-\\d{6}\\.harbor"), name);
        assertEquals(name + ".minisig", written.getItems().get(1));
        Path pkg = folder.resolve(name);
        assertTrue(Files.isRegularFile(pkg) && Files.isRegularFile(folder.resolve(name + ".minisig")));

        String language = field.i18n().locale().getLanguage();
        screenshot("send-to-central" + (language.equals("en") ? "" : "-" + language) + ".png");

        // A real package: the central office imports it, every check passing, and signs its receipt.
        ImportService.ImportResult imported = central.useCases().importPackage().importPackage(office, pkg, ExportListener.SILENT);
        assertEquals(2, imported.cases().size());
        Path receipt = dir.resolve("receipt.json");
        Files.write(receipt, imported.receipt().toFile().getBytes(StandardCharsets.UTF_8));

        // The receipt: its cases are received, and their deletion is offered with "Keep" as the safe default.
        files.add(receipt.toFile());
        press(robot, "#sendReceiptChoose", KeyCode.SPACE);
        waitUntil(() -> robot.lookup("#sendPurge").query().isVisible(), "the purge is offered");
        waitUntil(() -> robot.lookup("#sendPurgeKeep").query().isFocused(), "Keep has the focus");
        assertTrue(robot.lookup("#sendPurgeKeep").queryButton().isDefaultButton());
        assertFalse(robot.lookup("#sendPurgeGo").queryButton().isDefaultButton(), "deleting is never the default");
        assertEquals(field.i18n().get("send.purge.body", 2), robot.lookup("#sendPurgeText").queryAs(Paragraph.class).getContent());
        robot.type(KeyCode.ENTER);
        waitUntil(() -> !robot.lookup("#sendPurge").query().isVisible(), "Enter keeps");
        assertEquals(field.i18n().get("send.purge.kept"), text(robot, "#sendReceiptMessage"));
        assertEquals(2, field.receipts().purgeable(supervisor).size(), "nothing deleted");

        // Applied again, the same receipt offers the deletion again? No: its cases are received already.
        // The supervisor deletes them by choosing the second answer with Tab and Space.
        robot.interact(() -> show(field.i18n().locale().getLanguage()));
        files.add(receipt.toFile());
        press(robot, "#sendReceiptChoose", KeyCode.SPACE);
        waitUntil(() -> !text(robot, "#sendReceiptMessage").isEmpty(), "the receipt is applied again");
        assertFalse(robot.lookup("#sendPurge").query().isVisible(), "a receipt applied before receives nothing new, and offers nothing");
    }

    @Test
    @DisplayName("the deletion the receipt allows is done with Tab then Space, and audited as the command line's purge")
    void purgeByKeyboard(FxRobot robot) throws Exception {
        field.trust().importTrust(supervisor, bundle, bundle.fingerprint());
        Path pkg = field.useCases().exportPackage().export(supervisor, caseIds, ConsentPurpose.SERVICES,
                dir.resolve("p.harbor"), ExportListener.SILENT).exported().file();
        ImportService.ImportResult imported = central.useCases().importPackage().importPackage(office, pkg, ExportListener.SILENT);
        Path receipt = dir.resolve("receipt.json");
        Files.write(receipt, imported.receipt().toFile().getBytes(StandardCharsets.UTF_8));
        files.add(receipt.toFile());
        press(robot, "#sendReceiptChoose", KeyCode.SPACE);
        waitUntil(() -> robot.lookup("#sendPurgeKeep").query().isFocused(), "Keep has the focus");
        robot.type(KeyCode.TAB);
        waitUntil(() -> robot.lookup("#sendPurgeGo").query().isFocused(), "Tab reaches the deletion");
        robot.type(KeyCode.SPACE);
        waitUntil(() -> text(robot, "#sendReceiptMessage").equals(field.i18n().get("send.purge.done", 2)), "the cases are deleted");
        assertEquals(0, field.receipts().purgeable(supervisor).size());
        ListView<?> cases = robot.lookup("#packagesCases").queryListView();
        waitUntil(() -> cases.getItems().isEmpty(), "the deleted cases leave the list");
        List<String> purged = new ArrayList<>();
        List<String> details = new ArrayList<>();
        field.vault().transaction(c -> {
            AuditLog.forEach(c, e -> {
                if (e.action().equals(AuditActions.CASE_PURGED)) {
                    purged.add(e.target());
                    details.add(e.details());
                }
            });
            return null;
        });
        assertEquals(caseIds.stream().sorted().toList(), purged.stream().sorted().toList(), "one audit entry per case, as the CLI's purge");
        assertTrue(details.stream().noneMatch(d -> d.contains("Synthetic")), "no content in the audit");
    }
}
