package org.harbor.usecases;

import org.harbor.accounts.Session;
import org.harbor.consent.ConsentService;
import org.harbor.forms.ConsentFromForm;
import org.harbor.forms.FormPage;
import org.harbor.forms.FormService;
import org.harbor.forms.FormSession;

/**
 * Completing a form, and what follows from it: a completed consent form becomes consent records,
 * one per purpose answered (docs/forms.md). The form window and {@code harbor case import} both
 * complete forms here.
 */
public final class CompleteForm {

    private final FormService forms;
    private final ConsentService consents;

    public CompleteForm(FormService forms, ConsentService consents) {
        this.forms = forms;
        this.consents = consents;
    }

    /**
     * The page after completing: the end, or the first required question still open.
     *
     * @param consentsRecorded how many consent records the completed form made
     */
    public record Completed(FormPage page, boolean ended, int consentsRecorded) {
    }

    /** Completes {@code form}, or finds the first required question still open. */
    public Completed complete(Session session, FormSession form) {
        FormPage next = form.complete();
        if (!form.ended()) {
            return new Completed(next, false, 0);
        }
        return new Completed(next, true, ConsentFromForm.record(forms, consents, session, form));
    }
}
