package org.harbor.usecases;

import org.harbor.accounts.Session;
import org.harbor.seal.SealService;
import org.harbor.seal.SealStatus;

/** A supervisor's co-signature on a seal. */
public final class CoSignSeal {

    private final SealService seals;

    public CoSignSeal(SealService seals) {
        this.seals = seals;
    }

    public SealStatus coSign(Session session, String sealId) {
        return seals.coSign(session, sealId);
    }
}
