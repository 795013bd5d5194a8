package org.harbor.ui.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.harbor.consent.ConsentPurpose;
import org.harbor.ui.common.ScreenContext;

/**
 * Purposes that the case's answers serve ({@code harbor:purpose}) and neither a consent that counts
 * nor a recorded lawful basis permits: for a referral, none for any organisation.
 */
final class UnconsentedPurposes {

    private UnconsentedPurposes() {
    }

    static List<ConsentPurpose> of(ScreenContext context, String caseId) {
        Map<String, Integer> used = context.harbor().forms().purposesUsed(context.session(), caseId);
        // What counts for sharing: a child's "no" and an excluded guardian's word do not (issue 12).
        org.harbor.consent.Sharing sharing = context.harbor().consents().sharing(context.session(), caseId);
        List<ConsentPurpose> out = new ArrayList<>();
        for (ConsentPurpose purpose : ConsentPurpose.values()) {
            if (used.getOrDefault(purpose.code(), 0) == 0) {
                continue;
            }
            if (!sharing.permits(purpose)) {
                out.add(purpose);
            }
        }
        return out;
    }
}
