package org.harbor.ui.common;

import org.harbor.Harbor;
import org.harbor.accounts.Session;
import org.harbor.i18n.I18n;
import org.harbor.usecases.UseCases;

/**
 * What the shell hands a screen factory of a signed-in user: the use cases, the display language,
 * the executor that runs work off the UI thread, where to go next, and whose session it is. A
 * factory gives each view-model only the use cases it needs; no view-model gets this record.
 */
public record ScreenContext(UseCases useCases, I18n i18n, UiExecutor background, Navigator navigator, Session session) {

    /** The context of {@code session} on {@code harbor}'s use cases (the shell's, and tests'). */
    public static ScreenContext of(Harbor harbor, UiExecutor background, Navigator navigator, Session session) {
        return new ScreenContext(harbor.useCases(), harbor.i18n(), background, navigator, session);
    }
}
