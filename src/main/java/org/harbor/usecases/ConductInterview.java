package org.harbor.usecases;

import java.time.LocalDate;
import org.harbor.accounts.Session;
import org.harbor.interview.session.FollowUp;
import org.harbor.interview.session.InterpreterCheck;
import org.harbor.interview.session.InterviewService;
import org.harbor.interview.session.InterviewSummary;
import org.harbor.interview.session.PresentRole;

/**
 * The course of a running interview: who is present, the phases, breaks and pauses with their
 * reasons, and its end (with a summary, or for reluctance with a second session planned). The
 * interview service keeps every rule (an interpreter with a conflict is refused, one hold at a time).
 */
public final class ConductInterview {

    private final InterviewService interviews;

    public ConductInterview(InterviewService interviews) {
        this.interviews = interviews;
    }

    public void recordPresent(Session session, String caseSessionId, PresentRole role, String name, InterpreterCheck check) {
        interviews.recordPresent(session, caseSessionId, role, name, check);
    }

    public void enterPhase(Session session, String caseSessionId, String phaseId) {
        interviews.enterPhase(session, caseSessionId, phaseId);
    }

    public void startBreak(Session session, String caseSessionId, String reason) {
        interviews.startBreak(session, caseSessionId, reason);
    }

    /** Audits what became of the break offered at the interval (R14), as the forms do. */
    public void logBreakOffer(Session session, String caseSessionId, org.harbor.interview.session.BreakOffer event) {
        interviews.logBreakOffer(session, caseSessionId, event);
    }

    public void endBreak(Session session, String caseSessionId) {
        interviews.endBreak(session, caseSessionId);
    }

    /** Ends the running break, adding its reason when none was given at its start. */
    public void endBreak(Session session, String caseSessionId, String reason) {
        interviews.endBreak(session, caseSessionId, reason);
    }

    public void startPause(Session session, String caseSessionId, String reason) {
        interviews.startPause(session, caseSessionId, reason);
    }

    public void endPause(Session session, String caseSessionId) {
        interviews.endPause(session, caseSessionId);
    }

    public InterviewSummary end(Session session, String caseSessionId, String reason) {
        return interviews.end(session, caseSessionId, reason);
    }

    /** Ends the interview, with the interviewer's mark that the child disclosed severe harm in it (R22 workload). */
    public InterviewSummary end(Session session, String caseSessionId, String reason, boolean severeHarm) {
        return interviews.end(session, caseSessionId, reason, severeHarm);
    }

    public FollowUp endForReluctance(Session session, String caseSessionId, LocalDate secondSession) {
        return interviews.endForReluctance(session, caseSessionId, secondSession);
    }
}
