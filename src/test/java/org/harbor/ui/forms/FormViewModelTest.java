package org.harbor.ui.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.harbor.Harbor;
import org.harbor.accounts.Session;
import org.harbor.cases.SessionKind;
import org.harbor.consent.Consent;
import org.harbor.consent.ConsentPurpose;
import org.harbor.forms.QuestionKind;
import org.harbor.forms.StopReason;
import org.harbor.testing.ConsentFormAnswers;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.harbor.ui.common.RecordingNavigator;
import org.harbor.ui.common.UiExecutor;
import org.harbor.vault.VaultKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: the form view-model gets its use cases ({@code OpenForm}, {@code CompleteForm}) and a
 * {@link UiExecutor}, and is tested without the JavaFX toolkit, on a real vault and the real
 * built-in consent form.
 */
@DisplayName("Use cases between the faces and the services: the form view-model completes forms through CompleteForm")
class FormViewModelTest {

    @TempDir
    Path dir;
    private Harbor harbor;
    private Session supervisor;
    private String caseId;
    private String sessionId;
    private final RecordingNavigator navigator = new RecordingNavigator();

    @BeforeEach
    void setUp() throws Exception {
        harbor = TestVaults.open(dir, MutableClock.atStart());
        supervisor = harbor.accounts().setUp(VaultKind.FIELD, TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE).session();
        caseId = harbor.cases().create(supervisor, "Synthetic Person", List.of()).id();
        sessionId = harbor.cases().startSession(supervisor, caseId, SessionKind.INTAKE, "en").id();
    }

    @AfterEach
    void tearDown() {
        harbor.close();
    }

    private FormViewModel model(String formId) {
        FormViewModel model = new FormViewModel(harbor.useCases().openForm(), harbor.useCases().completeForm(), UiExecutor.direct(),
                navigator, harbor.i18n(), supervisor, sessionId, formId);
        model.open();
        return model;
    }

    @Test
    @DisplayName("'section x of y' is shown for the page's section; Hide hides and locks through the navigator")
    void sectionXOfYAndHide() {
        FormViewModel model = model("harbor-intake");
        var page = model.pageProperty().get();
        assertTrue(page.sections().size() > 1, "the intake form has sections");
        String expected = harbor.i18n().get("forms.progress", page.currentSection() + 1, page.sections().size());
        assertEquals(expected, model.progressText(page));
        model.next();
        var second = model.pageProperty().get();
        assertEquals(harbor.i18n().get("forms.progress", second.currentSection() + 1, second.sections().size()),
                model.progressText(second));
        assertEquals("", model.progressText(null));
        model.hide();
        assertEquals("quickHide", navigator.last());
    }

    @Test
    @DisplayName("ask once: the intake name is prefilled from the name given when the case was opened")
    void intakeNamePrefilledFromOpeningName() {
        FormViewModel model = model("harbor-intake");
        org.harbor.forms.PageQuestion name = null;
        for (int i = 0; i < 4 && name == null; i++) {
            name = model.pageProperty().get().questions().stream().filter(q -> q.id().equals("/data/names/name"))
                    .findFirst().orElse(null);
            if (name == null) {
                model.next();
            }
        }
        assertNotNull(name, "the name question");
        assertEquals("Synthetic Person", name.value());
        assertNotNull(name.prefill(), "shown as recorded before");
        assertTrue(model.prefillText(name.prefill()).contains(harbor.i18n().get("forms.role.caseOpened")),
                model.prefillText(name.prefill()));
    }

    @Test
    @DisplayName("completing the consent form in the form window records one consent per purpose decided")
    void completedConsentFormRecordsConsents() throws Exception {
        FormViewModel model = model("harbor-consent");
        assertEquals(FormViewModel.State.FILLING, model.stateProperty().get());
        assertNotNull(model.pageProperty().get());
        ConsentFormAnswers.servicesOnly().forEach((path, value) -> model.answer(path, QuestionKind.SELECT_ONE, value));
        assertEquals("", model.messageProperty().get());
        model.complete();
        assertEquals(FormViewModel.State.COMPLETE, model.stateProperty().get(), "the form ended");
        List<Consent> consents = harbor.consents().list(supervisor, caseId);
        assertEquals(5, consents.size(), "services, law enforcement, national referral, research and recording");
        assertTrue(consents.stream().anyMatch(c -> c.scope().purpose() == ConsentPurpose.SERVICES && c.grant().given()));
    }

    @Test
    @DisplayName("completing with a required question open stays on the form, shows it, and records no consent")
    void incompleteFormStays() throws Exception {
        FormViewModel model = model("harbor-consent");
        model.answer("/data/intro/intro_ack", QuestionKind.ACKNOWLEDGE, "OK");
        model.complete();
        assertEquals(FormViewModel.State.FILLING, model.stateProperty().get());
        assertTrue(model.pageProperty().get().questions().stream().anyMatch(q -> q.problem() != null),
                "the page shows the question still open");
        assertEquals(List.of(), harbor.consents().list(supervisor, caseId));
    }

    @Test
    @DisplayName("stopping a form for a reason goes back to its case")
    void stopGoesToCase() {
        FormViewModel model = model("harbor-consent");
        model.stop(StopReason.SURVIVOR_ASKED);
        assertEquals(List.of("case:" + caseId), navigator.visits);
    }

    @Test
    @DisplayName("a form that cannot be opened is told in words")
    void unknownForm() {
        FormViewModel model = model("no-such-form");
        assertEquals(FormViewModel.State.FAILED, model.stateProperty().get());
        assertTrue(!model.messageProperty().get().isBlank());
    }
}
