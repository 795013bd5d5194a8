package org.harbor.ui.common;

import java.text.BreakIterator;
import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.NodeOrientation;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.scene.text.TextBoundsType;

/**
 * A label for sentences and paragraphs that breaks its own lines.
 *
 * <p>JavaFX 23 to 26 throw while soft-wrapping right-to-left text, and older versions draw it
 * past the label's edge (ADR 0001). Text with explicit line breaks is laid out correctly, so this
 * label never asks JavaFX to wrap: it measures words with the label's font, breaks at the
 * locale's line-break opportunities, and shows the result with hard line breaks. Set
 * {@link #contentProperty() content}, not {@code text}.
 */
public final class Paragraph extends Label {

    private final StringProperty content = new SimpleStringProperty(this, "content", "");
    private final Text measure = new Text();
    private double brokenForWidth = -1;
    /** The last line breaking, by width: layout asks for the same width several times a pass. */
    private double cachedWidth = Double.NaN;
    private String cachedLines;
    private double cachedHeight;

    public Paragraph() {
        setWrapText(false);
        setMinWidth(0);
        getStyleClass().add(Styles.PARAGRAPH);
        content.addListener((obs, old, now) -> {
            brokenForWidth = -1;
            cachedLines = null;
            setText(now == null ? "" : now);
            requestLayout();
        });
        lineSpacingProperty().addListener((obs, old, now) -> {
            brokenForWidth = -1;
            cachedLines = null;
            requestLayout();
        });
        fontProperty().addListener((obs, old, now) -> {
            brokenForWidth = -1;
            cachedLines = null;
            requestLayout();
        });
    }

    public Paragraph(String content) {
        this();
        setContent(content);
    }

    public StringProperty contentProperty() {
        return content;
    }

    public String getContent() {
        return content.get();
    }

    public void setContent(String value) {
        content.set(value);
    }

    /** Height depends on width, as for any wrapping text; parents ask for the width first. */
    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefHeight(double width) {
        double available = width < 0 ? Double.MAX_VALUE : width - snappedLeftInset() - snappedRightInset();
        String broken = lines(available);
        return snappedTopInset() + snappedBottomInset() + cachedHeight;
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computeMaxWidth(double height) {
        return Double.MAX_VALUE;
    }

    @Override
    protected void layoutChildren() {
        double available = getWidth() - snappedLeftInset() - snappedRightInset();
        if (available > 0 && available != brokenForWidth) {
            brokenForWidth = available;
            String broken = lines(available);
            if (!broken.equals(getText())) {
                setText(broken);
            }
        }
        super.layoutChildren();
    }

    private String lines(double available) {
        if (cachedLines == null || available != cachedWidth) {
            cachedLines = breakLines(available);
            cachedWidth = available;
            measure.setFont(getFont());
            measure.setLineSpacing(getLineSpacing());
            measure.setBoundsType(TextBoundsType.LOGICAL_VERTICAL_CENTER); // as Label measures itself
            measure.setText(cachedLines.isEmpty() ? "X" : cachedLines);
            cachedHeight = Math.ceil(measure.getLayoutBounds().getHeight());
        }
        return cachedLines;
    }

    /** Greedy line breaking: as many words on a line as fit, at the locale's break opportunities. */
    String breakLines(double available) {
        String source = content.get() == null ? "" : content.get();
        if (source.isEmpty()) {
            return "";
        }
        measure.setFont(getFont());
        measure.setBoundsType(TextBoundsType.LOGICAL);
        measure.setNodeOrientation(getEffectiveNodeOrientation() == NodeOrientation.RIGHT_TO_LEFT
                ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT);
        StringBuilder out = new StringBuilder();
        for (String paragraph : source.split("\n", -1)) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            breakParagraph(paragraph, available, out);
        }
        return out.toString();
    }

    private void breakParagraph(String paragraph, double available, StringBuilder out) {
        BreakIterator breaks = BreakIterator.getLineInstance(Locale.ROOT);
        breaks.setText(paragraph);
        String line = "";
        int start = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            String word = paragraph.substring(start, end);
            String candidate = line + word;
            if (!line.isEmpty() && width(candidate.stripTrailing()) > available) {
                out.append(line.stripTrailing()).append('\n');
                line = word;
            } else {
                line = candidate;
            }
        }
        out.append(line.stripTrailing());
    }

    private double width(String text) {
        measure.setText(text);
        return measure.getLayoutBounds().getWidth();
    }
}
