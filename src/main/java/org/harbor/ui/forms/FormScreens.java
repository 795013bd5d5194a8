package org.harbor.ui.forms;

import org.harbor.ui.common.PendingScreen;
import org.harbor.ui.common.Screen;
import org.harbor.ui.common.ScreenContext;

/** Builds the form-filling screens for the shell. */
public final class FormScreens {

    private FormScreens() {
    }

    /** Fills (or resumes) form {@code formId} in case session {@code caseSessionId}. */
    public static Screen form(ScreenContext context, String caseSessionId, String formId) {
        return new PendingScreen(context);
    }
}
