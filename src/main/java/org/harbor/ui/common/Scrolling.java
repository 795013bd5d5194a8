package org.harbor.ui.common;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/**
 * Scroll panes whose viewport is not kept as a picture (issue 16). JavaFX's scroll pane skin
 * caches its viewport ({@code Node.setCache}): a bitmap the size of what it shows, taken from the
 * renderer's image pool and never given back to it when the scroll pane is thrown away with its
 * screen. Every screen shown (almost all of them scroll) left one behind, about 2.5 MB of heap at
 * a window of 940 by 650, each held until the heap ran short (a soft reference), so memory grew
 * with every log-in and every screen visited. Without the cache the viewport is drawn as every
 * other node is; nothing is lost to the eye.
 *
 * <p>Every scroll pane of the application goes through here: {@link #pane} for new ones,
 * {@link #uncached} for one made by FXML.
 */
public final class Scrolling {

    private static final String VIEWPORT = "viewport";

    private Scrolling() {
    }

    /** A scroll pane around {@code content}, its viewport not cached. */
    public static ScrollPane pane(Node content) {
        return uncached(new ScrollPane(content));
    }

    /** Turns the viewport's cache off now and whenever the scroll pane gets a new skin. */
    public static <T extends ScrollPane> T uncached(T scroll) {
        dropCache(scroll);
        // the skin (with the viewport) comes when the pane first meets a scene; the listener is on
        // the pane's own property and goes with it
        scroll.skinProperty().addListener((property, old, skin) -> dropCache(scroll));
        return scroll;
    }

    private static void dropCache(ScrollPane scroll) {
        for (Node child : scroll.getChildrenUnmodifiable()) {
            if (child.getStyleClass().contains(VIEWPORT)) {
                child.setCache(false);
            }
        }
    }
}
