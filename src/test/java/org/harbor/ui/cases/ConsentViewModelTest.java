package org.harbor.ui.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.harbor.Harbor;
import org.harbor.accounts.Session;
import org.harbor.consent.Consent;
import org.harbor.consent.ConsentPurpose;
import org.harbor.consent.ConsentScope;
import org.harbor.consent.ConsentStatus;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.harbor.ui.common.UiExecutor;
import org.harbor.vault.VaultKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: the consent pane's view-model gets its use case ({@code RecordConsent}, the one
 * {@code harbor consent} calls too) and a {@link UiExecutor}; tested without the JavaFX toolkit.
 */
@DisplayName("Use cases between the faces and the services: the consent pane has a view-model that calls RecordConsent")
class ConsentViewModelTest {

    @TempDir
    Path dir;
    private Harbor harbor;
    private Session supervisor;
    private String caseId;
    private ConsentViewModel model;

    @BeforeEach
    void setUp() throws Exception {
        harbor = TestVaults.open(dir, MutableClock.atStart());
        supervisor = harbor.accounts().setUp(VaultKind.FIELD, TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE).session();
        caseId = harbor.cases().create(supervisor, "Synthetic Person", List.of()).id();
        model = new ConsentViewModel(harbor.useCases().recordConsent(), UiExecutor.direct(), harbor.i18n(), supervisor, caseId);
        model.refresh();
    }

    @AfterEach
    void tearDown() {
        harbor.close();
    }

    @Test
    @DisplayName("loads where the case's consent stands; a person of unknown age is treated as a child (R19)")
    void loads() {
        assertEquals(List.of(), model.overviewProperty().get().consents());
        assertTrue(model.childProperty().get(), "a child unless recorded otherwise");
        assertEquals("English", model.languageProperty().get(), "explained in the display language unless changed");
    }

    @Test
    @DisplayName("a consent answered 'prefer not to say' or 'don't know' appears in the consent summary (the child's assent, a purpose)")
    void unansweredConsentAppearsInSummary() throws Exception {
        String session = harbor.cases().startSession(supervisor, caseId, org.harbor.cases.SessionKind.INTAKE, "en").id();
        org.harbor.forms.FormSession form = harbor.forms().open(supervisor, session, "harbor-consent");
        for (var answer : org.harbor.testing.ConsentFormAnswers.servicesOnly().entrySet()) {
            if (answer.getKey().equals("/data/who/assent")) {
                form.markNonResponse(answer.getKey(), org.harbor.forms.NonResponse.DECLINED, null); // prefer not to say
            } else {
                form.answer(answer.getKey(), answer.getValue());
            }
        }
        harbor.useCases().completeForm().complete(supervisor, form);
        model.refresh();
        var unanswered = model.overviewProperty().get().unanswered();
        assertEquals(java.util.Map.of(org.harbor.forms.ConsentFromForm.ASSENT_SUBJECT, org.harbor.forms.NonResponse.DECLINED),
                unanswered, "the child's assent answered 'prefer not to say' is in the summary");
        assertEquals(harbor.i18n().get("consent.pane.unanswered", harbor.i18n().get("consent.pane.assentSubject"),
                harbor.i18n().get("forms.nonResponse.declined")),
                model.unansweredText(org.harbor.forms.ConsentFromForm.ASSENT_SUBJECT, org.harbor.forms.NonResponse.DECLINED));
        assertEquals(harbor.i18n().get("consent.pane.unanswered", harbor.i18n().get("consent.purpose.research"),
                harbor.i18n().get("forms.nonResponse.dontKnow")),
                model.unansweredText("research", org.harbor.forms.NonResponse.DONT_KNOW));
    }

    @Test
    @DisplayName("records an adult's decision from the fields, clears the one-off fields, and shows the new status")
    void recordsDecision() throws Exception {
        model.childProperty().set(false);
        model.methodProperty().set(org.harbor.consent.ConsentMethod.WRITTEN);
        model.interpreterProperty().set("Synthetic Interpreter");
        model.record();
        assertEquals("", model.messageProperty().get());
        assertEquals(ConsentStatus.GIVEN, model.overviewProperty().get().statuses().get(ConsentScope.of(ConsentPurpose.SERVICES)));
        assertEquals("", model.interpreterProperty().get(), "cleared for the next decision");
        Consent stored = harbor.consents().list(supervisor, caseId).getFirst();
        assertEquals("Synthetic Interpreter", stored.grant().interpreter());
        assertEquals(org.harbor.consent.ConsentMethod.WRITTEN, stored.grant().method());
    }

    @Test
    @DisplayName("a child's 'no' ticked on the pane is recorded as the child's assent")
    void childSaidNo() throws Exception {
        model.purposeProperty().set(ConsentPurpose.RESEARCH);
        model.childSaidNoProperty().set(true);
        model.guardianProperty().set("Synthetic Guardian");
        model.record();
        Consent stored = harbor.consents().list(supervisor, caseId).getFirst();
        assertEquals(org.harbor.consent.ChildAssent.NO, stored.grant().childAssent());
        assertTrue(stored.grant().assent(), "the survivor's word is a child's assent");
    }

    @Test
    @DisplayName("a referral without an organisation is incomplete: told at once, nothing recorded")
    void incompleteDecision() throws Exception {
        model.purposeProperty().set(ConsentPurpose.REFERRAL);
        model.record();
        assertEquals(harbor.i18n().get("consent.pane.incomplete"), model.messageProperty().get());
        assertEquals(List.of(), harbor.consents().list(supervisor, caseId));
    }

    @Test
    @DisplayName("revoking needs a reason; with one, the consent is revoked")
    void revoke() throws Exception {
        model.childProperty().set(false);
        model.record();
        Consent given = model.overviewProperty().get().consents().getFirst();
        assertFalse(model.revoke(given), "no reason typed");
        assertEquals(harbor.i18n().get("consent.pane.reasonNeeded"), model.messageProperty().get());
        model.revokeReasonProperty().set("Synthetic reason");
        assertTrue(model.revoke(given));
        assertEquals(ConsentStatus.REVOKED, harbor.consents().list(supervisor, caseId).getFirst().state());
        assertEquals(ConsentStatus.REVOKED, model.overviewProperty().get().statuses().get(ConsentScope.of(ConsentPurpose.SERVICES)));
        assertEquals("", model.revokeReasonProperty().get());
    }

    @Test
    @DisplayName("purposes the case's answers serve without consent are flagged")
    void unconsentedFlagged() throws Exception {
        String intake = harbor.cases().startSession(supervisor, caseId, org.harbor.cases.SessionKind.INTAKE, "en").id();
        harbor.forms().open(supervisor, intake, "harbor-intake").answer("/data/origin/nationality", "Synthetic");
        model.refresh();
        assertTrue(model.overviewProperty().get().unconsented().contains(ConsentPurpose.SERVICES),
                String.valueOf(model.overviewProperty().get().unconsented()));
    }
}
