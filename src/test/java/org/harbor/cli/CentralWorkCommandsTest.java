package org.harbor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

/** {@code harbor central duplicates|merge|unmerge|conflicts|resolve|assign|queue|stats} on a real central vault (issue 17). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CentralWorkCommandsTest {

    static final String PASS = "central office pass phrase";

    Path dir;
    final SyntheticPackages packages = new SyntheticPackages();
    final CaseSpec seen = CaseSpec.of("HB-1", "Mohamed Ali Hassan").born("2009-05-01").age("16");
    final CaseSpec again = CaseSpec.of("HB-2", "Muhammad Hassan").born("2009-05-01").age("16");
    final CaseSpec twice = CaseSpec.of("HB-3", "Lena Novak");
    String personA;
    String personB;

    record Result(int code, String out, String err) {
    }

    Result run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new HarborCommand(p -> { }, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
        cli.getCommandSpec().removeSubcommand("central"); // `harbor central` without the work commands wired in yet
        cli.addSubcommand(new CommandLine(new CentralWorkCommands()));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("harbor: " + HarborCommand.reason(e));
            return HarborCommand.REFUSED;
        });
        List<String> all = new ArrayList<>(List.of("central"));
        all.addAll(List.of(args));
        all.addAll(List.of("--home", dir.resolve("central").toString(), "--user", "olga"));
        int code = cli.execute(all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    Result ok(String stdin, String... args) {
        Result r = run(stdin, args);
        assertEquals(0, r.code(), String.join(" ", args) + "\n" + r.out() + r.err());
        return r;
    }

    @BeforeAll
    void centralVaultWithImports(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        assertEquals(0, HarborCommand.run(new String[] {"init", "--central", "--home", dir.resolve("central").toString(), "--user", "olga"},
                new ByteArrayInputStream((PASS + "\n").getBytes(StandardCharsets.UTF_8)), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), p -> { }));
        try (Harbor harbor = HarborCommand.open(dir.resolve("central"))) {
            harbor.accounts().login("olga", PASS.toCharArray());
            try (CentralKeys keys = CentralKeys.of(harbor.vault()); CentralStore store = CentralStore.sqlite(harbor.vault(), keys)) {
                var ctx = new CentralStore.ImportContext(Instant.parse("2026-03-03T08:00:00Z"), "olga", null);
                store.importPackage(packages.pack("laptop-a", 1, List.of(seen, twice)), ctx);
                store.importPackage(packages.pack("laptop-b", 1, List.of(again)), ctx);
                store.importPackage(packages.pack("laptop-b", 2, List.of(new CaseSpec(twice.caseId(), twice.number(), "Lena Novak-Berg",
                        List.of(), twice.openedAt(), null, null, null, Map.of(), List.of(), false))), ctx);
                personA = store.show(seen.caseId()).orElseThrow().persons().getFirst().personId();
                personB = store.show(again.caseId()).orElseThrow().persons().getFirst().personId();
            }
        }
    }

    @Test
    @DisplayName("CLI: duplicates lists the proposal with its score explained; merge and unmerge need a reason from a file or stdin")
    void duplicatesMergeUnmerge() throws Exception {
        Result list = ok(PASS + "\n", "duplicates");
        assertTrue(list.out().contains(again.caseId()) && list.out().contains(seen.caseId()), list.out());
        assertTrue(list.out().contains("name 1x2 + phonetic 2x1 + birth_year 1x3 + age_band 1x2 = 9"), list.out());

        Result onLine = run(PASS + "\n", "merge", personA, personB, "--reason", "same school");
        assertEquals(1, onLine.code());
        assertTrue(onLine.err().contains("record content is not taken from the command line"), onLine.err());
        Result none = run(PASS + "\n", "merge", personA, personB);
        assertEquals(1, none.code());
        assertTrue(none.err().contains("a reason is needed"), none.err());

        Result merged = ok(PASS + "\nsame school, same mother\n", "merge", personA, personB, "--reason-file", "-");
        String decision = merged.out().split("\t")[0];
        assertTrue(merged.out().contains("\tmerged\tscore 9"), merged.out());
        assertFalse(ok(PASS + "\n", "duplicates").out().contains(again.caseId()), "a decided pair leaves the work list");
        assertTrue(ok(PASS + "\n", "duplicates", "--person", personA).out().contains("merged " + decision));

        Path reason = dir.resolve("reason.txt");
        Files.writeString(reason, "two birth certificates\n");
        ok(PASS + "\n", "unmerge", decision, "--reason-file", reason.toString());
        assertTrue(ok(PASS + "\n", "duplicates").out().contains(again.caseId()), "an undone decision puts the pair back");
    }

    @Test
    @DisplayName("CLI: conflicts side by side and resolve with a reason (which version is current)")
    void conflictsResolve() {
        Result list = ok(PASS + "\n", "conflicts");
        String[] line = list.out().lines().filter(l -> l.startsWith(twice.caseId())).findFirst().orElseThrow().split("\t");
        String other = line[2];
        Result side = ok(PASS + "\n", "conflicts", "--case", twice.caseId(), "--version", other);
        assertTrue(side.out().lines().anyMatch(l -> l.contains("Lena Novak\tLena Novak-Berg\tdiffers")), side.out());
        assertEquals(1, run(PASS + "\n", "resolve", twice.caseId(), other, "--current", "other").code());
        ok(PASS + "\nthe later export is right\n", "resolve", twice.caseId(), other, "--current", "other", "--reason-file", "-");
        assertFalse(ok(PASS + "\n", "conflicts").out().contains(twice.caseId()));
    }

    @Test
    @DisplayName("CLI: assign to a central case manager, status, and the review queue")
    void assignQueue() {
        assertTrue(ok(PASS + "\n", "queue").out().contains(seen.caseId()));
        ok(PASS + "\n", "assign", seen.caseId(), "cm-rosa");
        assertFalse(ok(PASS + "\n", "queue").out().contains(seen.caseId()));
        ok(PASS + "\n", "status", seen.caseId(), "in_review");
        Result review = ok(PASS + "\n", "queue", "--awaiting-review");
        assertTrue(review.out().contains(seen.caseId() + "\tHB-1\tlaptop-a\tin_review\tcm-rosa"), review.out());
        assertEquals(1, run(PASS + "\n", "status", seen.caseId(), "lost").code());
    }

    @Test
    @DisplayName("CLI: stats --csv writes the suppressed tables (three cases: every count under 11 suppressed)")
    void statsCsv() throws Exception {
        Path csv = dir.resolve("stats.csv");
        ok(PASS + "\n", "stats", "--csv", "--out", csv.toString());
        String text = Files.readString(csv);
        assertTrue(text.startsWith("dimension,category,year,count,suppressed\r\n"), text);
        assertTrue(text.contains("gender,unknown,2026,,true"), text);
        assertFalse(text.lines().skip(1).anyMatch(l -> l.matches(".*,[1-9],false") || l.matches(".*,10,false")), text);
        assertTrue(ok(PASS + "\n", "stats").out().contains("<11"));
    }
}
