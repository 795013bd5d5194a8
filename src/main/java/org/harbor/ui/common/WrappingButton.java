package org.harbor.ui.common;

import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;

/**
 * A button for a sentence (a report due on the home screen, say): its text breaks into lines at
 * the width the button is given instead of ending in "…" (issue 19). The lines are a
 * {@link Paragraph} shown as the button's graphic (JavaFX's own wrapping throws on Arabic, ADR
 * 0001); {@link #getText() text} stays the whole sentence, for screen readers and tests.
 */
public final class WrappingButton extends Button {

    /** Narrowest useful width: a few characters a line. */
    private static final double MIN_TEXT_WIDTH = 80;

    private final Paragraph lines = new Paragraph();

    public WrappingButton(String text) {
        super(text);
        lines.contentProperty().bind(textProperty());
        // bound, so the style sheet's label rules leave them alone: the button's own colour and font
        lines.textFillProperty().bind(textFillProperty());
        lines.fontProperty().bind(fontProperty());
        lines.setMouseTransparent(true);
        setGraphic(lines);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        setMaxWidth(Double.MAX_VALUE);
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + MIN_TEXT_WIDTH + snappedRightInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + lines.prefWidth(-1) + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        double inner = width < 0 ? -1 : Math.max(0, width - snappedLeftInset() - snappedRightInset());
        return snappedTopInset() + lines.prefHeight(inner) + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        double left = snappedLeftInset();
        double top = snappedTopInset();
        double width = Math.max(0, getWidth() - left - snappedRightInset());
        double height = Math.max(0, getHeight() - top - snappedBottomInset());
        lines.resizeRelocate(left, top, width, height);
    }
}
