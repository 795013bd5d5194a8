package org.harbor.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.harbor.accounts.Role;
import org.harbor.accounts.Session;
import org.harbor.ui.common.FieldVault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Issue 14, mandatory reports: a supervisor picks the jurisdiction in Settings")
class JurisdictionViewModelTest {

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

    private JurisdictionViewModel model(Session who) {
        JurisdictionViewModel model = new JurisdictionViewModel(vault.useCases().chooseReportJurisdiction(), vault.harbor.i18n(),
                vault.ui, who);
        model.load();
        return model;
    }

    @Test
    @DisplayName("none at first; the shipped jurisdictions are offered with their citation; the choice is saved")
    void picksAndSaves() {
        JurisdictionViewModel model = model(vault.supervisor);
        assertEquals("", model.selectedProperty().get());
        assertEquals(List.of("", "us-federal", "uk-england-wales"), model.options());
        assertEquals(vault.says("settings.reports.none"), model.label(""));
        assertEquals(vault.says("settings.reports.jurisdiction.uk-england-wales"), model.label("uk-england-wales"));
        assertTrue(model.mayChoose());
        model.selectedProperty().set("uk-england-wales");
        assertTrue(model.citationProperty().get().contains("Modern Slavery Act 2015 s.52"), model.citationProperty().get());
        model.save();
        assertEquals(vault.says("settings.reports.saved"), model.messageProperty().get());
        assertEquals(Optional.of("uk-england-wales"), vault.useCases().chooseReportJurisdiction().current());
        assertEquals("uk-england-wales", model(vault.supervisor).selectedProperty().get());
    }

    @Test
    @DisplayName("an interviewer cannot change it")
    void interviewerCannot() throws Exception {
        Session ivo = vault.signInAs("ivo", Role.INTERVIEWER);
        JurisdictionViewModel model = model(ivo);
        assertFalse(model.mayChoose());
        model.selectedProperty().set("us-federal");
        model.save();
        assertEquals(vault.says("generic.error.notAllowed"), model.messageProperty().get());
        assertEquals(Optional.empty(), vault.useCases().chooseReportJurisdiction().current());
    }
}
