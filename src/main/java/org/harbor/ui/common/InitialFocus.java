package org.harbor.ui.common;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.util.Duration;

/**
 * Gives a new screen's first control the focus. When the shell swaps the window's root, the scene
 * moves the focus to its first control, the hide button of the top bar, on a later pulse, which can
 * come after a plain {@code runLater(requestFocus)}; Enter would then hide the window instead of
 * acting on the screen. So the request is made again a moment later if the focus is still nowhere
 * or in the top bar; a choice the user made meanwhile inside the screen is left alone.
 */
public final class InitialFocus {

    static final Duration AGAIN_AFTER = Duration.millis(200);

    private InitialFocus() {
    }

    public static void request(Node node) {
        Platform.runLater(node::requestFocus);
        PauseTransition again = new PauseTransition(AGAIN_AFTER);
        again.setOnFinished(e -> {
            if (node.getScene() != null && outsideScreens(node.getScene().getFocusOwner())) {
                node.requestFocus();
            }
        });
        again.play();
    }

    private static boolean outsideScreens(Node owner) {
        for (Node n = owner; n != null; n = n.getParent()) {
            if (n.getStyleClass().contains(Styles.TOP_BAR)) {
                return true;
            }
        }
        return owner == null;
    }
}
