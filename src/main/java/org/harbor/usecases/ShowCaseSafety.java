package org.harbor.usecases;

import java.time.Clock;
import java.util.List;
import org.harbor.accounts.Permission;
import org.harbor.accounts.Session;
import org.harbor.safety.CaseSafety;
import org.harbor.safety.SafetyService;

/**
 * What the screens of a case show about its safety (R3: the danger banner) and its mandatory
 * report (R18: the checklist and its countdown), and the reports due on the home screen.
 */
public final class ShowCaseSafety {

    private final SafetyService safety;
    private final Clock clock;

    public ShowCaseSafety(SafetyService safety, Clock clock) {
        this.safety = safety;
        this.clock = clock;
    }

    public CaseSafety ofCase(Session session, String caseId) {
        return safety.status(session, caseId);
    }

    public CaseSafety ofSession(Session session, String caseSessionId) {
        return safety.statusOfSession(session, caseSessionId);
    }

    public List<CaseSafety> dueReports(Session session) {
        return safety.dueReports(session);
    }

    /** Whether overdue reports are shown to this session in red (supervisors). */
    public boolean seesOverdue(Session session) {
        return session.role().can(Permission.RECORD_SAFETY_ACTIONS);
    }

    /** The clock countdowns are counted on. */
    public Clock clock() {
        return clock;
    }
}
