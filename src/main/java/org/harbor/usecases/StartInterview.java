package org.harbor.usecases;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.harbor.accounts.Session;
import org.harbor.accounts.SettingsService;
import org.harbor.interview.profile.ProtocolProfile;
import org.harbor.interview.session.InterviewDefaults;
import org.harbor.interview.session.InterviewService;
import org.harbor.interview.session.InterviewState;
import org.harbor.interview.session.InterviewSummary;

/**
 * Where an interview of a case session stands (not begun, running, or ended with its summary and
 * any second session), and its start: the protocol, the language and the first phase.
 */
public final class StartInterview {

    /**
     * What the interview screen opens on. {@code breakAfter} is the organisation's break interval,
     * the same setting that paces the forms' break offer (R14).
     */
    public record Standing(Optional<InterviewState> state, InterviewDefaults defaults, List<ProtocolProfile> profiles,
                           Optional<InterviewSummary> summary, Optional<LocalDate> followUp, String caseId, Duration breakAfter) {
    }

    private final InterviewService interviews;
    private final SettingsService settings;

    public StartInterview(InterviewService interviews, SettingsService settings) {
        this.interviews = interviews;
        this.settings = settings;
    }

    public Standing standing(Session session, String caseSessionId) {
        Optional<InterviewState> state = interviews.state(session, caseSessionId);
        boolean ended = state.isPresent() && state.get().ended();
        return new Standing(state, interviews.defaults(session, caseSessionId), interviews.profiles().all(),
                ended ? interviews.summary(session, caseSessionId) : Optional.empty(),
                ended ? interviews.scheduledFor(session, caseSessionId) : Optional.empty(),
                interviews.caseOf(session, caseSessionId), settings.breakOffer());
    }

    /**
     * Begins with {@code profileId} in {@code languageCode} (any shipped language; the coach labels
     * only those it covers) and enters the protocol's first phase.
     */
    public void start(Session session, String caseSessionId, String profileId, String languageCode, String firstPhaseId) {
        interviews.start(session, caseSessionId, profileId, languageCode);
        interviews.enterPhase(session, caseSessionId, firstPhaseId);
    }
}
