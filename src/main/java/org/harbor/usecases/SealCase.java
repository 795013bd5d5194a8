package org.harbor.usecases;

import org.harbor.accounts.Session;
import org.harbor.seal.SealService;
import org.harbor.seal.SealStatus;
import org.harbor.vault.VaultException;

/** Sealing a case (its people and every session) or one finished session. */
public final class SealCase {

    private final SealService seals;

    public SealCase(SealService seals) {
        this.seals = seals;
    }

    public SealStatus sealCase(Session session, String caseId) throws VaultException {
        return seals.sealCase(session, caseId);
    }

    public SealStatus sealSession(Session session, String caseSessionId) throws VaultException {
        return seals.sealSession(session, caseSessionId);
    }
}
