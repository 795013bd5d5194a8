package org.harbor.ui.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.harbor.accounts.Role;
import org.harbor.accounts.Session;
import org.harbor.accounts.User;
import org.harbor.cases.CaseQuery;
import org.harbor.cases.CaseSummary;
import org.harbor.ui.common.FieldVault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Issue 13: the case-list view-model gets its use cases and a UiExecutor, tested without the JavaFX toolkit")
class CaseListViewModelTest {

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

    private CaseListViewModel model(Session session) {
        return new CaseListViewModel(vault.useCases().findCases(), vault.useCases().createCase(), vault.harbor.i18n(), vault.ui,
                vault.navigator, session);
    }

    private List<CaseSummary> allCases() throws Exception {
        return vault.harbor.cases().list(vault.supervisor, CaseQuery.all());
    }

    @Test
    @DisplayName("a fresh vault shows an empty-state message on the case list, not 'No cases match.'")
    void freshVaultEmptyState() throws Exception {
        CaseListViewModel model = model(vault.supervisor);
        model.refresh();
        assertEquals(vault.says("cases.empty"), model.countText().orElseThrow());
        model.searchProperty().set("Synthetic");
        model.refresh();
        assertEquals(vault.says("cases.none"), model.countText().orElseThrow(), "a search that finds nothing says so");
    }

    @Test
    @DisplayName("a new case is opened with the survivor's name and aliases, and starts with the safety form (issue 14, safety first)")
    void creates() throws Exception {
        CaseListViewModel model = model(vault.supervisor);
        assertTrue(model.canCreate());
        model.newNameProperty().set("  Synthetic Child  ");
        model.newAliasesProperty().set("Syn; Chi,\n");
        model.create();
        List<CaseSummary> cases = allCases();
        assertEquals(1, cases.size(), model.messageProperty().get());
        assertEquals("Synthetic Child", cases.getFirst().survivorName());
        String intake = vault.harbor.cases().open(vault.supervisor, cases.getFirst().id()).orElseThrow().sessions().getFirst().id();
        assertEquals(List.of("form:" + intake + ":harbor-safety"), vault.navigator.visits());
        assertEquals("", model.newNameProperty().get());
        assertEquals("", model.newAliasesProperty().get());
    }

    @Test
    @DisplayName("a name longer than 200 characters is refused with its message and no case is opened")
    void tooLongName() throws Exception {
        CaseListViewModel model = model(vault.supervisor);
        model.newNameProperty().set("x".repeat(201));
        model.create();
        assertEquals(vault.says("cases.new.nameTooLong"), model.messageProperty().get());
        assertEquals(List.of(), allCases());
        assertEquals(List.of(), vault.navigator.visits());
    }

    @Test
    @DisplayName("lists the cases with their total, and search words narrow the list")
    void listsAndSearches() throws Exception {
        for (String name : List.of("Synthetic Alpha", "Synthetic Beta", "Other Gamma")) {
            vault.harbor.cases().create(vault.supervisor, name, List.of());
        }
        CaseListViewModel model = model(vault.supervisor);
        model.refresh();
        assertEquals(3, model.rows().size());
        assertEquals(3, model.totalProperty().get());
        assertFalse(model.hasMore());
        assertEquals(vault.says("cases.count", 3, 3), model.countText().orElseThrow());
        model.searchProperty().set("Gamma");
        model.refresh();
        assertEquals(List.of("Other Gamma"), model.rows().stream().map(CaseSummary::survivorName).toList());
        assertEquals(1, model.totalProperty().get());
        model.open(model.rows().getFirst());
        assertEquals(List.of("case:" + model.rows().getFirst().id()), vault.navigator.visits());
    }

    @Test
    @DisplayName("a supervisor narrows the list to one worker's cases; an interviewer is not offered the filter")
    void workerFilter() throws Exception {
        Session ivo = vault.signInAs("ivo", Role.INTERVIEWER);
        vault.harbor.cases().create(ivo, "Synthetic Ivo Case", List.of());
        Session supervisor = vault.signInSupervisor();
        vault.harbor.cases().create(supervisor, "Synthetic Own Case", List.of());

        assertFalse(model(ivo).canFilterByWorker());
        CaseListViewModel model = model(supervisor);
        assertTrue(model.canFilterByWorker());
        model.loadWorkers();
        User worker = model.workers().stream().filter(u -> u.username().equals("ivo")).findFirst().orElseThrow();
        model.workerProperty().set(worker);
        model.refresh();
        assertEquals(List.of("Synthetic Ivo Case"), model.rows().stream().map(CaseSummary::survivorName).toList());
    }

    @Test
    @DisplayName("the list is emptied when the screen goes away")
    void dispose() throws Exception {
        vault.harbor.cases().create(vault.supervisor, "Synthetic Alpha", List.of());
        CaseListViewModel model = model(vault.supervisor);
        model.refresh();
        model.newNameProperty().set("typed");
        model.dispose();
        assertTrue(model.rows().isEmpty());
        assertEquals("", model.newNameProperty().get());
    }
}
