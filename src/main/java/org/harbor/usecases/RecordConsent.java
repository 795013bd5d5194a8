package org.harbor.usecases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.harbor.accounts.Permission;
import org.harbor.accounts.Session;
import org.harbor.consent.ChildAssent;
import org.harbor.consent.Consent;
import org.harbor.consent.ConsentGrant;
import org.harbor.consent.ConsentMethod;
import org.harbor.consent.ConsentPurpose;
import org.harbor.consent.ConsentScope;
import org.harbor.consent.ConsentService;
import org.harbor.consent.ConsentStatus;
import org.harbor.consent.GuardianConsent;
import org.harbor.consent.LawfulBasis;
import org.harbor.consent.Sharing;
import org.harbor.forms.ConsentFromForm;
import org.harbor.forms.FormService;
import org.harbor.forms.NonResponse;
import org.harbor.forms.SubmissionInfo;

/**
 * Recording a consent decision on one purpose of a case, revoking one, or recording a lawful basis
 * that stands in for consent (issue 12); and where a case's consent stands. The case view and
 * {@code harbor consent} record decisions here, from the same {@link Decision}.
 */
public final class RecordConsent {

    private final ConsentService consents;
    private final FormService forms;

    public RecordConsent(ConsentService consents, FormService forms) {
        this.consents = consents;
        this.forms = forms;
    }

    /** The scope of a purpose: a referral is for one organisation. */
    public static ConsentScope scope(ConsentPurpose purpose, String organisation) {
        return purpose == ConsentPurpose.REFERRAL ? ConsentScope.referral(organisation) : ConsentScope.of(purpose);
    }

    /**
     * One decision as a face collects it. Blank names count as not given; {@code childAssent} is
     * what a child answered to the assent question, or null when not asked; a guardian's
     * {@code guardianExcludedBecause}, when not null, excludes their word (possibly implicated).
     */
    public record Decision(ConsentPurpose purpose, String organisation, boolean given, boolean bySurvivor, boolean child,
                           ChildAssent childAssent, String guardian, String guardianExcludedBecause, String authority,
                           ConsentMethod method, String methodDetail, String language, String interpreter) {

        /** The grant this decision describes; an {@link IllegalArgumentException} if it is incomplete. */
        public ConsentGrant grant() {
            ConsentGrant.Builder b = ConsentGrant.builder(scope(purpose, organisation));
            b = given ? b.given() : b.refused();
            if (bySurvivor) {
                b = b.bySurvivor(child).childAssent(childAssent);
            }
            if (present(guardian)) {
                // Given at all, a reason excludes: an empty one is refused, never read as consenting.
                b = b.guardian(guardianExcludedBecause != null ? GuardianConsent.excluded(guardian, guardianExcludedBecause)
                        : GuardianConsent.consenting(guardian));
            }
            if (present(authority)) {
                b = b.authority(authority);
            }
            b = method == ConsentMethod.OTHER ? b.method(method, methodDetail) : b.method(method);
            b = b.language(language);
            if (present(interpreter)) {
                b = b.interpreter(interpreter);
            }
            return b.build();
        }

        private static boolean present(String text) {
            return text != null && !text.isBlank();
        }

        @Override
        public String toString() {
            return "Decision[" + purpose.code() + (given ? ", given" : ", refused") + "]";
        }
    }

    /**
     * Where a case's consent stands: the decisions, each scope's status, the purposes the case's
     * answers serve that nothing permits, what counts for sharing, and whether the person is
     * treated as a child (R19).
     */
    /**
     * @param unanswered what a consent form asked and got "prefer not to say", "don't know" or "not
     *                   asked" for: a purpose's code, or {@code ConsentFromForm.ASSENT_SUBJECT}
     */
    public record Overview(List<Consent> consents, Map<ConsentScope, ConsentStatus> statuses,
                           List<ConsentPurpose> unconsented, Sharing sharing, boolean child,
                           Map<String, NonResponse> unanswered) {
    }

    public Consent record(Session session, String caseId, Decision decision) {
        return consents.record(session, caseId, decision.grant());
    }

    public Consent revoke(Session session, String consentId, String reason) {
        return consents.revoke(session, consentId, reason);
    }

    public LawfulBasis.Recorded recordLawfulBasis(Session session, String caseId, ConsentPurpose purpose, String organisation,
                                                  LawfulBasis basis, String reference) {
        return consents.recordLawfulBasis(session, caseId, scope(purpose, organisation), basis, reference);
    }

    /** What counts for sharing, per purpose. */
    public Sharing sharing(Session session, String caseId) {
        return consents.sharing(session, caseId);
    }

    public Overview overview(Session session, String caseId) {
        Sharing sharing = consents.sharing(session, caseId);
        return new Overview(consents.list(session, caseId), consents.statuses(session, caseId),
                unconsented(session, caseId, sharing), sharing, forms.treatedAsChild(session, caseId),
                unanswered(session, caseId));
    }

    /** The consent forms' non-responses per purpose (the latest form's word counts). */
    private Map<String, NonResponse> unanswered(Session session, String caseId) {
        Map<String, NonResponse> out = new LinkedHashMap<>();
        if (!session.role().can(Permission.WORK_ON_CASES)) {
            return out;
        }
        for (SubmissionInfo form : forms.submissions(session, caseId)) {
            if (ConsentFromForm.FORM_ID.equals(form.formId())) {
                Map<String, NonResponse> these = ConsentFromForm.unanswered(forms.answers(session, form.id()));
                out.keySet().removeIf(p -> !these.containsKey(p));
                out.putAll(these);
            }
        }
        return out;
    }

    /**
     * Purposes that the case's answers serve ({@code harbor:purpose}) and neither a consent that
     * counts nor a recorded lawful basis permits (a child's "no" and an excluded guardian's word do
     * not count, issue 12); for a referral, none for any organisation.
     */
    private List<ConsentPurpose> unconsented(Session session, String caseId, Sharing sharing) {
        Map<String, Integer> used = forms.purposesUsed(session, caseId);
        List<ConsentPurpose> out = new ArrayList<>();
        for (ConsentPurpose purpose : ConsentPurpose.values()) {
            if (used.getOrDefault(purpose.code(), 0) > 0 && !sharing.permits(purpose)) {
                out.add(purpose);
            }
        }
        return out;
    }
}
