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

/** The central duplicates view-model in plain JUnit, on the shared central fixture. */
class DuplicatesViewModelTest extends CentralViewModelFixture {

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
}
