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

/** The central conflicts view-model in plain JUnit, on the shared central fixture. */
class ConflictsViewModelTest extends CentralViewModelFixture {

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
}
