package org.harbor.usecases;

import java.time.Duration;
import org.harbor.accounts.Session;
import org.harbor.accounts.SettingsService;
import org.harbor.forms.FormPage;
import org.harbor.forms.FormService;
import org.harbor.forms.FormSession;

/** Opens (or resumes) a form in a case session, with when to offer a break. */
public final class OpenForm {

    private final FormService forms;
    private final SettingsService settings;

    public OpenForm(FormService forms, SettingsService settings) {
        this.forms = forms;
        this.settings = settings;
    }

    /** The open form, its current page, and after how long a break is offered. */
    public record Opened(FormSession form, FormPage page, Duration breakAfter) {
    }

    public Opened open(Session session, String caseSessionId, String formId) {
        FormSession form = forms.open(session, caseSessionId, formId);
        return new Opened(form, form.page(), settings.breakOffer());
    }
}
