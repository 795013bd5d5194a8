package org.harbor.consent;

import java.util.Locale;

/** Where a purpose stands for a case: the latest decision on it, and whether it was withdrawn. */
public enum ConsentStatus {
    /** Given and not revoked: the purpose is allowed. */
    GIVEN,
    /** The person said no. */
    REFUSED,
    /** Given, then withdrawn. */
    REVOKED,
    /** Never asked, or not recorded. */
    NONE;

    /** Only a consent that was given and not revoked allows a use. */
    public boolean permits() {
        return this == GIVEN;
    }

    /**
     * Why a purpose may not be used: the codes go into a package's manifest beside each withheld
     * field and into refusal messages (never a value or a name).
     */
    public enum Reason {
        /** No consent and no lawful basis recorded for it. */
        NO_CONSENT,
        REFUSED,
        REVOKED,
        /** A child said no to a purpose that needs their assent. */
        CHILD_SAID_NO,
        /** A child's assent alone, without a guardian's or an authority's consent. */
        NO_ADULT_CONSENT,
        /** The only adult consent came from a guardian excluded as possibly implicated. */
        GUARDIAN_EXCLUDED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
