package org.harbor.usecases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.harbor.accounts.Session;
import org.harbor.attachments.AttachmentService;
import org.harbor.cases.CaseDetail;
import org.harbor.cases.CaseService;
import org.harbor.cases.SessionKind;
import org.harbor.consent.ConsentPurpose;
import org.harbor.consent.ConsentScope;
import org.harbor.consent.ConsentService;
import org.harbor.consent.ConsentStatus;
import org.harbor.forms.FormService;
import org.harbor.forms.SubmissionInfo;
import org.harbor.i18n.Refusal;
import org.harbor.seal.SealService;
import org.harbor.seal.SealStatus;

/**
 * Sealing a case (its people and every session) or one finished session. Before sealing, what is
 * incomplete is listed ({@link #readiness}); a case that holds nothing is never sealed, from the
 * window or the command line.
 */
public final class SealCase {

    /** The forms every case is expected to have, in the order a case meets them. */
    static final List<String> EXPECTED_FORMS = List.of("harbor-consent", "harbor-safety", "harbor-intake");

    /** The consents every case is expected to have a decision on (recording only with an interview). */
    static final List<ConsentPurpose> EXPECTED_CONSENTS = List.of(ConsentPurpose.SERVICES, ConsentPurpose.RECORDING);

    private final SealService seals;
    private final CaseService cases;
    private final FormService forms;
    private final ConsentService consents;
    private final AttachmentService attachments;

    public SealCase(SealService seals, CaseService cases, FormService forms, ConsentService consents,
                    AttachmentService attachments) {
        this.seals = seals;
        this.cases = cases;
        this.forms = forms;
        this.consents = consents;
        this.attachments = attachments;
    }

    /** What sealing the case now would seal, and what is incomplete in it. */
    public SealReadiness readiness(Session session, String caseId) {
        CaseDetail detail = cases.open(session, caseId).orElseThrow(() -> new Refusal("case.notFound"));
        List<SubmissionInfo> submissions = forms.submissions(session, caseId);
        boolean interview = detail.sessions().stream().anyMatch(s -> s.kind() == SessionKind.INTERVIEW);
        Map<ConsentScope, ConsentStatus> statuses = consents.statuses(session, caseId);
        boolean empty = submissions.isEmpty() && !interview && statuses.isEmpty() && attachments.list(session, caseId).isEmpty();
        List<SealReadiness.Gap> gaps = new ArrayList<>();
        Set<String> started = submissions.stream().map(SubmissionInfo::formId).collect(Collectors.toSet());
        for (String formId : EXPECTED_FORMS) {
            if (!started.contains(formId)) {
                gaps.add(new SealReadiness.Gap(SealReadiness.GapKind.FORM_NOT_STARTED, formId, null));
            }
        }
        for (SubmissionInfo s : submissions) {
            if (!"complete".equals(s.status())) {
                gaps.add(new SealReadiness.Gap(SealReadiness.GapKind.FORM_UNFINISHED, s.formId(), s.title()));
            }
        }
        for (ConsentPurpose purpose : EXPECTED_CONSENTS) {
            if (purpose == ConsentPurpose.RECORDING && !interview) {
                continue;
            }
            if (statuses.getOrDefault(ConsentScope.of(purpose), ConsentStatus.NONE) == ConsentStatus.NONE) {
                gaps.add(new SealReadiness.Gap(SealReadiness.GapKind.CONSENT_MISSING, purpose.code(), null));
            }
        }
        return new SealReadiness(detail.summary().number(), empty, gaps);
    }

    /** Seals the case; refused for a case with nothing in it (no form, interview, consent or attachment). */
    public SealStatus sealCase(Session session, String caseId) {
        if (readiness(session, caseId).empty()) {
            throw new Refusal("seal.error.emptyCase");
        }
        return seals.sealCase(session, caseId);
    }

    public SealStatus sealSession(Session session, String caseSessionId) {
        return seals.sealSession(session, caseSessionId);
    }
}
