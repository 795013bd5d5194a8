package org.harbor.usecases;

import org.harbor.accounts.Session;
import org.harbor.seal.SealService;
import org.harbor.seal.SealStatus;

/** Sealing a case (its people and every session) or one finished session. */
public final class SealCase {

    private final SealService seals;

    public SealCase(SealService seals) {
        this.seals = seals;
    }

    public SealStatus sealCase(Session session, String caseId) {
        return seals.sealCase(session, caseId);
    }

    public SealStatus sealSession(Session session, String caseSessionId) {
        return seals.sealSession(session, caseSessionId);
    }
}
