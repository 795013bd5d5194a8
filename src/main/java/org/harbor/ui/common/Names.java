package org.harbor.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.NodeOrientation;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.layout.FlowPane;
import javafx.util.Callback;

/**
 * How a person's name is shown: the one place every screen goes through before it puts a name
 * (a survivor's, a person's in the case, someone present at an interview, a contact's) on screen.
 *
 * <p>A name mixing scripts, such as "Amira عبد الله 2", is laid out by the Unicode bidi algorithm
 * in the direction of the text around it: in an English line the digit comes between the Latin and
 * the Arabic part, in an Arabic line the Latin part moves to the other end. Two workers comparing
 * one record on an English and an Arabic screen would read two different names. So a name is laid
 * out in its own direction, the direction of its first strong letter (Unicode's "first strong"
 * rule), whatever surrounds it.
 *
 * <p>Text cannot do this in JavaFX 25: the isolates meant for it (FSI…PDI) and the older
 * embeddings (LRE/RLE…PDF) are drawn as visible boxes by the application's fonts (DejaVu Sans has
 * a dotted picture for each embedding; no font has a blank isolate in every run), and the
 * invisible marks (LRM, RLM) cannot put a right-to-left run inside a left-to-right one. So a name
 * is a node of its own, a label oriented in the name's direction; a sentence holding a name is
 * split around it into labels that flow in the window's direction, which is how the bidi
 * algorithm places an isolate. Every screen does this through {@link #marked} and {@link #line}.
 */
public final class Names {

    /** Private-use characters around a name inside a formatted sentence, for {@link #line} to find. */
    static final char START = '\uE000';
    static final char END = '\uE001';

    private Names() {
    }

    /**
     * The name, marked for {@link #line}: pass this, not the name, as the argument of the message
     * that holds it, and show the message with {@link #line}.
     */
    public static String marked(String name) {
        return START + clean(name) + END;
    }

    /** Several names, each marked, joined by {@code separator}. */
    public static String marked(Iterable<String> names, String separator) {
        StringBuilder out = new StringBuilder();
        for (String name : names) {
            if (!out.isEmpty()) {
                out.append(separator);
            }
            out.append(marked(name));
        }
        return out.toString();
    }

    /**
     * A line of text in which the {@link #marked} names keep their own direction: the pieces
     * between the names and each name are labels, flowing (and wrapping between pieces) in the
     * window's direction; each name's label is oriented by the name. Read aloud as one sentence.
     */
    public static FlowPane line(String text) {
        FlowPane line = new FlowPane();
        line.setMinWidth(0);
        line.getChildren().setAll(pieces(text));
        line.setAccessibleRole(AccessibleRole.TEXT);
        line.setAccessibleText(plain(text));
        line.setFocusTraversable(false);
        return line;
    }

    /** Replaces what a {@link #line} shows. */
    public static void setLine(FlowPane line, String text) {
        line.getChildren().setAll(pieces(text));
        line.setAccessibleText(plain(text));
    }

    /** A label holding only a name, oriented by it. */
    public static Label label(String name) {
        Label label = new Label(clean(name));
        label.setNodeOrientation(direction(label.getText()));
        return label;
    }

    /** A table column whose cells each hold a name, each cell oriented by its name. */
    public static <T> Callback<TableColumn<T, String>, TableCell<T, String>> cells() {
        return column -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                String name = empty || item == null ? null : clean(item);
                setText(name);
                setNodeOrientation(name == null ? NodeOrientation.INHERIT : direction(name));
            }
        };
    }

    /** The text with the marks of {@link #marked} taken out: what a screen reader or a log of the screen gets. */
    public static String plain(String text) {
        return text.replace(String.valueOf(START), "").replace(String.valueOf(END), "");
    }

    private static List<Node> pieces(String text) {
        List<Node> out = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int start = text.indexOf(START, at);
            int end = start < 0 ? -1 : text.indexOf(END, start);
            if (start < 0 || end < 0) {
                out.add(piece(plain(text.substring(at))));
                break;
            }
            if (start > at) {
                out.add(piece(text.substring(at, start)));
            }
            out.add(label(text.substring(start + 1, end)));
            at = end + 1;
        }
        return out;
    }

    /**
     * A piece of the sentence between names. A piece with no letter (the ")" after an alias, say)
     * is laid out left to right by JavaFX whatever the window's direction, so its brackets would
     * not be mirrored as the bidi algorithm mirrors them in a right-to-left line; they are
     * mirrored here when the piece is shown right to left.
     */
    private static Label piece(String text) {
        Label label = new Label(text);
        if (direction(text) == NodeOrientation.INHERIT) {
            label.effectiveNodeOrientationProperty().subscribe(o ->
                    label.setText(o == NodeOrientation.RIGHT_TO_LEFT ? mirrored(text) : text));
        }
        return label;
    }

    /** The text with each bracket turned to face the other way, as a right-to-left line shows it. */
    static String mirrored(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(switch (c) {
                case '(' -> ')';
                case ')' -> '(';
                case '[' -> ']';
                case ']' -> '[';
                case '{' -> '}';
                case '}' -> '{';
                case '<' -> '>';
                case '>' -> '<';
                case '«' -> '»';
                case '»' -> '«';
                default -> c;
            });
        }
        return out.toString();
    }

    /**
     * The direction of the first letter that has one (the bidi algorithm's first-strong rule);
     * {@code INHERIT}, the window's direction, when no letter has one.
     */
    public static NodeOrientation direction(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            byte d = Character.getDirectionality(c);
            if (d == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
                return NodeOrientation.LEFT_TO_RIGHT;
            }
            if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return NodeOrientation.RIGHT_TO_LEFT;
            }
            i += Character.charCount(c);
        }
        return NodeOrientation.INHERIT;
    }

    /**
     * The name without explicit bidi formatting characters (embeddings, overrides, isolates: drawn
     * as boxes, and able to reorder what follows) nor this class's marks; the stored name is untouched.
     */
    static String clean(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().filter(c -> !(c >= 0x202A && c <= 0x202E) && !(c >= 0x2066 && c <= 0x2069)
                && c != START && c != END).forEach(out::appendCodePoint);
        return out.toString();
    }
}
