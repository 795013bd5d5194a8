package org.harbor.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.harbor.Harbor;
import org.harbor.accounts.Role;
import org.harbor.accounts.Session;
import org.harbor.testing.FileScan;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The canary scan")
class CanaryScanTest {

    @TempDir
    Path dir;
    final java.time.Instant started = java.time.Instant.now().minusSeconds(2);

    private static String marker(List<String> markers) {
        String m = "CANARY" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        markers.add(m);
        return m;
    }

    @Test
    @DisplayName("finds none of 20 markers entered through the services in any file under the home, the temp folder or the logs")
    void noMarkerOutsideTheDatabase() throws Exception {
        List<String> markers = new ArrayList<>();
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream tee = new PrintStream(logs, true, StandardCharsets.UTF_8);
        System.setOut(tee);
        System.setErr(tee);
        Path home = dir.resolve("home");
        try (Harbor harbor = TestVaults.open(home, MutableClock.atStart())) {
            String supervisorName = marker(markers);
            char[] supervisorPass = (marker(markers) + " words").toCharArray();
            Session supervisor = harbor.accounts().setUp(VaultKind.FIELD, supervisorName, supervisorPass).session();
            harbor.settings().setOrganisationName(supervisor, marker(markers));
            harbor.settings().setIdleLockMinutes(supervisor, 9);
            List<String> names = new ArrayList<>();
            List<char[]> passes = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String name = marker(markers);
                char[] pass = (marker(markers) + " temp").toCharArray();
                harbor.accounts().addUser(supervisor, name, i % 2 == 0 ? Role.INTERVIEWER : Role.INTAKE, pass);
                names.add(name);
                passes.add(pass);
            }
            harbor.accounts().lock("test");
            for (int i = 0; i < 3; i++) {
                String unknown = marker(markers);
                char[] wrong = (marker(markers) + " wrong").toCharArray();
                assertThrows(WrongPassphrase.class, () -> harbor.accounts().login(unknown, wrong));
            }
            Session first = harbor.accounts().login(names.get(0), passes.get(0));
            char[] own = (marker(markers) + " own").toCharArray();
            harbor.accounts().changePassphrase(first, passes.get(0), own);
            assertEquals(20, markers.size());
            assertTrue(harbor.audit().verify().intact());

            // While the vault is open, with its WAL on disk.
            assertEquals(List.of(), FileScan.findMarkers(List.of(home, tempDir()), markers, started));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertEquals(List.of(), FileScan.findMarkers(List.of(home, tempDir()), markers, started));
        String captured = logs.toString(StandardCharsets.UTF_8);
        for (String m : markers) {
            assertTrue(!captured.contains(m), "a marker reached the log output");
        }
        assertTrue(Files.exists(home.resolve("harbor.db")));
    }

    @Test
    @DisplayName("finds no survivor, alias or guardian name of a case outside the database, nor in search results' logs")
    void caseMarkers() throws Exception {
        List<String> markers = new ArrayList<>();
        Path home = dir.resolve("cases-home");
        try (Harbor harbor = TestVaults.open(home, MutableClock.atStart())) {
            Session supervisor = harbor.accounts().setUp(VaultKind.FIELD, TestVaults.SUPERVISOR,
                    TestVaults.SUPERVISOR_PASSPHRASE).session();
            for (int i = 0; i < 10; i++) {
                var created = harbor.cases().create(supervisor, marker(markers), List.of(marker(markers)));
                harbor.cases().addPerson(supervisor, created.id(), org.harbor.cases.PersonRole.GUARDIAN, marker(markers), List.of());
            }
            assertEquals(1, harbor.cases().list(supervisor, org.harbor.cases.CaseQuery.all().withSearch(markers.get(0))).size());
            assertEquals(List.of(), FileScan.findMarkers(List.of(home, tempDir()), markers, started));
        }
        assertEquals(List.of(), FileScan.findMarkers(List.of(home, tempDir()), markers, started));
    }

    private static Path tempDir() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }
}
