package org.harbor.interview.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.harbor.cases.CaseRecords;
import org.harbor.interview.coach.InterviewSummaryStats;
import org.harbor.interview.coach.QuestionType;
import org.harbor.vault.ContentKeys;

/** Reads of the interview tables that need no permission logic: the service checks before calling. */
final class InterviewRecords {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private InterviewRecords() {
    }

    static Optional<InterviewState> state(Connection c, String sessionId) throws SQLException {
        String profileId;
        String language;
        Instant startedAt;
        String phase;
        String endedAt;
        String endReason;
        try (PreparedStatement q = c.prepareStatement(
                "SELECT profile_id, language, started_at, current_phase, ended_at, end_reason FROM interviews WHERE session_id = ?")) {
            q.setString(1, sessionId);
            try (ResultSet row = q.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                profileId = row.getString(1);
                language = row.getString(2);
                startedAt = Instant.parse(row.getString(3));
                phase = row.getString(4);
                endedAt = row.getString(5);
                endReason = row.getString(6);
            }
        }
        long phaseEntered = 0;
        InterviewState.Hold hold = InterviewState.Hold.NONE;
        String holdReason = null;
        try (PreparedStatement q = c.prepareStatement(
                "SELECT kind, detail, offset_ms FROM interview_events WHERE session_id = ? ORDER BY id")) {
            q.setString(1, sessionId);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    switch (rows.getString(1)) {
                        case "phase" -> phaseEntered = rows.getLong(3);
                        case "break_start" -> {
                            hold = InterviewState.Hold.BREAK;
                            holdReason = rows.getString(2);
                        }
                        case "pause_start" -> {
                            hold = InterviewState.Hold.PAUSE;
                            holdReason = rows.getString(2);
                        }
                        case "break_end", "pause_end" -> {
                            hold = InterviewState.Hold.NONE;
                            holdReason = null;
                        }
                        default -> { }
                    }
                }
            }
        }
        List<PresentPerson> present = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(
                "SELECT role, name, recorded_at FROM interview_present WHERE session_id = ? ORDER BY recorded_at, rowid")) {
            q.setString(1, sessionId);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    present.add(new PresentPerson(PresentRole.valueOf(rows.getString(1).toUpperCase(Locale.ROOT)),
                            rows.getString(2), rows.getString(3)));
                }
            }
        }
        return Optional.of(new InterviewState(sessionId, profileId, language, startedAt, Optional.ofNullable(phase),
                phaseEntered, present, hold, holdReason, Optional.ofNullable(endedAt).map(Instant::parse),
                Optional.ofNullable(endReason)));
    }

    static InterviewState.Hold hold(Connection c, String sessionId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT kind FROM interview_events WHERE session_id = ? AND kind IN ('break_start', 'pause_start', 'break_end', 'pause_end') "
                        + "ORDER BY id DESC LIMIT 1")) {
            q.setString(1, sessionId);
            try (ResultSet row = q.executeQuery()) {
                if (!row.next()) {
                    return InterviewState.Hold.NONE;
                }
                return switch (row.getString(1)) {
                    case "break_start" -> InterviewState.Hold.BREAK;
                    case "pause_start" -> InterviewState.Hold.PAUSE;
                    default -> InterviewState.Hold.NONE;
                };
            }
        }
    }

    /** The interview language of the case session (the survivor's). */
    static String sessionLanguage(Connection c, String sessionId) throws SQLException {
        return CaseRecords.session(c, sessionId).orElseThrow(() -> new IllegalStateException("no such session")).interviewLanguage();
    }

    static Optional<LocalDate> scheduledFor(Connection c, String sessionId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT scheduled_for FROM interview_followups WHERE follows_session_id = ? ORDER BY created_at DESC LIMIT 1")) {
            q.setString(1, sessionId);
            try (ResultSet row = q.executeQuery()) {
                return row.next() ? Optional.of(LocalDate.parse(row.getString(1))) : Optional.empty();
            }
        }
    }

    static List<InterviewerStats> statsByInterviewer(Connection c, Instant from, Instant to) throws SQLException {
        Map<Long, String> names = new LinkedHashMap<>();
        Map<Long, List<InterviewerStats.Point>> points = new LinkedHashMap<>();
        try (PreparedStatement q = c.prepareStatement("""
                SELECT u.id, u.username, i.session_id, i.started_at, s.summary_json, i.severe_harm
                FROM interviews i
                JOIN interview_summaries s ON s.session_id = i.session_id
                JOIN case_sessions cs ON cs.id = i.session_id
                JOIN users u ON u.id = cs.started_by
                WHERE i.started_at >= ? AND i.started_at < ?
                ORDER BY u.normalized, u.id, i.started_at""")) {
            q.setString(1, from.toString());
            q.setString(2, to.toString());
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    long user = rows.getLong(1);
                    names.putIfAbsent(user, rows.getString(2));
                    InterviewSummary summary = read(rows.getString(5));
                    points.computeIfAbsent(user, k -> new ArrayList<>()).add(new InterviewerStats.Point(rows.getString(3),
                            Instant.parse(rows.getString(4)), summary.questions(), summary.openShare(),
                            summary.pairingRate(), summary.breaks(), summary.totalMillis(), rows.getInt(6) == 1));
                }
            }
        }
        List<InterviewerStats> out = new ArrayList<>();
        names.forEach((id, name) -> out.add(new InterviewerStats(id, name, points.get(id))));
        return out;
    }

    static InterviewSummary read(String json) throws SQLException {
        try {
            return MAPPER.readValue(json, InterviewSummary.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("a stored summary cannot be read", e);
        }
    }

    static List<Utterance> utterances(Connection c, String sessionId) throws SQLException {
        List<Utterance> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(
                "SELECT id, kind, text, verbatim, offset_ms, phase, label, rule_id FROM utterances WHERE session_id = ? ORDER BY id")) {
            q.setString(1, sessionId);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    out.add(new Utterance(rows.getLong(1), Utterance.Kind.valueOf(rows.getString(2).toUpperCase(java.util.Locale.ROOT)),
                            ContentKeys.read(c, ContentKeys.utteranceContext(sessionId), rows.getString(3)), rows.getInt(4) == 1,
                            rows.getLong(5), rows.getString(6), rows.getString(7),
                            rows.getString(8)));
                }
            }
        }
        return out;
    }

    /** The summary of an interview ending {@code end} milliseconds after its start. */
    static InterviewSummary summarise(Connection c, String sessionId, long end) throws SQLException {
        List<QuestionType> questions = new ArrayList<>();
        for (Utterance u : utterances(c, sessionId)) {
            if (u.kind() == Utterance.Kind.QUESTION && u.label() != null) {
                questions.add(QuestionType.fromCode(u.label()));
            }
        }
        InterviewSummaryStats stats = InterviewSummaryStats.of(questions);
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Double> shares = new LinkedHashMap<>();
        for (QuestionType type : QuestionType.values()) {
            counts.put(type.code(), stats.count(type));
            shares.put(type.code(), stats.total() == 0 ? 0.0 : stats.share(type));
        }
        int breaks = 0;
        Map<String, Long> phaseMillis = new LinkedHashMap<>();
        String phase = null;
        long phaseStart = 0;
        try (PreparedStatement q = c.prepareStatement(
                "SELECT kind, detail, offset_ms FROM interview_events WHERE session_id = ? ORDER BY id")) {
            q.setString(1, sessionId);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    String kind = rows.getString(1);
                    long at = rows.getLong(3);
                    if (kind.equals("break_start")) {
                        breaks++;
                    } else if (kind.equals("phase") || kind.equals("stop")) {
                        if (phase != null) {
                            phaseMillis.merge(phase, at - phaseStart, Long::sum);
                        }
                        phase = kind.equals("phase") ? rows.getString(2) : null;
                        phaseStart = at;
                    }
                }
            }
        }
        if (phase != null) {
            phaseMillis.merge(phase, end - phaseStart, Long::sum);
        }
        Double pairing = stats.pairingRate().isPresent() ? stats.pairingRate().getAsDouble() : null;
        return new InterviewSummary(stats.total(), counts, shares, stats.total() == 0 ? 0.0 : stats.openShare(), pairing,
                breaks, phaseMillis, end);
    }
}
