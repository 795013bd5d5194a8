package org.harbor.ui.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.harbor.Harbor;
import org.harbor.central.CentralKeys;
import org.harbor.central.CentralStore;
import org.harbor.seal.SyntheticPackages;
import org.harbor.seal.SyntheticPackages.CaseSpec;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.harbor.ui.common.UiExecutor;
import org.harbor.usecases.PublishCentralStatistics;
import org.harbor.vault.VaultKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The central screens' view-models in plain JUnit: a real central store on a temp vault, {@link UiExecutor#direct()}, no toolkit. */
class CentralViewModelsTest {

    @TempDir
    Path dir;
    Harbor central;
    CentralKeys keys;
    CentralStore store;
    CentralWork work;
    final SyntheticPackages packages = new SyntheticPackages();
    final CaseSpec seen = CaseSpec.of("HB-1", "Mohamed Ali Hassan").born("2009-05-01").age("16").withAttachment();
    final CaseSpec again = CaseSpec.of("HB-2", "Muhammad Hassan").born("2009-05-01").age("16");
    final CaseSpec twice = CaseSpec.of("HB-3", "Lena Novak");

    @BeforeEach
    void open() throws Exception {
        central = TestVaults.open(dir.resolve("central"), MutableClock.atStart());
        central.accounts().setUp(VaultKind.CENTRAL, "olga-central", "central office pass phrase".toCharArray());
        keys = CentralKeys.of(central.vault());
        store = CentralStore.sqlite(central.vault(), keys);
        var ctx = new CentralStore.ImportContext(Instant.parse("2026-03-03T08:00:00Z"), "olga", null);
        store.importPackage(packages.pack("laptop-a", 1, List.of(seen, twice)), ctx);
        store.importPackage(packages.pack("laptop-b", 1, List.of(again)), ctx);
        store.importPackage(packages.pack("laptop-b", 2, List.of(new CaseSpec(twice.caseId(), twice.number(), "Lena Novak-Berg", List.of(),
                twice.openedAt(), null, null, null, Map.of(), List.of(), false))), ctx);
        work = new CentralWork(store, UiExecutor.direct(), "rosa", org.harbor.accounts.Role.CENTRAL, Clock.fixed(Instant.parse("2026-03-04T09:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        store.close();
        keys.close();
        central.close();
    }

    @Test
    @DisplayName("case list view-model: search by name, filter by device, page summary; the case view has seals verified, custody and attachments")
    void casesAndCaseView() {
        CentralCasesViewModel m = new CentralCasesViewModel(work);
        m.refresh();
        assertEquals(3, m.rows().size());
        assertEquals("1 3 3", m.summaryProperty().get());
        m.searchProperty().set("hassan");
        m.refresh();
        assertEquals(List.of("HB-1", "HB-2"), m.rows().stream().map(CentralStore.CaseRow::number).sorted().toList());
        m.deviceProperty().set("laptop-b");
        m.refresh();
        assertEquals(List.of("HB-2"), m.rows().stream().map(CentralStore.CaseRow::number).toList());
        m.searchProperty().set("");
        m.deviceProperty().set("laptop-a");
        m.refresh();
        CentralStore.CaseRow row = m.rows().stream().filter(r -> r.number().equals("HB-1")).findFirst().orElseThrow();
        m.openCase(row);
        CentralCaseDetail detail = m.openProperty().get();
        assertNotNull(detail);
        assertEquals(1, detail.seals().size());
        assertTrue(detail.seals().getFirst().verifies(), "a filed seal verifies again when shown");
        assertEquals(1, detail.view().custody().size());
        assertEquals(1, detail.view().attachments().size());
        m.closeCase();
        assertNull(m.openProperty().get());
    }

    @Test
    @DisplayName("case view: a seal whose filed content was altered shows as not verified")
    void alteredSealNotVerified() {
        var view = store.show(seen.caseId()).orElseThrow();
        var s = view.seals().getFirst();
        var altered = new CentralStore.SealView(s.sealId(), s.kind(), s.unitId(), s.amends(), s.contentHash(), s.signerId(), s.signerRole(),
                s.keyId(), s.publicKey(), s.signature(), s.sealedAt(), s.coSignatures(), s.content().replace("Mohamed", "Mahmoud"));
        assertTrue(CentralCaseDetail.verifies(seen.caseId(), s));
        assertFalse(CentralCaseDetail.verifies(seen.caseId(), altered));
    }

    @Test
    @DisplayName("duplicates view-model: proposal side by side with the score explained; merge needs a reason; undo (unmerge) with a reason")
    void duplicates() {
        DuplicatesViewModel m = new DuplicatesViewModel(work);
        m.refresh();
        assertEquals(1, m.pairs().size());
        m.select(m.pairs().getFirst());
        var side = m.selectedProperty().get();
        assertEquals(9, side.pair().proposal().candidate().score());
        assertEquals(4, side.pair().proposal().parts().size());
        m.merge();
        assertEquals("central.error.reasonNeeded", m.errorProperty().get());
        assertEquals(1, m.pairs().size(), "nothing decided without a reason");
        m.reasonProperty().set("same school");
        m.merge();
        assertEquals("central.duplicates.merged", m.doneProperty().get());
        assertEquals(List.of(), m.pairs());
        String a = side.pair().personId();
        assertEquals(2, store.samePerson(a).size());
        var decision = store.personDecisions(a).getFirst();
        assertEquals("rosa", decision.decidedBy());
        m.reasonProperty().set("two birth certificates");
        m.undo(decision);
        assertEquals("central.duplicates.undone", m.doneProperty().get());
        assertEquals(1, m.pairs().size());
        assertEquals(1, store.samePerson(a).size());
    }

    @Test
    @DisplayName("conflicts view-model: both versions side by side field by field; resolved with a reason")
    void conflicts() {
        ConflictsViewModel m = new ConflictsViewModel(work);
        m.refresh();
        assertEquals(1, m.conflicts().size());
        m.select(m.conflicts().getFirst());
        assertTrue(m.rows().stream().anyMatch(r -> r[1].equals("Lena Novak") && r[2].equals("Lena Novak-Berg") && r[3].equals("differs")));
        m.resolve(true);
        assertEquals("central.error.reasonNeeded", m.errorProperty().get());
        m.reasonProperty().set("the later export is right");
        m.resolve(true);
        assertEquals("central.conflicts.tookOther", m.doneProperty().get());
        assertEquals(List.of(), m.conflicts());
        assertEquals("Lena Novak-Berg", store.show(twice.caseId()).orElseThrow().summary().survivorName());
    }

    @Test
    @DisplayName("review queue view-model: assign to a case manager, send to review; the queues follow")
    void queue() {
        CentralQueueViewModel m = new CentralQueueViewModel(work);
        m.refresh();
        assertEquals("3", m.totalProperty().get());
        CentralStore.CaseRow first = m.rows().getFirst();
        m.assign(first);
        assertEquals("central.error.assigneeNeeded", m.errorProperty().get());
        m.assigneeProperty().set("cm-rosa");
        m.assign(first);
        assertEquals("2", m.totalProperty().get());
        m.setStatus(first, "in_review");
        m.queueProperty().set(CentralStore.Queue.AWAITING_REVIEW);
        m.refresh();
        assertEquals(List.of(first.caseId()), m.rows().stream().map(CentralStore.CaseRow::caseId).toList());
        assertEquals(List.of("case.assigned", "case.status"), store.audit(first.caseId()).stream().map(CentralStore.AuditEntry::action).toList());
    }

    @Test
    @DisplayName("statistics view-model: suppressed tables, exported as CSV")
    void statistics() throws Exception {
        Path csv = dir.resolve("stats.csv");
        CentralStatisticsViewModel m = new CentralStatisticsViewModel(new PublishCentralStatistics(store::countCases), UiExecutor.direct(), org.harbor.accounts.Role.CENTRAL, csv);
        m.refresh();
        assertEquals(4, m.tables().size());
        m.exportCsv();
        assertEquals(csv.toString(), m.exportedProperty().get());
        String text = Files.readString(csv);
        assertTrue(text.contains("gender,unknown,2026,,true"), text);
        m.csvPathProperty().set(dir.resolve("no/such/folder/x.csv").toString());
        m.exportCsv();
        assertEquals("central.stats.exportFailed", m.errorProperty().get());
    }

    private CentralWork as(String actor, org.harbor.accounts.Role role) {
        return new CentralWork(store, UiExecutor.direct(), actor, role, Clock.fixed(Instant.parse("2026-03-04T09:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    @DisplayName("each staff member has an account and role: an analyst's view-models show statistics only, refuse cases, queue, duplicates and conflicts")
    void analystSeesStatisticsOnly() {
        CentralWork ana = as("ana", org.harbor.accounts.Role.ANALYST);
        CentralCasesViewModel cases = new CentralCasesViewModel(ana);
        CentralQueueViewModel queue = new CentralQueueViewModel(ana);
        DuplicatesViewModel duplicates = new DuplicatesViewModel(ana);
        ConflictsViewModel conflicts = new ConflictsViewModel(ana);
        CentralStatisticsViewModel stats = new CentralStatisticsViewModel(new PublishCentralStatistics(store::countCases), UiExecutor.direct(),
                org.harbor.accounts.Role.ANALYST, dir.resolve("stats.csv"));
        assertFalse(cases.allowed() || queue.allowed() || duplicates.allowed() || conflicts.allowed(), "only the statistics tab is shown");
        assertTrue(stats.allowed());
        cases.refresh();
        assertTrue(cases.rows().isEmpty());
        assertEquals("generic.error.notAllowed", cases.errorProperty().get());
        queue.refresh();
        assertEquals("generic.error.notAllowed", queue.errorProperty().get());
        duplicates.refresh();
        assertTrue(duplicates.pairs().isEmpty());
        assertEquals("generic.error.notAllowed", duplicates.errorProperty().get());
        conflicts.refresh();
        assertTrue(conflicts.conflicts().isEmpty());
        assertEquals("generic.error.notAllowed", conflicts.errorProperty().get());
        stats.refresh();
        assertEquals("", stats.errorProperty().get());
        assertFalse(stats.tables().isEmpty());
    }

    @Test
    @DisplayName("each staff member has an account and role: a case manager reads and decides, changes only their own cases' status, never assigns or sees statistics")
    void caseManagerReadsDecidesAndWorksOwnCases() {
        store.assign(seen.caseId(), "cara", work.act(null));
        CentralWork cara = as("cara", org.harbor.accounts.Role.CENTRAL_CASE_MANAGER);
        CentralQueueViewModel queue = new CentralQueueViewModel(cara);
        CentralStatisticsViewModel stats = new CentralStatisticsViewModel(new PublishCentralStatistics(store::countCases), UiExecutor.direct(),
                org.harbor.accounts.Role.CENTRAL_CASE_MANAGER, dir.resolve("stats.csv"));
        assertTrue(new CentralCasesViewModel(cara).allowed() && queue.allowed() && new DuplicatesViewModel(cara).allowed()
                && new ConflictsViewModel(cara).allowed());
        assertFalse(stats.allowed(), "no statistics tab");
        stats.refresh();
        assertEquals("generic.error.notAllowed", stats.errorProperty().get());

        queue.refresh();
        assertEquals("", queue.errorProperty().get());
        CentralStore.CaseRow unassigned = queue.rows().stream().filter(r -> r.caseId().equals(again.caseId())).findFirst().orElseThrow();
        queue.assigneeProperty().set("cara");
        queue.assign(unassigned);
        assertEquals("generic.error.notAllowed", queue.errorProperty().get());
        assertNull(store.show(again.caseId()).orElseThrow().summary().assignedTo(), "a refusal changes nothing");
        queue.setStatus(unassigned, "closed");
        assertEquals("central.error.notAssignedToYou", queue.errorProperty().get());
        assertFalse("closed".equals(store.show(again.caseId()).orElseThrow().summary().status()), "a refusal changes nothing");
        CentralStore.CaseRow own = store.show(seen.caseId()).orElseThrow().summary();
        queue.setStatus(own, "in_review");
        assertEquals("", queue.errorProperty().get());
        assertEquals("in_review", store.show(seen.caseId()).orElseThrow().summary().status());

        DuplicatesViewModel duplicates = new DuplicatesViewModel(cara);
        duplicates.refresh();
        duplicates.select(duplicates.pairs().getFirst());
        duplicates.reasonProperty().set("same school, same mother");
        duplicates.merge();
        assertEquals("central.duplicates.merged", duplicates.doneProperty().get());
    }

    @Test
    @DisplayName("each staff member has an account and role: a central supervisor assigns and changes any case's status")
    void supervisorAssignsAndChangesAnyStatus() {
        CentralQueueViewModel queue = new CentralQueueViewModel(work);
        queue.refresh();
        CentralStore.CaseRow row = queue.rows().getFirst();
        queue.assigneeProperty().set("cara");
        queue.assign(row);
        assertEquals("", queue.errorProperty().get());
        assertEquals("cara", store.show(row.caseId()).orElseThrow().summary().assignedTo());
        queue.setStatus(row, "in_review");
        assertEquals("", queue.errorProperty().get());
        assertEquals("in_review", store.show(row.caseId()).orElseThrow().summary().status());
    }
}
