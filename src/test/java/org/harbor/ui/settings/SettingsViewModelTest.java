package org.harbor.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
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

@DisplayName("Issue 13: the Settings view-model gets its use case and a UiExecutor, tested without the JavaFX toolkit")
class SettingsViewModelTest {

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

    private SettingsViewModel model(Session session) {
        return new SettingsViewModel(vault.useCases().saveSettings(), vault.harbor.i18n(), vault.ui, vault.navigator, session);
    }

    @Test
    @DisplayName("shows the times in force: the idle lock and the break offer read from the vault")
    void showsTimesInForce() throws Exception {
        vault.harbor.settings().setBreakOfferMinutes(vault.supervisor, 35);
        vault.harbor.idleLock().setTimeout(Duration.ofMinutes(9));
        SettingsViewModel model = model(vault.supervisor);
        assertEquals(35, model.breakMinutesProperty().get());
        assertEquals(9, model.idleMinutesProperty().get());
    }

    @Test
    @DisplayName("a supervisor saves both times; the idle lock follows at once")
    void saves() throws Exception {
        SettingsViewModel model = model(vault.supervisor);
        assertTrue(model.canChangeVaultSettings());
        model.idleMinutesProperty().set(7);
        model.breakMinutesProperty().set(30);
        model.save();
        assertEquals(vault.says("settings.saved"), model.messageProperty().get());
        assertEquals(Duration.ofMinutes(7), vault.harbor.idleLock().timeout());
        assertEquals(Duration.ofMinutes(7), vault.harbor.settings().idleLockTimeout());
        assertEquals(Duration.ofMinutes(30), vault.harbor.settings().breakOffer());
    }

    @Test
    @DisplayName("a time out of range is refused with its message, and the idle lock keeps its time")
    void outOfRange() throws Exception {
        SettingsViewModel model = model(vault.supervisor);
        Duration before = vault.harbor.idleLock().timeout();
        model.idleMinutesProperty().set(model.maxIdleMinutes() + 1);
        model.save();
        assertEquals(vault.says("settings.idleLock.range"), model.messageProperty().get());
        assertEquals(before, vault.harbor.idleLock().timeout());
    }

    @Test
    @DisplayName("an interviewer may not change the vault's times: the screen says so")
    void interviewerRefused() throws Exception {
        Session ivo = vault.signInAs("ivo", Role.INTERVIEWER);
        SettingsViewModel model = model(ivo);
        assertFalse(model.canChangeVaultSettings());
        model.idleMinutesProperty().set(3);
        model.save();
        assertEquals(vault.says("generic.error.notAllowed"), model.messageProperty().get());
        assertEquals(Duration.ofMinutes(org.harbor.accounts.IdleLock.DEFAULT_MINUTES), vault.harbor.settings().idleLockTimeout());
    }

    @Test
    @DisplayName("choosing a language applies it at once and remembers it")
    void language() {
        SettingsViewModel model = model(vault.supervisor);
        assertEquals("en", model.language());
        assertTrue(model.languages().containsAll(org.harbor.i18n.I18n.SHIPPED));
        model.chooseLanguage("es");
        assertEquals("es", vault.harbor.i18n().locale().getLanguage());
        assertEquals(Optional.of("es"), vault.harbor.settings().uiLanguage());
        model.back();
        assertEquals(List.of("home"), vault.navigator.visits());
    }
}
