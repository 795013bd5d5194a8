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

/** The central statistics view-model in plain JUnit, on the shared central fixture. */
class CentralStatisticsViewModelTest extends CentralViewModelFixture {

    @Test
    @DisplayName("statistics view-model: suppressed tables, exported as CSV")
    void statistics() throws Exception {
        Path csv = dir.resolve("stats.csv");
        CentralStatisticsViewModel m = new CentralStatisticsViewModel(new PublishCentralStatistics(store::countCases), UiExecutor.direct(), Role.CENTRAL, csv);
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
}
