package org.harbor.consent;

import java.util.Locale;

/**
 * What a consent is for (DOMAIN.md R8). The codes are the ids used by {@code harbor:purpose} and
 * {@code harbor:consent} in the forms (docs/forms.md).
 */
public enum ConsentPurpose {
    /** Recording and using the information to help the person in this organisation. */
    SERVICES,
    /** Sharing with one named organisation for one service; each organisation needs its own consent. */
    REFERRAL,
    /** Sharing with the police or prosecutors. */
    LAW_ENFORCEMENT,
    /** A referral to the national referral mechanism, or a formal report. */
    NATIONAL_REFERRAL,
    /** De-identified use to learn how to help others. */
    RESEARCH,
    /** Audio or video recording of a session. */
    RECORDING;

    /**
     * Whether a child's "no" (assent) blocks this purpose like a refusal. Law enforcement and the
     * national referral mechanism are decided by an adult or by law (R17, R18): the child's view is
     * recorded and shown, but it does not by itself stop a report the law requires.
     */
    public boolean needsChildAssent() {
        return this != LAW_ENFORCEMENT && this != NATIONAL_REFERRAL;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the allowed codes */
    public static ConsentPurpose fromCode(String code) {
        for (ConsentPurpose p : values()) {
            if (p.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException(
                "unknown purpose; use services, referral, law_enforcement, national_referral, research or recording");
    }
}
