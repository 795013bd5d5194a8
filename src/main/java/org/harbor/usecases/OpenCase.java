package org.harbor.usecases;

import java.util.List;
import java.util.Optional;
import org.harbor.accounts.Session;
import org.harbor.cases.CaseDetail;
import org.harbor.cases.CaseService;
import org.harbor.forms.FormDefinition;
import org.harbor.forms.FormService;

/**
 * Opens one case for its screen: the case (the viewing is audited by the service), the forms this
 * user may fill in it, and whether its safety assessment raised an alert.
 */
public final class OpenCase {

    /** What the case screen shows; {@code detail} is empty when no such case is visible to the user. */
    public record Opened(Optional<CaseDetail> detail, List<FormDefinition> forms, boolean safetyAlert) {
    }

    private final CaseService cases;
    private final FormService forms;

    public OpenCase(CaseService cases, FormService forms) {
        this.cases = cases;
        this.forms = forms;
    }

    public Opened open(Session session, String caseId) {
        return new Opened(cases.open(session, caseId), forms.forms(session), forms.safetyAlert(session, caseId));
    }
}
