package org.harbor.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
@DisplayName("Guard what cannot be undone: a confirm overlay keeps the focus on its safe answer")
class ConfirmOverlayUiTest {

    private Stage stage;
    private ConfirmOverlay overlay;
    private TextField behind;
    private CheckBox extra;
    private int kept;
    private int went;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        behind = new TextField();
        behind.setId("behind");
        extra = new CheckBox("extra");
        extra.setId("extra");
        overlay = new ConfirmOverlay("ask", "Title", "Body", extra, "Keep", "Go", () -> kept++, () -> went++);
        overlay.node().setVisible(false);
        VBox screen = new VBox(behind);
        stage.setScene(new Scene(new StackPane(screen, overlay.node()), 600, 400));
        stage.show();
        behind.requestFocus();
    }

    private String focused() {
        WaitForAsyncUtils.waitForFxEvents();
        Node owner = stage.getScene().getFocusOwner();
        return owner == null ? "nothing" : String.valueOf(owner.getId());
    }

    private void waitForFocus(String id) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> id.equals(focused()));
    }

    @Test
    @DisplayName("a focus the scene moves on by itself (the screen behind disabled) goes back to the safe answer until the user acts")
    void safeAnswerKeepsTheFocus(FxRobot robot) throws Exception {
        robot.interact(() -> {
            overlay.node().setVisible(true);
            overlay.focusKeep();
            behind.setDisable(true);
        });
        waitForFocus("askKeep");
        // the scene's own late move, as when the disabled control behind gives up the focus
        robot.interact(() -> extra.requestFocus());
        waitForFocus("askKeep");
        // once the user presses a key, the focus goes where they take it and stays there
        robot.type(KeyCode.TAB);
        assertEquals("askGo", focused());
        robot.interact(() -> extra.requestFocus());
        WaitForAsyncUtils.waitForFxEvents(3);
        assertEquals("extra", focused());
        assertEquals(0, went, "nothing irreversible happened");
        assertFalse(overlay.goButton().isDefaultButton(), "the irreversible answer is never the default");
    }

    @Test
    @DisplayName("an overlay rebuilt while asking (not yet in the window) takes the focus once it is shown, and keeps it")
    void rebuiltWhileAsking(FxRobot robot) throws Exception {
        CheckBox again = new CheckBox("again");
        again.setId("again");
        ConfirmOverlay rebuilt = new ConfirmOverlay("re", "Title", "Body", again, "Keep", "Go", () -> kept++, () -> went++);
        robot.interact(rebuilt::focusKeep); // asked before it has a scene, as a rebuilt screen does
        robot.interact(() -> {
            StackPane root = (StackPane) stage.getScene().getRoot();
            root.getChildren().add(rebuilt.node());
            behind.setDisable(true);
        });
        waitForFocus("reKeep");
        robot.interact(() -> again.requestFocus()); // the scene's own move
        waitForFocus("reKeep");
        assertEquals(0, went);
    }
}
