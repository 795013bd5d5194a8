package org.harbor.ui.planted;

import org.harbor.Harbor;
import org.harbor.accounts.Session;
import org.harbor.forms.ConsentFromForm;
import org.harbor.forms.FormSession;

/**
 * A planted violation, never run: a "view-model" that completes a form and records its consents
 * itself instead of calling the {@code CompleteForm} use case. ArchitectureTest's main run does not
 * see it (it reads main classes only); UseCaseLayerRulesTest imports it on purpose.
 */
public final class PlantedConsentShortcut {

    private PlantedConsentShortcut() {
    }

    static void complete(Harbor harbor, Session session, FormSession form) throws Exception {
        form.complete();
        ConsentFromForm.record(harbor.forms(), harbor.consents(), session, form);
    }
}
