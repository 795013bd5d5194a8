package org.harbor.interview.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.harbor.accounts.AccountService;
import org.harbor.accounts.Permission;
import org.harbor.accounts.Session;
import org.harbor.audit.AuditLog;
import org.harbor.cases.CaseService;
import org.harbor.cases.CaseSession;
import org.harbor.cases.SessionKind;
import org.harbor.forms.FormService;
import org.harbor.i18n.Refusal;
import org.harbor.interview.coach.Classification;
import org.harbor.interview.coach.DisclosureTracker;
import org.harbor.interview.coach.Language;
import org.harbor.interview.coach.QuestionCoach;
import org.harbor.interview.profile.Phase;
import org.harbor.interview.profile.PhaseKind;
import org.harbor.interview.profile.ProfileLibrary;
import org.harbor.interview.profile.ProtocolProfile;
import org.harbor.vault.Vault;

/**
 * A forensic interview as it happens: the protocol and its phases, who is present, the utterance
 * log with the coach's label on every question, breaks, and the summary stored at the end.
 *
 * <p>Every call needs {@link Permission#INTERVIEW} on a case the user may see (checked by
 * {@link CaseService#requireInterviewSession}): intake workers never reach interview content. Utterances are written one transaction each, as they are logged.
 */
public final class InterviewService {

    /** Phases that may start only once who is present has been recorded. */
    static final Set<PhaseKind> SUBSTANTIVE = EnumSet.of(PhaseKind.TRANSITION, PhaseKind.FREE_RECALL,
            PhaseKind.FOCUSED_FOLLOWUP, PhaseKind.CLARIFICATION);
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /** The end reason of the reluctance path. */
    public static final String RELUCTANCE = "reluctance";

    private final Vault vault;
    private final AccountService accounts;
    private final CaseService cases;
    private final AuditLog audit;
    private final Clock clock;
    private final Supplier<ProfileLibrary> library;
    private ProfileLibrary profiles;

    /** The profile library is read on first use, not at start-up, so the first window is not delayed. */
    public InterviewService(Vault vault, AccountService accounts, CaseService cases, AuditLog audit, Clock clock,
                            Supplier<ProfileLibrary> library) {
        this.vault = vault;
        this.accounts = accounts;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
        this.library = library;
    }

    /** The bundled protocol profiles (content, not records: no permission needed). */
    public synchronized ProfileLibrary profiles() {
        if (profiles == null) {
            profiles = library.get();
        }
        return profiles;
    }

    public void start(Session session, String sessionId, String profileId, Language language) {
        start(session, sessionId, profileId, language.code());
    }

    /**
     * Starts the interview in any language (an ISO 639 code, e.g. every shipped language): the
     * question coach labels the questions when it covers the language ({@link Language#covered});
     * otherwise the turns are logged, with the interview's language, and without a label.
     */
    public void start(Session session, String sessionId, String profileId, String languageCode) {
        if (languageCode == null || !languageCode.matches("[a-z]{2,3}")) {
            throw new IllegalArgumentException("an interview language is an ISO 639 code");
        }
        cases.requireInterviewSession(session, sessionId);
        ProtocolProfile profile = profiles().get(profileId);
        vault.transaction(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO interviews(session_id, profile_id, profile_version, language, started_at) VALUES (?,?,?,?,?)")) {
                insert.setString(1, sessionId);
                insert.setString(2, profile.id());
                insert.setString(3, profile.version());
                insert.setString(4, languageCode);
                insert.setString(5, clock.instant().toString());
                insert.executeUpdate();
            }
            audit.append(c, session.actorId(), "interview.started", sessionId, Map.of("profile", profile.id()));
            return null;
        });
    }

    /** Records someone in the room; an interpreter who fails the conflict check is refused. */
    public void recordPresent(Session session, String sessionId, PresentRole role, String name, InterpreterCheck check) {
        cases.requireInterviewSession(session, sessionId);
        if (role == PresentRole.INTERPRETER && (check == null || check.conflicted())) {
            throw new Refusal("interview.error.interpreterConflict");
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("a name has 1 to 200 characters");
        }
        vault.transaction(c -> {
            Interview interview = open(c, sessionId);
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO interview_present(id, session_id, role, name, recorded_at) VALUES (?,?,?,?,?)")) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, interview.sessionId());
                insert.setString(3, role.code());
                insert.setString(4, name.strip());
                insert.setString(5, clock.instant().toString());
                insert.executeUpdate();
            }
            return null;
        });
    }

    public void enterPhase(Session session, String sessionId, String phaseId) {
        cases.requireInterviewSession(session, sessionId);
        vault.transaction(c -> {
            Interview interview = open(c, sessionId);
            Phase phase = profiles().get(interview.profileId()).phase(phaseId)
                    .orElseThrow(() -> new IllegalArgumentException("this protocol has no phase " + phaseId));
            if (phase.kind().filter(SUBSTANTIVE::contains).isPresent() && presentCount(c, sessionId) == 0) {
                throw new Refusal("interview.error.presentFirst");
            }
            event(c, interview, "phase", phaseId);
            setPhase(c, sessionId, phaseId);
            return null;
        });
    }

    /**
     * Logs an interviewer question with the coach's label. The label uses everything the survivor
     * has said in this interview so far, so a presumption is judged against the record.
     */
    public Utterance logQuestion(Session session, String sessionId, String text, boolean verbatim) {
        return log(session, sessionId, Utterance.Kind.QUESTION, text, verbatim);
    }

    public Utterance logAnswer(Session session, String sessionId, String text, boolean verbatim) {
        return log(session, sessionId, Utterance.Kind.ANSWER, text, verbatim);
    }

    public Utterance logNote(Session session, String sessionId, String text) {
        return log(session, sessionId, Utterance.Kind.NOTE, text, false);
    }

    /**
     * What the coach would say of {@code text} now, without logging it (the screen labels as you
     * type); empty when the coach does not cover the interview's language.
     */
    public Optional<Classification> preview(Session session, String sessionId, String text) {
        cases.requireInterviewSession(session, sessionId);
        return vault.transaction(c -> {
            Interview interview = open(c, sessionId);
            return Optional.ofNullable(classify(c, interview, text));
        });
    }

    /**
     * Starts a break for the survivor at once (one key, issue 14): the reason (the child asked, a
     * consultation…) may be given now, or when the break ends ({@link #endBreak(Session, String, String)}).
     */
    public void startBreak(Session session, String sessionId, String reason) {
        hold(session, sessionId, "break_start", reason, InterviewState.Hold.NONE);
    }

    /** The audit action of an interview's session-care events, the interview's twin of the forms' one. */
    public static final String SESSION_EVENT = "interview.session.event";

    /**
     * Audits the break offer at the organisation's interval: offered, taken or declined. The same
     * shape as the forms' break offer (the event's code in the detail, the session as target), and
     * no record content.
     */
    public void logBreakOffer(Session session, String sessionId, BreakOffer event) {
        cases.requireInterviewSession(session, sessionId);
        vault.transaction(c -> {
            open(c, sessionId);
            audit.append(c, session.actorId(), SESSION_EVENT, sessionId, Map.of("event", event.code()));
            return null;
        });
    }

    public void endBreak(Session session, String sessionId) {
        endBreak(session, sessionId, null);
    }

    /** Ends the running break; {@code reason}, when given, is the break's reason added afterwards. */
    public void endBreak(Session session, String sessionId, String reason) {
        hold(session, sessionId, "break_end", reason, InterviewState.Hold.BREAK);
    }

    /** The reason of each break of the interview, in order: given at its start or added at its end; empty if none. */
    public List<String> breakReasons(Session session, String sessionId) {
        cases.requireInterviewSession(session, sessionId);
        return vault.transaction(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT kind, detail FROM interview_events WHERE session_id = ? "
                    + "AND kind IN ('break_start', 'break_end') ORDER BY id")) {
                q.setString(1, sessionId);
                try (ResultSet rows = q.executeQuery()) {
                    while (rows.next()) {
                        String detail = rows.getString(2);
                        if (rows.getString(1).equals("break_start")) {
                            out.add(detail == null ? "" : detail);
                        } else if (detail != null && !out.isEmpty() && out.getLast().isEmpty()) {
                            out.set(out.size() - 1, detail);
                        }
                    }
                }
            }
            return out;
        });
    }

    /** Ends the interview (with a reason when stopped early) and stores its summary. */
    public InterviewSummary end(Session session, String sessionId, String reason) {
        return end(session, sessionId, reason, false);
    }

    /**
     * Ends the interview; {@code severeHarm} records that the interviewer marked a disclosure of
     * severe harm in it (a workload figure for supervisors, R22; no words of the interview).
     */
    public InterviewSummary end(Session session, String sessionId, String reason, boolean severeHarm) {
        cases.requireInterviewSession(session, sessionId);
        return vault.transaction(c -> {
            InterviewSummary summary = finish(c, session, open(c, sessionId), reason);
            if (severeHarm) {
                try (PreparedStatement update = c.prepareStatement("UPDATE interviews SET severe_harm = 1 WHERE session_id = ?")) {
                    update.setString(1, sessionId);
                    update.executeUpdate();
                }
            }
            return summary;
        });
    }

    private InterviewSummary finish(Connection c, Session session, Interview interview, String reason) throws SQLException {
        String sessionId = interview.sessionId();
        event(c, interview, "stop", reason);
        InterviewSummary summary = InterviewRecords.summarise(c, interview.sessionId(), offset(interview));
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE interviews SET ended_at = ?, end_reason = ? WHERE session_id = ?")) {
            update.setString(1, clock.instant().toString());
            update.setString(2, reason);
            update.setString(3, sessionId);
            update.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO interview_summaries(session_id, summary_json, created_at) VALUES (?,?,?)")) {
            insert.setString(1, sessionId);
            insert.setString(2, json(summary));
            insert.setString(3, clock.instant().toString());
            insert.executeUpdate();
        }
        audit.append(c, session.actorId(), "interview.ended", sessionId, Map.of());
        return summary;
    }

    public List<Utterance> utterances(Session session, String sessionId) {
        cases.requireInterviewSession(session, sessionId);
        return vault.transaction(c -> InterviewRecords.utterances(c, sessionId));
    }

    public Optional<InterviewSummary> summary(Session session, String sessionId) {
        cases.requireInterviewSession(session, sessionId);
        return vault.transaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT summary_json FROM interview_summaries WHERE session_id = ?")) {
                q.setString(1, sessionId);
                try (ResultSet row = q.executeQuery()) {
                    if (!row.next()) {
                        return Optional.<InterviewSummary>empty();
                    }
                    try {
                        return Optional.of(Json.MAPPER.readValue(row.getString(1), InterviewSummary.class));
                    } catch (JsonProcessingException e) {
                        throw new SQLException("a stored summary cannot be read", e);
                    }
                }
            }
        });
    }

    /**
     * The profile and language a new interview of this session starts with. A case is treated as
     * a child's unless its fact {@code survivor.treated_as_child} (the intake's child rule, or a
     * worker's answer in another form) is recorded as "no" (DOMAIN.md R19: presume a child when
     * the age is uncertain). The language is the session's interview language, whether or not
     * the coach covers it.
     */
    public InterviewDefaults defaults(Session session, String sessionId) {
        String caseId = cases.requireInterviewSession(session, sessionId);
        record Read(String language, boolean child) {
        }
        Read read = vault.transaction(c -> new Read(InterviewRecords.sessionLanguage(c, sessionId),
                FormService.treatedAsChild(c, caseId)));
        return new InterviewDefaults(profiles().defaultFor(read.child()).id(), read.language());
    }

    /** The case the interview session belongs to (after the same check as every other call). */
    public String caseOf(Session session, String sessionId) {
        return cases.requireInterviewSession(session, sessionId);
    }

    /** Where the interview of this session stands, or empty if it has not been started. */
    public Optional<InterviewState> state(Session session, String sessionId) {
        cases.requireInterviewSession(session, sessionId);
        return vault.transaction(c -> InterviewRecords.state(c, sessionId));
    }

    /** A coach for the screen, seeded with what the survivor has said in this interview so far. */
    public LiveCoach coach(Session session, String sessionId) {
        cases.requireInterviewSession(session, sessionId);
        return vault.transaction(c -> {
            Interview interview = open(c, sessionId);
            List<String> answers = new ArrayList<>();
            for (Utterance u : InterviewRecords.utterances(c, sessionId)) {
                if (u.kind() == Utterance.Kind.ANSWER) {
                    answers.add(u.text());
                }
            }
            return new LiveCoach(interview.language(), answers);
        });
    }

    /** Stops the clock for an interruption (a knock at the door, a recorder to fix); not a break. */
    public void startPause(Session session, String sessionId, String reason) {
        hold(session, sessionId, "pause_start", reason, InterviewState.Hold.NONE);
    }

    public void endPause(Session session, String sessionId) {
        hold(session, sessionId, "pause_end", null, InterviewState.Hold.PAUSE);
    }

    /**
     * The reluctance path (DOMAIN.md R15, revised NICHD protocol): goes back to the profile's
     * rapport phase, ends the interview there with the reason {@value #RELUCTANCE}, and creates a
     * second interview session of the same case for {@code scheduledFor}.
     *
     * <p>The new session is created first, then the interview ends and the two are linked in one
     * transaction: a failure leaves at worst an unused empty session, never an interview ended
     * without its second session.
     */
    public FollowUp endForReluctance(Session session, String sessionId, LocalDate scheduledFor) {
        String caseId = cases.requireInterviewSession(session, sessionId);
        if (scheduledFor == null || !scheduledFor.isAfter(LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC))) {
            throw new IllegalArgumentException("a second session is scheduled for a later day");
        }
        String language = vault.transaction(c -> {
            open(c, sessionId);
            return InterviewRecords.sessionLanguage(c, sessionId);
        });
        CaseSession next = cases.startSession(session, caseId, SessionKind.INTERVIEW, language);
        InterviewSummary summary = vault.transaction(c -> {
            Interview interview = open(c, sessionId);
            String rapport = profiles().get(interview.profileId()).reluctance().returnToPhase();
            if (!rapport.equals(interview.phase())) {
                event(c, interview, "phase", rapport);
                setPhase(c, sessionId, rapport);
            }
            InterviewSummary ended = finish(c, session, open(c, sessionId), RELUCTANCE);
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO interview_followups(session_id, follows_session_id, scheduled_for, reason, created_at) VALUES (?,?,?,?,?)")) {
                insert.setString(1, next.id());
                insert.setString(2, sessionId);
                insert.setString(3, scheduledFor.toString());
                insert.setString(4, RELUCTANCE);
                insert.setString(5, clock.instant().toString());
                insert.executeUpdate();
            }
            audit.append(c, session.actorId(), "interview.followup.scheduled", next.id(), Map.of("follows", sessionId));
            return ended;
        });
        return new FollowUp(summary, next.id(), scheduledFor);
    }

    /** The second session planned for this one, if the reluctance path scheduled one. */
    public Optional<LocalDate> scheduledFor(Session session, String sessionId) {
        cases.requireInterviewSession(session, sessionId);
        return vault.transaction(c -> InterviewRecords.scheduledFor(c, sessionId));
    }

    /**
     * Question-type figures of every finished interview that started in [{@code from}, {@code to}),
     * per interviewer (who started the session), for supervisors who coach them. Figures only.
     */
    public List<InterviewerStats> statsByInterviewer(Session session, Instant from, Instant to) {
        accounts.require(session, Permission.REVIEW_INTERVIEWERS);
        if (from == null || to == null || !from.isBefore(to)) {
            throw new IllegalArgumentException("the period starts before it ends");
        }
        return vault.transaction(c -> {
            List<InterviewerStats> stats = InterviewRecords.statsByInterviewer(c, from, to);
            audit.append(c, session.actorId(), "interview.stats.viewed", "interviewers", Map.of("interviewers", Integer.toString(stats.size())));
            return stats;
        });
    }

    // --- internals -----------------------------------------------------------------------

    /** @param language the interview's language code; the coach may not cover it */
    private record Interview(String sessionId, String profileId, String language, Instant startedAt, String phase) {
    }

    private Interview open(Connection c, String sessionId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT profile_id, language, started_at, current_phase, ended_at FROM interviews WHERE session_id = ?")) {
            q.setString(1, sessionId);
            try (ResultSet row = q.executeQuery()) {
                if (!row.next()) {
                    throw new Refusal("interview.error.notStarted");
                }
                if (row.getString(5) != null) {
                    throw new Refusal("interview.error.ended");
                }
                return new Interview(sessionId, row.getString(1), row.getString(2),
                        Instant.parse(row.getString(3)), row.getString(4));
            }
        }
    }

    private Utterance log(Session session, String sessionId, Utterance.Kind kind, String text, boolean verbatim) {
        cases.requireInterviewSession(session, sessionId);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an utterance has some text");
        }
        return vault.transaction(c -> {
            Interview interview = open(c, sessionId);
            Classification label = kind == Utterance.Kind.QUESTION ? classify(c, interview, text) : null;
            long offset = offset(interview);
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO utterances(session_id, kind, text, verbatim, offset_ms, phase, label, rule_id) VALUES (?,?,?,?,?,?,?,?)",
                    PreparedStatement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, sessionId);
                insert.setString(2, kind.name().toLowerCase(java.util.Locale.ROOT));
                insert.setString(3, org.harbor.vault.ContentKeys.protect(c, org.harbor.vault.ContentKeys.ContentClass.INTERVIEW,
                        org.harbor.vault.ContentKeys.utteranceContext(sessionId), text.strip()));
                insert.setInt(4, verbatim ? 1 : 0);
                insert.setLong(5, offset);
                insert.setString(6, interview.phase());
                insert.setString(7, label == null ? null : label.type().code());
                insert.setString(8, label == null ? null : label.ruleId());
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return new Utterance(keys.getLong(1), kind, text.strip(), verbatim, offset, interview.phase(),
                            label == null ? null : label.type().code(), label == null ? null : label.ruleId());
                }
            }
        });
    }

    /** The coach's label, or null when the coach does not cover the interview's language (the turn is still logged). */
    private Classification classify(Connection c, Interview interview, String text) throws SQLException {
        Optional<Language> covered = Language.covered(interview.language());
        if (covered.isEmpty()) {
            return null;
        }
        DisclosureTracker tracker = new DisclosureTracker(covered.get());
        for (Utterance u : InterviewRecords.utterances(c, interview.sessionId())) {
            if (u.kind() == Utterance.Kind.ANSWER) {
                tracker.heard(u.text());
            }
        }
        return new QuestionCoach(covered.get()).classify(text, tracker);
    }

    /** A break or pause starts only when none runs, with a reason; it ends only the one running. */
    private void hold(Session session, String sessionId, String kind, String reason, InterviewState.Hold expected) {
        cases.requireInterviewSession(session, sessionId);
        boolean starts = kind.endsWith("_start");
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (kind.equals("pause_start") && why == null || why != null && why.length() > org.harbor.cases.TextLimits.REASON) {
            throw new IllegalArgumentException("a pause has a reason, and a break may have one, of 1 to "
                    + org.harbor.cases.TextLimits.REASON + " characters");
        }
        vault.transaction(c -> {
            Interview interview = open(c, sessionId);
            InterviewState.Hold now = InterviewRecords.hold(c, sessionId);
            if (now != expected) {
                throw starts ? new Refusal("interview.error.holdRunning")
                        : new Refusal("interview.error.noHold");
            }
            event(c, interview, kind, why);
            return null;
        });
    }

    private static void setPhase(Connection c, String sessionId, String phaseId) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE interviews SET current_phase = ? WHERE session_id = ?")) {
            update.setString(1, phaseId);
            update.setString(2, sessionId);
            update.executeUpdate();
        }
    }

    private void event(Connection c, Interview interview, String kind, String detail) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO interview_events(session_id, kind, detail, offset_ms) VALUES (?,?,?,?)")) {
            insert.setString(1, interview.sessionId());
            insert.setString(2, kind);
            insert.setString(3, detail);
            insert.setLong(4, offset(interview));
            insert.executeUpdate();
        }
    }

    private long offset(Interview interview) {
        return Math.max(0, Duration.between(interview.startedAt(), clock.instant()).toMillis());
    }

    private static int presentCount(Connection c, String sessionId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT count(*) FROM interview_present WHERE session_id = ?")) {
            q.setString(1, sessionId);
            try (ResultSet row = q.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static String json(InterviewSummary summary) throws SQLException {
        try {
            return Json.MAPPER.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new SQLException("the summary cannot be written", e);
        }
    }
}
