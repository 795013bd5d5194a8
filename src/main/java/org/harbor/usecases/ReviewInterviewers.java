package org.harbor.usecases;

import java.time.Instant;
import java.util.List;
import org.harbor.accounts.Session;
import org.harbor.interview.session.InterviewService;
import org.harbor.interview.session.InterviewerStats;

/** A supervisor reads each interviewer's question types over a period, to coach them. */
public final class ReviewInterviewers {

    private final InterviewService interviews;

    public ReviewInterviewers(InterviewService interviews) {
        this.interviews = interviews;
    }

    /** From {@code from} included to {@code to} excluded. */
    public List<InterviewerStats> statsBetween(Session supervisor, Instant from, Instant to) {
        return interviews.statsByInterviewer(supervisor, from, to);
    }
}
