package org.harbor.ui.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.harbor.accounts.Role;
import org.harbor.accounts.Session;
import org.harbor.cases.SessionKind;
import org.harbor.ui.common.FieldVault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Issue 14, mandatory reports: the case checklist's view-model, without the JavaFX toolkit")
class ReportChecklistViewModelTest {

    @TempDir
    Path dir;
    FieldVault vault;
    String caseId;

    @BeforeEach
    void open() throws Exception {
        vault = new FieldVault(dir);
        vault.useCases().chooseReportJurisdiction().choose(vault.supervisor, "us-federal");
        caseId = vault.useCases().createCase().create(vault.supervisor, "Synthetic Child", List.of()).id();
    }

    @AfterEach
    void close() {
        vault.close();
    }

    private ReportChecklistViewModel model(Session who) {
        return new ReportChecklistViewModel(vault.useCases().showCaseSafety(), vault.useCases().logMandatoryReport(),
                vault.harbor.i18n(), vault.ui, who, caseId, ZoneOffset.UTC);
    }

    private void indicator() {
        String s = vault.harbor.cases().startSession(vault.supervisor, caseId, SessionKind.INTAKE, "en").id();
        vault.harbor.forms().open(vault.supervisor, s, "harbor-trafficking").answer("/data/control/control_methods", "threats");
    }

    @Test
    @DisplayName("no checklist while the case triggers no rule")
    void hiddenUntilTriggered() {
        ReportChecklistViewModel model = model(vault.supervisor);
        model.load();
        assertNull(model.dueProperty().get());
        assertEquals("", model.countdownProperty().get());
    }

    @Test
    @DisplayName("a checklist with a countdown, red for a supervisor once overdue, and the report logged")
    void countdownOverdueAndLogged() throws Exception {
        indicator();
        ReportChecklistViewModel model = model(vault.supervisor);
        model.load();
        assertEquals("us-federal-24h", model.dueProperty().get().rule().id());
        assertEquals(3, model.steps(model.dueProperty().get().rule()).size());
        assertTrue(model.citation(model.dueProperty().get().rule()).contains("671(a)(34)(A)"));
        assertEquals(vault.says("reports.countdown.left", vault.says("reports.countdown.span", 24L, "00")), model.countdownProperty().get());
        vault.clock.advance(Duration.ofHours(20).plusMinutes(30));
        model.tick();
        assertEquals(vault.says("reports.countdown.left", vault.says("reports.countdown.span", 3L, "30")), model.countdownProperty().get());
        assertFalse(model.overdueProperty().get());
        vault.clock.advance(Duration.ofHours(5));
        model.tick();
        assertEquals(vault.says("reports.countdown.overdue", vault.says("reports.countdown.span", 1L, "30")), model.countdownProperty().get());
        assertTrue(model.overdueProperty().get(), "overdue shows in red to a supervisor");

        model.madeAtProperty().set("not a time");
        model.logReport();
        assertEquals(vault.says("reports.error.when"), model.messageProperty().get());
        model.madeAtProperty().set(ReportChecklistViewModel.WHEN.format(vault.clock.instant().atOffset(ZoneOffset.UTC).minusHours(1)));
        model.madeToProperty().set("Synthetic Police Department");
        model.referenceProperty().set("SYN-1");
        model.logReport();
        assertEquals(vault.says("reports.logged"), model.messageProperty().get());
        assertTrue(model.dueProperty().get().done());
        assertEquals(vault.says("reports.countdown.done"), model.countdownProperty().get());
        assertFalse(model.overdueProperty().get());
        assertEquals(1, model.made(model.dueProperty().get()).size());
        assertTrue(model.made(model.dueProperty().get()).getFirst().contains("Synthetic Police Department"));
    }

    @Test
    @DisplayName("an overdue report is red to supervisors only; an intake worker sees the countdown without red")
    void redOnlyForSupervisors() throws Exception {
        Session intake = vault.signInAs("ina", Role.INTAKE);
        caseId = vault.useCases().createCase().create(intake, "Synthetic Child B", List.of()).id();
        String s = vault.harbor.cases().startSession(intake, caseId, SessionKind.INTAKE, "en").id();
        vault.harbor.forms().open(intake, s, "harbor-safety").answer("/data/danger/danger_now", "no");
        Session sup = vault.signInSupervisor();
        indicator();
        vault.clock.advance(Duration.ofHours(30));
        ReportChecklistViewModel forSupervisor = model(sup);
        forSupervisor.load();
        assertTrue(forSupervisor.overdueProperty().get());
        Session again = vault.signInAs("ina2", Role.INTAKE);
        assertFalse(vault.useCases().showCaseSafety().seesOverdue(again), "an intake worker sees the countdown, not the red");
    }
}
