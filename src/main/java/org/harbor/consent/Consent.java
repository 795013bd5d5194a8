package org.harbor.consent;

import java.util.Optional;

/**
 * A recorded consent: the grant as it was recorded, by whom and when, and its revocation if it was
 * withdrawn. Never changed or deleted.
 */
public record Consent(String id, String caseId, ConsentGrant grant, String recordedAt, long recordedBy,
                      Optional<Revocation> revocation) {

    /** This record's own state: a later record for the same scope may supersede it (see {@link ConsentService#status}). */
    public ConsentStatus state() {
        if (revocation.isPresent()) {
            return ConsentStatus.REVOKED;
        }
        return grant.given() ? ConsentStatus.GIVEN : ConsentStatus.REFUSED;
    }

    public ConsentScope scope() {
        return grant.scope();
    }

    /** A withdrawal: when, by which user, and the reason given. */
    public record Revocation(String revokedAt, long revokedBy, String reason) {

        @Override
        public String toString() {
            return "Revocation[" + revokedAt + "]";
        }
    }

    @Override
    public String toString() {
        return "Consent[" + id + ", " + grant.scope() + ", " + state() + "]";
    }
}
