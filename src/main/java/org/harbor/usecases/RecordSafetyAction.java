package org.harbor.usecases;

import org.harbor.accounts.Session;
import org.harbor.safety.CaseSafety;
import org.harbor.safety.SafetyService;

/**
 * A supervisor records the action taken on a danger a safety answer raised (R3); the case's
 * danger banner then comes down. The text is stored with the case and covered by its seal; the
 * audit log names the case only.
 */
public final class RecordSafetyAction {

    public static final int MAX_LENGTH = SafetyService.MAX_ACTION;

    private final SafetyService safety;

    public RecordSafetyAction(SafetyService safety) {
        this.safety = safety;
    }

    public CaseSafety record(Session session, String caseId, String action) {
        return safety.recordAction(session, caseId, action);
    }

    /** Whether this session may record it (supervisors); others are told a supervisor must. */
    public boolean mayRecord(Session session) {
        return SafetyService.mayRecordAction(session);
    }
}
