package org.harbor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.harbor.Harbor;
import org.harbor.accounts.Session;
import org.harbor.cases.CaseQuery;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15 through the command line: atomic case import, fingerprints read out, no content in arguments, clear messages. */
@DisplayName("The harbor command (issue 15)")
class CliHardeningTest {

    static final String PASS = "field supervisor pass phrase";
    static final String CENTRAL_PASS = "central office pass phrase";

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    Result run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = HarborCommand.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(err), p -> { });
        return new Result(code, out.toString(), err.toString());
    }

    String[] at(String home, String user, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--home", dir.resolve(home).toString(), "--user", user));
        return all.toArray(String[]::new);
    }

    Result field(String stdin, String... args) {
        return run(stdin, at("field", "sasha", args));
    }

    void initField() {
        assertEquals(0, run(PASS + "\n", "init", "--home", dir.resolve("field").toString(), "--user", "sasha").code());
    }

    @Test
    @DisplayName("case import is atomic: a refused import writes nothing (no case is left behind)")
    void caseImportIsAtomic() throws Exception {
        initField();
        Path json = Files.writeString(dir.resolve("import.json"), """
                {"format": 1,
                 "survivor": {"name": "Nadia Synthetic"},
                 "people": [{"role": "guardian", "name": "Omar Synthetic"}],
                 "sessions": [{"kind": "intake", "language": "en", "forms": [
                   {"form": "harbor-safety", "answers": {"safety.danger_now": "no"}},
                   {"form": "no-such-form", "answers": {"x": "y"}}]}]}
                """);
        Result r = field(PASS + "\n", "case", "import", json.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("no-such-form") && r.err().contains("nothing was imported"), r.err());
        assertFalse(r.out().contains("HB-"), "no case number is reported: " + r.out());
        try (Harbor harbor = TestVaults.open(dir.resolve("field"), MutableClock.atStart())) {
            Session s = harbor.accounts().login("sasha", PASS.toCharArray());
            assertEquals(List.of(), harbor.cases().list(s, CaseQuery.all()), "the refused import left a case behind");
            assertTrue(harbor.accounts().verifyAudit(s).intact());
        }
        // The same file without the unknown form imports whole.
        Files.writeString(json, Files.readString(json).replace(",\n   {\"form\": \"no-such-form\", \"answers\": {\"x\": \"y\"}}", ""));
        Result ok = field(PASS + "\n", "case", "import", json.toString());
        assertEquals(0, ok.code(), ok.out() + ok.err());
        assertTrue(ok.out().contains("form harbor-safety: 1 answers saved"), ok.out());
    }

    @Test
    @DisplayName("trust import goes through the ImportTrustBundle use case: a file that is not a bundle is refused with the"
            + " screen's sentence, before any log-in, and nothing is imported")
    void trustImportRefusesAFileThatIsNotABundle() throws Exception {
        initField();
        Path notABundle = Files.writeString(dir.resolve("notes.json"), "{\"format\": \"something else\"}");
        Result r = field(PASS + "\n", "trust", "import", notABundle.toString(), "--confirm", "ABCD-EFGH");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("This file is not a key bundle from a central office."), r.err());
        try (Harbor harbor = TestVaults.open(dir.resolve("field"), MutableClock.atStart())) {
            Session s = harbor.accounts().login("sasha", PASS.toCharArray());
            assertTrue(harbor.trust().trust(s).isEmpty(), "nothing was imported");
        }
    }

    @Test
    @DisplayName("trust import never prints the --confirm value to paste: it prints the fingerprint and asks for the one read out"
            + " by the office; device add requires --confirm FINGERPRINT the same way")
    void fingerprintsAreReadOutNotPasted() throws Exception {
        initField();
        assertEquals(0, run(CENTRAL_PASS + "\n", "init", "--central", "--home", dir.resolve("central").toString(), "--user", "olga").code());
        Path trust = dir.resolve("trust.json");
        Result exported = run(CENTRAL_PASS + "\n", at("central", "olga", "trust", "export", "--out", trust.toString()));
        Matcher fp = Pattern.compile("bundle fingerprint ([0-9A-F ]+)").matcher(exported.out());
        assertTrue(fp.find(), exported.out());
        String bundleFingerprint = fp.group(1).strip();

        Result unconfirmed = field(PASS + "\n", "trust", "import", trust.toString());
        assertEquals(1, unconfirmed.code());
        assertTrue(unconfirmed.out().contains("bundle fingerprint " + bundleFingerprint), "the fingerprint is shown to compare");
        assertFalse(unconfirmed.err().contains(bundleFingerprint), "no ready value to paste: " + unconfirmed.err());
        assertTrue(unconfirmed.err().contains("read out"), unconfirmed.err());
        assertEquals(0, field(PASS + "\n", "trust", "import", trust.toString(), "--confirm", bundleFingerprint).code());

        Path devicePub = dir.resolve("device.pub");
        Result enrol = field(PASS + "\n", "device", "enrol", "--out", devicePub.toString());
        String deviceFingerprint = enrol.out().lines().filter(l -> l.startsWith("fingerprint ")).findFirst().orElseThrow()
                .substring("fingerprint ".length());
        Result noConfirm = run(CENTRAL_PASS + "\n", at("central", "olga", "device", "add", devicePub.toString(), "--label", "laptop 7"));
        assertEquals(1, noConfirm.code(), "device add without --confirm must not enrol: " + noConfirm.out());
        assertTrue(noConfirm.out().contains(deviceFingerprint) && noConfirm.err().contains("read out"), noConfirm.out() + noConfirm.err());
        Result wrong = run(CENTRAL_PASS + "\n", at("central", "olga", "device", "add", devicePub.toString(), "--label", "laptop 7",
                "--confirm", "0000 0000"));
        assertEquals(1, wrong.code());
        assertTrue(wrong.err().contains("does not match"), wrong.err());
        Result added = run(CENTRAL_PASS + "\n", at("central", "olga", "device", "add", devicePub.toString(), "--label", "laptop 7",
                "--confirm", deviceFingerprint.toLowerCase(java.util.Locale.ROOT)));
        assertEquals(0, added.code(), added.err());
        assertTrue(added.out().startsWith("enrolled "), added.out());
    }

    @Test
    @DisplayName("no record content in process arguments: case new, --search, --note, --reason and consent's guardian and authority"
            + " read a file or standard input;"
            + " the old flags are refused with a clear message")
    void noRecordContentInArguments() throws Exception {
        initField();
        for (String[] old : List.of(new String[] {"case", "new", "--survivor", "CANARYarg Name"},
                new String[] {"case", "new", "--alias", "CANARYarg"},
                new String[] {"case", "list", "--search", "CANARYarg"},
                new String[] {"case", "attach", "some-case", dir.toString(), "--note", "CANARYarg"},
                new String[] {"seal", "--amend", "some-seal", "--reason", "CANARYarg", "--text-file", "x"},
                new String[] {"consent", "record", "--case", "some-case", "--purpose", "services", "--language", "es",
                    "--guardian", "CANARYarg Guardian"},
                new String[] {"consent", "record", "--case", "some-case", "--purpose", "services", "--language", "es",
                    "--authority", "CANARYarg Authority"})) {
            Result r = field(PASS + "\n", old);
            assertEquals(1, r.code(), String.join(" ", old) + ": " + r.out() + r.err());
            assertTrue(r.err().contains("not taken from the command line"), r.err());
        }
        Result created = field(PASS + "\nCANARYarg Survivor\nCANARYargAlias\n", "case", "new", "--survivor-file", "-");
        assertEquals(0, created.code(), created.err());
        String caseId = created.out().split("\t")[0];
        Path search = Files.writeString(dir.resolve("search.txt"), "canaryargalias\n");
        Result found = field(PASS + "\n", "case", "list", "--search-file", search.toString());
        assertTrue(found.out().startsWith(caseId + "\t") && found.out().contains("CANARYarg Survivor"), found.out() + found.err());
        Result none = field(PASS + "\nnobody such\n", "case", "list", "--search-file", "-");
        assertEquals("", none.out().strip());

        Path file = Files.writeString(dir.resolve("letter.txt"), "synthetic letter");
        Result attached = field(PASS + "\nfrom the partner\n", "case", "attach", caseId, file.toString(), "--note-file", "-");
        assertEquals(0, attached.code(), attached.err());
        String seal = field(PASS + "\n", "seal", "--case", caseId).out().split("\t")[0];
        Path text = Files.writeString(dir.resolve("addendum.txt"), "A synthetic addendum.");
        Result amended = field(PASS + "\nthe date was wrong\n", "seal", "--amend", seal, "--reason-file", "-", "--text-file", text.toString());
        assertEquals(0, amended.code(), amended.err());
        Result twice = field(PASS + "\nx\n", "seal", "--amend", seal, "--reason-file", "-", "--text-file", "-");
        assertEquals(1, twice.code());
        assertTrue(twice.err().contains("only one option may read standard input"), twice.err());

        try (Harbor harbor = TestVaults.open(dir.resolve("field"), MutableClock.atStart())) {
            Session s = harbor.accounts().login("sasha", PASS.toCharArray());
            assertEquals("from the partner", harbor.attachments().list(s, caseId).getFirst().note().orElseThrow());
        }
    }

    @Test
    @DisplayName("no record content in process arguments: the launcher and exec:exec run with -XX:-UsePerfData")
    void noPerfDataFiles() throws Exception {
        assertTrue(Files.readString(Path.of("installer", "jpackage", "launcher.args")).contains("--java-options -XX:-UsePerfData"),
                "the packaged launcher writes no hsperfdata file (it names the process and its arguments to every local user)");
        String pom = Files.readString(Path.of("pom.xml"));
        int exec = pom.indexOf("<artifactId>exec-maven-plugin</artifactId>");
        assertTrue(exec > 0);
        assertTrue(pom.substring(exec, pom.indexOf("</plugin>", exec)).contains("<argument>-XX:-UsePerfData</argument>"),
                "mvn exec:exec runs the app without perf data");
    }

    @Test
    @DisplayName("no record content in process arguments: the SQLite native library is extracted once into Harbor's own folder,"
            + " not into /tmp at each run")
    void sqliteLibraryInOwnFolder() throws Exception {
        ProcessBuilder builder = org.harbor.testing.ChildJvm.builder(NativeLibraryProbe.class, dir.resolve("vault").toString(),
                dir.resolve("tmp").toString());
        builder.redirectErrorStream(true);
        Files.createDirectories(dir.resolve("tmp"));
        builder.command().add(1, "-Djava.io.tmpdir=" + dir.resolve("tmp"));
        for (int run = 0; run < 2; run++) {
            Process child = builder.start();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, child.waitFor(), output);
            String loaded = output.lines().filter(l -> l.startsWith("LOADED\t")).findFirst().orElseThrow(() -> new AssertionError(output))
                    .substring("LOADED\t".length());
            assertTrue(loaded.startsWith(dir.resolve("vault").toString()), "loaded from " + loaded);
        }
        try (var files = Files.list(dir.resolve("tmp"))) {
            assertEquals(List.of(), files.toList(), "nothing extracted into the temporary folder");
        }
    }

    @Test
    @DisplayName("clear messages instead of exception class names (NullPointerException, DateTimeParseException,"
            + " Illegal base64 character), in the user's language")
    void clearMessagesNotClassNames() throws Exception {
        java.util.Locale saved = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.ENGLISH);
            assertEquals("The command stopped on an unexpected error in Harbor. Nothing of the records was shown; please report the"
                    + " command you ran.", HarborCommand.reason(new NullPointerException("Cannot invoke \"String.length()\"")));
            assertEquals("A date or time read from a file is not valid: the file may be damaged or altered.",
                    HarborCommand.reason(new java.time.format.DateTimeParseException("Text 'x' could not be parsed", "x", 0)));
            IllegalArgumentException base64;
            try {
                java.util.Base64.getDecoder().decode("not-base64!");
                throw new AssertionError();
            } catch (IllegalArgumentException e) {
                base64 = e;
            }
            String said = HarborCommand.reason(base64);
            assertFalse(said.contains("Illegal base64") || said.contains("Exception"), said);
            assertTrue(said.startsWith("A value read from a file is not in the expected form"), said);
            java.util.Locale.setDefault(java.util.Locale.of("es"));
            assertTrue(HarborCommand.reason(new IllegalStateException()).startsWith("La orden se detuvo"));
        } finally {
            java.util.Locale.setDefault(saved);
        }
        // Through the command: a receipt whose signature is not base64, a device key that is not one.
        initField();
        Path receipt = Files.writeString(dir.resolve("bad.receipt"),
                "{\"caseIds\":[],\"format\":\"harbor-receipt/1\",\"keyId\":\"x\",\"manifestHash\":\"x\",\"packageId\":\"x\","
                        + "\"receivedAt\":\"x\",\"signature\":\"not-base64!\"}\n");
        Path key = Files.writeString(dir.resolve("bad.pub"), "untrusted comment: x\nnot-base64!\n");
        Path pkg = Files.writeString(dir.resolve("p.harbor"), "x");
        for (Result r : List.of(field(PASS + "\n", "receipt", "apply", receipt.toString()),
                run("", "verify", pkg.toString(), "--device-key", key.toString()))) {
            assertEquals(1, r.code(), r.out() + r.err());
            assertFalse(r.err().matches("(?s).*(Exception|Illegal base64|failed \\().*"), r.err());
        }
    }
}
