package org.harbor.ui.export;

import org.harbor.ui.common.PendingScreen;
import org.harbor.ui.common.Screen;
import org.harbor.ui.common.ScreenContext;

/** Builds the package screens for the shell. */
public final class ExportScreens {

    private ExportScreens() {
    }

    /** A supervisor exports sealed cases (field vault) or imports packages (central vault). */
    public static Screen packages(ScreenContext context) {
        return new PendingScreen(context);
    }
}
