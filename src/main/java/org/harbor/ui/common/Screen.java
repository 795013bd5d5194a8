package org.harbor.ui.common;

import javafx.scene.Parent;

/** A screen the shell can show: its root node, built for the current language, and its clean-up. */
public interface Screen {

    /** Builds the view again from the same view-model (after a language change, say). */
    Parent build();

    /** Wipes what the view-model holds (passphrases, names) when the screen goes away. */
    void dispose();
}
