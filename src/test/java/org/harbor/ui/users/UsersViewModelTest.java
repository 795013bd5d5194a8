package org.harbor.ui.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.harbor.accounts.Role;
import org.harbor.accounts.User;
import org.harbor.ui.common.FieldVault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Issue 13: the Users view-model gets its use case and a UiExecutor, tested without the JavaFX toolkit")
class UsersViewModelTest {

    @TempDir
    Path dir;
    FieldVault vault;
    UsersViewModel model;

    @BeforeEach
    void open() throws Exception {
        vault = new FieldVault(dir);
        model = new UsersViewModel(vault.useCases().manageAccounts(), vault.harbor.i18n(), vault.ui, vault.navigator,
                vault.supervisor);
        model.refresh();
    }

    @AfterEach
    void close() {
        vault.close();
    }

    private List<String> usernames() throws Exception {
        return vault.harbor.accounts().listUsers(vault.supervisor).stream().map(User::username).toList();
    }

    private void type(String name, String passphrase, String again) {
        model.usernameProperty().set(name);
        model.roleProperty().set(Role.INTERVIEWER);
        model.passphraseProperty().set(passphrase);
        model.confirmationProperty().set(again);
    }

    @Test
    @DisplayName("lists the accounts and offers the field roles on a field vault")
    void listsAccounts() {
        assertEquals(1, model.rows().size(), model.rows().toString());
        assertTrue(model.rows().getFirst().contains("sam-supervisor"), model.rows().toString());
        assertEquals(List.of(Role.INTERVIEWER, Role.INTAKE, Role.SUPERVISOR), model.roles());
    }

    @Test
    @DisplayName("adding an account with a weak passphrase is refused with the policy's message, and no account is made")
    void weakPassphraseRefused() throws Exception {
        type("ivo", "short", "short");
        model.add();
        assertEquals(vault.says("accounts.passphrase.tooShort"), model.messageProperty().get());
        type("ivo", "password password password", "password password password");
        model.add();
        assertEquals(vault.says("accounts.passphrase.repeated"), model.messageProperty().get());
        assertEquals(List.of("sam-supervisor"), usernames());
        assertEquals("", model.passphraseProperty().get(), "the refused passphrase is not kept on screen");
    }

    @Test
    @DisplayName("two different passphrases are refused as a mismatch")
    void mismatchRefused() throws Exception {
        type("ivo", "violet harbour compass meadow", "violet harbour compass meado");
        model.add();
        assertEquals(vault.says("accounts.passphrase.mismatch"), model.messageProperty().get());
        assertEquals(List.of("sam-supervisor"), usernames());
    }

    @Test
    @DisplayName("a strong passphrase adds the account, which must change it at first log-in, and the list shows it")
    void addsAccount() throws Exception {
        type("ivo", "violet harbour compass meadow", "violet harbour compass meadow");
        assertTrue(model.canAddProperty().get());
        model.add();
        assertEquals(vault.says("users.added"), model.messageProperty().get());
        assertEquals(List.of("ivo", "sam-supervisor"), usernames().stream().sorted().toList());
        assertTrue(model.rows().stream().anyMatch(r -> r.contains("ivo") && r.contains(vault.says("users.mustChange"))),
                model.rows().toString());
        assertEquals("", model.usernameProperty().get());
        assertFalse(model.canAddProperty().get());
    }

    @Test
    @DisplayName("an interviewer's session cannot add accounts: the refusal is shown")
    void interviewerRefused() throws Exception {
        var ivo = vault.signInAs("ivo", Role.INTERVIEWER);
        UsersViewModel asInterviewer = new UsersViewModel(vault.useCases().manageAccounts(), vault.harbor.i18n(), vault.ui,
                vault.navigator, ivo);
        asInterviewer.usernameProperty().set("ines");
        asInterviewer.passphraseProperty().set("violet harbour compass meadow");
        asInterviewer.confirmationProperty().set("violet harbour compass meadow");
        asInterviewer.add();
        assertEquals(vault.says("generic.error.notAllowed"), asInterviewer.messageProperty().get());
    }

    @Test
    @DisplayName("back goes home")
    void back() {
        model.back();
        assertEquals(List.of("home"), vault.navigator.visits());
    }
}
