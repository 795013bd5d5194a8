package org.harbor.ui.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.harbor.accounts.Role;
import org.harbor.accounts.Session;
import org.harbor.ui.common.FieldVault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit-break warning on a real damaged log is proven in {@code VaultIntegrityTest}. */
@DisplayName("Issue 13: the Home view-model gets its use case, tested without the JavaFX toolkit")
class HomeViewModelTest {

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

    private HomeViewModel model(Session session) {
        return new HomeViewModel(vault.useCases().checkAuditContinuity(), vault.harbor.i18n(), vault.navigator, session);
    }

    @Test
    @DisplayName("greets the user with their role, without a warning when the audit log is whole")
    void greeting() {
        String greeting = model(vault.supervisor).greeting();
        assertEquals(vault.says("home.greeting", "sam-supervisor", vault.says("role.supervisor")), greeting);
        assertFalse(greeting.contains(vault.says("home.auditBreak")));
    }

    @Test
    @DisplayName("offers what the role allows: accounts and interviewer statistics to supervisors only")
    void entriesByRole() throws Exception {
        HomeViewModel supervisor = model(vault.supervisor);
        assertTrue(supervisor.canManageUsers());
        assertTrue(supervisor.canReviewInterviewers());
        assertTrue(supervisor.canSeeCases());
        HomeViewModel interviewer = model(vault.signInAs("ivo", Role.INTERVIEWER));
        assertFalse(interviewer.canManageUsers());
        assertFalse(interviewer.canReviewInterviewers());
        assertTrue(interviewer.canSeeCases());
    }

    @Test
    @DisplayName("each entry goes where it says")
    void navigation() {
        HomeViewModel model = model(vault.supervisor);
        model.openCases();
        model.openUsers();
        model.openSettings();
        model.openInterviewerStats();
        model.changePassphrase();
        model.lock();
        assertEquals(List.of("cases", "users", "settings", "interviewerStats", "changePassphrase", "lock"),
                vault.navigator.visits());
    }

    @Test
    @DisplayName("Send to the central office is reachable from Home: for a field vault's supervisor only, and it opens the packages screen")
    void sendToCentralOffice() throws Exception {
        HomeViewModel supervisor = model(vault.supervisor);
        assertTrue(supervisor.canSendToCentralOffice());
        supervisor.openSendToCentralOffice();
        assertEquals(List.of("packages"), vault.navigator.visits());
        assertFalse(new HomeViewModel(vault.useCases().checkAuditContinuity(), vault.harbor.i18n(), vault.navigator,
                vault.supervisor, true).canSendToCentralOffice(), "a central vault receives packages, it does not send them");
        assertFalse(model(vault.signInAs("ivo", Role.INTERVIEWER)).canSendToCentralOffice());
    }
}
