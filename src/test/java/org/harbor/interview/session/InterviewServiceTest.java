package org.harbor.interview.session;

import static org.harbor.testing.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.harbor.Harbor;
import org.harbor.accounts.AccessDenied;
import org.harbor.accounts.Role;
import org.harbor.accounts.Session;
import org.harbor.cases.SessionKind;
import org.harbor.interview.coach.Language;
import org.harbor.interview.profile.Phase;
import org.harbor.interview.profile.ProfileLibrary;
import org.harbor.testing.FileScan;
import org.harbor.testing.MutableClock;
import org.harbor.testing.Refusals;
import org.harbor.testing.TestVaults;
import org.harbor.vault.VaultKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Interviews")
class InterviewServiceTest {

    static final char[] PASS = "a long enough pass phrase".toCharArray();
    static final char[] OWN = "own pass phrase of someone".toCharArray();

    @TempDir
    Path dir;
    final java.time.Instant started = java.time.Instant.now().minusSeconds(2);
    MutableClock clock = MutableClock.atStart();
    Harbor harbor;
    InterviewService interviews;
    Session ivo;
    String caseId;
    String sessionId;

    @BeforeEach
    void setUp() throws Exception {
        harbor = TestVaults.open(dir, clock);
        interviews = harbor.interviews();
        Session supervisor = harbor.accounts().setUp(VaultKind.FIELD, TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE).session();
        harbor.accounts().addUser(supervisor, "ivo", Role.INTERVIEWER, PASS);
        harbor.accounts().addUser(supervisor, "ines", Role.INTAKE, PASS);
        for (String name : List.of("ines", "ivo")) {
            harbor.accounts().lock("switch");
            Session s = harbor.accounts().login(name, PASS);
            harbor.accounts().changePassphrase(s, PASS, OWN);
        }
        ivo = harbor.accounts().current().orElseThrow();
        caseId = harbor.cases().create(ivo, "Synthetic Child", List.of()).id();
        sessionId = harbor.cases().startSession(ivo, caseId, SessionKind.INTERVIEW, "en").id();
        interviews.start(ivo, sessionId, ProfileLibrary.CHILD_DEFAULT, Language.EN);
    }

    @AfterEach
    void tearDown() {
        harbor.close();
    }

    @Test
    @DisplayName("runs through every NICHD-revised phase; the stored summary counts match the logged questions")
    void wholeInterview() throws Exception {
        interviews.recordPresent(ivo, sessionId, PresentRole.INTERVIEWER, "Ivo", null);
        interviews.recordPresent(ivo, sessionId, PresentRole.INTERPRETER, "Synthetic Interpreter", InterpreterCheck.CLEAR);
        List<String> labels = new ArrayList<>();
        for (Phase phase : ProfileLibrary.bundled().get(ProfileLibrary.CHILD_DEFAULT).phases()) {
            interviews.enterPhase(ivo, sessionId, phase.id());
            clock.advance(Duration.ofMinutes(2));
            labels.add(interviews.logQuestion(ivo, sessionId, "Tell me everything about that.", true).label());
            interviews.logAnswer(ivo, sessionId, "We went to the market by bus.", false);
            clock.advance(Duration.ofSeconds(30));
        }
        labels.add(interviews.logQuestion(ivo, sessionId, "Did he take your phone?", true).label());
        interviews.startBreak(ivo, sessionId, "child asked");
        clock.advance(Duration.ofMinutes(5));
        interviews.endBreak(ivo, sessionId);
        labels.add(interviews.logQuestion(ivo, sessionId, "What happened next?", true).label());
        InterviewSummary summary = interviews.end(ivo, sessionId, null);

        assertEquals(labels.size(), summary.questions());
        for (String code : summary.counts().keySet()) {
            assertEquals(labels.stream().filter(code::equals).count(), (long) summary.counts().get(code), code);
        }
        assertEquals(1, summary.counts().get("OP-YN"));
        assertEquals(1, summary.breaks());
        assertEquals(1.0, summary.pairingRate());
        assertEquals(ProfileLibrary.bundled().get(ProfileLibrary.CHILD_DEFAULT).phases().size(), summary.phaseMillis().size());
        assertEquals(summary, interviews.summary(ivo, sessionId).orElseThrow());
        assertRefused("interview.error.ended", () -> interviews.logNote(ivo, sessionId, "after the end"));
    }

    @Test
    @DisplayName("refuses the substantive phases until who is present is recorded")
    void presentFirst() throws Exception {
        assertRefused("interview.error.presentFirst", () -> interviews.enterPhase(ivo, sessionId, "FREE_RECALL"));
        interviews.recordPresent(ivo, sessionId, PresentRole.INTERVIEWER, "Ivo", null);
        interviews.enterPhase(ivo, sessionId, "FREE_RECALL");
    }

    @Test
    @DisplayName("refuses an interpreter who is family, an employer or linked to the exploiter")
    void interpreterConflict() throws Exception {
        for (InterpreterCheck conflicted : List.of(new InterpreterCheck(true, false, false),
                new InterpreterCheck(false, true, false), new InterpreterCheck(false, false, true))) {
            assertRefused("interview.error.interpreterConflict", () -> interviews.recordPresent(ivo,
                    sessionId, PresentRole.INTERPRETER, "Synthetic Interpreter", conflicted));
        }
        assertRefused("interview.error.interpreterConflict", () -> interviews.recordPresent(ivo, sessionId,
                PresentRole.INTERPRETER, "Synthetic Interpreter", null), "the check must be answered");
        assertTrue(interviews.state(ivo, sessionId).orElseThrow().present().isEmpty());
        interviews.recordPresent(ivo, sessionId, PresentRole.INTERPRETER, "Synthetic Interpreter", InterpreterCheck.CLEAR);
    }

    @Test
    @DisplayName("judges a presumption against what the survivor has actually said in this interview")
    void presumption() throws Exception {
        assertEquals("SUG-PRES", interviews.logQuestion(ivo, sessionId, "What did the boss say when he locked the door?", true).label());
        interviews.logAnswer(ivo, sessionId, "The boss locked the door and shouted.", true);
        assertEquals("DIR", interviews.logQuestion(ivo, sessionId, "What did the boss say when he locked the door?", true).label());
    }

    @Test
    @DisplayName("refuses every interview call to an intake user, even on a case they opened")
    void intakeRefused() throws Exception {
        interviews.logQuestion(ivo, sessionId, "Tell me more about that.", true);
        harbor.accounts().lock("switch");
        Session ines = harbor.accounts().login("ines", OWN);
        String own = harbor.cases().create(ines, "Another Synthetic", List.of()).id();
        assertThrows(AccessDenied.class, () -> harbor.cases().startSession(ines, own, SessionKind.INTERVIEW, "en"));
        assertThrows(AccessDenied.class, () -> interviews.utterances(ines, sessionId));
        assertThrows(AccessDenied.class, () -> interviews.summary(ines, sessionId));
        assertThrows(AccessDenied.class, () -> interviews.logNote(ines, sessionId, "x"));
        assertThrows(AccessDenied.class, () -> interviews.preview(ines, sessionId, "Did he?"));
        assertThrows(AccessDenied.class, () -> interviews.logQuestion(ines, sessionId, "Did he?", true));
        assertThrows(AccessDenied.class, () -> interviews.logAnswer(ines, sessionId, "x", true));
        assertThrows(AccessDenied.class, () -> interviews.state(ines, sessionId));
        assertThrows(AccessDenied.class, () -> interviews.coach(ines, sessionId));
        assertThrows(AccessDenied.class, () -> interviews.end(ines, sessionId, "x"));
        assertThrows(AccessDenied.class, () -> interviews.statsByInterviewer(ines, started.minusSeconds(3600), started.plusSeconds(86400 * 365)));
    }

    @Test
    @DisplayName("shows per-interviewer figures to a supervisor only, computed from the stored summaries")
    void statsForSupervisors() throws Exception {
        interviews.logQuestion(ivo, sessionId, "Tell me everything about that.", true);
        interviews.logQuestion(ivo, sessionId, "Did he take your phone?", true);
        interviews.logQuestion(ivo, sessionId, "Tell me more about that.", true);
        interviews.end(ivo, sessionId, null);
        String second = harbor.cases().startSession(ivo, caseId, SessionKind.INTERVIEW, "en").id();
        clock.advance(Duration.ofDays(8));
        interviews.start(ivo, second, ProfileLibrary.CHILD_DEFAULT, Language.EN);
        interviews.logQuestion(ivo, second, "Was it day or night?", true);
        interviews.end(ivo, second, null);
        java.time.Instant from = clock.instant().minus(Duration.ofDays(30));
        java.time.Instant to = clock.instant().plus(Duration.ofDays(1));
        assertThrows(AccessDenied.class, () -> interviews.statsByInterviewer(ivo, from, to));

        harbor.accounts().lock("switch");
        Session sam = harbor.accounts().login(TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE);
        List<InterviewerStats> stats = interviews.statsByInterviewer(sam, from, to);
        assertEquals(1, stats.size());
        InterviewerStats ivoStats = stats.getFirst();
        assertEquals("ivo", ivoStats.username());
        assertEquals(2, ivoStats.interviews().size());
        assertEquals(2.0 / 3, ivoStats.interviews().get(0).openShare(), 1e-9);
        assertEquals(0.0, ivoStats.interviews().get(1).openShare(), 1e-9);
        assertEquals(4, ivoStats.questions());
        assertEquals(0.5, ivoStats.openShare(), 1e-9);
        assertEquals(0.5, ivoStats.pairingRate(), 1e-9, "one of two interviews paired its focused question");
        assertEquals(List.of(), interviews.statsByInterviewer(sam, to, to.plusSeconds(60)), "nothing outside the period");
        assertThrows(IllegalArgumentException.class, () -> interviews.statsByInterviewer(sam, to, from));
    }

    @Test
    @DisplayName("the reluctance path ends on rapport and schedules a second interview session")
    void reluctance() throws Exception {
        interviews.recordPresent(ivo, sessionId, PresentRole.INTERVIEWER, "Ivo", null);
        interviews.enterPhase(ivo, sessionId, "TRANSITION");
        interviews.logQuestion(ivo, sessionId, "Tell me why you came here today.", true);
        assertThrows(IllegalArgumentException.class, () -> interviews.endForReluctance(ivo, sessionId, java.time.LocalDate.parse("2026-11-28")));
        FollowUp next = interviews.endForReluctance(ivo, sessionId, java.time.LocalDate.parse("2026-12-05"));

        InterviewState ended = interviews.state(ivo, sessionId).orElseThrow();
        assertTrue(ended.ended());
        assertEquals("reluctance", ended.endReason().orElseThrow());
        assertEquals("RAPPORT", ended.currentPhase().orElseThrow(), "the session ends on rapport");
        assertTrue(next.summary().phaseMillis().containsKey("RAPPORT"));
        assertEquals(java.time.LocalDate.parse("2026-12-05"), interviews.scheduledFor(ivo, sessionId).orElseThrow());
        assertTrue(harbor.cases().open(ivo, caseId).orElseThrow().sessions().stream()
                .anyMatch(s -> s.id().equals(next.nextSessionId()) && s.kind() == SessionKind.INTERVIEW));
        assertTrue(interviews.state(ivo, next.nextSessionId()).isEmpty(), "the second session is not started yet");
        interviews.start(ivo, next.nextSessionId(), ProfileLibrary.CHILD_DEFAULT, Language.EN);
    }

    @Test
    @DisplayName("a pause needs a reason (a break may get its reason when it ends), one runs at a time, and shows in the state until it ends")
    void breaksAndPauses() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> interviews.startPause(ivo, sessionId, " "));
        interviews.startBreak(ivo, sessionId, "child asked");
        assertEquals(InterviewState.Hold.BREAK, interviews.state(ivo, sessionId).orElseThrow().hold());
        assertRefused("interview.error.holdRunning", () -> interviews.startPause(ivo, sessionId, "door"));
        assertRefused("interview.error.noHold", () -> interviews.endPause(ivo, sessionId));
        interviews.endBreak(ivo, sessionId);
        interviews.startPause(ivo, sessionId, "recorder");
        assertEquals(InterviewState.Hold.PAUSE, interviews.state(ivo, sessionId).orElseThrow().hold());
        interviews.endPause(ivo, sessionId);
        assertEquals(InterviewState.Hold.NONE, interviews.state(ivo, sessionId).orElseThrow().hold());
        assertEquals(1, interviews.end(ivo, sessionId, "done").breaks(), "a pause is not a break");
    }

    @Test
    @DisplayName("the live coach knows the answers logged before it was made and those told to it after")
    void liveCoach() throws Exception {
        interviews.logAnswer(ivo, sessionId, "The boss locked the door.", true);
        LiveCoach coach = interviews.coach(ivo, sessionId);
        assertEquals("DIR", coach.classify("What did the boss say when he locked the door?").orElseThrow().type().code());
        assertEquals("SUG-PRES", coach.classify("What did the driver say about the van?").orElseThrow().type().code());
        coach.heard("The driver had a van.");
        assertEquals("DIR", coach.classify("What did the driver say about the van?").orElseThrow().type().code());
        coach.clear();
        assertEquals("SUG-PRES", coach.classify("What did the driver say about the van?").orElseThrow().type().code());
    }

    @Test
    @DisplayName("an interview in a language the coach does not cover (Tagalog) logs its turns, unlabelled, with its language")
    void uncoveredLanguage() throws Exception {
        String tagalog = harbor.cases().startSession(ivo, caseId, SessionKind.INTERVIEW, "tl").id();
        assertEquals("tl", interviews.defaults(ivo, tagalog).language(), "the session's language is the default, covered or not");
        interviews.start(ivo, tagalog, ProfileLibrary.CHILD_DEFAULT, "tl");
        assertEquals("tl", interviews.state(ivo, tagalog).orElseThrow().language());
        assertTrue(interviews.preview(ivo, tagalog, "Ano ang nangyari?").isEmpty(), "nothing to preview");
        LiveCoach coach = interviews.coach(ivo, tagalog);
        assertEquals(false, coach.covers());
        assertTrue(coach.classify("Ano ang nangyari?").isEmpty());
        Utterance logged = interviews.logQuestion(ivo, tagalog, "Ano ang nangyari?", true);
        interviews.logAnswer(ivo, tagalog, "Sa palengke.", true);
        assertEquals(null, logged.label());
        List<Utterance> stored = interviews.utterances(ivo, tagalog);
        assertEquals(2, stored.size());
        assertEquals("Ano ang nangyari?", stored.getFirst().text());
        assertEquals(null, stored.getFirst().label());
        assertEquals(0, interviews.end(ivo, tagalog, "done").questions(), "an unlabelled question is not counted by type");
    }

    @Test
    @DisplayName("an interview in French is labelled by the French coach")
    void french() throws Exception {
        String french = harbor.cases().startSession(ivo, caseId, SessionKind.INTERVIEW, "fr").id();
        interviews.start(ivo, french, ProfileLibrary.CHILD_DEFAULT, "fr");
        interviews.logAnswer(ivo, french, "Un homme m'a emmené dans une ferme.", true);
        assertEquals("OP-FC", interviews.logQuestion(ivo, french, "Tu dormais dans la ferme ou ailleurs ?", true).label());
        assertEquals("SUG-PRES", interviews.preview(ivo, french, "Qu'est-ce qu'il a fait avec ton passeport ?")
                .orElseThrow().type().code());
    }

    @Test
    @DisplayName("refuses an interview language that is no ISO 639 code")
    void languageCode() {
        String other = harbor.cases().startSession(ivo, caseId, SessionKind.INTERVIEW, "en").id();
        assertThrows(IllegalArgumentException.class, () -> interviews.start(ivo, other, ProfileLibrary.CHILD_DEFAULT, "Tagalog"));
    }

    @Test
    @DisplayName("keeps every utterance inside the encrypted database (canary scan)")
    void canary() throws Exception {
        List<String> markers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String q = "CANARY" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            String a = "CANARY" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            String n = "CANARY" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            markers.addAll(List.of(q, a, n));
            interviews.logQuestion(ivo, sessionId, "Tell me about " + q + ".", true);
            interviews.logAnswer(ivo, sessionId, "It was " + a + ".", true);
            interviews.logNote(ivo, sessionId, n);
        }
        interviews.recordPresent(ivo, sessionId, PresentRole.INTERVIEWER, "Ivo", null);
        interviews.end(ivo, sessionId, "done");
        assertEquals(List.of(), FileScan.findMarkers(List.of(dir, Path.of(System.getProperty("java.io.tmpdir"))), markers, started));
        harbor.close();
        assertEquals(List.of(), FileScan.findMarkers(List.of(dir, Path.of(System.getProperty("java.io.tmpdir"))), markers, started));
        assertTrue(markers.size() == 18);
    }
}
