package org.harbor.ui.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.harbor.consent.ConsentPurpose;
import org.harbor.consent.ConsentScope;
import org.harbor.consent.ConsentStatus;
import org.harbor.ui.common.ScreenContext;
import org.harbor.vault.VaultException;

/**
 * Purposes that the case's answers serve ({@code harbor:purpose}) and no consent permits: for a
 * referral, no referral consent given to any organisation.
 */
final class UnconsentedPurposes {

    private UnconsentedPurposes() {
    }

    static List<ConsentPurpose> of(ScreenContext context, String caseId) throws VaultException {
        Map<String, Integer> used = context.harbor().forms().purposesUsed(context.session(), caseId);
        Map<ConsentScope, ConsentStatus> statuses = context.harbor().consents().statuses(context.session(), caseId);
        List<ConsentPurpose> out = new ArrayList<>();
        for (ConsentPurpose purpose : ConsentPurpose.values()) {
            if (used.getOrDefault(purpose.code(), 0) == 0) {
                continue;
            }
            boolean permitted = statuses.entrySet().stream()
                    .anyMatch(e -> e.getKey().purpose() == purpose && e.getValue().permits());
            if (!permitted) {
                out.add(purpose);
            }
        }
        return out;
    }
}
