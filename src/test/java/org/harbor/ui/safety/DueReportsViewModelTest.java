package org.harbor.ui.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.harbor.cases.CaseSummary;
import org.harbor.cases.SessionKind;
import org.harbor.ui.common.FieldVault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Issue 14, mandatory reports: the home screen's reports due, without the JavaFX toolkit")
class DueReportsViewModelTest {

    @TempDir
    Path dir;
    FieldVault vault;

    @BeforeEach
    void open() throws Exception {
        vault = new FieldVault(dir);
    }

    @AfterEach
    void close() {
        vault.close();
    }

    @Test
    @DisplayName("a case that triggers the rule is listed with its countdown, red once overdue, and opens its case")
    void listsAndOpens() {
        vault.useCases().chooseReportJurisdiction().choose(vault.supervisor, "uk-england-wales");
        CaseSummary kase = vault.useCases().createCase().create(vault.supervisor, "Synthetic Child", List.of());
        DueReportsViewModel model = new DueReportsViewModel(vault.useCases().showCaseSafety(), vault.harbor.i18n(), vault.ui,
                vault.navigator, vault.supervisor);
        model.load();
        assertEquals(List.of(), model.rows());
        String s = vault.harbor.cases().startSession(vault.supervisor, kase.id(), SessionKind.INTAKE, "en").id();
        vault.harbor.forms().open(vault.supervisor, s, "harbor-trafficking").answer("/data/exploitation/exploitation_types", "sexual");
        model.load();
        assertEquals(1, model.rows().size());
        DueReportsViewModel.Row row = model.rows().getFirst();
        assertTrue(row.text().contains(kase.number()), row.text());
        assertTrue(row.text().contains(vault.says("reports.countdown.left", vault.says("reports.countdown.span", 24L, "00"))), row.text());
        assertFalse(row.overdue());
        vault.clock.advance(Duration.ofHours(25));
        model.tick();
        assertTrue(model.rows().getFirst().overdue());
        assertTrue(model.rows().getFirst().text().contains(vault.says("reports.countdown.overdue", vault.says("reports.countdown.span", 1L, "00"))));
        model.open(model.rows().getFirst());
        assertEquals("case:" + kase.id(), vault.navigator.last());
        model.dispose();
        assertEquals(List.of(), model.rows());
    }
}
