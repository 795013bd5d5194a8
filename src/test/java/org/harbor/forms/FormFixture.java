package org.harbor.forms;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.harbor.Harbor;
import org.harbor.accounts.Role;
import org.harbor.accounts.Session;
import org.harbor.cases.SessionKind;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.harbor.vault.VaultKind;

/**
 * A real vault in a temporary folder with the engine's synthetic test forms imported, a supervisor,
 * an interviewer ("ivo") and an intake worker ("ines"); one of them logged in at a time.
 */
public final class FormFixture implements AutoCloseable {

    public static final String INTAKE = "test-intake";
    public static final String SAFETY = "test-safety";
    public static final String TRAFFICKING = "test-trafficking";
    static final char[] PASS = "a long enough pass phrase".toCharArray();
    static final char[] OWN = "own pass phrase of someone".toCharArray();

    public final Harbor harbor;
    public final MutableClock clock;

    private FormFixture(Harbor harbor, MutableClock clock) {
        this.harbor = harbor;
        this.clock = clock;
    }

    /** Sets up a new vault under {@code dir}; leaves the supervisor logged in. */
    public static FormFixture create(Path dir) throws Exception {
        MutableClock clock = MutableClock.atStart();
        Harbor harbor = TestVaults.open(dir, clock);
        Session supervisor = harbor.accounts().setUp(VaultKind.FIELD, TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE).session();
        for (String form : List.of(INTAKE, SAFETY, TRAFFICKING)) {
            harbor.forms().importForm(supervisor, testForm(form));
        }
        harbor.accounts().addUser(supervisor, "ivo", Role.INTERVIEWER, PASS);
        harbor.accounts().addUser(supervisor, "ines", Role.INTAKE, PASS);
        for (String name : List.of("ines", "ivo")) {
            harbor.accounts().lock("switch");
            Session s = harbor.accounts().login(name, PASS);
            harbor.accounts().changePassphrase(s, PASS, OWN);
        }
        harbor.accounts().lock("switch");
        harbor.accounts().login(TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE);
        return new FormFixture(harbor, clock);
    }

    /** Opens an existing vault (after a crash, say) and logs the supervisor in. */
    public static FormFixture reopen(Path dir) throws Exception {
        MutableClock clock = MutableClock.atStart();
        Harbor harbor = TestVaults.open(dir, clock);
        harbor.accounts().login(TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE);
        return new FormFixture(harbor, clock);
    }

    public static byte[] testForm(String id) throws IOException {
        try (InputStream in = FormFixture.class.getResourceAsStream("/org/harbor/forms/" + id + ".xml")) {
            return in.readAllBytes();
        }
    }

    /** Logs {@code name} in ("ivo", "ines", or the supervisor's name). */
    public Session as(String name) throws Exception {
        harbor.accounts().lock("switch");
        char[] pass = name.equals(TestVaults.SUPERVISOR) ? TestVaults.SUPERVISOR_PASSPHRASE : OWN;
        return harbor.accounts().login(name, pass.clone());
    }

    public Session current() {
        return harbor.accounts().current().orElseThrow();
    }

    /** A new case with a case session in {@code language}; returns the case session's id. */
    public String newCaseSession(Session who, String language) throws Exception {
        String caseId = harbor.cases().create(who, null, List.of()).id();
        return harbor.cases().startSession(who, caseId, SessionKind.INTAKE, language).id();
    }

    public String newSession(Session who, String caseId, String language) throws Exception {
        return harbor.cases().startSession(who, caseId, SessionKind.INTAKE, language).id();
    }

    @Override
    public void close() {
        harbor.close();
    }
}
