package org.harbor.forms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.harbor.accounts.Session;
import org.harbor.consent.ChildAssent;
import org.harbor.consent.ConsentGrant;
import org.harbor.consent.ConsentMethod;
import org.harbor.consent.ConsentPurpose;
import org.harbor.consent.ConsentScope;
import org.harbor.consent.ConsentService;
import org.harbor.consent.GuardianConsent;

/**
 * Turns a completed consent form ({@code harbor-consent}) into consent records, one per purpose
 * answered yes or no, as docs/forms.md describes: who gave it, how, in which language, through
 * which interpreter.
 */
public final class ConsentFromForm {

    public static final String FORM_ID = "harbor-consent";
    private static final Map<String, ConsentPurpose> PURPOSES = Map.of(
            "/data/purposes/consent_services", ConsentPurpose.SERVICES,
            "/data/purposes/consent_law_enforcement", ConsentPurpose.LAW_ENFORCEMENT,
            "/data/purposes/consent_national_referral", ConsentPurpose.NATIONAL_REFERRAL,
            "/data/purposes/consent_research", ConsentPurpose.RESEARCH,
            "/data/purposes/consent_recording", ConsentPurpose.RECORDING);
    private static final Pattern REFERRAL = Pattern.compile("/data/referral_consents\\[(\\d+)]/(organisation|consent_referral)");

    private ConsentFromForm() {
    }

    /** Records the decisions of a completed consent form; returns how many were recorded. */
    public static int record(FormService forms, ConsentService consents, Session session, FormSession completed) {
        if (!FORM_ID.equals(completed.definition().formId()) || !completed.ended()) {
            return 0;
        }
        List<ConsentGrant> grants = grants(forms.answers(session, completed.submissionId()));
        for (ConsentGrant grant : grants) {
            consents.record(session, completed.caseId(), grant);
        }
        return grants.size();
    }

    /**
     * What a consent form asked and got no yes or no for (a purpose by its code, or the child's
     * assent as {@link #ASSENT_SUBJECT}), with the non-response recorded ("prefer not to say",
     * "don't know", "not asked"): it gives no grant, but the consent summary shows it (issue 14).
     */
    public static Map<String, NonResponse> unanswered(List<StoredAnswer> answers) {
        Map<String, NonResponse> out = new java.util.LinkedHashMap<>();
        for (StoredAnswer a : answers) {
            if (a.nonResponse() == null) {
                continue;
            }
            ConsentPurpose purpose = PURPOSES.get(a.path());
            if (purpose != null) {
                out.put(purpose.code(), a.nonResponse());
            } else if (ASSENT.equals(a.path())) {
                out.put(ASSENT_SUBJECT, a.nonResponse());
            }
        }
        return out;
    }

    /** The child's own assent question, and its subject in {@link #unanswered}. */
    private static final String ASSENT = "/data/who/assent";
    public static final String ASSENT_SUBJECT = "assent";

    /** The grants a consent form's answers describe; purposes without a yes or no give none. */
    public static List<ConsentGrant> grants(List<StoredAnswer> answers) {
        Map<String, String> values = new HashMap<>();
        for (StoredAnswer a : answers) {
            if (a.value() != null && a.nonResponse() == null) {
                values.put(a.path(), a.value());
            }
        }
        List<ConsentGrant> out = new ArrayList<>();
        for (Map.Entry<String, ConsentPurpose> p : PURPOSES.entrySet()) {
            String decision = values.get(p.getKey());
            if (decision != null) {
                out.add(grant(ConsentScope.of(p.getValue()), decision, values));
            }
        }
        Map<String, String[]> referrals = new HashMap<>();
        for (StoredAnswer a : answers) {
            Matcher m = REFERRAL.matcher(a.path());
            if (m.matches() && a.value() != null && a.nonResponse() == null) {
                String[] entry = referrals.computeIfAbsent(m.group(1), k -> new String[2]);
                entry[m.group(2).equals("organisation") ? 0 : 1] = a.value();
            }
        }
        for (String[] entry : referrals.values()) {
            if (entry[0] != null && !entry[0].isBlank() && entry[1] != null) {
                out.add(grant(ConsentScope.referral(entry[0]), entry[1], values));
            }
        }
        return out;
    }

    private static ConsentGrant grant(ConsentScope scope, String decision, Map<String, String> v) {
        ConsentGrant.Builder b = ConsentGrant.builder(scope);
        b = "yes".equals(decision) ? b.given() : b.refused();
        Set<String> givers = Set.of(v.getOrDefault("/data/who/givers", "").split(" "));
        if (givers.contains("survivor")) {
            boolean child = "yes".equals(v.get("/data/who/treated_as_child"));
            b = b.bySurvivor(child);
            if (child) {
                // The child's own word, asked once for the whole form: a "no" is kept with every
                // decision and blocks the purposes that need assent (ConsentPurpose#needsChildAssent).
                b = b.childAssent(ChildAssent.fromCode(v.get("/data/who/assent")));
            }
        }
        if (givers.contains("guardian") && v.get("/data/guardian/guardian_name") != null) {
            String name = v.get("/data/guardian/guardian_name");
            b = b.guardian("yes".equals(v.get("/data/guardian/guardian_excluded"))
                    ? GuardianConsent.excluded(name, v.getOrDefault("/data/guardian/guardian_exclusion_reason", ""))
                    : GuardianConsent.consenting(name));
        }
        if (v.get("/data/authority/authority_name") != null) {
            String body = v.get("/data/authority/authority_body");
            b = b.authority(v.get("/data/authority/authority_name") + (body == null ? "" : ", " + body));
        }
        String method = v.getOrDefault("/data/how/method", "verbal");
        b = "other".equals(method) ? b.method(ConsentMethod.OTHER, v.get("/data/how/method_other"))
                : b.method(ConsentMethod.fromCode(method));
        String language = v.get("/data/how/consent_language");
        b = b.language("other".equals(language) ? v.get("/data/how/consent_language_other") : language);
        if ("yes".equals(v.get("/data/how/interpreter_used"))) {
            b = b.interpreter(v.get("/data/how/interpreter_name"));
        }
        return b.build();
    }
}
