package org.harbor.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.harbor.Harbor;
import org.harbor.i18n.Refusal;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.harbor.vault.VaultKind;
import org.harbor.vault.WrongPassphrase;
import org.harbor.vault.WrongRecoveryKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Accounts")
class AccountServiceTest {

    static final char[] TEMP = "temporary words for intake".toCharArray();
    static final char[] OWN = "my own chosen passphrase".toCharArray();

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.atStart();
    Harbor harbor;
    AccountService accounts;
    Session supervisor;

    @BeforeEach
    void setUp() throws Exception {
        harbor = TestVaults.open(dir, clock);
        accounts = harbor.accounts();
        supervisor = accounts.setUp(VaultKind.FIELD, TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE).session();
    }

    @AfterEach
    void tearDown() {
        harbor.close();
    }

    private Session intakeSession() throws Exception {
        accounts.addUser(supervisor, "ines-intake", Role.INTAKE, TEMP);
        accounts.lock("test");
        Session first = accounts.login("ines-intake", TEMP);
        accounts.changePassphrase(first, TEMP, OWN);
        accounts.lock("test");
        return accounts.login("ines-intake", OWN);
    }

    @Test
    @DisplayName("the first account of a field vault is a supervisor, of a central vault a central account")
    void firstAccount(@TempDir Path other) throws Exception {
        assertEquals(Role.SUPERVISOR, supervisor.role());
        try (Harbor central = TestVaults.open(other, clock)) {
            Session s = central.accounts().setUp(VaultKind.CENTRAL, "cora", "central office pass words".toCharArray()).session();
            assertEquals(Role.CENTRAL, s.role());
        }
    }

    @Nested
    @DisplayName("an intake user")
    class Intake {

        @Test
        @DisplayName("cannot add users")
        void cannotAddUsers() throws Exception {
            Session intake = intakeSession();
            assertThrows(AccessDenied.class,
                    () -> accounts.addUser(intake, "mallory", Role.SUPERVISOR, "another long passphrase".toCharArray()));
            assertThrows(AccessDenied.class, () -> accounts.listUsers(intake));
        }

        @Test
        @DisplayName("cannot change vault settings")
        void cannotChangeSettings() throws Exception {
            Session intake = intakeSession();
            assertThrows(AccessDenied.class, () -> harbor.settings().setIdleLockMinutes(intake, 60));
            assertThrows(AccessDenied.class, () -> harbor.settings().setOrganisationName(intake, "Somewhere"));
            assertEquals(Duration.ofMinutes(IdleLock.DEFAULT_MINUTES), harbor.settings().idleLockTimeout());
        }
    }

    @Test
    @DisplayName("a new account must change its temporary passphrase before it can act")
    void temporaryPassphrase() throws Exception {
        accounts.addUser(supervisor, "ivy-interviewer", Role.INTERVIEWER, TEMP);
        accounts.lock("test");
        Session first = accounts.login("ivy-interviewer", TEMP);
        assertTrue(first.user().mustChangePassphrase());
        assertThrows(AccessDenied.class, () -> accounts.require(first, Permission.VIEW_AUDIT));
        assertThrows(WrongPassphrase.class, () -> accounts.changePassphrase(first, "not it at all, really".toCharArray(), OWN));
        accounts.changePassphrase(first, TEMP, OWN);
        accounts.lock("test");
        assertThrows(WrongPassphrase.class, () -> accounts.login("ivy-interviewer", TEMP));
        Session again = accounts.login("ivy-interviewer", OWN);
        assertEquals(false, again.user().mustChangePassphrase());
    }

    @Test
    @DisplayName("passphrases shorter than 12 characters and 4 words are refused with a clear message")
    void policy() {
        Refusal e = assertThrows(Refusal.class,
                () -> accounts.addUser(supervisor, "pat", Role.INTERVIEWER, "short one".toCharArray()));
        assertEquals("accounts.passphrase.tooShort", e.key());
        assertTrue(PassphrasePolicy.check("twelve chars".toCharArray(), "x").isEmpty());
        assertTrue(PassphrasePolicy.check("red fox big sky".toCharArray(), "x").isEmpty());
        assertEquals(PassphrasePolicy.Problem.SAME_AS_NAME,
                PassphrasePolicy.check("ingrid-the-interviewer".toCharArray(), "Ingrid-the-interviewer").orElseThrow());
    }

    @Test
    @DisplayName("the recovery key resets a forgotten passphrase")
    void recovery(@TempDir Path other) throws Exception {
        try (Harbor h = TestVaults.open(other, clock)) {
            String key = h.accounts().setUp(VaultKind.FIELD, "rory", "rory first passphrase".toCharArray()).recoveryKey();
            h.accounts().lock("test");
            Session s = h.accounts().recover(key, "rory", "rory second passphrase".toCharArray());
            assertEquals("rory", s.user().username());
            h.accounts().lock("test");
            assertThrows(WrongPassphrase.class, () -> h.accounts().login("rory", "rory first passphrase".toCharArray()));
            h.accounts().login("rory", "rory second passphrase".toCharArray());
        }
    }

    @Test
    @DisplayName("a new passphrase equal to the current one is refused")
    void unchanged() throws Exception {
        accounts.addUser(supervisor, "una", Role.INTERVIEWER, TEMP);
        accounts.lock("test");
        Session first = accounts.login("una", TEMP);
        Refusal e = assertThrows(Refusal.class, () -> accounts.changePassphrase(first, TEMP, TEMP.clone()));
        assertEquals("accounts.passphrase.unchanged", e.key());
        assertTrue(accounts.current().orElseThrow().user().mustChangePassphrase());
    }

    @Test
    @DisplayName("a recovery key never confirmed as written down can be replaced; the old one stops working")
    void recoveryRotation(@TempDir Path other) throws Exception {
        try (Harbor h = TestVaults.open(other, clock)) {
            AccountService.Setup setup = h.accounts().setUp(VaultKind.FIELD, "rae", "rae first passphrase".toCharArray());
            assertEquals(false, h.accounts().recoveryKeyConfirmed(setup.session()));
            String replacement = h.accounts().rotateRecoveryKey(setup.session());
            h.accounts().confirmRecoveryKey(setup.session());
            assertEquals(true, h.accounts().recoveryKeyConfirmed(setup.session()));
            h.accounts().lock("test");
            assertThrows(WrongRecoveryKey.class,
                    () -> h.accounts().recover(setup.recoveryKey(), "rae", "rae second passphrase".toCharArray()));
            Session s = h.accounts().recover(replacement, "rae", "rae second passphrase".toCharArray());
            assertEquals(false, s.user().mustChangePassphrase());
        }
    }

    @Test
    @DisplayName("only supervisors verify the audit chain")
    void auditNeedsSupervisor() throws Exception {
        assertTrue(accounts.verifyAudit(supervisor).intact());
        accounts.addUser(supervisor, "ian", Role.INTERVIEWER, TEMP);
        accounts.lock("test");
        Session ian = accounts.login("ian", TEMP);
        accounts.changePassphrase(ian, TEMP, OWN);
        Session again = accounts.current().orElseThrow();
        assertThrows(AccessDenied.class, () -> accounts.verifyAudit(again));
    }

    @Test
    @DisplayName("a session stops working once the vault is locked")
    void staleSession() throws Exception {
        accounts.lock("test");
        assertThrows(AccessDenied.class, () -> accounts.listUsers(supervisor));
    }

    @Test
    @DisplayName("user names are unique regardless of case")
    void unique() throws Exception {
        accounts.addUser(supervisor, "Noor", Role.INTERVIEWER, TEMP);
        Refusal e = assertThrows(Refusal.class, () -> accounts.addUser(supervisor, "noor", Role.INTAKE, TEMP));
        assertEquals("accounts.user.exists", e.key());
        List<User> users = accounts.listUsers(supervisor);
        assertEquals(2, users.size());
    }

    @Test
    @DisplayName("failed unlocks reach the audit log at the next successful unlock")
    void failuresAudited() throws Exception {
        accounts.lock("test");
        assertThrows(WrongPassphrase.class, () -> accounts.login(TestVaults.SUPERVISOR, "wrong wrong wrong wrong".toCharArray()));
        assertThrows(WrongPassphrase.class, () -> accounts.login("nobody", "wrong wrong wrong wrong".toCharArray()));
        Session s = accounts.login(TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE);
        long failures = harbor.vault().transaction(c -> {
            try (var q = c.prepareStatement("SELECT count(*) FROM audit_log WHERE action = 'session.unlock.failed'");
                 var r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
        assertEquals(2, failures);
        assertTrue(harbor.audit().verify().intact());
        assertEquals(TestVaults.SUPERVISOR, s.user().username());
    }
}
