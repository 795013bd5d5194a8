package org.harbor.ui.common;

import java.nio.file.Path;
import org.harbor.Harbor;
import org.harbor.accounts.AccountService;
import org.harbor.accounts.Role;
import org.harbor.accounts.Session;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.harbor.usecases.UseCases;
import org.harbor.vault.VaultKind;

/**
 * For view-model tests without the JavaFX toolkit: a real encrypted field vault in a temporary
 * folder, its supervisor signed in, its use cases, and an executor that runs work at once.
 */
public final class FieldVault implements AutoCloseable {

    /** A passphrase the policy accepts, for accounts made in tests. */
    public static final char[] STRONG = "violet harbour compass meadow".toCharArray();

    public final MutableClock clock = MutableClock.atStart();
    public final Harbor harbor;
    public final UiExecutor ui = UiExecutor.direct();
    public final RecordingNavigator navigator = new RecordingNavigator();
    public final String recoveryKey;
    public Session supervisor;

    public FieldVault(Path dir) throws Exception {
        harbor = TestVaults.open(dir, clock);
        AccountService.Setup setup = harbor.accounts().setUp(VaultKind.FIELD, TestVaults.SUPERVISOR,
                TestVaults.SUPERVISOR_PASSPHRASE.clone());
        harbor.accounts().confirmRecoveryKey(setup.session());
        recoveryKey = setup.recoveryKey();
        supervisor = setup.session();
    }

    public UseCases useCases() {
        return harbor.useCases();
    }

    /**
     * Adds an account of {@code role} and signs in as it, its temporary passphrase changed to
     * {@link #STRONG}: the session of a field worker.
     */
    public Session signInAs(String username, Role role) throws Exception {
        harbor.accounts().addUser(supervisor, username, role, "temporary pass phrase words".toCharArray());
        harbor.accounts().lock("switch");
        Session temporary = harbor.accounts().login(username, "temporary pass phrase words".toCharArray());
        harbor.accounts().changePassphrase(temporary, "temporary pass phrase words".toCharArray(), STRONG.clone());
        return harbor.accounts().current().orElseThrow();
    }

    /** Signs the supervisor in again (after {@link #signInAs}). */
    public Session signInSupervisor() throws Exception {
        harbor.accounts().lock("switch");
        supervisor = harbor.accounts().login(TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE.clone());
        return supervisor;
    }

    /** The sentence the user sees for {@code key}, in the display language. */
    public String says(String key, Object... args) {
        return harbor.i18n().get(key, args);
    }

    @Override
    public void close() {
        harbor.close();
    }
}
