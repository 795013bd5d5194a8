package org.harbor.usecases;

import org.harbor.accounts.Session;
import org.harbor.cases.CaseService;
import org.harbor.cases.CaseSession;
import org.harbor.cases.SessionKind;

/**
 * Starts a session of a case (intake, follow-up, interview, ...) in a language; an interview
 * session is then run through {@link StartInterview}.
 */
public final class StartCaseSession {

    private final CaseService cases;

    public StartCaseSession(CaseService cases) {
        this.cases = cases;
    }

    public CaseSession start(Session session, String caseId, SessionKind kind, String language) {
        return cases.startSession(session, caseId, kind, language);
    }
}
