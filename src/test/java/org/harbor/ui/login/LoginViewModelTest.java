package org.harbor.ui.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.harbor.Harbor;
import org.harbor.accounts.AccountService;
import org.harbor.accounts.Role;
import org.harbor.accounts.Session;
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
 * Issue 13: the log-in view-model gets its use case ({@code LogIn}) and a {@link UiExecutor}, and is
 * tested without the JavaFX toolkit, on a real vault.
 */
@DisplayName("Use cases between the faces and the services: the log-in view-model calls LogIn")
class LoginViewModelTest {

    @TempDir
    Path dir;
    private Harbor harbor;
    private AccountService.Setup setup;
    private final RecordingNavigator navigator = new RecordingNavigator();
    private LoginViewModel model;

    @BeforeEach
    void setUp() throws Exception {
        harbor = TestVaults.open(dir, MutableClock.atStart());
        setup = harbor.accounts().setUp(VaultKind.FIELD, TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE);
        harbor.accounts().lock("test");
        model = new LoginViewModel(harbor.useCases().logIn(), UiExecutor.direct(), navigator, harbor.i18n());
    }

    @AfterEach
    void tearDown() {
        harbor.close();
    }

    private void logIn(String name, char[] passphrase) {
        model.usernameProperty().set(name);
        model.passphraseProperty().set(new String(passphrase));
        model.unlock();
    }

    @Test
    @DisplayName("the lock screen says why it locked: idle or hidden; a first log-in says nothing")
    void lockScreenSaysWhy() {
        assertEquals("", model.lockedWhyProperty().get());
        model.showLockedBecause(LoginViewModel.LockCause.IDLE);
        assertEquals(harbor.i18n().get("login.locked.idle"), model.lockedWhyProperty().get());
        model.showLockedBecause(LoginViewModel.LockCause.HIDDEN);
        assertEquals(harbor.i18n().get("login.locked.hidden"), model.lockedWhyProperty().get());
    }

    @Test
    @DisplayName("a recovery key shown at setup and never confirmed is replaced at log-in, and the new one is shown")
    void unconfirmedRecoveryKeyIsRotated() throws Exception {
        logIn(TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE);
        assertEquals(List.of("newRecoveryKey"), navigator.visits);
        assertNotNull(navigator.recoveryKey);
        assertNotEquals(setup.recoveryKey(), navigator.recoveryKey, "a new key, not the one shown at setup");
        assertEquals("", model.passphraseProperty().get(), "the passphrase does not stay in the field");
    }

    @Test
    @DisplayName("once the recovery key is confirmed, log-in goes home and starts the idle timer")
    void confirmedKeyGoesHome() throws Exception {
        Session first = harbor.accounts().login(TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE.clone());
        harbor.accounts().confirmRecoveryKey(first);
        harbor.settings().setIdleLockMinutes(first, 11);
        harbor.accounts().lock("test");
        logIn(TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE);
        assertEquals(List.of("home"), navigator.visits);
        assertEquals(java.time.Duration.ofMinutes(11), harbor.idleLock().timeout(), "the idle timer uses the vault's setting");
        assertTrue(harbor.accounts().current().isPresent());
    }

    @Test
    @DisplayName("a temporary passphrase goes straight to changing it, and no recovery key is rotated then")
    void temporaryPassphrase() throws Exception {
        Session supervisor = harbor.accounts().login(TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE.clone());
        harbor.accounts().addUser(supervisor, "ivo-interviewer", Role.INTERVIEWER, "temporary quartz meadow sail".toCharArray());
        harbor.accounts().lock("test");
        logIn("ivo-interviewer", "temporary quartz meadow sail".toCharArray());
        assertEquals(List.of("changePassphrase"), navigator.visits);
    }

    @Test
    @DisplayName("a wrong passphrase is told in words and goes nowhere")
    void wrongPassphrase() {
        logIn(TestVaults.SUPERVISOR, "not the passphrase at all".toCharArray());
        assertEquals(List.of(), navigator.visits);
        assertFalse(model.messageProperty().get().isBlank());
        assertFalse(harbor.accounts().current().isPresent());
    }
}
