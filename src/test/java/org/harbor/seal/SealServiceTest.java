package org.harbor.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.harbor.accounts.Role;
import org.harbor.accounts.Session;
import org.harbor.cases.PersonRole;
import org.harbor.i18n.Refusal;
import org.harbor.testing.Refusals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Sealing")
class SealServiceTest {

    @TempDir
    Path dir;
    PackageFixture f;
    String caseId;

    @BeforeEach
    void setUp() throws Exception {
        f = new PackageFixture(dir, false);
        caseId = f.sealedCase("CANARYseal01");
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    /** Raw SQL on the field vault's connection, as a tamperer with the key would write it. */
    void sql(String statement) throws Exception {
        Connection c = f.field.vault().connection();
        try (Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        } finally {
            c.rollback();
        }
    }

    @Test
    @DisplayName("whether a case or a session is sealed is found through the one-seal-per-unit index, not by reading every seal (an export asks it for each case)")
    void sealLookupUsesItsIndex() throws Exception {
        Connection c = f.field.vault().connection();
        try {
            for (String sql : List.of(SealService.CASE_SEALED, SealService.SESSION_SEALED)) {
                StringBuilder plan = new StringBuilder();
                try (java.sql.PreparedStatement q = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
                    q.setString(1, caseId);
                    try (java.sql.ResultSet row = q.executeQuery()) {
                        while (row.next()) {
                            plan.append(row.getString("detail")).append('\n');
                        }
                    }
                }
                org.junit.jupiter.api.Assertions.assertTrue(plan.toString().contains("USING COVERING INDEX seals_one_per_unit")
                        || plan.toString().contains("USING INDEX seals_one_per_unit"), sql + ": " + plan);
            }
        } finally {
            c.rollback();
        }
    }

    @Nested
    @DisplayName("a sealed case")
    class Sealed {

        @Test
        @DisplayName("verifies, with its signer, time and fingerprint, and its status is sealed")
        void verifies() throws Exception {
            List<SealStatus> status = f.field.seals().verify(f.supervisor, caseId);
            assertEquals(1, status.size());
            SealStatus s = status.getFirst();
            assertEquals(SealKind.CASE, s.kind());
            assertTrue(s.verified());
            assertEquals("sam-supervisor", s.signerName());
            assertEquals("2026-11-28T09:00:00Z", s.sealedAt());
            assertEquals(39, s.fingerprint().length());
            assertEquals("sealed", f.field.cases().open(f.supervisor, caseId).orElseThrow().summary().status().code());
        }

        @Test
        @DisplayName("refuses an UPDATE of an utterance, a person, a session or the seal itself through SQL")
        void refusesUpdates() {
            for (String statement : List.of(
                    "UPDATE utterances SET text = 'changed'",
                    "UPDATE persons SET display_name = 'changed'",
                    "UPDATE case_sessions SET interview_language = 'fr'",
                    "UPDATE interviews SET end_reason = 'changed'",
                    "UPDATE cases SET number = 'HB-0'",
                    "UPDATE form_answers SET value = 'changed'",
                    "DELETE FROM form_answers",
                    "UPDATE form_submissions SET status = 'stopped'",
                    "UPDATE seals SET content = '{}'")) {
                SQLException e = assertThrows(SQLException.class, () -> sql(statement), statement);
                assertTrue(e.getMessage().contains("sealed:"), e.getMessage());
            }
        }

        @Test
        @DisplayName("refuses a DELETE of its rows and an INSERT of a new person or utterance")
        void refusesDeletesAndInserts() {
            for (String statement : List.of("DELETE FROM utterances", "DELETE FROM persons", "DELETE FROM seals",
                    "DELETE FROM cases", "INSERT INTO persons(id, case_id, role, display_name, created_at, created_by) "
                            + "SELECT 'p2', id, 'contact', 'x', 'now', 1 FROM cases")) {
                SQLException e = assertThrows(SQLException.class, () -> sql(statement), statement);
                assertTrue(e.getMessage().contains("sealed:"), e.getMessage());
            }
            assertThrows(Refusal.class, () -> f.field.cases().addPerson(f.supervisor, caseId, PersonRole.CONTACT, "Someone", List.of()));
        }

        @Test
        @DisplayName("still lets its status move on (exported, received)")
        void statusMoves() throws Exception {
            Connection c = f.field.vault().connection();
            try (Statement s = c.createStatement()) {
                assertEquals(1, s.executeUpdate("UPDATE cases SET status = 'exported'"));
            } finally {
                c.rollback();
            }
        }

        @Test
        @DisplayName("cannot be sealed twice")
        void once() {
            Refusal e = assertThrows(Refusal.class, () -> f.field.seals().sealCase(f.supervisor, caseId));
            assertEquals("seal.error.alreadySealed", e.key());
        }
    }

    @Nested
    @DisplayName("an addendum")
    class Addendum {

        @Test
        @DisplayName("seals and verifies, and the chain-of-custody report lists it beside the seal it amends, with co-signature")
        void addendum() throws Exception {
            SealStatus caseSeal = f.field.seals().status(f.supervisor, caseId).getFirst();
            f.clock.advance(java.time.Duration.ofMinutes(5));
            SealStatus added = f.field.seals().addendum(f.supervisor, caseSeal.sealId(), "spelling of a place corrected",
                    "The place is spelled differently.");
            assertTrue(added.verified());
            assertEquals(caseSeal.sealId(), added.amends());
            f.field.seals().coSign(f.supervisor, added.sealId());
            List<SealStatus> all = f.field.seals().verify(f.supervisor, caseId);
            assertEquals(2, all.size());
            assertTrue(all.stream().allMatch(SealStatus::verified));
            assertEquals(1, all.get(1).coSigners().size());
            String report = f.field.seals().custodyReport(f.supervisor, caseId);
            assertTrue(report.contains("case sealed by sam-supervisor"), report);
            assertTrue(report.contains("addendum amending seal " + caseSeal.sealId()), report);
            assertTrue(report.contains("reason: spelling of a place corrected"), report);
            assertTrue(report.contains("co-signed"), report);
            assertFalse(report.contains("INVALID"), report);
        }

        @Test
        @DisplayName("needs a reason")
        void needsReason() throws Exception {
            String sealId = f.field.seals().status(f.supervisor, caseId).getFirst().sealId();
            assertThrows(IllegalArgumentException.class, () -> f.field.seals().addendum(f.supervisor, sealId, " ", "text"));
        }
    }

    private long sealCount() throws Exception {
        Connection c = f.field.vault().connection();
        try (Statement s = c.createStatement(); java.sql.ResultSet row = s.executeQuery("SELECT count(*) FROM seals")) {
            row.next();
            return row.getLong(1);
        } finally {
            c.rollback();
        }
    }

    @Test
    @DisplayName("a seal whose records were changed under the triggers no longer verifies")
    void tamperedRecords() throws Exception {
        Connection c = f.field.vault().connection();
        try (Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER utterances_sealed_no_update");
            s.executeUpdate("UPDATE utterances SET text = 'rewritten'");
            c.commit();
        }
        SealStatus s = f.field.seals().verify(f.supervisor, caseId).getFirst();
        assertTrue(s.signatureValid());
        assertFalse(s.matchesRecords());
        assertFalse(s.verified());
    }

    @Test
    @DisplayName("an interviewer seals a session of their own case, with a key made for the account; intake workers cannot seal")
    void interviewerSealsSession() throws Exception {
        char[] pass = "interviewer pass phrase".toCharArray();
        f.field.accounts().addUser(f.supervisor, "ivo", Role.INTERVIEWER, pass);
        f.field.accounts().addUser(f.supervisor, "ines", Role.INTAKE, pass);
        f.field.accounts().lock("switch");
        Session ivo = f.field.accounts().login("ivo", pass);
        f.field.accounts().changePassphrase(ivo, pass, "ivo's own pass phrase".toCharArray());
        ivo = f.field.accounts().current().orElseThrow();
        String own = f.field.cases().create(ivo, "CANARYivo Survivor", List.of()).id();
        String sessionId = f.field.cases().startSession(ivo, own, org.harbor.cases.SessionKind.INTAKE, "en").id();
        SealStatus s = f.field.seals().sealSession(ivo, sessionId);
        assertTrue(s.verified());
        assertEquals("interviewer", s.signerRole());
        Session ivoFinal = ivo;
        long sealsBefore = sealCount();
        RuntimeException refused = assertThrows(RuntimeException.class, () -> f.field.seals().sealCase(ivoFinal, caseId));
        assertTrue(Refusals.isAccessDenied(refused), "refused as not one of ivo's cases, not for another reason: " + refused);
        assertEquals(sealsBefore, sealCount(), "nothing was sealed");
        f.field.accounts().lock("switch");
        Session ines = f.field.accounts().login("ines", pass);
        assertThrows(org.harbor.accounts.AccessDenied.class, () -> f.field.seals().sealCase(ines, own));
    }

    @Test
    @DisplayName("a running interview cannot be sealed")
    void runningInterview() throws Exception {
        String other = f.field.cases().create(f.supervisor, "CANARYrun Survivor", List.of()).id();
        String sessionId = f.field.cases().startSession(f.supervisor, other, org.harbor.cases.SessionKind.INTERVIEW, "en").id();
        f.field.interviews().start(f.supervisor, sessionId, org.harbor.interview.profile.ProfileLibrary.CHILD_DEFAULT,
                org.harbor.interview.coach.Language.EN);
        Refusal e = assertThrows(Refusal.class, () -> f.field.seals().sealSession(f.supervisor, sessionId));
        assertEquals("seal.error.interviewRunning", e.key());
    }

}
