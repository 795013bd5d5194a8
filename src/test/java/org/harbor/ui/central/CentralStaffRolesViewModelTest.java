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
import org.harbor.accounts.Role;
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

/** Issue 17: each staff member has an account and role; what the central view-models allow and refuse per role (plain JUnit). */
class CentralStaffRolesViewModelTest extends CentralViewModelFixture {

    private CentralWork as(String actor, Role role) {
        return new CentralWork(store, UiExecutor.direct(), actor, role, Clock.fixed(Instant.parse("2026-03-04T09:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    @DisplayName("each staff member has an account and role: an analyst's view-models show statistics only, refuse cases, queue, duplicates and conflicts")
    void analystSeesStatisticsOnly() {
        CentralWork ana = as("ana", Role.ANALYST);
        CentralCasesViewModel cases = new CentralCasesViewModel(ana);
        CentralQueueViewModel queue = new CentralQueueViewModel(ana);
        DuplicatesViewModel duplicates = new DuplicatesViewModel(ana);
        ConflictsViewModel conflicts = new ConflictsViewModel(ana);
        CentralStatisticsViewModel stats = new CentralStatisticsViewModel(new PublishCentralStatistics(store::countCases), UiExecutor.direct(),
                Role.ANALYST, dir.resolve("stats.csv"));
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
        CentralWork cara = as("cara", Role.CENTRAL_CASE_MANAGER);
        CentralQueueViewModel queue = new CentralQueueViewModel(cara);
        CentralStatisticsViewModel stats = new CentralStatisticsViewModel(new PublishCentralStatistics(store::countCases), UiExecutor.direct(),
                Role.CENTRAL_CASE_MANAGER, dir.resolve("stats.csv"));
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
