package org.harbor.app;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Window;
import org.harbor.ui.common.Paragraph;
import org.harbor.ui.common.Prompts;

/**
 * What a laid-out window cuts short (issue 19), described for a failure message: a label, button
 * or choice whose text ends in "…" or is clipped, a button narrower than its text, text that runs
 * out of the box that holds it or past the visible width of its scroll pane, a text field's prompt
 * cut short, and text outside the window. Used by {@link LanguagesLayoutUiTest} and
 * {@link EveryScreenLayoutUiTest}; call on the FX thread.
 */
final class LayoutCheck {

    /** Half a pixel of rounding either way is not a cut. */
    private static final double SLACK = 1;

    private LayoutCheck() {
    }

    /** The problems of every window shown now (the main window and any dialog over it). */
    static List<String> everyWindow(String where) {
        List<String> out = new ArrayList<>();
        for (Window window : List.copyOf(Window.getWindows())) {
            if (window.isShowing() && window.getScene() != null) {
                out.addAll(problems(window, where));
            }
        }
        return out;
    }

    static List<String> problems(Window window, String where) {
        List<String> out = new ArrayList<>();
        Parent root = window.getScene().getRoot();
        root.applyCss();
        root.layout();
        double width = window.getScene().getWidth();
        for (Node node : root.lookupAll("*")) {
            if (!drawn(node)) {
                continue;
            }
            if (node instanceof TextField field && field.getText().isEmpty() && field.getPromptText() != null
                    && !field.getPromptText().isBlank()) {
                promptProblems(field, where, out);
            } else if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isBlank()) {
                labeledProblems(labeled, where, width, out);
            } else if (node instanceof Text text && !(text.getParent() instanceof Labeled) && !insideControlSkin(text)
                    && text.getText() != null && !text.getText().isBlank()) {
                overflow(text, text.getText(), where, out);
            }
        }
        return out;
    }

    /** A field's placeholder (what to type in it) shown whole while the field is empty. */
    private static void promptProblems(TextField field, String where, List<String> out) {
        double room = field.getWidth() - field.snappedLeftInset() - field.snappedRightInset();
        double needed = Prompts.textWidth(field.getPromptText(), field.getFont());
        if (room + SLACK < needed) {
            out.add(where + ": prompt cut short: " + describe(field, field.getPromptText()) + ", " + round(room) + " of "
                    + round(needed) + " px");
        }
    }

    private static void labeledProblems(Labeled labeled, String where, double width, List<String> out) {
        String text = labeled.getText();
        if (labeled.isTextTruncated()) {
            out.add(where + ": cut short: " + describe(labeled, text) + ", " + round(labeled.getWidth()) + " px wide");
            return;
        }
        if (labeled instanceof ButtonBase && !labeled.isWrapText() && labeled.getWidth() + SLACK < labeled.prefWidth(-1)) {
            out.add(where + ": narrower than its text: " + describe(labeled, text) + ", " + round(labeled.getWidth()) + " of "
                    + round(labeled.prefWidth(-1)) + " px");
            return;
        }
        if ((labeled instanceof Paragraph || labeled.isWrapText())
                && labeled.getHeight() + SLACK < labeled.prefHeight(labeled.getWidth())) {
            out.add(where + ": lines cut off: " + describe(labeled, text) + ", " + round(labeled.getHeight()) + " of "
                    + round(labeled.prefHeight(labeled.getWidth())) + " px high");
            return;
        }
        if (!insideControlSkin(labeled)) {
            overflow(labeled, text, where, out);
        }
        Bounds inScene = labeled.localToScene(labeled.getLayoutBounds());
        if (inScene.getWidth() > 0 && (inScene.getMinX() < -SLACK || inScene.getMaxX() > width + SLACK)) {
            out.add(where + ": outside the window: " + describe(labeled, text) + " at " + round(inScene.getMinX()) + ".."
                    + round(inScene.getMaxX()));
        }
    }

    /**
     * Text that runs out of the box holding it (drawn over its neighbours or clipped), or past the
     * visible width of the scroll pane around it (read only by scrolling sideways).
     */
    private static void overflow(Node node, String text, String where, List<String> out) {
        // layout bounds: a button's focus ring and shadow may reach a pixel past its box by design
        Bounds own = node.localToScene(node.getLayoutBounds());
        if (own.getWidth() <= 0) {
            return;
        }
        if (node.getParent() instanceof Region parent && !(parent instanceof Labeled)) {
            Bounds box = parent.localToScene(parent.getLayoutBounds());
            if (own.getMinX() < box.getMinX() - SLACK || own.getMaxX() > box.getMaxX() + SLACK) {
                out.add(where + ": runs out of its box: " + describe(node, text) + " at " + round(own.getMinX()) + ".."
                        + round(own.getMaxX()) + ", box " + round(box.getMinX()) + ".." + round(box.getMaxX()));
                return;
            }
        }
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ScrollPane scroll && scroll.getContent() != null) {
                Bounds viewport = scroll.localToScene(scroll.getLayoutBounds());
                Bounds visible = scroll.getViewportBounds();
                double left = viewport.getMinX() + scroll.snappedLeftInset();
                double right = left + visible.getWidth();
                if (own.getMinX() < left - SLACK || own.getMaxX() > right + SLACK) {
                    out.add(where + ": wider than its scroll pane: " + describe(node, text) + " at " + round(own.getMinX())
                            + ".." + round(own.getMaxX()) + ", visible " + round(left) + ".." + round(right));
                }
                return;
            }
        }
    }

    /** Text a control's skin lays out itself (a table cell, a text field's text): the control's own check covers it. */
    private static boolean insideControlSkin(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.TextInputControl || n instanceof javafx.scene.control.ComboBoxBase<?>
                    || n instanceof javafx.scene.control.ChoiceBox<?> || n instanceof javafx.scene.control.Cell<?>
                    || n instanceof javafx.scene.control.TabPane || n instanceof javafx.scene.control.Spinner<?>
                    || n instanceof javafx.scene.chart.Chart) {
                return !(n instanceof javafx.scene.control.TabPane) || isTabHeader(node, n);
            }
        }
        return false;
    }

    /** Whether the node belongs to a tab pane's header row (a tab's title), not to a tab's content. */
    private static boolean isTabHeader(Node node, Node tabPane) {
        for (Node n = node; n != null && n != tabPane; n = n.getParent()) {
            if (n.getStyleClass().contains("tab-header-area")) {
                return true;
            }
        }
        return false;
    }

    /** Whether the node and every parent are visible, i.e. the node is drawn. */
    static boolean drawn(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible() || n.getOpacity() == 0) {
                return false;
            }
        }
        return true;
    }

    private static String describe(Node node, String text) {
        return "\"" + text + "\" (" + node.getClass().getSimpleName() + (node.getId() == null ? "" : " #" + node.getId()) + ")";
    }

    private static long round(double value) {
        return Math.round(value);
    }
}
