package org.harbor.ui.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.harbor.Harbor;
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

@DisplayName("Issue 13: the Setup view-model gets its use case and a UiExecutor, tested without the JavaFX toolkit")
class SetupViewModelTest {

    static final String STRONG = "violet harbour compass meadow";

    @TempDir
    Path dir;
    Harbor harbor;
    RecordingNavigator navigator = new RecordingNavigator();
    SetupViewModel model;

    @BeforeEach
    void open() throws Exception {
        harbor = TestVaults.open(dir, MutableClock.atStart());
        model = new SetupViewModel(harbor.useCases().setUpVault(), harbor.i18n(), UiExecutor.direct(), navigator);
    }

    @AfterEach
    void close() {
        harbor.close();
    }

    private void type(String name, String passphrase, String again) {
        model.usernameProperty().set(name);
        model.passphraseProperty().set(passphrase);
        model.confirmationProperty().set(again);
    }

    @Test
    @DisplayName("a weak or mismatched first passphrase is refused and no vault is made")
    void refused() {
        type("sam", "short", "short");
        model.create();
        assertEquals(harbor.i18n().get("accounts.passphrase.tooShort"), model.messageProperty().get());
        type("sam", STRONG, STRONG + "!");
        model.create();
        assertEquals(harbor.i18n().get("accounts.passphrase.mismatch"), model.messageProperty().get());
        assertFalse(harbor.vault().exists());
        assertFalse(model.showingRecoveryKeyProperty().get());
    }

    @Test
    @DisplayName("creates the vault, shows the recovery key once, and goes home only when it is written down")
    void createsAndConfirms() throws Exception {
        type("sam", STRONG, STRONG);
        assertTrue(model.canCreateProperty().get());
        model.create();
        assertTrue(harbor.vault().exists());
        assertTrue(model.showingRecoveryKeyProperty().get(), model.messageProperty().get());
        String key = model.recoveryKeyProperty().get();
        assertFalse(key.isBlank());
        assertEquals(VaultKind.FIELD, harbor.accounts().vaultKind());
        var session = harbor.accounts().current().orElseThrow();
        assertFalse(harbor.accounts().recoveryKeyConfirmed(session));

        assertFalse(model.canFinishProperty().get());
        model.finish();
        assertEquals(List.of(), navigator.visits(), "not without the box ticked");
        model.keyWrittenDownProperty().set(true);
        model.finish();
        assertEquals(List.of("home"), navigator.visits());
        assertTrue(harbor.accounts().recoveryKeyConfirmed(session));
        assertEquals("", model.recoveryKeyProperty().get());
        assertEquals("", model.passphraseProperty().get());
    }

    @Test
    @DisplayName("a central-office vault is made when asked for")
    void central() throws Exception {
        type("cora", STRONG, STRONG);
        model.centralProperty().set(true);
        model.create();
        assertEquals(VaultKind.CENTRAL, harbor.accounts().vaultKind());
    }

    @Test
    @DisplayName("the language chosen before the vault exists applies at once and is remembered")
    void language() {
        model.chooseLanguage("ar");
        assertEquals("ar", harbor.i18n().locale().getLanguage());
        assertEquals(Optional.of("ar"), harbor.settings().uiLanguage());
        assertEquals("ar", model.language());
    }

    @Test
    @DisplayName("Issue 14: the recovery key is shown whole, grouped four groups a line, and joins back to the exact key")
    void recoveryKeyGrouped() {
        type("sam", STRONG, STRONG);
        model.create();
        String key = model.recoveryKeyProperty().get();
        String shown = model.groupedRecoveryKeyProperty().get();
        assertEquals(key, shown.replace("\n", ""));
        String[] lines = shown.split("\n");
        assertEquals(4, lines.length, shown.length() + " chars");
        for (String line : lines) {
            assertTrue(line.length() <= 20, "a short line");
        }
    }
}
