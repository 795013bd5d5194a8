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

/** The central review queue's view-model in plain JUnit, on the shared central fixture. */
class CentralQueueViewModelTest extends CentralViewModelFixture {

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
}
