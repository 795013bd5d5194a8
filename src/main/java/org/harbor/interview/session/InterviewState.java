package org.harbor.interview.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where an interview stands, so that a screen can resume it: protocol, language, the phase and
 * when it was entered, who is present, whether a break or a pause is running, and how it ended.
 *
 * @param language           the interview's language, an ISO 639 code (the coach may not cover it)
 * @param phaseEnteredMillis offset from the start at which the current phase was entered
 * @param holdReason         the reason of the running break or pause, else null
 */
public record InterviewState(String sessionId, String profileId, String language, Instant startedAt,
                             Optional<String> currentPhase, long phaseEnteredMillis, List<PresentPerson> present,
                             Hold hold, String holdReason, Optional<Instant> endedAt, Optional<String> endReason) {

    /** What interrupts the interview right now. */
    public enum Hold { NONE, BREAK, PAUSE }

    public InterviewState {
        present = List.copyOf(present);
    }

    public boolean ended() {
        return endedAt.isPresent();
    }

    @Override
    public String toString() {
        return "InterviewState[" + sessionId + ", profile=" + profileId + ", phase=" + currentPhase.orElse("-")
                + ", present=" + present.size() + ", hold=" + hold + ", ended=" + ended() + "]";
    }
}
