package org.harbor.consent;

import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a case's values may be shared for (issue 12; DOMAIN.md R8, R12, R17): for each purpose,
 * whether it stands on a consent that counts or on a recorded lawful basis, and otherwise why not.
 *
 * <p>A consent counts when its latest record was given and not revoked, the child (if asked) did not
 * say no to a purpose that needs assent, and — for a child — an adult's consent is there that is
 * not an excluded (possibly implicated) guardian's. A recorded lawful basis lets a purpose be used
 * whatever the consent says. A referral is allowed when at least one organisation is.
 *
 * @param standings one entry per purpose, in the order of {@link ConsentPurpose}
 */
public record Sharing(Map<ConsentPurpose, Standing> standings) {

    public Sharing {
        standings = java.util.Collections.unmodifiableMap(new EnumMap<>(standings));
    }

    /**
     * Where one purpose stands.
     *
     * @param permitted the purpose may be used
     * @param ground "consent" or the lawful basis's code when permitted; {@code null} otherwise
     * @param reason why not, when not permitted
     */
    public record Standing(boolean permitted, String ground, ConsentStatus.Reason reason) {
    }

    static Sharing of(List<Consent> consents, Collection<LawfulBasis.Recorded> bases) {
        Map<ConsentScope, Consent> latest = new LinkedHashMap<>();
        for (Consent consent : consents) {
            latest.put(consent.scope(), consent);
        }
        Map<ConsentPurpose, Standing> out = new EnumMap<>(ConsentPurpose.class);
        for (ConsentPurpose p : ConsentPurpose.values()) {
            out.put(p, new Standing(false, null, ConsentStatus.Reason.NO_CONSENT));
        }
        for (Consent consent : latest.values()) {
            ConsentPurpose p = consent.scope().purpose();
            Standing now = out.get(p);
            if (now.permitted()) {
                continue; // a referral to another organisation already counts
            }
            Optional<ConsentStatus.Reason> blocked = consent.revocation().isPresent()
                    ? Optional.of(ConsentStatus.Reason.REVOKED) : consent.grant().blockedBy();
            out.put(p, blocked.map(r -> new Standing(false, null, r)).orElse(new Standing(true, "consent", null)));
        }
        for (LawfulBasis.Recorded basis : bases) {
            ConsentPurpose p = basis.scope().purpose();
            if (!out.get(p).permitted()) {
                out.put(p, new Standing(true, basis.basis().code(), null));
            }
        }
        return new Sharing(out);
    }

    public Standing standing(ConsentPurpose purpose) {
        return standings.get(purpose);
    }

    public boolean permits(ConsentPurpose purpose) {
        return standing(purpose).permitted();
    }
}
