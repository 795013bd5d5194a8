package org.harbor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.harbor.Harbor;
import org.harbor.central.CentralKeys;
import org.harbor.central.CentralStore;
import org.harbor.seal.SyntheticPackages;
import org.harbor.seal.SyntheticPackages.CaseSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 17, "each staff member has an account and role (central case manager, central supervisor,
 * analyst)", on the command line: {@code user add --role} at a central vault offers the central
 * roles only, and every central command asks the role first; a refusal changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Each staff member has an account and role: the command line")
class CentralStaffRolesCliTest {

    static final String PASS = "central office pass phrase";
    static final String OWN = "my own chosen staff passphrase";
    static final String NOT_ALLOWED = "Your role does not allow this.";

    Path dir;
    final SyntheticPackages packages = new SyntheticPackages();
    final CaseSpec mine = CaseSpec.of("HB-1", "Mohamed Ali Hassan").born("2009-05-01").age("16");
    final CaseSpec other = CaseSpec.of("HB-2", "Muhammad Hassan").born("2009-05-01").age("16");

    record Result(int code, String out, String err) {
    }

    Result run(String stdin, String user, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new HarborCommand(p -> { }, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("harbor: " + HarborCommand.reason(e));
            return HarborCommand.REFUSED;
        });
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--home", dir.resolve("central").toString(), "--user", user));
        int code = cli.execute(all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    Result ok(String user, String... args) {
        Result r = run(pass(user) + "\n", user, args);
        assertEquals(0, r.code(), user + " " + String.join(" ", args) + "\n" + r.out() + r.err());
        return r;
    }

    void refused(String sentence, String user, String... args) {
        Result r = run(pass(user) + "\n", user, args);
        assertEquals(HarborCommand.REFUSED, r.code(), user + " " + String.join(" ", args) + "\n" + r.out() + r.err());
        assertTrue(r.err().contains(sentence), r.err());
    }

    static String pass(String user) {
        return user.equals("olga") ? PASS : OWN;
    }

    String status(String caseId) throws Exception {
        try (Harbor harbor = HarborCommand.open(dir.resolve("central"))) {
            harbor.accounts().login("olga", PASS.toCharArray());
            try (CentralKeys keys = CentralKeys.of(harbor.vault()); CentralStore store = CentralStore.sqlite(harbor.vault(), keys)) {
                var row = store.show(caseId).orElseThrow().summary();
                return row.status() + "/" + row.assignedTo();
            }
        }
    }

    @BeforeAll
    void centralVaultWithStaff(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        assertEquals(0, HarborCommand.run(new String[] {"init", "--central", "--home", dir.resolve("central").toString(), "--user", "olga"},
                new ByteArrayInputStream((PASS + "\n").getBytes(StandardCharsets.UTF_8)), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), p -> { }));
        for (String[] staff : new String[][] {{"cara", "central_case_manager"}, {"ana", "analyst"}, {"sven", "central"}}) {
            Result added = run(PASS + "\ntemporary staff pass phrase\n", "olga", "user", "add", "--role", staff[1], staff[0]);
            assertEquals(0, added.code(), added.err());
            assertTrue(added.out().contains("added " + staff[1] + " account"), added.out());
            Result changed = run("temporary staff pass phrase\n" + OWN + "\n", staff[0], "user", "passwd");
            assertEquals(0, changed.code(), changed.err());
        }
        try (Harbor harbor = HarborCommand.open(dir.resolve("central"))) {
            harbor.accounts().login("olga", PASS.toCharArray());
            try (CentralKeys keys = CentralKeys.of(harbor.vault()); CentralStore store = CentralStore.sqlite(harbor.vault(), keys)) {
                var ctx = new CentralStore.ImportContext(Instant.parse("2026-03-03T08:00:00Z"), "olga", null);
                store.importPackage(packages.pack("laptop-a", 1, List.of(mine)), ctx);
                store.importPackage(packages.pack("laptop-b", 1, List.of(other)), ctx);
                store.assign(mine.caseId(), "cara", new CentralStore.Act("olga", Instant.parse("2026-03-03T09:00:00Z"), null));
            }
        }
    }

    @Test
    @DisplayName("user add --role at a central vault takes the central roles and refuses the field roles")
    void userAddOffersTheCentralRoles() {
        Result field = run(PASS + "\ntemporary staff pass phrase\n", "olga", "user", "add", "--role", "interviewer", "ivo");
        assertEquals(HarborCommand.REFUSED, field.code(), field.out() + field.err());
        String list = ok("olga", "user", "list").out();
        assertTrue(list.contains("cara\tcentral_case_manager") && list.contains("ana\tanalyst") && list.contains("sven\tcentral"), list);
        assertTrue(!list.contains("ivo"), list);
    }

    @Test
    @DisplayName("central supervisor: reads cases, assigns, changes any status, sees statistics")
    void supervisorDoesEverything() throws Exception {
        assertTrue(ok("sven", "case", "list").out().contains(other.caseId()));
        ok("sven", "central", "queue");
        ok("sven", "central", "duplicates");
        ok("sven", "central", "stats");
        ok("sven", "central", "assign", other.caseId(), "cara");
        ok("sven", "central", "set-status", other.caseId(), "in_review");
        assertEquals("in_review/cara", status(other.caseId()));
        ok("sven", "central", "assign", other.caseId(), "--nobody");
    }

    @Test
    @DisplayName("central case manager: reads cases and decides, changes the status of cases assigned to them only; no assigning, no statistics")
    void caseManager() throws Exception {
        assertTrue(ok("cara", "case", "list").out().contains(mine.caseId()));
        assertTrue(ok("cara", "case", "show", "--json", mine.caseId()).out().contains("HB-1"));
        ok("cara", "central", "duplicates");
        ok("cara", "central", "conflicts");
        ok("cara", "central", "queue");
        String before = status(other.caseId());
        refused(NOT_ALLOWED, "cara", "central", "assign", other.caseId(), "cara");
        refused("This case is not assigned to you", "cara", "central", "set-status", other.caseId(), "closed");
        assertEquals(before, status(other.caseId()), "a refusal changes nothing");
        refused(NOT_ALLOWED, "cara", "central", "stats");
        ok("cara", "central", "set-status", mine.caseId(), "in_review");
        assertEquals("in_review/cara", status(mine.caseId()));
    }

    @Test
    @DisplayName("analyst: aggregate statistics only; no case list, case view, duplicates, conflicts, queue, assignment or status")
    void analyst() throws Exception {
        ok("ana", "central", "stats");
        String before = status(mine.caseId());
        refused(NOT_ALLOWED, "ana", "case", "list");
        refused(NOT_ALLOWED, "ana", "case", "show", "--json", mine.caseId());
        refused(NOT_ALLOWED, "ana", "central", "duplicates");
        refused(NOT_ALLOWED, "ana", "central", "conflicts");
        refused(NOT_ALLOWED, "ana", "central", "queue");
        refused(NOT_ALLOWED, "ana", "central", "assign", mine.caseId(), "ana");
        refused(NOT_ALLOWED, "ana", "central", "set-status", mine.caseId(), "closed");
        assertEquals(before, status(mine.caseId()), "a refusal changes nothing");
    }
}
