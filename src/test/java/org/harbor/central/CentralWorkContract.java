package org.harbor.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.harbor.Harbor;
import org.harbor.central.CentralStore.Act;
import org.harbor.central.CentralStore.AuditEntry;
import org.harbor.central.CentralStore.CaseFilter;
import org.harbor.central.CentralStore.CaseRow;
import org.harbor.central.CentralStore.Decision;
import org.harbor.central.CentralStore.DuplicateProposal;
import org.harbor.central.CentralStore.ImportContext;
import org.harbor.central.CentralStore.Outcome;
import org.harbor.central.CentralStore.PersonDecision;
import org.harbor.central.CentralStore.Queue;
import org.harbor.central.CentralStore.ScorePart;
import org.harbor.seal.SyntheticPackages;
import org.harbor.seal.SyntheticPackages.CaseSpec;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.harbor.vault.VaultKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract of the central office's work on {@link CentralStore} (issue 17: duplicates,
 * conflicts, assignment and review queue, statistics), run against both stores by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CentralWorkContract {

    Harbor central;
    CentralKeys keys;
    CentralStore store;
    final SyntheticPackages packages = new SyntheticPackages();

    abstract CentralStore openStore(Harbor centralVault, CentralKeys keys) throws Exception;

    /** Runs {@code work} on the store's database directly, beside the store. */
    abstract <T> T direct(JdbcCentralStore.Work<T> work) throws Exception;

    static final List<String> TABLES = List.of("central_devices", "central_packages", "central_cases", "central_case_conflicts",
            "central_persons", "central_sessions", "central_submissions", "central_answers", "central_attachments", "central_seals",
            "central_custody", "central_tokens", "central_person_decisions", "central_audit");

    @BeforeAll
    void openCentral(@TempDir Path dir) throws Exception {
        central = TestVaults.open(dir.resolve("central"), MutableClock.atStart());
        central.accounts().setUp(VaultKind.CENTRAL, "olga-central", "central office pass phrase".toCharArray());
        keys = CentralKeys.of(central.vault());
    }

    @BeforeEach
    void openStore() throws Exception {
        store = openStore(central, keys);
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    @AfterAll
    void closeCentral() {
        if (central != null) {
            central.close();
        }
    }

    static final Instant T0 = Instant.parse("2026-03-03T08:00:00Z");

    static ImportContext ctx() {
        return new ImportContext(T0, "user:1", null);
    }

    static Act act(String actor, String reason) {
        return new Act(actor, T0.plusSeconds(60), reason);
    }

    String survivorOf(CaseSpec spec) {
        return store.show(spec.caseId()).orElseThrow().persons().getFirst().personId();
    }

    long rowsIn(String table) throws Exception {
        return direct(c -> {
            try (var q = c.createStatement(); var row = q.executeQuery("SELECT COUNT(*) FROM " + table)) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    // --- duplicates -------------------------------------------------------------------------

    final CaseSpec seen = CaseSpec.of("HB-1", "Mohamed Ali Hassan").born("2009-05-01").age("16");
    final CaseSpec again = CaseSpec.of("HB-2", "Muhammad Hassan").born("2009-05-01").age("16");
    final CaseSpec namesake = CaseSpec.of("HB-3", "Ali Hassan").born("1980-01-01").age("46");
    final CaseSpec other = CaseSpec.of("HB-4", "Grace Okafor").born("2009-05-01").age("16");

    void importTwoLaptops() {
        store.importPackage(packages.pack("laptop-a", 1, List.of(seen)), ctx());
        store.importPackage(packages.pack("laptop-b", 1, List.of(again, namesake, other)), ctx());
    }

    @Test
    @DisplayName("possible duplicates across devices: the same person seen by two laptops is proposed, ranked, with its score explained")
    void duplicatesProposedRankedExplained() {
        importTwoLaptops();
        List<DuplicateProposal> proposals = store.duplicateProposals(survivorOf(seen), 10);
        assertEquals(List.of(again.caseId(), namesake.caseId()), proposals.stream().map(p -> p.candidate().caseId()).toList());
        DuplicateProposal best = proposals.getFirst();
        assertEquals("laptop-b", best.candidate().deviceId());
        // Hassan shared (name 2), Soundex of Mohamed/Muhammad and Hassan shared (phonetic 2 x 1), year 3, band 2
        assertEquals(List.of(new ScorePart("name", 1, 2), new ScorePart("phonetic", 2, 1), new ScorePart("birth_year", 1, 3),
                new ScorePart("age_band", 1, 2)), best.parts());
        for (DuplicateProposal p : proposals) {
            assertEquals(p.candidate().score(), p.parts().stream().mapToInt(ScorePart::points).sum(), "the parts add up to the score");
            assertNull(p.openDecision());
        }
        assertTrue(best.candidate().score() > proposals.get(1).candidate().score());
        // the work list proposes the pair once, from whichever side, and not the one with a year alone in common
        var queue = store.duplicateQueue(100, 50);
        assertTrue(queue.stream().anyMatch(p -> Set.of(p.caseId(), p.proposal().candidate().caseId())
                .equals(Set.of(seen.caseId(), again.caseId()))));
        assertEquals(1, queue.stream().filter(p -> Set.of(p.caseId(), p.proposal().candidate().caseId())
                .equals(Set.of(seen.caseId(), again.caseId()))).count());
        assertFalse(queue.stream().anyMatch(p -> p.caseId().equals(other.caseId()) || p.proposal().candidate().caseId().equals(other.caseId())));
    }

    @Test
    @DisplayName("central_audit is hash-chained like the vault's audit log: a changed, removed or unkeyed re-chained row fails the check")
    void centralAuditHashChained() throws Exception {
        importTwoLaptops();
        assertEquals(new CentralStore.AuditCheck(true, 0, -1, null), store.checkAudit());
        PersonDecision merged = store.decidePersons(survivorOf(seen), survivorOf(again), Decision.MERGED, act("user:5", "same school"));
        store.undoPersonDecision(merged.decisionId(), act("user:6", "two different girls"));
        store.assign(seen.caseId(), "cm-rosa", act("user:5", null));
        CentralStore.AuditCheck intact = store.checkAudit();
        assertTrue(intact.intact(), intact.reason());
        long entries = intact.entries();
        assertTrue(entries >= 3, "one link per audited change: " + entries);

        // a changed actor in the first entry: the check names that entry
        direct(c -> c.createStatement().executeUpdate("UPDATE central_audit SET actor = 'user:9' WHERE seq = 1"));
        CentralStore.AuditCheck changed = store.checkAudit();
        assertFalse(changed.intact());
        assertEquals(1, changed.brokenAt());
        direct(c -> c.createStatement().executeUpdate("UPDATE central_audit SET actor = 'user:5' WHERE seq = 1"));
        assertTrue(store.checkAudit().intact(), "put back, it verifies again");

        // a chain recomputed without the central keys (plain SHA-256, as an administrator could) does not verify
        direct(c -> {
            String prev;
            try (var q = c.createStatement(); var row = q.executeQuery("SELECT prev_hash FROM central_audit WHERE seq = " + entries)) {
                row.next();
                prev = row.getString(1);
            }
            try (var u = c.prepareStatement("UPDATE central_audit SET actor = 'user:9', hash = ? WHERE seq = " + entries)) {
                u.setString(1, org.harbor.crypto.Hashes.hex(org.harbor.crypto.Hashes.sha256(org.harbor.crypto.Hashes.unhex(prev),
                        "{\"actor\":\"user:9\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
                return u.executeUpdate();
            }
        });
        CentralStore.AuditCheck rechained = store.checkAudit();
        assertFalse(rechained.intact());
        assertEquals(entries, rechained.brokenAt());

        // the last entry removed: the log ends before its recorded head
        direct(c -> c.createStatement().executeUpdate("DELETE FROM central_audit WHERE seq = " + entries));
        CentralStore.AuditCheck removed = store.checkAudit();
        assertFalse(removed.intact());
        assertEquals(entries, removed.brokenAt());
    }

    @Test
    @DisplayName("a person merges or keeps apart, with a reason; never automatic; audited and reversible (unmerge)")
    void mergeKeepApartAuditedReversible() throws Exception {
        importTwoLaptops();
        String a = survivorOf(seen);
        String b = survivorOf(again);
        String c = survivorOf(namesake);
        // never automatic: importing and proposing decide nothing
        assertEquals(List.of(), store.personDecisions(a));
        assertEquals(Set.of(a), store.samePerson(a));
        assertEquals(0, rowsIn("central_person_decisions"));

        CentralException noReason = assertThrows(CentralException.class, () -> store.decidePersons(a, b, Decision.MERGED, act("user:5", " ")));
        assertEquals("central.error.reasonNeeded", noReason.key());
        assertEquals(0, rowsIn("central_person_decisions"));
        assertEquals(0, rowsIn("central_audit"));

        PersonDecision merged = store.decidePersons(a, b, Decision.MERGED, act("user:5", "same mother's name, same school"));
        assertTrue(merged.open());
        assertEquals(Set.of(a, b), store.samePerson(a));
        assertEquals(Set.of(a, b), store.samePerson(b));
        assertEquals("central.error.alreadyDecided", assertThrows(CentralException.class,
                () -> store.decidePersons(b, a, Decision.KEPT_APART, act("user:6", "no"))).key());
        assertEquals(Decision.MERGED, store.duplicateProposals(a, 10).getFirst().openDecision().decision());
        assertFalse(store.duplicateQueue(100, 50).stream().anyMatch(p -> Set.of(p.personId(), p.proposal().candidate().personId())
                .equals(Set.of(a, b))), "a decided pair leaves the work list");
        AuditEntry logged = store.audit(seen.caseId()).getLast();
        assertEquals("person.merged", logged.action());
        assertEquals("user:5", logged.actor());
        assertEquals("same mother's name, same school", logged.detail());
        assertEquals("person.merged", store.audit(again.caseId()).getLast().action());

        store.undoPersonDecision(merged.decisionId(), act("user:7", "the supervisor found two birth certificates"));
        assertEquals(Set.of(a), store.samePerson(a));
        PersonDecision undone = store.personDecisions(a).getFirst();
        assertFalse(undone.open());
        assertEquals("same mother's name, same school", undone.reason());
        assertEquals("the supervisor found two birth certificates", undone.undoReason());
        assertEquals("user:7", undone.undoneBy());
        assertEquals("person.unmerged", store.audit(seen.caseId()).getLast().action());
        assertEquals("central.error.alreadyUndone", assertThrows(CentralException.class,
                () -> store.undoPersonDecision(merged.decisionId(), act("user:7", "again"))).key());

        PersonDecision apart = store.decidePersons(a, c, Decision.KEPT_APART, act("user:5", "different parents"));
        assertEquals(Decision.KEPT_APART, store.duplicateProposals(a, 10).stream()
                .filter(p -> p.candidate().personId().equals(c)).findFirst().orElseThrow().openDecision().decision());
        assertEquals(Set.of(a), store.samePerson(a));
        assertEquals(apart.decisionId(), store.personDecisions(c).getFirst().decisionId());
        // reasons are record content: never in clear in the database
        assertEquals(List.of(), cellsContaining("mother's name"));
    }

    // --- conflicts ----------------------------------------------------------------------------

    CaseSpec changedVersionOf(CaseSpec spec, String name) {
        return new CaseSpec(spec.caseId(), spec.number(), name, List.of(), spec.openedAt(), null, null, null,
                Map.of("/data/origin/nationality", "Ruritanian"), List.of(), false);
    }

    @Test
    @DisplayName("conflicts: two versions of one case side by side, resolved with a reason (the other version made current); audited")
    void conflictSideBySideTakeOther() throws Exception {
        CaseSpec first = CaseSpec.of("HB-9", "Lena Novak").answers(Map.of("/data/origin/nationality", "Narnian"), List.of());
        store.importPackage(packages.pack("laptop-a", 1, List.of(first)), ctx());
        CaseSpec second = changedVersionOf(first, "Lena Novak-Berg");
        assertEquals(Outcome.CONFLICT, store.importPackage(packages.pack("laptop-a", 2, List.of(second)), ctx()).cases().getFirst().outcome());

        var open = store.openConflicts(10);
        assertEquals(1, open.size());
        assertTrue(open.getFirst().comparable());
        var pair = store.conflict(first.caseId(), open.getFirst().otherVersion()).orElseThrow();
        assertEquals("Lena Novak", pair.current().persons().getFirst().name());
        assertEquals("Lena Novak-Berg", pair.other().persons().getFirst().name());
        assertEquals("Narnian", pair.current().answers().stream().filter(x -> x.path().equals("/data/origin/nationality")).findFirst()
                .orElseThrow().value());
        assertEquals("Ruritanian", pair.other().answers().stream().filter(x -> x.path().equals("/data/origin/nationality"))
                .findFirst().orElseThrow().value());
        assertNull(pair.resolution());

        String otherVersion = open.getFirst().otherVersion();
        assertEquals("central.error.reasonNeeded", assertThrows(CentralException.class,
                () -> store.resolveConflict(first.caseId(), otherVersion, true, act("user:5", null))).key());
        assertEquals("Lena Novak", store.show(first.caseId()).orElseThrow().summary().survivorName());

        store.resolveConflict(first.caseId(), otherVersion, true, act("user:5", "the later export corrects the surname"));
        var now = store.show(first.caseId()).orElseThrow();
        assertEquals("Lena Novak-Berg", now.summary().survivorName());
        assertEquals(otherVersion, now.versionHash());
        assertEquals("Ruritanian", now.submissions().getFirst().answers().stream().filter(x -> x.path().equals("/data/origin/nationality"))
                .findFirst().orElseThrow().value());
        assertEquals(Set.of("HB-9"), store.searchByName("Berg", CaseFilter.ALL, 0, 10).rows().stream().map(CaseRow::number)
                .collect(java.util.stream.Collectors.toSet()));
        assertEquals(List.of(), store.openConflicts(10));
        assertEquals("took_other", store.conflict(first.caseId(), otherVersion).orElseThrow().resolution());
        AuditEntry logged = store.audit(first.caseId()).getLast();
        assertEquals("conflict.took_other", logged.action());
        assertEquals("the later export corrects the surname", logged.detail());
        assertEquals("central.error.alreadyResolved", assertThrows(CentralException.class,
                () -> store.resolveConflict(first.caseId(), otherVersion, false, act("user:5", "again"))).key());
        assertEquals(1, rowsIn("central_persons"));
        assertEquals(List.of(), cellsContaining("Novak"));
    }

    @Test
    @DisplayName("conflicts: keeping the filed version current, with a reason, changes no row of the case")
    void conflictKeepCurrent() throws Exception {
        CaseSpec first = CaseSpec.of("HB-9", "Lena Novak");
        store.importPackage(packages.pack("laptop-a", 1, List.of(first)), ctx());
        store.importPackage(packages.pack("laptop-b", 1, List.of(changedVersionOf(first, "Lena Other"))), ctx());
        var open = store.openConflicts(10).getFirst();
        assertEquals("laptop-b", open.otherDeviceId());
        String before = store.show(first.caseId()).orElseThrow().versionHash();
        store.resolveConflict(first.caseId(), open.otherVersion(), false, act("user:5", "laptop b typed the wrong case"));
        assertEquals(before, store.show(first.caseId()).orElseThrow().versionHash());
        assertEquals("Lena Novak", store.show(first.caseId()).orElseThrow().summary().survivorName());
        assertEquals("conflict.kept_current", store.audit(first.caseId()).getLast().action());
        assertEquals(List.of(), store.openConflicts(10));
    }

    // --- assignment, status, queue --------------------------------------------------------------

    @Test
    @DisplayName("assignment and status to central case managers, audited; a review queue: unassigned and awaiting review")
    void assignmentStatusQueue() {
        List<CaseSpec> specs = List.of(CaseSpec.of("HB-1", "Ana Lind"), CaseSpec.of("HB-2", "Eva Lind"), CaseSpec.of("HB-3", "Ida Lind"));
        for (int i = 0; i < specs.size(); i++) {
            store.importPackage(packages.pack("laptop-a", i + 1, List.of(specs.get(i))),
                    new ImportContext(T0.plusSeconds(i), "user:1", null));
        }
        assertEquals(List.of("HB-1", "HB-2", "HB-3"), numbers(store.queue(Queue.UNASSIGNED, 0, 10)), "oldest import first");
        store.assign(specs.get(0).caseId(), "cm-rosa", act("sup-ines", null));
        store.setStatus(specs.get(0).caseId(), "in_review", act("cm-rosa", "ready for the supervisor"));
        store.setStatus(specs.get(2).caseId(), "closed", act("sup-ines", "referred"));
        assertEquals(List.of("HB-2"), numbers(store.queue(Queue.UNASSIGNED, 0, 10)));
        assertEquals(List.of("HB-1"), numbers(store.queue(Queue.AWAITING_REVIEW, 0, 10)));
        assertEquals("cm-rosa", store.queue(Queue.AWAITING_REVIEW, 0, 10).rows().getFirst().assignedTo());
        List<AuditEntry> log = store.audit(specs.get(0).caseId());
        assertEquals(List.of("case.assigned", "case.status"), log.stream().map(AuditEntry::action).toList());
        assertEquals("cm-rosa", log.get(0).subject());
        assertEquals("sup-ines", log.get(0).actor());
        assertEquals("in_review", log.get(1).subject());
        assertEquals("ready for the supervisor", log.get(1).detail());
        assertEquals("central.error.status", assertThrows(CentralException.class,
                () -> store.setStatus(specs.get(1).caseId(), "lost", act("cm-rosa", null))).key());
        assertEquals("central.error.noSuchCase", assertThrows(CentralException.class,
                () -> store.assign("no-such-case", "cm-rosa", act("sup-ines", null))).key());
        assertEquals(List.of(), store.audit(specs.get(1).caseId()), "a refused change is not logged");
    }

    // --- statistics ---------------------------------------------------------------------------

    @Test
    @DisplayName("aggregate statistics in HTCDS terms (exploitation type, age band, gender, nationality, year) counted from encrypted answers")
    void statisticsCounts() {
        List<CaseSpec> specs = List.of(
                CaseSpec.of("HB-1", "A One").opened("2025-06-01T10:00:00Z").age("15").answers(Map.of("/data/identity/gender", "girl",
                        "/data/origin/nationality_codes", "ng", "/data/exploitation/exploitation_types", "labour sexual"), List.of()),
                CaseSpec.of("HB-2", "B Two").opened("2026-02-01T10:00:00Z").age("30").answers(Map.of("/data/identity/gender", "Man",
                        "/data/origin/nationality_codes", "ER SD", "/data/exploitation/exploitation_types", "labour"), List.of()),
                CaseSpec.of("HB-3", "C Three").opened("2026-02-02T10:00:00Z"));
        store.importPackage(packages.pack("laptop-a", 1, specs), ctx());
        Statistics.Counts counts = store.countCases();
        assertEquals(Map.of(2025, 1L, 2026, 2L), counts.casesPerYear());
        assertEquals(Map.of("labour", Map.of(2025, 1L, 2026, 1L), "sexual", Map.of(2025, 1L)), counts.byDimension().get("exploitation_type"));
        assertEquals(Map.of("female", Map.of(2025, 1L), "male", Map.of(2026, 1L), "unknown", Map.of(2026, 1L)), counts.byDimension().get("gender"));
        assertEquals(Map.of("NG", Map.of(2025, 1L), "ER", Map.of(2026, 1L), "unknown", Map.of(2026, 1L)), counts.byDimension().get("nationality"));
        assertEquals(Map.of("9-17", Map.of(2025, 1L), "30-38", Map.of(2026, 1L), "unknown", Map.of(2026, 1L)), counts.byDimension().get("age_band"));
        // shown only after suppression: three cases are all below k
        for (Statistics.Table t : Statistics.suppress(counts)) {
            t.cells().values().forEach(byYear -> byYear.values().forEach(v -> assertTrue(v == null || v == 0, t.dimension())));
        }
    }

    static List<String> numbers(CentralStore.CasePage page) {
        return page.rows().stream().map(CaseRow::number).toList();
    }

    /** "table.column" of every text or binary cell of the central tables that contains {@code marker}. */
    List<String> cellsContaining(String marker) throws Exception {
        return direct(c -> {
            List<String> hits = new java.util.ArrayList<>();
            for (String table : TABLES) {
                try (var q = c.createStatement(); var row = q.executeQuery("SELECT * FROM " + table)) {
                    var meta = row.getMetaData();
                    while (row.next()) {
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            Object v = row.getObject(i);
                            String text = v instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.ISO_8859_1) : String.valueOf(v);
                            if (text.contains(marker)) {
                                hits.add(table + "." + meta.getColumnName(i));
                            }
                        }
                    }
                }
            }
            return hits;
        });
    }
}
