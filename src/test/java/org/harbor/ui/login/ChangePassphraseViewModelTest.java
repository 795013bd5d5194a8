package org.harbor.ui.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.harbor.accounts.Role;
import org.harbor.accounts.Session;
import org.harbor.testing.TestVaults;
import org.harbor.ui.common.FieldVault;
import org.harbor.vault.WrongPassphrase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Issue 13: the ChangePassphrase view-model gets its use case and a UiExecutor, tested without the JavaFX toolkit")
class ChangePassphraseViewModelTest {

    static final String CURRENT = new String(TestVaults.SUPERVISOR_PASSPHRASE);
    static final String NEW = "copper kettle window harvest";

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

    private ChangePassphraseViewModel model(Session session) {
        return new ChangePassphraseViewModel(vault.useCases().changePassphrase(), vault.harbor.i18n(), vault.ui,
                vault.navigator, session);
    }

    private static void type(ChangePassphraseViewModel model, String current, String next, String again) {
        model.currentProperty().set(current);
        model.passphraseProperty().set(next);
        model.confirmationProperty().set(again);
    }

    private void stillOpensWith(String passphrase) throws Exception {
        vault.harbor.accounts().lock("test");
        vault.harbor.accounts().login(TestVaults.SUPERVISOR, passphrase.toCharArray());
    }

    @Test
    @DisplayName("two different new passphrases are refused as a mismatch; the old passphrase still opens")
    void mismatch() throws Exception {
        ChangePassphraseViewModel model = model(vault.supervisor);
        type(model, CURRENT, NEW, NEW + " again");
        model.save();
        assertEquals(vault.says("accounts.passphrase.mismatch"), model.messageProperty().get());
        assertEquals(List.of(), vault.navigator.visits());
        stillOpensWith(CURRENT);
    }

    @Test
    @DisplayName("a weak new passphrase (a pattern, the user name, too short) is refused with the policy's message")
    void weak() throws Exception {
        ChangePassphraseViewModel model = model(vault.supervisor);
        type(model, CURRENT, "abcdefghijkl", "abcdefghijkl");
        model.save();
        assertEquals(vault.says("accounts.passphrase.repeated"), model.messageProperty().get());
        type(model, CURRENT, TestVaults.SUPERVISOR, TestVaults.SUPERVISOR);
        model.save();
        assertEquals(vault.says("accounts.passphrase.sameAsName"), model.messageProperty().get());
        type(model, CURRENT, "short", "short");
        model.save();
        assertEquals(vault.says("accounts.passphrase.tooShort"), model.messageProperty().get());
        assertEquals(List.of(), vault.navigator.visits());
        stillOpensWith(CURRENT);
    }

    @Test
    @DisplayName("a wrong current passphrase is refused")
    void wrongCurrent() throws Exception {
        ChangePassphraseViewModel model = model(vault.supervisor);
        type(model, "not the passphrase at all", NEW, NEW);
        model.save();
        assertEquals(vault.says("vault.error.wrongPassphrase"), model.messageProperty().get());
        assertEquals(List.of(), vault.navigator.visits());
        stillOpensWith(CURRENT);
    }

    @Test
    @DisplayName("a strong new passphrase is saved and goes home; only the new one opens the vault")
    void ok() throws Exception {
        ChangePassphraseViewModel model = model(vault.supervisor);
        type(model, CURRENT, NEW, NEW);
        assertTrue(model.canSaveProperty().get());
        model.save();
        assertEquals(List.of("home"), vault.navigator.visits(), model.messageProperty().get());
        assertEquals("", model.currentProperty().get());
        assertEquals("", model.passphraseProperty().get());
        vault.harbor.accounts().lock("test");
        assertThrows(WrongPassphrase.class,
                () -> vault.harbor.accounts().login(TestVaults.SUPERVISOR, CURRENT.toCharArray()));
        stillOpensWith(NEW);
    }

    @Test
    @DisplayName("after a temporary passphrase the change is forced: cancelling locks instead of going home")
    void forced() throws Exception {
        vault.harbor.accounts().addUser(vault.supervisor, "ivo", Role.INTERVIEWER, "temporary pass phrase words".toCharArray());
        vault.harbor.accounts().lock("switch");
        Session temporary = vault.harbor.accounts().login("ivo", "temporary pass phrase words".toCharArray());
        ChangePassphraseViewModel model = model(temporary);
        assertTrue(model.forced());
        model.cancel();
        assertEquals(List.of("lock"), vault.navigator.visits());
        assertFalse(model(vault.supervisor).forced());
    }
}
