package org.harbor.ui.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.harbor.accounts.Role;
import org.harbor.accounts.Session;
import org.harbor.cases.CaseSession;
import org.harbor.cases.Person;
import org.harbor.cases.PersonRole;
import org.harbor.cases.SessionKind;
import org.harbor.forms.FormDefinition;
import org.harbor.ui.common.FieldVault;
import org.harbor.usecases.UseCases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: the case screen's view-model gets its use cases ({@code OpenCase}, {@code AddPerson},
 * {@code StartCaseSession}) and a {@code UiExecutor}, not Harbor or a ScreenContext; tested without
 * the JavaFX toolkit on a real encrypted vault.
 */
@DisplayName("View-models get their use cases and a UiExecutor: the case screen's view-model")
class CaseViewModelTest {

    @TempDir
    Path dir;
    private FieldVault vault;
    private String caseId;

    @BeforeEach
    void setUp() throws Exception {
        vault = new FieldVault(dir);
        caseId = vault.harbor.cases().create(vault.supervisor, "Synthetic Survivor", List.of()).id();
    }

    @AfterEach
    void tearDown() {
        vault.close();
    }

    private CaseViewModel model(Session session, String id) {
        UseCases useCases = vault.useCases();
        return new CaseViewModel(useCases.openCase(), useCases.addPerson(), useCases.startCaseSession(), vault.ui,
                vault.navigator, vault.harbor.i18n(), session, id);
    }

    @Test
    @DisplayName("loading shows the case and its forms, built-in ones first in their order")
    void loadShowsTheCaseAndItsForms() {
        CaseViewModel model = model(vault.supervisor, caseId);
        model.load();
        assertEquals(caseId, model.detailProperty().get().summary().id());
        assertEquals("Synthetic Survivor", model.survivorName().orElseThrow());
        assertEquals("", model.messageProperty().get());
        CaseSession session = startedIntake(model);
        List<String> ids = model.formsFor(session).stream().map(FormDefinition::formId).toList();
        assertEquals(CaseViewModel.BUILT_IN_FORMS, ids.subList(0, CaseViewModel.BUILT_IN_FORMS.size()));
        // Safety first (issue 14, R3): the safety form leads.
        assertEquals(vault.says("forms.title.harbor-safety"), model.formTitle(model.formsFor(session).getFirst()));
    }

    @Test
    @DisplayName("the form buttons on the case screen show done / stopped / not started")
    void formButtonsShowDoneStoppedNotStarted() throws Exception {
        CaseViewModel model = model(vault.supervisor, caseId);
        model.load();
        CaseSession session = startedIntake(model);
        var safety = vault.harbor.forms().open(vault.supervisor, session.id(), "harbor-safety");
        safety.stop(org.harbor.forms.StopReason.OUT_OF_TIME);
        vault.harbor.forms().open(vault.supervisor, session.id(), "harbor-intake");
        model.load();
        assertEquals(vault.says("case.form.status.stopped"), model.formStatus(session, "harbor-safety"));
        assertEquals(vault.says("case.form.status.inProgress"), model.formStatus(session, "harbor-intake"));
        assertEquals(vault.says("case.form.status.notStarted"), model.formStatus(session, "harbor-consent"));
        FormDefinition consent = model.formsFor(session).stream()
                .filter(f -> f.formId().equals("harbor-consent")).findFirst().orElseThrow(); // safety is listed first
        assertTrue(model.formButtonText(session, consent).contains(vault.says("case.form.status.notStarted")));
    }

    @Test
    @DisplayName("a case that does not exist says so and shows nothing")
    void unknownCaseSaysSo() {
        CaseViewModel model = model(vault.supervisor, "no-such-case");
        model.load();
        assertNull(model.detailProperty().get());
        // The service refuses an id it does not know as it refuses one not the user's: nothing tells them apart.
        assertTrue(java.util.Set.of(vault.says("case.notFound"), vault.says("generic.error.notAllowed"))
                .contains(model.messageProperty().get()), model.messageProperty().get());
    }

    @Test
    @DisplayName("an intake worker is not offered the restricted trafficking history")
    void intakeWorkerIsNotOfferedRestrictedForms() throws Exception {
        Session intake = vault.signInAs("intake1", Role.INTAKE);
        String own = vault.harbor.cases().create(intake, "Synthetic Other", List.of()).id();
        CaseViewModel model = model(intake, own);
        model.load();
        CaseSession session = startedIntake(model);
        List<String> ids = model.formsFor(session).stream().map(FormDefinition::formId).toList();
        assertFalse(ids.contains("harbor-trafficking"), ids.toString());
        assertTrue(ids.contains("harbor-consent"), ids.toString());
        assertFalse(model.canInterview());
        assertTrue(model.canWork());
    }

    @Test
    @DisplayName("adding a person without a name is refused and adds nobody")
    void addPersonWithoutNameIsRefused() {
        CaseViewModel model = model(vault.supervisor, caseId);
        model.load();
        model.personNameProperty().set("   ");
        model.addPerson();
        assertEquals(vault.says("case.person.nameRequired"), model.messageProperty().get());
        model.load();
        assertEquals(List.of(), others(model));
    }

    @Test
    @DisplayName("adding a person stores the name, role and aliases and clears the fields")
    void addPersonStoresIt() {
        CaseViewModel model = model(vault.supervisor, caseId);
        model.load();
        model.personRoleProperty().set(PersonRole.GUARDIAN);
        model.personNameProperty().set("  Synthetic Guardian ");
        model.personAliasesProperty().set("Alias One, Alias Two");
        model.addPerson();
        List<Person> persons = others(model);
        assertEquals(1, persons.size());
        assertEquals("Synthetic Guardian", persons.getFirst().displayName());
        assertEquals(PersonRole.GUARDIAN, persons.getFirst().role());
        assertEquals(List.of("Alias One", "Alias Two"), persons.getFirst().aliases());
        assertEquals("", model.personNameProperty().get());
        assertEquals("", model.personAliasesProperty().get());
        assertEquals("", model.messageProperty().get());
    }

    @Test
    @DisplayName("starting an intake session lists it; starting an interview opens the interview")
    void startSession() {
        CaseViewModel model = model(vault.supervisor, caseId);
        model.load();
        CaseSession intake = startedIntake(model);
        assertEquals(SessionKind.INTAKE, intake.kind());
        assertFalse(vault.navigator.last().startsWith("interview:"));

        model.sessionKindProperty().set(SessionKind.INTERVIEW);
        model.sessionLanguageProperty().set("es");
        model.startSession();
        model.load();
        CaseSession interview = model.detailProperty().get().sessions().stream()
                .filter(s -> s.kind() == SessionKind.INTERVIEW).findFirst().orElseThrow();
        assertEquals("es", interview.interviewLanguage());
        assertEquals("interview:" + interview.id(), vault.navigator.last());
    }

    @Test
    @DisplayName("back goes to the case list")
    void backGoesToTheList() {
        model(vault.supervisor, caseId).back();
        assertEquals("cases", vault.navigator.last());
    }

    /** The people of the case other than the survivor. */
    private static List<Person> others(CaseViewModel model) {
        return model.detailProperty().get().persons().stream().filter(p -> p.role() != PersonRole.SURVIVOR).toList();
    }

    private static CaseSession startedIntake(CaseViewModel model) {
        model.sessionKindProperty().set(SessionKind.INTAKE);
        model.startSession();
        return model.detailProperty().get().sessions().stream().filter(s -> s.kind() == SessionKind.INTAKE)
                .findFirst().orElseThrow();
    }
}
