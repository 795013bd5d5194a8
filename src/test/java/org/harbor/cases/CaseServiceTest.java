package org.harbor.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.harbor.Harbor;
import org.harbor.accounts.AccessDenied;
import org.harbor.accounts.Role;
import org.harbor.accounts.Session;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.harbor.vault.VaultKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Cases")
class CaseServiceTest {

    static final char[] PASS = "a long enough pass phrase".toCharArray();

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.atStart();
    Harbor harbor;
    CaseService cases;

    @BeforeEach
    void setUp() throws Exception {
        harbor = TestVaults.open(dir, clock);
        cases = harbor.cases();
        Session supervisor = harbor.accounts().setUp(VaultKind.FIELD, TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE).session();
        for (String name : List.of("ivo", "ira")) {
            harbor.accounts().addUser(supervisor, name, Role.INTERVIEWER, PASS);
        }
        harbor.accounts().addUser(supervisor, "ines", Role.INTAKE, PASS);
        harbor.accounts().lock("test");
        for (String name : List.of("ivo", "ira", "ines")) {
            Session s = harbor.accounts().login(name, PASS);
            harbor.accounts().changePassphrase(s, PASS, "own pass phrase of someone".toCharArray());
            harbor.accounts().lock("test");
        }
    }

    @AfterEach
    void tearDown() {
        harbor.close();
    }

    Session as(String name) throws Exception {
        harbor.accounts().lock("switch");
        if (name.equals(TestVaults.SUPERVISOR)) {
            return harbor.accounts().login(name, TestVaults.SUPERVISOR_PASSPHRASE);
        }
        return harbor.accounts().login(name, "own pass phrase of someone".toCharArray());
    }

    @Test
    @DisplayName("a new case is open, numbered, led by its opener, with its survivor")
    void create() throws Exception {
        Session ivo = as("ivo");
        CaseSummary created = cases.create(ivo, "Amara Synthetic", List.of("Ama"));
        assertEquals(CaseStatus.OPEN, created.status());
        assertEquals("HB-2026-000001", created.number());
        assertEquals("Amara Synthetic", created.survivorName());
        assertEquals(ivo.user().id(), created.leadWorker());
        CaseDetail detail = cases.open(ivo, created.id()).orElseThrow();
        assertEquals(List.of("Ama"), detail.persons().getFirst().aliases());
        assertEquals("HB-2026-000002", cases.create(ivo, null, List.of()).number());
    }

    @Nested
    @DisplayName("who sees which case")
    class Visibility {

        @Test
        @DisplayName("interviewers see their own, intake workers those they opened, supervisors all")
        void perRole() throws Exception {
            String ivoCase = cases.create(as("ivo"), "Case Of Ivo", List.of()).id();
            String iraCase = cases.create(as("ira"), "Case Of Ira", List.of()).id();
            String inesCase = cases.create(as("ines"), "Case Of Ines", List.of()).id();

            Session ivo = as("ivo");
            assertEquals(List.of(ivoCase), ids(cases.list(ivo, CaseQuery.all())));
            assertTrue(cases.open(ivo, iraCase).isEmpty(), "another interviewer's case does not exist for ivo");
            assertThrows(AccessDenied.class, () -> cases.addPerson(ivo, iraCase, PersonRole.CONTACT, "X", List.of()));

            Session ines = as("ines");
            assertEquals(List.of(inesCase), ids(cases.list(ines, CaseQuery.all())));

            long ira = iraUserId();
            Session sup = as(TestVaults.SUPERVISOR);
            assertEquals(3, cases.list(sup, CaseQuery.all()).size());
            assertEquals(List.of(iraCase), ids(cases.list(sup, CaseQuery.all().withWorker(ira))));
        }

        @Test
        @DisplayName("an intake worker cannot start an interview session")
        void intakeNoInterview() throws Exception {
            Session ines = as("ines");
            String id = cases.create(ines, "Someone Synthetic", List.of()).id();
            assertThrows(AccessDenied.class, () -> cases.startSession(ines, id, SessionKind.INTERVIEW, "en"));
            assertEquals(SessionKind.INTAKE, cases.startSession(ines, id, SessionKind.INTAKE, "es").kind());
        }

        private long iraUserId() throws Exception {
            return harbor.accounts().listUsers(as(TestVaults.SUPERVISOR)).stream()
                    .filter(u -> u.username().equals("ira")).findFirst().orElseThrow().id();
        }
    }

    @Nested
    @DisplayName("the case list")
    class CaseList {

        @Test
        @DisplayName("finds cases by name, alias or number, with accents and prefixes, and nothing on hostile input")
        void search() throws Exception {
            Session sup = as(TestVaults.SUPERVISOR);
            String a = cases.create(sup, "José Ramírez", List.of("Pepe")).id();
            String b = cases.create(sup, "Lina Okafor", List.of()).id();
            cases.addPerson(sup, b, PersonRole.GUARDIAN, "Grace Okafor", List.of());
            assertEquals(List.of(a), ids(cases.list(sup, CaseQuery.all().withSearch("jose"))));
            assertEquals(List.of(a), ids(cases.list(sup, CaseQuery.all().withSearch("pep"))));
            assertEquals(List.of(b), ids(cases.list(sup, CaseQuery.all().withSearch("grace okaf"))));
            assertEquals(List.of(b), ids(cases.list(sup, CaseQuery.all().withSearch("HB-2026-000002"))));
            assertEquals(List.of(), ids(cases.list(sup, CaseQuery.all().withSearch("\"unbalanced OR NEAR( *"))));
            assertEquals(2, cases.list(sup, CaseQuery.all().withSearch("   ")).size());
        }

        @Test
        @DisplayName("filters by status, sorts and pages")
        void filterSortPage() throws Exception {
            Session sup = as(TestVaults.SUPERVISOR);
            for (int i = 0; i < 5; i++) {
                cases.create(sup, "Person " + i, List.of());
                clock.advance(Duration.ofMinutes(1));
            }
            List<CaseSummary> newest = cases.list(sup, CaseQuery.all().page(2, 0));
            assertEquals(List.of("HB-2026-000005", "HB-2026-000004"), newest.stream().map(CaseSummary::number).toList());
            List<CaseSummary> byNumber = cases.list(sup, CaseQuery.all().sortedBy(CaseQuery.Sort.NUMBER_ASC).page(2, 2));
            assertEquals(List.of("HB-2026-000003", "HB-2026-000004"), byNumber.stream().map(CaseSummary::number).toList());
            assertEquals(5, cases.list(sup, CaseQuery.all().withStatus(CaseStatus.OPEN)).size());
            assertEquals(0, cases.list(sup, CaseQuery.all().withStatus(CaseStatus.SEALED)).size());
        }
    }

    @Test
    @DisplayName("the search query builder lets no FTS syntax through")
    void ftsQuery() {
        assertEquals("\"amara\"* \"ok\"*", CaseService.ftsQuery("amara OK:".toLowerCase()));
        assertEquals("", CaseService.ftsQuery("\" * ( )"));
        assertEquals("\"HB-2026-000002\"*", CaseService.ftsQuery("HB-2026-000002"));
    }

    @Test
    @DisplayName("viewing a case is audited without its content")
    void viewAudited() throws Exception {
        Session ivo = as("ivo");
        String id = cases.create(ivo, "Audit Marker Name", List.of()).id();
        cases.open(ivo, id);
        long views = harbor.vault().transaction(c -> {
            try (var q = c.prepareStatement("SELECT count(*) FROM audit_log WHERE action = 'case.viewed' AND target = ?")) {
                q.setString(1, id);
                try (var r = q.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        });
        assertEquals(1, views);
        long leaks = harbor.vault().transaction(c -> {
            try (var q = c.prepareStatement("SELECT count(*) FROM audit_log WHERE details LIKE '%Marker%' OR target LIKE '%Marker%'");
                 var r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
        assertEquals(0, leaks);
    }

    private static List<String> ids(List<CaseSummary> list) {
        return list.stream().map(CaseSummary::id).toList();
    }
}
