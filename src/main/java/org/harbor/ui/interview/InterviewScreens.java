package org.harbor.ui.interview;

import org.harbor.ui.common.PendingScreen;
import org.harbor.ui.common.Screen;
import org.harbor.ui.common.ScreenContext;

/** Builds the interview screens for the shell. */
public final class InterviewScreens {

    private InterviewScreens() {
    }

    /** Runs (or resumes) the forensic interview of case session {@code caseSessionId}. */
    public static Screen interview(ScreenContext context, String caseSessionId) {
        return new PendingScreen(context);
    }

    /** A supervisor's view of each interviewer's question types over time. */
    public static Screen interviewerStats(ScreenContext context) {
        return new PendingScreen(context);
    }
}
