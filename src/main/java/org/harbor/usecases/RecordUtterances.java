package org.harbor.usecases;

import java.util.List;
import org.harbor.accounts.Session;
import org.harbor.interview.session.LiveCoach;
import org.harbor.interview.session.InterviewService;
import org.harbor.interview.session.Utterance;

/**
 * The utterance log of a running interview: questions (labelled by the coach), answers (verbatim
 * or summary) and notes, with the live coach that knows what has been said so far.
 */
public final class RecordUtterances {

    /** The log so far and a coach primed with it. */
    public record Log(LiveCoach coach, List<Utterance> utterances) {
    }

    private final InterviewService interviews;

    public RecordUtterances(InterviewService interviews) {
        this.interviews = interviews;
    }

    public Log open(Session session, String caseSessionId) {
        return new Log(interviews.coach(session, caseSessionId), interviews.utterances(session, caseSessionId));
    }

    public Utterance question(Session session, String caseSessionId, String text) {
        return interviews.logQuestion(session, caseSessionId, text, true);
    }

    public Utterance answer(Session session, String caseSessionId, String text, boolean verbatim) {
        return interviews.logAnswer(session, caseSessionId, text, verbatim);
    }

    public Utterance note(Session session, String caseSessionId, String text) {
        return interviews.logNote(session, caseSessionId, text);
    }
}
