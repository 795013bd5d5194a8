package org.harbor.consent;

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
}
