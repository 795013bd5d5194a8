package org.harbor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.harbor.Harbor;
import org.harbor.app.Main;
import org.harbor.testing.ChildJvm;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The harbor command")
class CliTest {

    static final String PASS = "supervisor pass phrase words";

    @TempDir
    Path home;

    record Result(int code, String out, String err) {
    }

    Result run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<Path> desktop = new ArrayList<>();
        int code = HarborCommand.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(err), desktop::add);
        return new Result(code, out.toString(), err.toString());
    }

    String recoveryKey;

    @BeforeEach
    void init() {
        Result r = run(PASS + "\n", "init", "--home", home.toString(), "--user", "sasha");
        assertEquals(0, r.code(), r.err());
        Matcher m = Pattern.compile("([0-9A-Z]{4}-){12}[0-9A-Z]{4}").matcher(r.out());
        assertTrue(m.find(), r.out());
        recoveryKey = m.group();
    }

    @Test
    @DisplayName("init refuses a second vault in the same folder with exit code 1")
    void initTwice() {
        Result r = run(PASS + "\n", "init", "--home", home.toString(), "--user", "sasha");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("harbor: A vault already exists here."), r.err());
    }

    @Test
    @DisplayName("user add, list and passwd work with passphrases on standard input or in a file")
    void users() throws Exception {
        Result add = run(PASS + "\ntemporary pass phrase\n", "user", "add", "--home", home.toString(),
                "--user", "sasha", "--role", "intake", "ida");
        assertEquals(0, add.code(), add.err());
        Path file = home.resolveSibling(home.getFileName() + "-pw.txt");
        Files.writeString(file, "temporary pass phrase\nida's own pass phrase\n");
        Result passwd = run("", "user", "passwd", "--home", home.toString(), "--user", "ida", "--password-file", file.toString());
        assertEquals(0, passwd.code(), passwd.err());
        Result list = run(PASS + "\n", "user", "list", "--home", home.toString(), "--user", "sasha");
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains("ida\tintake"), list.out());
        assertTrue(list.out().contains("sasha\tsupervisor"), list.out());
        Result denied = run("ida's own pass phrase\n", "user", "list", "--home", home.toString(), "--user", "ida");
        assertEquals(1, denied.code());
        assertTrue(denied.err().contains("Your role does not allow this."), denied.err());
    }

    @Test
    @DisplayName("a wrong passphrase is refused with exit code 1 and one line")
    void wrongPassphrase() {
        Result r = run("not the passphrase\n", "user", "list", "--home", home.toString(), "--user", "sasha");
        assertEquals(1, r.code());
        assertEquals("harbor: The user name or passphrase is not right.", r.err().strip());
    }

    @Test
    @DisplayName("usage errors give exit code 2")
    void usage() {
        assertEquals(2, run("", "user", "add", "--home", home.toString()).code());
        assertEquals(2, run("", "no-such-command").code());
    }

    @Test
    @DisplayName("the recovery key resets a passphrase")
    void recovery() throws Exception {
        Path keyFile = home.resolveSibling(home.getFileName() + "-key.txt");
        Files.writeString(keyFile, recoveryKey + "\n");
        Result reset = run("a brand new pass phrase\n", "user", "passwd", "--home", home.toString(), "--user", "sasha",
                "--recovery-key-file", keyFile.toString());
        assertEquals(0, reset.code(), reset.err());
        assertEquals(1, run(PASS + "\n", "user", "list", "--home", home.toString(), "--user", "sasha").code());
        assertEquals(0, run("a brand new pass phrase\n", "user", "list", "--home", home.toString(), "--user", "sasha").code());
    }

    @Test
    @DisplayName("case new, list and show --json")
    void cases() throws Exception {
        // The command runs on the system clock: the year it numbers by is the year before or after the call,
        // never "now" read once afterwards (which fails for the wrong reason across midnight of 31 December).
        java.time.Year before = java.time.Year.now(java.time.ZoneOffset.UTC);
        Result created = run(PASS + "\nNadia Synthetic\nNadi\n", "case", "new", "--home", home.toString(), "--user", "sasha",
                "--survivor-file", "-");
        java.time.Year after = java.time.Year.now(java.time.ZoneOffset.UTC);
        assertEquals(0, created.code(), created.err());
        String id = created.out().split("\t")[0];
        String number = created.out().strip().substring(created.out().strip().lastIndexOf('\t') + 1);
        assertTrue(number.equals("HB-" + before + "-000001") || number.equals("HB-" + after + "-000001"), created.out());
        Result list = run(PASS + "\nnadi\n", "case", "list", "--home", home.toString(), "--user", "sasha", "--search-file", "-");
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().startsWith(id + "\t"), list.out());
        assertTrue(list.out().strip().endsWith("open\tNadia Synthetic"), list.out());
        Result show = run(PASS + "\n", "case", "show", id, "--json", "--home", home.toString(), "--user", "sasha");
        assertEquals(0, show.code(), show.err());
        assertTrue(show.out().contains("\"displayName\" : \"Nadia Synthetic\""), show.out());
        assertEquals(1, run(PASS + "\n", "case", "show", "no-such-id", "--json", "--home", home.toString(), "--user", "sasha").code());
        assertEquals(2, run(PASS + "\n", "case", "list", "--home", home.toString(), "--user", "sasha", "--limit", "x").code());
    }

    @Nested
    @DisplayName("audit verify")
    class AuditVerify {

        @Test
        @DisplayName("passes on an untouched vault")
        void intact() {
            Result r = run(PASS + "\n", "audit", "verify", "--home", home.toString(), "--user", "sasha");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().startsWith("ok: "), r.out());
        }

        @Test
        @DisplayName("names the first broken entry after an edit, with exit code 1")
        void edited() throws Exception {
            run(PASS + "\n", "user", "list", "--home", home.toString(), "--user", "sasha");
            try (Harbor harbor = TestVaults.open(home, MutableClock.atStart())) {
                harbor.accounts().login("sasha", PASS.toCharArray());
                harbor.vault().transaction(c -> {
                    try (Statement s = c.createStatement()) {
                        s.execute("DROP TRIGGER audit_log_no_update");
                        s.execute("UPDATE audit_log SET action = 'session.logout' WHERE seq = 2");
                    }
                    return null;
                });
            }
            Result r = run(PASS + "\n", "audit", "verify", "--home", home.toString(), "--user", "sasha");
            assertEquals(1, r.code());
            assertTrue(r.err().contains("broken at entry 2"), r.err());
        }
    }

    @Nested
    @DisplayName("audit verify after tampering")
    class AuditTamper {

        private void tamper(String... sql) throws Exception {
            run(PASS + "\n", "user", "list", "--home", home.toString(), "--user", "sasha");
            run(PASS + "\n", "user", "list", "--home", home.toString(), "--user", "sasha");
            try (Harbor harbor = TestVaults.open(home, MutableClock.atStart())) {
                harbor.accounts().login("sasha", PASS.toCharArray());
                harbor.vault().transaction(c -> {
                    try (Statement s = c.createStatement()) {
                        s.execute("DROP TRIGGER audit_log_no_update");
                        s.execute("DROP TRIGGER audit_log_no_delete");
                        for (String statement : sql) {
                            s.execute(statement);
                        }
                    }
                    return null;
                });
            }
        }

        @Test
        @DisplayName("names the entry after a deleted one")
        void deleted() throws Exception {
            tamper("DELETE FROM audit_log WHERE seq = 3");
            Result r = run(PASS + "\n", "audit", "verify", "--home", home.toString(), "--user", "sasha");
            assertEquals(1, r.code());
            assertTrue(r.err().contains("broken at entry 3: entry 3 is missing"), r.err());
        }

        @Test
        @DisplayName("names the first of two swapped entries")
        void reordered() throws Exception {
            tamper("UPDATE audit_log SET seq = 1000 WHERE seq = 2", "UPDATE audit_log SET seq = 2 WHERE seq = 4",
                    "UPDATE audit_log SET seq = 4 WHERE seq = 1000");
            Result r = run(PASS + "\n", "audit", "verify", "--home", home.toString(), "--user", "sasha");
            assertEquals(1, r.code());
            assertTrue(r.err().contains("broken at entry 2"), r.err());
        }
    }

    @Test
    @DisplayName("a second process on the same vault refuses with a clear message while the first runs")
    void secondProcessRefused() throws Exception {
        try (Harbor first = TestVaults.open(home, MutableClock.atStart())) {
            Process second = ChildJvm.start(Main.class, "user", "list", "--home", home.toString(), "--user", "sasha");
            second.getOutputStream().write((PASS + "\n").getBytes(StandardCharsets.UTF_8));
            second.getOutputStream().close();
            assertTrue(second.waitFor(60, TimeUnit.SECONDS));
            String err = new String(second.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(1, second.exitValue(), err);
            assertTrue(err.contains("Harbor is already open with this vault"), err);
            assertTrue(first.vault().exists());
        }
    }
}
