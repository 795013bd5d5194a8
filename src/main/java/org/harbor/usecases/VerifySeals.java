package org.harbor.usecases;

import java.util.List;
import org.harbor.accounts.Session;
import org.harbor.seal.SealService;
import org.harbor.seal.SealStatus;

/** Where a case's seals stand: as last recorded, or checked again now (audited), with the chain of custody. */
public final class VerifySeals {

    private final SealService seals;

    public VerifySeals(SealService seals) {
        this.seals = seals;
    }

    /** The seals, each checked again now; {@code whole} when there is at least one and every one verifies. */
    public record Verified(List<SealStatus> seals, boolean whole) {
    }

    /** The seals as they stand, without an audited check. */
    public List<SealStatus> status(Session session, String caseId) {
        return seals.status(session, caseId);
    }

    /** Checks every seal of the case again; the check is audited. */
    public Verified verify(Session session, String caseId) {
        List<SealStatus> checked = seals.verify(session, caseId);
        return new Verified(checked, !checked.isEmpty() && checked.stream().allMatch(SealStatus::verified));
    }

    /** The case's chain of custody, for people to read. */
    public String custodyReport(Session session, String caseId) {
        return seals.custodyReport(session, caseId);
    }
}
