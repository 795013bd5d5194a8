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

/** The central case list's view-model in plain JUnit, on the shared central fixture. */
class CentralCasesViewModelTest extends CentralViewModelFixture {

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
    @DisplayName("case list view-model pages by key (issue 17: a million cases): next and previous pages, the count beside them,"
            + " the buttons' states")
    void pagesByKey() {
        CentralCasesViewModel m = new CentralCasesViewModel(work, 2);
        m.refresh();
        assertEquals(2, m.rows().size());
        assertEquals("1 2 3", m.summaryProperty().get());
        assertTrue(m.hasNextProperty().get());
        assertFalse(m.hasPreviousProperty().get());
        List<String> first = m.rows().stream().map(CentralStore.CaseRow::number).toList();

        m.nextPage();
        assertEquals(1, m.rows().size());
        assertEquals("3 3 3", m.summaryProperty().get());
        assertFalse(m.hasNextProperty().get());
        assertTrue(m.hasPreviousProperty().get());
        assertFalse(first.contains(m.rows().getFirst().number()), "the second page starts after the first");
        m.nextPage();
        assertEquals("3 3 3", m.summaryProperty().get(), "no page after the last");

        m.previousPage();
        assertEquals(first, m.rows().stream().map(CentralStore.CaseRow::number).toList());
        assertEquals("1 2 3", m.summaryProperty().get());
        assertFalse(m.hasPreviousProperty().get());

        m.searchProperty().set("hassan");
        m.refresh();
        assertEquals("1 2 2", m.summaryProperty().get(), "a new search counts its own cases");
        assertFalse(m.hasNextProperty().get());
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
}
