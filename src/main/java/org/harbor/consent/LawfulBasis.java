package org.harbor.consent;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A legal ground on which a case's values may be shared for a purpose without the person's consent
 * (issue 12; DOMAIN.md R17, R18). It is never assumed: a person records it for one case and one
 * purpose, with a reference (the law, procedure or decision relied on), and the record says who and
 * when. Research and recording never rest on a lawful basis: they need consent.
 */
public enum LawfulBasis {
    /** A child-protection referral or safeguarding action for a child at risk. */
    CHILD_PROTECTION(EnumSet.of(ConsentPurpose.SERVICES, ConsentPurpose.REFERRAL, ConsentPurpose.LAW_ENFORCEMENT,
            ConsentPurpose.NATIONAL_REFERRAL)),
    /** A national-referral-mechanism referral of a child, which needs no consent (UK NRM, S45). */
    CHILD_NATIONAL_REFERRAL(EnumSet.of(ConsentPurpose.NATIONAL_REFERRAL)),
    /** A duty in law to notify or report (e.g. the UK Duty to Notify, a US mandatory report). */
    LEGAL_DUTY(EnumSet.of(ConsentPurpose.LAW_ENFORCEMENT, ConsentPurpose.NATIONAL_REFERRAL));

    private final Set<ConsentPurpose> purposes;

    LawfulBasis(Set<ConsentPurpose> purposes) {
        this.purposes = purposes;
    }

    public boolean covers(ConsentPurpose purpose) {
        return purposes.contains(purpose);
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LawfulBasis fromCode(String code) {
        for (LawfulBasis b : values()) {
            if (b.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown lawful basis; use child_protection, child_national_referral or legal_duty");
    }

    /** One recorded basis: for which scope, on what reference, by whom and when. */
    public record Recorded(String id, String caseId, ConsentScope scope, LawfulBasis basis, String reference,
                           String recordedAt, long recordedBy) {

        @Override
        public String toString() {
            return "LawfulBasis.Recorded[" + id + ", " + scope + ", " + basis.code() + "]";
        }
    }
}
