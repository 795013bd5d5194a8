package org.harbor.interview.session;

import java.util.Optional;
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
 * <p>The interview may be in a language the coach does not cover ({@link #covers()} is false):
 * then nothing is labelled and no survivor word is kept, and the screen says so plainly.
 *
 * <p>Holds survivor words in memory: {@link #clear()} it when the screen goes away.
 */
public final class LiveCoach {

    private final String languageCode;
    private final Optional<QuestionCoach> coach;
    private DisclosureTracker tracker;

    LiveCoach(String languageCode, Iterable<String> answers) {
        this.languageCode = languageCode;
        this.coach = Language.covered(languageCode).map(QuestionCoach::new);
        this.tracker = coach.map(c -> new DisclosureTracker(c.language())).orElse(null);
        if (tracker != null) {
            answers.forEach(tracker::heard);
        }
    }

    /** The interview's language code, e.g. "tl". */
    public String languageCode() {
        return languageCode;
    }

    /** Whether the question coach can label questions in the interview's language. */
    public boolean covers() {
        return coach.isPresent();
    }

    /** The coach's label for a question; empty when the coach does not cover the language. */
    public synchronized Optional<Classification> classify(String turn) {
        return coach.map(c -> c.classify(turn, tracker));
    }

    /** Adds a logged survivor answer to what the coach knows was said. */
    public synchronized void heard(String answer) {
        if (tracker != null) {
            tracker.heard(answer);
        }
    }

    /** Forgets every survivor word. */
    public synchronized void clear() {
        tracker = coach.map(c -> new DisclosureTracker(c.language())).orElse(null);
    }
}
