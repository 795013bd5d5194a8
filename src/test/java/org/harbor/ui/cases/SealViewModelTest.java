package org.harbor.ui.cases;

import org.harbor.cases.SessionKind;
import org.harbor.testing.Refusals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.harbor.Harbor;
import org.harbor.accounts.Role;
import org.harbor.accounts.Session;
import org.harbor.seal.SealKind;
import org.harbor.seal.SealStatus;
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
 * Issue 13: the seal pane's view-model gets its use cases ({@code SealCase}, {@code VerifySeals},
 * the ones {@code harbor seal} calls too) and a {@link UiExecutor}; tested without the JavaFX toolkit.
 */
@DisplayName("Use cases between the faces and the services: the seal pane has a view-model that calls SealCase")
class SealViewModelTest {

    @TempDir
    Path dir;
    private Harbor harbor;
    private Session supervisor;
    private String caseId;
    private final AtomicInteger sealed = new AtomicInteger();
    private SealViewModel model;

    @BeforeEach
    void setUp() throws Exception {
        harbor = TestVaults.open(dir, MutableClock.atStart());
        supervisor = harbor.accounts().setUp(VaultKind.FIELD, TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE).session();
        caseId = harbor.cases().create(supervisor, "Synthetic Person", List.of()).id();
        model = model(supervisor);
        model.load();
    }

    private SealViewModel model(Session session) {
        return new SealViewModel(harbor.useCases().sealCase(), harbor.useCases().verifySeals(), UiExecutor.direct(), harbor.i18n(),
                session, caseId, sealed::incrementAndGet);
    }

    @AfterEach
    void tearDown() {
        harbor.close();
    }

    @Test
    @DisplayName("an unsealed case shows no seal and may be sealed")
    void unsealed() {
        assertEquals(List.of(), model.sealsProperty().get());
        assertFalse(model.caseSealedProperty().get());
        assertTrue(model.maySeal());
    }

    /** Gives the case something to seal: a safety form started (and left) in an intake session. */
    private void startSafetyForm() {
        String sessionId = harbor.cases().startSession(supervisor, caseId, SessionKind.INTAKE, "en").id();
        harbor.forms().open(supervisor, sessionId, "harbor-safety");
    }

    /** What the seal dialog does: asks what is incomplete, then the user types the case number. */
    private void confirm() {
        model.askToSeal();
        model.typedProperty().set(model.readinessProperty().get().caseNumber());
        model.sealCase();
    }

    @Test
    @DisplayName("Sealing lists what is incomplete: forms not started or stopped, consents missing, required questions unanswered")
    void sealingListsWhatIsIncomplete() {
        startSafetyForm();
        model.askToSeal();
        assertFalse(model.readinessProperty().get().empty());
        assertEquals(List.of(
                harbor.i18n().get("seal.dialog.gap.formNotStarted", harbor.i18n().get("forms.title.harbor-consent")),
                harbor.i18n().get("seal.dialog.gap.formNotStarted", harbor.i18n().get("forms.title.harbor-intake")),
                harbor.i18n().get("seal.dialog.gap.formUnfinished", harbor.i18n().get("forms.title.harbor-safety")),
                harbor.i18n().get("seal.dialog.gap.consentMissing", harbor.i18n().get("consent.purpose.services"))),
                model.gapTexts());
    }

    @Test
    @DisplayName("Sealing needs a typed confirmation: the case number typed exactly, nothing sealed before")
    void sealingNeedsTypedConfirmation() {
        startSafetyForm();
        model.askToSeal();
        assertFalse(model.confirmableProperty().get());
        model.sealCase();
        model.typedProperty().set("HB-wrong");
        assertFalse(model.confirmableProperty().get());
        model.sealCase();
        assertEquals(0, sealed.get(), "nothing is sealed without the case number");
        assertFalse(model.caseSealedProperty().get());
        model.typedProperty().set(" " + model.readinessProperty().get().caseNumber() + " ");
        assertTrue(model.confirmableProperty().get());
        model.sealCase();
        assertEquals(1, sealed.get());
        assertTrue(model.caseSealedProperty().get());
    }

    @Test
    @DisplayName("An empty case cannot be sealed: the dialog offers no confirmation and the use case refuses it")
    void emptyCaseCannotBeSealed() {
        model.askToSeal();
        assertTrue(model.readinessProperty().get().empty());
        model.typedProperty().set(model.readinessProperty().get().caseNumber());
        assertFalse(model.confirmableProperty().get());
        Refusals.assertRefused("seal.error.emptyCase",
                () -> harbor.useCases().sealCase().sealCase(supervisor, caseId));
        assertEquals(0, sealed.get());
    }

    @Test
    @DisplayName("sealing shows the case seal, tells the case view, and is not offered twice; checking again verifies it")
    void sealAndVerify() throws Exception {
        startSafetyForm();
        confirm();
        assertEquals(1, sealed.get(), "the case view reloads once");
        assertTrue(model.caseSealedProperty().get());
        List<SealStatus> seals = model.sealsProperty().get();
        assertEquals(1, seals.size());
        assertEquals(SealKind.CASE, seals.getFirst().kind());
        model.verify();
        assertTrue(model.sealsProperty().get().getFirst().verified());
        assertEquals("sealed", harbor.cases().open(supervisor, caseId).orElseThrow().summary().status().code());
    }

    @Test
    @DisplayName("sealing twice is not offered, and the case view is not told again")
    void sealTwice() {
        startSafetyForm();
        confirm();
        model.askToSeal();
        model.typedProperty().set(model.readinessProperty().get().caseNumber());
        assertFalse(model.confirmableProperty().get());
        model.sealCase();
        assertEquals(1, sealed.get());
        Refusals.assertRefused("seal.error.alreadySealed",
                () -> harbor.useCases().sealCase().sealCase(supervisor, caseId));
    }

    @Test
    @DisplayName("an account that may not seal is not offered the action")
    void intakeMayNotSeal() throws Exception {
        harbor.accounts().addUser(supervisor, "ines-intake", Role.INTAKE, "temporary quartz meadow sail".toCharArray());
        harbor.accounts().lock("test");
        Session intake = harbor.accounts().login("ines-intake", "temporary quartz meadow sail".toCharArray());
        assertFalse(model(intake).maySeal());
    }
}
