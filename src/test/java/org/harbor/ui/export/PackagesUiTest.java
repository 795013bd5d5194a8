package org.harbor.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.NodeOrientation;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.harbor.Harbor;
import org.harbor.accounts.Session;
import org.harbor.seal.TrustBundle;
import org.harbor.seal.TrustService;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.harbor.ui.common.Background;
import org.harbor.ui.common.Navigator;
import org.harbor.ui.common.Paragraph;
import org.harbor.ui.common.Screen;
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

@ExtendWith(ApplicationExtension.class)
@DisplayName("The package screen of a field vault")
class PackagesUiTest {

    final MutableClock clock = MutableClock.atStart();
    Harbor field;
    Harbor central;
    Session supervisor;
    Background background;
    PackagesViewModel model;
    Path dir;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("harbor-packages-ui");
        field = TestVaults.open(dir.resolve("field"), clock);
        central = TestVaults.open(dir.resolve("central"), clock);
        supervisor = field.accounts().setUp(VaultKind.FIELD, TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE).session();
        Session office = central.accounts().setUp(VaultKind.CENTRAL, "olga-central", "central office pass phrase".toCharArray()).session();
        TrustBundle bundle = central.trust().writeTrustBundle(office, dir.resolve("trust.json"));
        field.trust().importTrust(supervisor, TrustService.readBundle(dir.resolve("trust.json")), bundle.fingerprint());
        for (String name : List.of("CANARYui01 Survivor", "CANARYui02 Survivor")) {
            String id = field.cases().create(supervisor, name, List.of()).id();
            // Consent to services: without it the case would not leave (issue 12).
            field.consents().record(supervisor, id, org.harbor.consent.ConsentGrant.builder(org.harbor.consent.ConsentScope.of(
                    org.harbor.consent.ConsentPurpose.SERVICES)).bySurvivor(false).language("en").build());
            field.seals().sealCase(supervisor, id);
        }
        background = new Background();
        Navigator navigator = (Navigator) java.lang.reflect.Proxy.newProxyInstance(Navigator.class.getClassLoader(),
                new Class<?>[] {Navigator.class}, (proxy, method, args) -> null);
        ScreenContext context = ScreenContext.of(field, background, navigator, supervisor);
        model = new PackagesViewModel(context.useCases().exportPackage(), context.useCases().importPackage(),
                context.useCases().importTrustBundle(), context.useCases().applyReceipt(), background,
                navigator, context.i18n(), supervisor);
        field.i18n().use(Locale.of(System.getProperty("harbor.ui.test.language", "en")));
        Screen screen = new org.harbor.ui.common.FxmlScreen(() -> new PackagesView(model, field.i18n()), model::dispose, field.i18n());
        stage.setScene(new Scene(screen.build(), 800, 600));
        stage.show();
    }

    @AfterEach
    void stop() {
        background.close();
        field.close();
        central.close();
    }

    @Test
    @DisplayName("lists the sealed cases; a case is chosen with the keyboard alone; export writes the package and reports it")
    void exportWithKeyboard(FxRobot robot) throws Exception {
        background.drain();
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> cases = robot.lookup("#packagesCases").queryListView();
        assertEquals(2, cases.getItems().size());
        Button export = robot.lookup("#packagesExport").queryButton();
        assertTrue(export.isDisabled(), "nothing chosen yet");
        robot.interact(cases::requestFocus);
        robot.type(KeyCode.HOME);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(export.isDisabled(), "Space ticks the focused case: " + cases.getFocusModel().getFocusedIndex());

        // The file chooser is the operating system's; the view hands its answer to the same command.
        PackagesViewModel screenModel = model;
        Path out = dir.resolve("out.harbor");
        robot.interact(() -> screenModel.export(out));
        Paragraph message = robot.lookup("#packagesMessage").queryAs(Paragraph.class);
        try {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> message.getContent().contains("1 case written"));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the screen says: " + message.getContent(), e);
        }
        background.drain();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Files.exists(out) && Files.exists(Path.of(out + ".minisig")));
        assertEquals(2, cases.getItems().size(), "an exported case stays on the list until the office confirms it");
    }

    @Test
    @DisplayName("reads right to left in Arabic, with every label translated")
    void arabic(FxRobot robot) throws Exception {
        background.drain();
        robot.interact(() -> {
            field.i18n().use(Locale.of("ar"));
            Stage stage = (Stage) robot.listWindows().getFirst();
            Scene scene = stage.getScene();
            scene.setRoot(ExportScreens.packages(ScreenContext.of(field, background, null, supervisor)).build());
            scene.setNodeOrientation(NodeOrientation.RIGHT_TO_LEFT);
        });
        background.drain();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("تصدير…", robot.lookup("#packagesExport").queryButton().getText());
        assertEquals(2, robot.lookup("#packagesCases").queryListView().getItems().size());
    }
}
