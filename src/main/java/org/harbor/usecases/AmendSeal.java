package org.harbor.usecases;

import org.harbor.accounts.Session;
import org.harbor.seal.SealService;
import org.harbor.seal.SealStatus;

/** Amending a sealed record with a signed addendum, and why. */
public final class AmendSeal {

    private final SealService seals;

    public AmendSeal(SealService seals) {
        this.seals = seals;
    }

    public SealStatus amend(Session session, String sealId, String reason, String text) {
        return seals.addendum(session, sealId, reason, text);
    }
}
