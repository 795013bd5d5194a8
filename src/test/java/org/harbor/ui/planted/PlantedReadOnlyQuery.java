package org.harbor.ui.planted;

import java.util.List;
import org.harbor.Harbor;
import org.harbor.accounts.Session;
import org.harbor.consent.Consent;

/** Planted, never run: a face that only reads (allowed: a query changes nothing). */
public final class PlantedReadOnlyQuery {

    private PlantedReadOnlyQuery() {
    }

    static List<Consent> show(Harbor harbor, Session session, String caseId) throws Exception {
        return harbor.consents().list(session, caseId);
    }
}
