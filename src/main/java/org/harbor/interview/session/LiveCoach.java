package org.harbor.interview.session;

import org.harbor.interview.coach.Classification;
import org.harbor.interview.coach.DisclosureTracker;
import org.harbor.interview.coach.Language;
import org.harbor.interview.coach.QuestionCoach;

/**
 * The coach for one open interview screen: labels a question as it is typed, against what the
 * survivor has said so far, in well under a millisecond and without touching the vault. Made by
 * {@link InterviewService#coach}, which seeds it with the stored answers and so checks the role;
 * the screen tells it each answer it logs. The label stored with a logged question is computed
 * again by the service from the record, with the same rules, so both agree.
 *
 * <p>Holds survivor words in memory: {@link #clear()} it when the screen goes away.
 */
public final class LiveCoach {

    private final QuestionCoach coach;
    private DisclosureTracker tracker;

    LiveCoach(Language language, Iterable<String> answers) {
        this.coach = new QuestionCoach(language);
        this.tracker = new DisclosureTracker(language);
        answers.forEach(tracker::heard);
    }

    public Language language() {
        return coach.language();
    }

    public synchronized Classification classify(String turn) {
        return coach.classify(turn, tracker);
    }

    /** Adds a logged survivor answer to what the coach knows was said. */
    public synchronized void heard(String answer) {
        tracker.heard(answer);
    }

    /** Forgets every survivor word. */
    public synchronized void clear() {
        tracker = new DisclosureTracker(coach.language());
    }
}
