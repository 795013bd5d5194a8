package org.harbor.ui.common;

import javafx.scene.Parent;

/** A screen the shell can show: its root node, built for the current language, and its clean-up. */
public interface Screen {

    /** Builds the view again from the same view-model (after a language change, say). */
    Parent build();

    /** Wipes what the view-model holds (passphrases, names) when the screen goes away. */
    void dispose();

    /**
     * Whether the shell puts the screen in a scroll pane. Only a screen that fits the smallest
     * window (640 x 480) in every language may say no; the log-in form does, and so its first
     * frame, at every start, skips a scroll pane and its two scroll bars.
     */
    default boolean scrolls() {
        return true;
    }

    /**
     * True while work runs on the screen that closing the window would break off (an interview
     * running, a form being filled): the shell then asks before the window closes (issue 14).
     */
    default boolean inProgress() {
        return false;
    }
}
