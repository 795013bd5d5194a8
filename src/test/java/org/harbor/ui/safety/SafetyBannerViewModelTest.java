package org.harbor.ui.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.harbor.accounts.Role;
import org.harbor.accounts.Session;
import org.harbor.cases.CaseSession;
import org.harbor.cases.SessionKind;
import org.harbor.forms.FormSession;
import org.harbor.ui.common.FieldVault;
import org.harbor.ui.emergency.EmergencyViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Issue 14, safety first: the danger banner's view-model, without the JavaFX toolkit")
class SafetyBannerViewModelTest {

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

    private SafetyBannerViewModel model(Session who, String caseId, String sessionId) {
        EmergencyViewModel contacts = new EmergencyViewModel(vault.useCases().showEmergencyContacts(), vault.harbor.i18n(), vault.ui);
        return new SafetyBannerViewModel(vault.useCases().showCaseSafety(), vault.useCases().recordSafetyAction(), contacts,
                vault.harbor.i18n(), vault.ui, who, caseId, sessionId);
    }

    @Test
    @DisplayName("a yes shows the banner with the emergency panel's contacts; an interviewer cannot lift it, a supervisor's recorded action does")
    void bannerUntilSupervisorRecords() throws Exception {
        vault.harbor.settings().setOrganisationCountry(vault.supervisor, "US");
        Session ivo = vault.signInAs("ivo", Role.INTERVIEWER);
        String caseId = vault.useCases().createCase().create(ivo, "Synthetic Child", List.of()).id();
        CaseSession intake = vault.harbor.cases().startSession(ivo, caseId, SessionKind.INTAKE, "en");
        FormSession form = vault.harbor.forms().open(ivo, intake.id(), "harbor-safety");
        SafetyBannerViewModel onForm = model(ivo, null, intake.id());
        onForm.refresh();
        assertFalse(onForm.dangerProperty().get());
        form.answer("/data/danger/danger_now", "yes");
        onForm.refresh();
        assertTrue(onForm.dangerProperty().get());
        assertFalse(onForm.contacts().contacts().isEmpty(), "the emergency panel's contacts are shown with it");
        assertFalse(onForm.mayRecord());
        onForm.actionProperty().set("Synthetic action");
        onForm.recordAction();
        assertEquals(vault.says("safety.error.supervisorOnly"), onForm.messageProperty().get());
        assertTrue(onForm.dangerProperty().get());

        Session sup = vault.signInSupervisor();
        SafetyBannerViewModel onCase = model(sup, caseId, null);
        onCase.refresh();
        assertTrue(onCase.dangerProperty().get());
        assertTrue(onCase.mayRecord());
        vault.clock.advance(Duration.ofMinutes(2));
        onCase.actionProperty().set("Synthetic action: placed in the shelter");
        onCase.recordAction();
        assertEquals(vault.says("safety.banner.recorded"), onCase.messageProperty().get());
        assertFalse(onCase.dangerProperty().get());
        assertEquals("", onCase.actionProperty().get());
        onCase.dispose();
        assertEquals("", onCase.messageProperty().get());
    }
}
