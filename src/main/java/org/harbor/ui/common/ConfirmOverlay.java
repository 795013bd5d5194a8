package org.harbor.ui.common;

import javafx.application.Platform;
import javafx.event.EventHandler;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/**
 * A question asked over a screen before something that cannot be undone (issue 14): the safe
 * answer is the default button and has the focus, so Enter never does the irreversible thing;
 * Escape gives the safe answer too. The irreversible answer is reached with Tab, or the mouse.
 */
public final class ConfirmOverlay {

    private final StackPane node;
    private final Button keep;
    private final Button go;
    /** Holds the safe answer's focus against the scene's own moves until the user acts (see focusKeep). */
    private Subscription userActed = Subscription.EMPTY;

    /**
     * @param id      the overlay's id (on the backdrop, which shows and hides); its buttons are
     *                {@code id + "Keep"} and {@code id + "Go"}
     * @param extra   shown between the text and the buttons (a check box, say), or null
     */
    public ConfirmOverlay(String id, String title, String body, Node extra, String keepText, String goText,
                          Runnable onKeep, Runnable onGo) {
        // A Paragraph, not a wrapping Label: JavaFX's own wrapping threw on an Arabic title with vowel marks.
        Paragraph heading = new Paragraph(title);
        heading.getStyleClass().add(Styles.SECTION_TITLE);
        Paragraph text = new Paragraph(body);
        text.setId(id + "Text");
        keep = new Button(keepText);
        keep.setId(id + "Keep");
        keep.setDefaultButton(true);
        keep.setOnAction(e -> onKeep.run());
        go = new Button(goText);
        go.setId(id + "Go");
        go.setOnAction(e -> onGo.run());
        HBox buttons = new HBox(12, keep, go);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox panel = new VBox(12, heading, text);
        if (extra != null) {
            panel.getChildren().add(extra);
        }
        panel.getChildren().add(buttons);
        panel.getStyleClass().add(Styles.CONFIRM_PANEL);
        panel.setMaxWidth(520);
        panel.setMaxHeight(Region.USE_PREF_SIZE);
        panel.setId(id + "Panel");
        node = new StackPane(panel);
        node.setId(id);
        node.getStyleClass().add(Styles.CONFIRM_BACKDROP);
        node.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                onKeep.run();
            }
        });
    }

    public StackPane node() {
        return node;
    }

    /** The safe answer; it takes the focus when the overlay is shown. */
    public Button keepButton() {
        return keep;
    }

    public Button goButton() {
        return go;
    }

    /**
     * Puts the focus on the safe answer, now and once the overlay is laid out (a hidden button cannot
     * take it). The control that had the focus behind the overlay is disabled with the screen, so the
     * scene moves the focus on by itself on a later pulse (to the overlay's check box, say): until the
     * user presses a key or the mouse, such a move is given back to the safe answer.
     */
    public void focusKeep() {
        userActed.unsubscribe();
        Scene scene = node.getScene();
        if (scene == null) {
            // built before it is in the window (a screen rebuilt while asking): once it is
            Subscription[] once = new Subscription[1];
            once[0] = node.sceneProperty().subscribe(shown -> {
                if (shown != null && once[0] != null) {
                    once[0].unsubscribe();
                    focusKeep();
                }
            });
            userActed = once[0];
            return;
        }
        keep.requestFocus();
        Platform.runLater(keep::requestFocus);
        Subscription watch = scene.focusOwnerProperty().subscribe(owner -> {
            if (owner != keep && node.isVisible() && keep.getScene() == scene) {
                Platform.runLater(() -> {
                    if (node.isVisible() && scene.getFocusOwner() != keep) {
                        keep.requestFocus();
                    }
                });
            }
        });
        EventHandler<InputEvent> acts = e -> {
            if (e.getEventType() == KeyEvent.KEY_PRESSED || e.getEventType() == MouseEvent.MOUSE_PRESSED) {
                userActed.unsubscribe();
            }
        };
        scene.addEventFilter(InputEvent.ANY, acts);
        userActed = watch.and(() -> scene.removeEventFilter(InputEvent.ANY, acts));
    }
}
