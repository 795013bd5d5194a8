package org.harbor.interview.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.harbor.Harbor;
import org.harbor.accounts.AccessDeniedException;
import org.harbor.accounts.Role;
import org.harbor.accounts.Session;
import org.harbor.cases.SessionKind;
import org.harbor.interview.coach.Language;
import org.harbor.interview.profile.Phase;
import org.harbor.interview.profile.ProfileLibrary;
import org.harbor.testing.FileScan;
import org.harbor.testing.MutableClock;
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
        assertThrows(IllegalStateException.class, () -> interviews.logNote(ivo, sessionId, "after the end"));
    }

    @Test
    @DisplayName("refuses the substantive phases until who is present is recorded")
    void presentFirst() throws Exception {
        assertThrows(IllegalStateException.class, () -> interviews.enterPhase(ivo, sessionId, "FREE_RECALL"));
        interviews.recordPresent(ivo, sessionId, PresentRole.INTERVIEWER, "Ivo", null);
        interviews.enterPhase(ivo, sessionId, "FREE_RECALL");
    }

    @Test
    @DisplayName("refuses an interpreter who is family, an employer or linked to the exploiter")
    void interpreterConflict() {
        assertThrows(IllegalArgumentException.class, () -> interviews.recordPresent(ivo, sessionId,
                PresentRole.INTERPRETER, "Relative", new InterpreterCheck(true, false, false)));
        assertThrows(IllegalArgumentException.class, () -> interviews.recordPresent(ivo, sessionId,
                PresentRole.INTERPRETER, "Boss", new InterpreterCheck(false, false, true)));
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
        assertThrows(AccessDeniedException.class, () -> harbor.cases().startSession(ines, own, SessionKind.INTERVIEW, "en"));
        assertThrows(AccessDeniedException.class, () -> interviews.utterances(ines, sessionId));
        assertThrows(AccessDeniedException.class, () -> interviews.summary(ines, sessionId));
        assertThrows(AccessDeniedException.class, () -> interviews.logNote(ines, sessionId, "x"));
        assertThrows(AccessDeniedException.class, () -> interviews.preview(ines, sessionId, "Did he?"));
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
