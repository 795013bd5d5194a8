package org.harbor.ui.attachments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.harbor.Harbor;
import org.harbor.accounts.Session;
import org.harbor.attachments.Attachment;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.harbor.ui.common.Background;
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

@ExtendWith(ApplicationExtension.class)
@DisplayName("The attachments pane")
class AttachmentsPaneUiTest {

    Path dir;
    Harbor harbor;
    Background background;
    Session supervisor;
    String caseId;
    AttachmentsPane pane;
    Stage stage;
    Navigator nowhere;
    final List<Path> toChoose = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("harbor-attachments-ui");
        harbor = TestVaults.open(dir.resolve("home"), MutableClock.atStart());
        var setup = harbor.accounts().setUp(VaultKind.FIELD, TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE);
        supervisor = setup.session();
        harbor.accounts().confirmRecoveryKey(supervisor);
        caseId = harbor.cases().create(supervisor, "Synthetic Person", List.of()).id();
        background = new Background();
        this.stage = stage;
        nowhere = (Navigator) Proxy.newProxyInstance(Navigator.class.getClassLoader(),
                new Class<?>[] {Navigator.class}, (proxy, method, args) -> null);
        pane = new AttachmentsPane(ScreenContext.of(harbor, background, nowhere, supervisor), caseId);
        pane.setFileChooser(owner -> List.copyOf(toChoose));
        stage.setScene(new Scene(pane, 900, 760));
        stage.getScene().getStylesheets().add(AttachmentsPane.class.getResource("/org/harbor/ui/common/harbor.css").toExternalForm());
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        background.drain();
        background.close();
        harbor.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @SuppressWarnings("unchecked")
    private TableView<Attachment> table(FxRobot robot) {
        return robot.lookup("#attachmentsList").queryAs(TableView.class);
    }

    private static void waitUntil(BooleanSupplier condition, String what) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String question(FxRobot robot) {
        return robot.lookup("#attachmentsQuestion").queryAs(Paragraph.class).getContent();
    }

    private boolean questionShown(FxRobot robot) {
        return robot.lookup("#attachmentsQuestion").query().getParent().isVisible();
    }

    @Test
    @DisplayName("attaches a photo by the button, lists it, shows it, and a supervisor removes it")
    void attachShowRemove(FxRobot robot) throws Exception {
        Path photo = Files.createDirectories(dir.resolve("sources")).resolve("identity-card.png");
        Files.write(photo, org.harbor.attachments.TestImages.png(80, 60));
        toChoose.add(photo);

        robot.clickOn("#attachmentsAdd");
        waitUntil(() -> table(robot).getItems().size() == 1, "the photo is listed");
        Attachment listed = table(robot).getItems().getFirst();
        assertEquals("identity-card.png", listed.originalName());
        assertEquals(TestVaults.SUPERVISOR, listed.addedByName());
        assertTrue(robot.lookup("Image").tryQuery().isPresent(), "the type column says Image");

        waitUntil(() -> questionShown(robot), "the offer to delete the original");
        assertTrue(question(robot).contains("identity-card.png") && question(robot).contains("SSD"), question(robot));
        robot.clickOn("#attachmentsCancel");
        waitUntil(() -> !questionShown(robot), "the offer is gone");
        assertTrue(Files.exists(photo), "keeping the original keeps it");

        robot.clickOn("identity-card.png");
        robot.clickOn("#attachmentsShow");
        waitUntil(() -> robot.lookup("#attachmentsPreview").queryAs(ImageView.class).getImage() != null, "the preview shows");
        ImageView preview = robot.lookup("#attachmentsPreview").queryAs(ImageView.class);
        assertEquals(80, preview.getImage().getWidth());
        assertTrue(preview.isVisible() && preview.getScene() != null);
        assertNotNull(pane.model().openedProperty().get());

        robot.clickOn("#attachmentsRemove");
        waitUntil(() -> questionShown(robot), "the removal question");
        assertTrue(question(robot).startsWith("Remove “identity-card.png”"), question(robot));
        robot.clickOn("#attachmentsConfirm");
        waitUntil(() -> table(robot).getItems().isEmpty(), "the list is empty");
        assertEquals(List.of(), harbor.attachments().list(supervisor, caseId));
        assertTrue(preview.getImage() == null && pane.model().openedProperty().get() == null,
                "the preview of a removed attachment closes");
        try (var blobs = Files.list(harbor.home().blobs())) {
            assertEquals(0, blobs.count(), "the blob file is gone");
        }
    }

    @Test
    @DisplayName("deleting an original file after attaching asks first, and \"Delete the original\" is never the default button: Enter keeps it")
    void deletingTheOriginalAsksFirstAndIsNeverTheDefault(FxRobot robot) throws Exception {
        Path photo = Files.createDirectories(dir.resolve("sources")).resolve("kept.png");
        Files.write(photo, org.harbor.attachments.TestImages.png(12, 10));
        toChoose.add(photo);
        robot.clickOn("#attachmentsAdd");
        waitUntil(() -> table(robot).getItems().size() == 1, "the photo is listed");
        waitUntil(() -> questionShown(robot) && stage.getScene().getFocusOwner() != null
                && "attachmentsCancel".equals(stage.getScene().getFocusOwner().getId()), "the safe answer has the focus");
        assertEquals("Delete the original", robot.lookup("#attachmentsConfirm").queryButton().getText());
        assertFalse(robot.lookup("#attachmentsConfirm").queryButton().isDefaultButton(), "deleting is never the default");
        assertTrue(robot.lookup("#attachmentsCancel").queryButton().isDefaultButton(), "keeping it is");
        robot.type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> !questionShown(robot), "the question is answered");
        assertTrue(Files.exists(photo), "Enter kept the original");
    }

    @Test
    @DisplayName("shows progress while a big file is attached, and then offers to delete the original, which it does")
    void progressAndDeleteOriginal(FxRobot robot) throws Exception {
        Path big = Files.createDirectories(dir.resolve("sources")).resolve("scan.bin");
        byte[] content = new byte[40 * 1024 * 1024];
        new java.util.Random(5).nextBytes(content);
        Files.write(big, content);
        toChoose.add(big);
        List<Double> seen = new CopyOnWriteArrayList<>();
        robot.interact(() -> pane.model().progressProperty().addListener((obs, old, now) -> {
            if (robot.lookup("#attachmentsProgress").query().isVisible()) {
                seen.add(now.doubleValue());
            }
        }));

        robot.clickOn("#attachmentsAdd");
        waitUntil(() -> table(robot).getItems().size() == 1, "the file is listed");
        assertTrue(seen.stream().anyMatch(p -> p > 0 && p < 1), "progress between 0 and 1 was shown: " + seen);
        waitUntil(() -> questionShown(robot), "the offer to delete the original");
        robot.clickOn("#attachmentsConfirm");
        waitUntil(() -> !Files.exists(big), "the original is deleted");
        waitUntil(() -> robot.lookup("#attachmentsMessage").queryAs(Paragraph.class).getContent().equals("The original was deleted."),
                "the pane says so");
        assertFalse(robot.lookup("#attachmentsProgress").query().isVisible());
    }

    private void tabUntil(FxRobot robot, String id) {
        for (int i = 0; i < 20; i++) {
            var focused = stage.getScene().getFocusOwner();
            if (focused != null && id.equals(focused.getId())) {
                return;
            }
            robot.type(javafx.scene.input.KeyCode.TAB);
        }
        throw new AssertionError("Tab never reached #" + id + "; focus is on " + stage.getScene().getFocusOwner());
    }

    @Test
    @DisplayName("works in Arabic, right to left, with the keyboard only: attach, keep the original, select and show")
    void arabicKeyboardOnly(FxRobot robot) throws Exception {
        Path photo = Files.createDirectories(dir.resolve("sources")).resolve("photo.png");
        Files.write(photo, org.harbor.attachments.TestImages.png(30, 20));
        toChoose.add(photo);
        robot.interact(() -> {
            pane.dispose();
            harbor.i18n().use(java.util.Locale.of("ar"));
            pane = new AttachmentsPane(ScreenContext.of(harbor, background, nowhere, supervisor), caseId);
            pane.setFileChooser(owner -> List.copyOf(toChoose));
            stage.getScene().setRoot(pane);
            stage.getScene().setNodeOrientation(javafx.geometry.NodeOrientation.RIGHT_TO_LEFT);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("إرفاق ملفات…", robot.lookup("#attachmentsAdd").queryButton().getText());
        tabUntil(robot, "attachmentsAdd");
        robot.type(javafx.scene.input.KeyCode.SPACE);
        waitUntil(() -> table(robot).getItems().size() == 1, "the photo is listed");
        waitUntil(() -> questionShown(robot) && stage.getScene().getFocusOwner() != null
                && "attachmentsCancel".equals(stage.getScene().getFocusOwner().getId()), "the offer has the focus on keeping it");
        robot.type(javafx.scene.input.KeyCode.SPACE);
        waitUntil(() -> !questionShown(robot), "the offer is gone");
        assertTrue(Files.exists(photo));
        tabUntil(robot, "attachmentsList");
        robot.type(javafx.scene.input.KeyCode.DOWN);
        robot.type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#attachmentsPreview").queryAs(ImageView.class).getImage() != null, "the preview shows");
        assertEquals(30, robot.lookup("#attachmentsPreview").queryAs(ImageView.class).getImage().getWidth());
        assertEquals(javafx.geometry.NodeOrientation.RIGHT_TO_LEFT, pane.getEffectiveNodeOrientation());
    }
}
