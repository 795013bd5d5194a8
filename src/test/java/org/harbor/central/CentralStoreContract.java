package org.harbor.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.harbor.Harbor;
import org.harbor.central.CentralStore.CaseFilter;
import org.harbor.central.CentralStore.CaseView;
import org.harbor.central.CentralStore.ImportContext;
import org.harbor.central.CentralStore.Outcome;
import org.harbor.seal.SyntheticPackages;
import org.harbor.seal.SyntheticPackages.CaseSpec;
import org.harbor.seal.VerifiedPackage;
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
 * The contract of {@link CentralStore} (issue 17), run against both stores by the subclasses:
 * the encrypted SQLite central vault and PostgreSQL. The central keys come from a real central
 * vault in a temp folder; packages are synthetic but sealed and signed as a device does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CentralStoreContract {

    Harbor central;
    CentralKeys keys;
    CentralStore store;
    final SyntheticPackages packages = new SyntheticPackages();

    /** Opens the store under test on a fresh, empty database (one central vault serves the class). */
    abstract CentralStore openStore(Harbor centralVault, CentralKeys keys) throws Exception;

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

    static ImportContext ctx() {
        return new ImportContext(Instant.parse("2026-03-03T08:00:00Z"), "user:1", "receipt text");
    }

    @Test
    @DisplayName("import: a verified package's case becomes relational rows shown with persons, sessions, answers, seals, custody, device")
    void importAndShow() {
        CaseSpec spec = CaseSpec.of("HB-2026-0001", "Amira Haddad", "Mira")
                .answers(Map.of("/data/origin/nationality", "Narnian"), List.of("/data/route/transit_country"))
                .withAttachment();
        VerifiedPackage p = packages.pack("device-a", 1, List.of(spec));
        var outcome = store.importPackage(p, ctx());
        assertFalse(outcome.alreadyImported());
        assertEquals(List.of(new CentralStore.CaseOutcome(spec.caseId(), Outcome.NEW)), outcome.cases());

        CaseView view = store.show(spec.caseId()).orElseThrow();
        assertEquals("HB-2026-0001", view.summary().number());
        assertEquals("Amira Haddad", view.summary().survivorName());
        assertEquals("device-a", view.summary().deviceId());
        assertEquals("new", view.summary().status());
        assertEquals(1, view.persons().size());
        assertEquals("Amira Haddad", view.persons().getFirst().name());
        assertEquals(List.of("Mira"), view.persons().getFirst().aliases());
        assertEquals(1, view.sessions().size());
        assertEquals("intake", view.sessions().getFirst().kind());
        var submission = view.submissions().getFirst();
        assertEquals("harbor-intake", submission.formId());
        assertTrue(submission.instanceXml().contains("Narnian"));
        var answers = submission.answers().stream().collect(Collectors.toMap(CentralStore.AnswerView::path, a -> a));
        assertEquals("Narnian", answers.get("/data/origin/nationality").value());
        assertEquals("declined", answers.get("/data/route/transit_country").nonResponse());
        assertEquals(null, answers.get("/data/route/transit_country").value());
        assertEquals(1, view.attachments().size());
        assertTrue(view.attachments().getFirst().entryName().endsWith("/attachments/" + view.attachments().getFirst().sha256()));
        assertEquals(1, view.seals().size());
        assertEquals("case", view.seals().getFirst().kind());
        assertTrue(view.seals().getFirst().content().contains("Amira Haddad"));
        assertEquals(1, view.custody().size());
        assertEquals("case.created", view.custody().getFirst().action());
        assertEquals("receipt text", view.receipt());
        assertEquals(new CentralStore.Device("device-a", "2026-03-03T08:00:00.000Z", "2026-03-03T08:00:00.000Z", 1), view.device());
        assertEquals("2026-03-01T10:00:00.000Z", view.summary().openedAt());
    }

    @Test
    @DisplayName("list: paging newest first with a total, and filters by device, date, status, assigned to, treated as child")
    void listPagingAndFilters() {
        for (int i = 0; i < 7; i++) {
            CaseSpec spec = CaseSpec.of("HB-" + i, "Person " + (char) ('A' + i) + "x").opened("2026-0" + (i % 3 + 1) + "-10T10:00:00Z")
                    .child(i % 2 == 0);
            String device = i < 4 ? "device-a" : "device-b";
            store.importPackage(packages.pack(device, i + 1, List.of(spec)),
                    new ImportContext(Instant.parse("2026-04-01T00:00:00Z").plusSeconds(i), "user:1", null));
        }
        var first = store.list(CaseFilter.ALL, 0, 3);
        assertEquals(7, first.total());
        assertEquals(List.of("HB-6", "HB-5", "HB-4"), first.rows().stream().map(CentralStore.CaseRow::number).toList());
        var last = store.list(CaseFilter.ALL, 6, 3);
        assertEquals(List.of("HB-0"), last.rows().stream().map(CentralStore.CaseRow::number).toList());

        assertEquals(4, store.list(CaseFilter.ALL.device("device-a"), 0, 10).total());
        assertEquals(4, store.list(CaseFilter.ALL.treatedAsChild(true), 0, 10).total());
        assertEquals(3, store.list(CaseFilter.ALL.treatedAsChild(false), 0, 10).total());
        // opened in February: i = 1 and 4
        var feb = store.list(CaseFilter.ALL.opened(Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-03-01T00:00:00Z")), 0, 10);
        assertEquals(Set.of("HB-1", "HB-4"), feb.rows().stream().map(CentralStore.CaseRow::number).collect(Collectors.toSet()));

        String some = first.rows().getFirst().caseId();
        store.assign(some, "user:42");
        var mine = store.list(CaseFilter.ALL.assignedTo("user:42"), 0, 10);
        assertEquals(List.of(some), mine.rows().stream().map(CentralStore.CaseRow::caseId).toList());
        assertEquals("assigned", mine.rows().getFirst().status());
        store.setStatus(some, "in_review");
        assertEquals(1, store.list(CaseFilter.ALL.status("in_review"), 0, 10).total());
        assertEquals(6, store.list(CaseFilter.ALL.status("new"), 0, 10).total());
        assertEquals(1, store.list(CaseFilter.ALL.status("in_review").device("device-b").treatedAsChild(true), 0, 10).total());
    }

    @Test
    @DisplayName("search by name via blind index: accents, case and aliases match; other names do not")
    void searchByName() {
        CaseSpec a = CaseSpec.of("HB-1", "José María López", "Pepe Lopez");
        CaseSpec b = CaseSpec.of("HB-2", "Maria Gomez");
        CaseSpec c = CaseSpec.of("HB-3", "فاطمة الزهراء");
        store.importPackage(packages.pack("device-a", 1, List.of(a, b, c)), ctx());
        assertEquals(Set.of("HB-1"), numbers(store.searchByName("jose LOPEZ", CaseFilter.ALL, 0, 10)));
        assertEquals(Set.of("HB-1", "HB-2"), numbers(store.searchByName("maria", CaseFilter.ALL, 0, 10)));
        assertEquals(Set.of("HB-1"), numbers(store.searchByName("pepe", CaseFilter.ALL, 0, 10)));
        assertEquals(Set.of("HB-3"), numbers(store.searchByName("فاطمه", CaseFilter.ALL, 0, 10)));
        assertEquals(Set.of(), numbers(store.searchByName("Lopes", CaseFilter.ALL, 0, 10)));
        assertEquals(Set.of(), numbers(store.searchByName("maria", CaseFilter.ALL.device("device-b"), 0, 10)));
        assertEquals("HB-2", store.findByNumber(" hb-2 ").orElseThrow().number());
    }

    @Test
    @DisplayName("duplicate candidates by blind index: the same person from another device ranks first; a namesake of another age lower")
    void duplicateCandidates() {
        CaseSpec seen = CaseSpec.of("HB-1", "Mohamed Ali Hassan").born("2009-05-01").age("16");
        CaseSpec again = CaseSpec.of("HB-2", "Muhammad Hassan").born("2009-05-01").age("16");
        CaseSpec namesake = CaseSpec.of("HB-3", "Ali Hassan").born("1980-01-01").age("46");
        CaseSpec other = CaseSpec.of("HB-4", "Grace Okafor").born("2009-05-01").age("16");
        store.importPackage(packages.pack("device-a", 1, List.of(seen)), ctx());
        store.importPackage(packages.pack("device-b", 1, List.of(again, namesake, other)), ctx());
        String person = store.show(seen.caseId()).orElseThrow().persons().getFirst().personId();
        var candidates = store.duplicates(person, 10);
        assertEquals(List.of(again.caseId(), namesake.caseId()), candidates.stream().map(CentralStore.DuplicateCandidate::caseId).toList());
        assertEquals("device-b", candidates.getFirst().deviceId());
        assertTrue(candidates.getFirst().matchedOn().containsAll(List.of("name", "phonetic", "birth_year", "age_band")));
        assertTrue(candidates.get(0).score() > candidates.get(1).score());
    }

    @Test
    @DisplayName("duplicate candidates at scale: a name shared by many persons proposes no one alone; two such names together do; a rare one does")
    void commonTokensOnlyScore() {
        ((JdbcCentralStore) store).tokenBounds(2, 5);
        // "Nadia" and "Okoro" are each shared by 4 other persons (over the bound of 2: common), "Zembla" by 1 (rare)
        CaseSpec seen = CaseSpec.of("HB-1", "Nadia Okoro Zembla").born("2001-01-01").age("25");
        CaseSpec both = CaseSpec.of("HB-2", "Nadia Okoro").born("1990-01-01").age("36");
        CaseSpec rare = CaseSpec.of("HB-3", "Lina Zembla").born("1970-01-01").age("56");
        List<CaseSpec> others = new java.util.ArrayList<>(List.of(seen, both, rare));
        for (int i = 0; i < 3; i++) {
            others.add(CaseSpec.of("HB-N" + i, "Nadia Tesfaye" + (char) ('a' + i) + "x").born("2001-01-01").age("25"));
            others.add(CaseSpec.of("HB-O" + i, "Kwame" + (char) ('a' + i) + "y Okoro").born("2001-01-01").age("25"));
        }
        store.importPackage(packages.pack("device-a", 1, others), ctx());
        String person = store.show(seen.caseId()).orElseThrow().persons().getFirst().personId();
        Set<String> proposed = store.duplicates(person, 20).stream().map(CentralStore.DuplicateCandidate::caseId)
                .collect(java.util.stream.Collectors.toSet());
        // same birth year and age band do not make a namesake of one common name a candidate
        assertEquals(Set.of(both.caseId(), rare.caseId()), proposed);
    }

    @Test
    @DisplayName("duplicate candidates at scale: the rarest tokens propose first, and no more candidates than the bound are proposed and scored; the rare match is still found")
    void rarestTokensProposeUpToABound() {
        // bounds: a token shared by up to 10 others proposes; at most 2 candidates proposed
        ((JdbcCentralStore) store).tokenBounds(10, 20, 2);
        // "Amara" (and its phonetic key) is shared by 5 others, "Zulinska" (and its key) by 1: that one is the same person
        CaseSpec seen = CaseSpec.of("HB-1", "Amara Zulinska").born("2001-01-01").age("25");
        CaseSpec again = CaseSpec.of("HB-2", "Amara Zulinska").born("2001-01-01").age("25");
        List<CaseSpec> all = new java.util.ArrayList<>(List.of(seen, again));
        for (int i = 0; i < 5; i++) {
            all.add(CaseSpec.of("HB-A" + i, "Amara Okafor" + (char) ('a' + i) + "x").born("2001-01-01").age("25"));
        }
        store.importPackage(packages.pack("device-a", 1, all), ctx());
        String person = store.show(seen.caseId()).orElseThrow().persons().getFirst().personId();
        var candidates = store.duplicates(person, 20);
        assertEquals(List.of(again.caseId()), candidates.stream().map(CentralStore.DuplicateCandidate::caseId).toList());
        assertEquals(List.of("age_band", "birth_year", "name", "phonetic"), candidates.getFirst().matchedOn());
        // with room for every namesake, they are proposed too, ranked below the same person
        ((JdbcCentralStore) store).tokenBounds(10, 20, 100);
        var wider = store.duplicates(person, 20);
        assertEquals(6, wider.size());
        assertEquals(again.caseId(), wider.getFirst().caseId());
        assertEquals("device-a", wider.getFirst().deviceId());
    }

    @Test
    @DisplayName("idempotent import: the same package twice is filed once")
    void idempotentImport() {
        CaseSpec spec = CaseSpec.of("HB-1", "Lena Novak");
        VerifiedPackage p = packages.pack("device-a", 1, List.of(spec));
        assertFalse(store.importPackage(p, ctx()).alreadyImported());
        var again = store.importPackage(p, ctx());
        assertTrue(again.alreadyImported());
        assertEquals(1, store.list(CaseFilter.ALL, 0, 10).total());
        assertEquals(1, store.show(spec.caseId()).orElseThrow().device().packages());
        // the same case in a later package, unchanged: kept once; changed: a conflict kept aside, never applied
        assertEquals(Outcome.UNCHANGED, store.importPackage(packages.again(p, 2), ctx()).cases().getFirst().outcome());
        CaseSpec changed = new CaseSpec(spec.caseId(), spec.number(), "Lena Novak-Berg", List.of(), spec.openedAt(), null, null, null,
                Map.of(), List.of(), false);
        assertEquals(Outcome.CONFLICT, store.importPackage(packages.pack("device-a", 3, List.of(changed)), ctx()).cases().getFirst().outcome());
        assertEquals(1, store.list(CaseFilter.ALL, 0, 10).total());
        CaseView view = store.show(spec.caseId()).orElseThrow();
        assertEquals("Lena Novak", view.summary().survivorName());
        assertEquals(1, view.conflictingVersions().size());
    }

    @Test
    @DisplayName("refusal leaves nothing half-written: a package whose second case fails while it is filed leaves no row of either case")
    void refusalIsAtomic() throws Exception {
        CaseSpec good = CaseSpec.of("HB-1", "Ida Berg").withAttachment();
        CaseSpec bad = CaseSpec.of("HB-2", "Ola Berg").withAttachment();
        VerifiedPackage p = packages.pack("device-a", 1, List.of(good, bad));
        // the second case's sealed attachment is missing from the package: found only after the
        // first case and the second's case row, persons, sessions and answers are written
        var last = p.cases().get(1);
        VerifiedPackage broken = new VerifiedPackage(p.manifest(), p.manifestHash(), p.fileHash(), List.of(p.cases().get(0),
                new VerifiedPackage.VerifiedCase(last.caseId(), last.number(), last.caseJson(), last.seals(), last.formInstances(),
                        last.auditJsonl(), List.of())));
        CentralException e = assertThrows(CentralException.class, () -> store.importPackage(broken, ctx()));
        assertEquals("central.error.malformed", e.key());
        assertEquals(0, store.list(CaseFilter.ALL, 0, 10).total());
        assertTrue(store.show(good.caseId()).isEmpty());
        for (String table : TABLES) {
            assertEquals(0, rowsIn(table), table);
        }
        // and the intact package files afterwards
        assertFalse(store.importPackage(p, ctx()).alreadyImported());
        assertEquals(2, store.list(CaseFilter.ALL, 0, 10).total());
    }

    @Test
    @DisplayName("refusal before any write: a case record that cannot be parsed refuses the whole package")
    void unparsableCaseRefused() throws Exception {
        VerifiedPackage p = packages.packWithBrokenLast("device-a", 1, List.of(CaseSpec.of("HB-1", "Ida Berg"), CaseSpec.of("HB-2", "Ola Berg")));
        CentralException e = assertThrows(CentralException.class, () -> store.importPackage(p, ctx()));
        assertEquals("central.error.malformed", e.key());
        for (String table : TABLES) {
            assertEquals(0, rowsIn(table), table);
        }
    }

    @Test
    @DisplayName("refusal inside the transaction (a sequence number taken by another package) rolls every row back")
    void refusalInsideTransactionRollsBack() throws Exception {
        store.importPackage(packages.pack("device-a", 5, List.of(CaseSpec.of("HB-1", "Ana Lind"))), ctx());
        CaseSpec late = CaseSpec.of("HB-2", "Eva Lind");
        assertThrows(CentralException.class, () -> store.importPackage(packages.pack("device-a", 5, List.of(late)), ctx()));
        assertTrue(store.show(late.caseId()).isEmpty());
        assertEquals(1, rowsIn("central_packages"));
        assertEquals(1, rowsIn("central_persons"));
    }

    @Test
    @DisplayName("content columns hold ciphertext only: no name, alias, case number or answer in clear in any row")
    void contentIsEncryptedInRows() throws Exception {
        CaseSpec spec = CaseSpec.of("CANARYNUM77", "CANARYNAME Zed", "CANARYALIAS")
                .answers(Map.of("/data/origin/nationality", "CANARYANSWER"), List.of());
        store.importPackage(packages.pack("device-a", 1, List.of(spec)), ctx());
        assertEquals(List.of(), cellsContaining("CANARY"));
    }

    // --- keyset paging, search and filters (issue 17, case list at a million cases) ----------

    @Test
    @DisplayName("case list with keyset paging (no OFFSET): pages follow each other newest first, none lost or repeated, filters and name search apply")
    void keysetPaging() {
        for (int i = 0; i < 7; i++) {
            CaseSpec spec = CaseSpec.of("HB-" + i, (i % 2 == 0 ? "Amal " : "Noor ") + "Person").opened("2026-0" + (i % 3 + 1) + "-10T10:00:00Z")
                    .child(i % 2 == 0);
            // two imports share one instant: the case id breaks the tie
            store.importPackage(packages.pack(i < 4 ? "device-a" : "device-b", i + 1, List.of(spec)),
                    new ImportContext(Instant.parse("2026-04-01T00:00:00Z").plusSeconds(i / 2), "user:1", null));
        }
        List<String> seen = new java.util.ArrayList<>();
        CentralStore.PageKey key = null;
        int pages = 0;
        do {
            var page = store.page(CentralStore.CaseQuery.ALL, key, 3);
            page.rows().forEach(r -> seen.add(r.number()));
            key = page.next();
            pages++;
        } while (key != null);
        assertEquals(3, pages);
        assertEquals(7, seen.size());
        assertEquals(7, Set.copyOf(seen).size());
        var all = store.list(CaseFilter.ALL, 0, 10).rows().stream().map(CentralStore.CaseRow::importedAt).toList();
        assertEquals(all.stream().sorted(java.util.Comparator.reverseOrder()).toList(), all);
        assertEquals("HB-6", seen.getFirst());

        var amal = store.page(CentralStore.CaseQuery.ALL.name("amal"), null, 2);
        assertEquals(2, amal.rows().size());
        var rest = store.page(CentralStore.CaseQuery.ALL.name("amal"), amal.next(), 2);
        Set<String> amals = new java.util.HashSet<>();
        amal.rows().forEach(r -> amals.add(r.number()));
        rest.rows().forEach(r -> amals.add(r.number()));
        assertEquals(Set.of("HB-0", "HB-2", "HB-4", "HB-6"), amals);
        assertEquals(null, rest.next());
        assertEquals(Set.of("HB-4", "HB-6"), numbersOf(store.page(CentralStore.CaseQuery.ALL.name("amal")
                .filter(CaseFilter.ALL.device("device-b")), null, 10)));
        assertEquals(Set.of("HB-1", "HB-3", "HB-5"), numbersOf(store.page(CentralStore.CaseQuery.ALL
                .filter(CaseFilter.ALL.treatedAsChild(false)), null, 10)));
        assertEquals(Set.of("HB-1", "HB-4"), numbersOf(store.page(CentralStore.CaseQuery.ALL.filter(CaseFilter.ALL
                .opened(Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-03-01T00:00:00Z"))), null, 10)));
        String some = store.page(CentralStore.CaseQuery.ALL, null, 1).rows().getFirst().caseId();
        store.assign(some, "user:42");
        assertEquals(List.of(some), store.page(CentralStore.CaseQuery.ALL.filter(CaseFilter.ALL.assignedTo("user:42")), null, 10)
                .rows().stream().map(CentralStore.CaseRow::caseId).toList());
        assertEquals(1, store.page(CentralStore.CaseQuery.ALL.filter(CaseFilter.ALL.status("assigned")), null, 10).rows().size());
        assertEquals(Set.of(), numbersOf(store.page(CentralStore.CaseQuery.ALL.name("zzzz"), null, 10)));
    }

    @Test
    @DisplayName("case list filter by indicators (methods of control in the trafficking form), through a blind index: every given indicator must be recorded")
    void indicatorFilter() throws Exception {
        String path = "/data/control/control_methods";
        store.importPackage(packages.pack("device-a", 1, List.of(
                CaseSpec.of("HB-1", "Ana One").answers(Map.of(path, "debt_bondage threats"), List.of()),
                CaseSpec.of("HB-2", "Ana Two").answers(Map.of(path, "threats"), List.of()),
                CaseSpec.of("HB-3", "Ana Three").answers(Map.of("/data/origin/nationality", "debt_bondage"), List.of()))), ctx());
        assertEquals(Set.of("HB-1", "HB-2"), numbersOf(store.page(CentralStore.CaseQuery.ALL.indicators(List.of("threats")), null, 10)));
        assertEquals(Set.of("HB-1"), numbersOf(store.page(CentralStore.CaseQuery.ALL.indicators(List.of("threats", "debt_bondage")), null, 10)));
        assertEquals(Set.of("HB-1"), numbersOf(store.page(CentralStore.CaseQuery.ALL.indicators(List.of("Debt_Bondage")), null, 10)));
        assertEquals(Set.of(), numbersOf(store.page(CentralStore.CaseQuery.ALL.indicators(List.of("isolation")), null, 10)));
        assertEquals(Set.of("HB-2"), numbersOf(store.page(CentralStore.CaseQuery.ALL.indicators(List.of("threats")).name("two"), null, 10)));
        // the indicator is not in clear in the token table
        assertEquals(List.of(), cellsContaining("debt_bondage").stream().filter(h -> h.startsWith("central_tokens")).toList());
    }

    static Set<String> numbersOf(CentralStore.KeysetPage page) {
        return page.rows().stream().map(CentralStore.CaseRow::number).collect(Collectors.toSet());
    }

    /** Runs {@code work} on the store's database directly, beside the store. */
    abstract <T> T direct(JdbcCentralStore.Work<T> work) throws Exception;

    static final List<String> TABLES = List.of("central_devices", "central_packages", "central_cases", "central_case_conflicts",
            "central_persons", "central_sessions", "central_submissions", "central_answers", "central_attachments", "central_seals",
            "central_custody", "central_tokens", "central_person_decisions", "central_audit");

    /** How many rows a table has, read directly from the store's database. */
    long rowsIn(String table) throws Exception {
        return direct(c -> {
            try (var q = c.createStatement(); var row = q.executeQuery("SELECT COUNT(*) FROM " + table)) {
                row.next();
                return row.getLong(1);
            }
        });
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

    static Set<String> numbers(CentralStore.CasePage page) {
        return page.rows().stream().map(CentralStore.CaseRow::number).collect(Collectors.toSet());
    }
}
