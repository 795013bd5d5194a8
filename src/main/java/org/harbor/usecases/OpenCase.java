package org.harbor.usecases;

import java.util.List;
import java.util.Optional;
import org.harbor.accounts.Permission;
import org.harbor.accounts.Session;
import org.harbor.cases.CaseDetail;
import org.harbor.cases.CaseService;
import org.harbor.forms.FormDefinition;
import org.harbor.forms.FormService;
import org.harbor.forms.SubmissionInfo;

/**
 * Opens one case for its screen: the case (the viewing is audited by the service), the forms this
 * user may fill in it, and whether its safety assessment raised an alert.
 */
public final class OpenCase {

    /** What the case screen shows; {@code detail} is empty when no such case is visible to the user. */
    public record Opened(Optional<CaseDetail> detail, List<FormDefinition> forms, boolean safetyAlert,
                         List<SubmissionInfo> submissions) {
    }

    private final CaseService cases;
    private final FormService forms;

    public OpenCase(CaseService cases, FormService forms) {
        this.cases = cases;
        this.forms = forms;
    }

    public Opened open(Session session, String caseId) {
        Optional<CaseDetail> detail = cases.open(session, caseId);
        // Whether each form is done, stopped or not started, for the buttons that open them.
        List<SubmissionInfo> filled = detail.isPresent() && session.role().can(Permission.WORK_ON_CASES)
                ? forms.submissions(session, caseId) : List.of();
        return new Opened(detail, forms.forms(session), forms.safetyAlert(session, caseId), filled);
    }
}
