package org.harbor.ui.cases;

import java.util.List;
import org.harbor.i18n.I18n;
import org.harbor.ui.common.Screen;
import org.harbor.ui.common.ScreenContext;

/** Builds the case screens for the shell. */
public final class CaseScreens {

    private CaseScreens() {
    }

    /** The case list: sort, filter by status and worker, full-text search. */
    public static Screen list(ScreenContext context) {
        var useCases = context.useCases();
        return new CaseListView(new CaseListViewModel(useCases.findCases(), useCases.createCase(), context.i18n(),
                context.background(), context.navigator(), context.session()), context.i18n());
    }

    /** Readies the first case list after a start, off screen (see {@link CaseListView#warmUp}); FX thread. */
    public static void warmUp(I18n i18n, List<String> stylesheets) {
        CaseListView.warmUp(i18n, stylesheets);
    }

    /** One case: its people, sessions, forms, consents, attachments and seals. */
    public static Screen view(ScreenContext context, String caseId) {
        var useCases = context.useCases();
        return new CaseView(new CaseViewModel(useCases.openCase(), useCases.addPerson(), useCases.startCaseSession(),
                context.background(), context.navigator(), context.i18n(), context.session(), caseId), context);
    }
}
