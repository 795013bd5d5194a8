package org.harbor.ui.common;

/** Style classes used from code, named once. */
public final class Styles {

    public static final String ERROR = "error-message";
    public static final String TITLE = "screen-title";
    public static final String NEUTRAL = "neutral-screen";
    public static final String TOP_BAR = "top-bar";

    private Styles() {
    }
}
