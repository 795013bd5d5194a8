package org.harbor.seal;

import java.util.Set;
import java.util.stream.Collectors;
import org.harbor.accounts.Session;
import org.harbor.consent.ConsentScope;
import org.harbor.consent.ConsentService;
import org.harbor.vault.VaultException;

/**
 * The export's consent check: a case with any purpose revoked or refused does not leave the vault.
 * (Harbor does not yet strip single values by purpose from a sealed case, so a revoked purpose
 * blocks the whole case rather than part of it.)
 */
public final class ConsentExport implements ConsentCheck {

    private final ConsentService consents;

    public ConsentExport(ConsentService consents) {
        this.consents = consents;
    }

    @Override
    public Decision check(Session session, String caseId) throws VaultException {
        Set<ConsentScope> blocked = consents.blockedPurposes(session, caseId);
        if (blocked.isEmpty()) {
            return Decision.ALLOWED;
        }
        String purposes = blocked.stream().map(s -> String.valueOf(s.purpose()).toLowerCase(java.util.Locale.ROOT))
                .distinct().collect(Collectors.joining(", "));
        return Decision.blocked("export.error.consent", "consent was revoked or refused for: " + purposes);
    }
}
