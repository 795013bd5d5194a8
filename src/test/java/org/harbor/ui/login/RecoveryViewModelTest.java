package org.harbor.ui.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.harbor.crypto.RecoveryKey;
import org.harbor.crypto.SecretKey;
import org.harbor.testing.TestVaults;
import org.harbor.ui.common.FieldVault;
import org.harbor.vault.UnlockThrottle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Issue 13: the Recovery view-model gets its use case and a UiExecutor, tested without the JavaFX toolkit")
class RecoveryViewModelTest {

    static final String NEW = "copper kettle window harvest";

    @TempDir
    Path dir;
    FieldVault vault;
    RecoveryViewModel model;

    @BeforeEach
    void open() throws Exception {
        vault = new FieldVault(dir);
        vault.harbor.accounts().lock("forgot");
        model = new RecoveryViewModel(vault.useCases().recoverWithKey(), vault.harbor.i18n(), vault.ui, vault.navigator);
    }

    @AfterEach
    void close() {
        vault.close();
    }

    private void type(String key, String passphrase, String again) {
        model.recoveryKeyProperty().set(key);
        model.usernameProperty().set(TestVaults.SUPERVISOR);
        model.passphraseProperty().set(passphrase);
        model.confirmationProperty().set(again);
    }

    private static String wrongKey() {
        try (SecretKey other = SecretKey.random()) {
            return RecoveryKey.format(other);
        }
    }

    @Test
    @DisplayName("a wrong recovery key is refused and counted: after the free attempts even the right key must wait")
    void wrongKeyRefusedAndCounted() {
        for (int i = 0; i < UnlockThrottle.FREE_ATTEMPTS; i++) {
            type(wrongKey(), NEW, NEW);
            model.reset();
            assertEquals(vault.says("vault.error.wrongRecoveryKey"), model.messageProperty().get(), "attempt " + (i + 1));
        }
        type(vault.recoveryKey, NEW, NEW);
        model.reset();
        assertEquals(vault.says("vault.error.throttled", 30), model.messageProperty().get());
        assertEquals(List.of(), vault.navigator.visits());
        assertTrue(vault.harbor.accounts().current().isEmpty());
    }

    @Test
    @DisplayName("a mismatched or weak new passphrase is refused before the key is tried, and is not counted")
    void policyBeforeKey() throws Exception {
        for (int i = 0; i <= UnlockThrottle.FREE_ATTEMPTS; i++) {
            type(wrongKey(), NEW, NEW + "x");
            model.reset();
            assertEquals(vault.says("accounts.passphrase.mismatch"), model.messageProperty().get());
            type(wrongKey(), "short", "short");
            model.reset();
            assertEquals(vault.says("accounts.passphrase.tooShort"), model.messageProperty().get());
        }
        type(vault.recoveryKey, NEW, NEW);
        model.reset();
        assertEquals(List.of("home"), vault.navigator.visits(), model.messageProperty().get());
    }

    @Test
    @DisplayName("the right key sets the new passphrase, signs in and goes home; the fields are emptied")
    void rightKey() throws Exception {
        type(vault.recoveryKey, NEW, NEW);
        assertTrue(model.canResetProperty().get());
        model.reset();
        assertEquals(List.of("home"), vault.navigator.visits(), model.messageProperty().get());
        assertTrue(vault.harbor.accounts().current().isPresent());
        assertEquals("", model.recoveryKeyProperty().get());
        assertEquals("", model.passphraseProperty().get());
        vault.harbor.accounts().lock("test");
        vault.harbor.accounts().login(TestVaults.SUPERVISOR, NEW.toCharArray());
    }

    @Test
    @DisplayName("back goes to the log-in screen")
    void back() {
        model.back();
        assertEquals(List.of("login"), vault.navigator.visits());
    }
}
