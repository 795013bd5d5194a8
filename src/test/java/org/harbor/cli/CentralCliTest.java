package org.harbor.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.harbor.central.CentralTesting;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The central office through the harbor command (issue 17): imported cases listed and shown at a
 * central vault, a PostgreSQL server configured with a password file, and a second central
 * workstation enrolled to the same keys with fingerprint-confirmed files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CentralCliTest {

    static final String FIELD_PASS = "field supervisor pass phrase";
    static final String CENTRAL_PASS = "central office pass phrase";

    Path dir;
    String deviceFingerprint;
    Path pkg;
    Path devicePub;
    String first;
    String second;

    static final Pattern FINGERPRINT = Pattern.compile("\n([0-9a-f]{4}( [0-9a-f]{4}){7})");
    static final String WRONG = "0000 1111 2222 3333 4444 5555 6666 7777";

    record Result(int code, String out, String err) {
    }

    Result run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = HarborCommand.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(err), p -> { });
        return new Result(code, out.toString(), err.toString());
    }

    Result ok(String stdin, String... args) {
        Result r = run(stdin, args);
        assertEquals(0, r.code(), String.join(" ", args) + "\n" + r.out() + r.err());
        return r;
    }

    Result field(String... args) {
        return ok(FIELD_PASS + "\n", withHome("field", "sasha", args));
    }

    Result at(String home, String... args) {
        return ok(CENTRAL_PASS + "\n", withHome(home, "olga", args));
    }

    Result atRefused(String home, String... args) {
        Result r = run(CENTRAL_PASS + "\n", withHome(home, "olga", args));
        assertEquals(1, r.code(), r.out() + r.err());
        return r;
    }

    String[] withHome(String home, String user, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--home", dir.resolve(home).toString(), "--user", user));
        return all.toArray(String[]::new);
    }

    /** A field vault with two sealed cases (one with an intake answer) exported in one package, and a central vault trusting it. */
    @BeforeAll
    void fieldPackage(@TempDir Path tmp) throws Exception {
        dir = tmp;
        ok(FIELD_PASS + "\n", "init", "--home", dir.resolve("field").toString(), "--user", "sasha");
        ok(CENTRAL_PASS + "\n", "init", "--central", "--home", dir.resolve("central").toString(), "--user", "olga");
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, """
                {"format": 1, "survivor": {"name": "CANARYcc Amal Haddad", "aliases": ["Mimi"]},
                 "sessions": [{"kind": "intake", "language": "en", "forms": [
                   {"form": "harbor-intake", "answers": {"/data/origin/nationality": "CANARYccNAT"}}]}]}
                """);
        first = field("case", "import", plan.toString()).out().split("\t")[0];
        second = ok(FIELD_PASS + "\nCANARYcc Noor Saleh\n", withHome("field", "sasha", "case", "new", "--survivor-file", "-"))
                .out().split("\t")[0];
        for (String id : List.of(first, second)) {
            field("consent", "record", "--case", id, "--purpose", "services", "--by-survivor", "--language", "en");
            field("seal", "--case", id);
        }
        devicePub = dir.resolve("device.pub");
        Result enrol = field("device", "enrol", "--out", devicePub.toString());
        deviceFingerprint = enrol.out().lines().filter(l -> l.startsWith("fingerprint ")).findFirst().orElseThrow()
                .substring("fingerprint ".length());
        at("central", "device", "add", devicePub.toString(), "--label", "laptop 7", "--confirm", deviceFingerprint);
        Path trust = dir.resolve("trust.json");
        Matcher fp = Pattern.compile("bundle fingerprint ([0-9A-F ]+)").matcher(at("central", "trust", "export", "--out", trust.toString()).out());
        assertTrue(fp.find());
        field("trust", "import", trust.toString(), "--confirm", fp.group(1).strip());
        pkg = dir.resolve("out").resolve("week49.harbor");
        field("export", "--all-sealed", "--out", pkg.toString());
        at("central", "import", pkg.toString());
    }

    @Test
    @DisplayName("harbor case list / case show on a central vault list and show imported cases (with answers), with search, filters and keyset paging")
    void caseListAndShowAtCentral() throws Exception {
        String all = at("central", "case", "list").out();
        assertEquals(2, all.lines().count(), all);
        assertTrue(all.contains(first + "\t") && all.contains("CANARYcc Amal Haddad") && all.contains("\tnew\t"), all);

        Path search = dir.resolve("search.txt");
        Files.writeString(search, "amal");
        String found = at("central", "case", "list", "--search-file", search.toString()).out();
        assertEquals(List.of(first), found.lines().map(l -> l.split("\t")[0]).toList());
        Files.writeString(search, "mimi");
        assertTrue(at("central", "case", "list", "--search-file", search.toString()).out().startsWith(first + "\t"));

        Result page1 = at("central", "case", "list", "--limit", "1");
        Matcher after = Pattern.compile("--after (\\S+)").matcher(page1.err());
        assertTrue(after.find(), page1.err());
        Result page2 = at("central", "case", "list", "--limit", "1", "--after", after.group(1));
        assertEquals(1, page2.out().lines().count());
        assertFalse(page2.err().contains("--after"));
        assertTrue(!page1.out().equals(page2.out()));

        String device = all.lines().findFirst().orElseThrow().split("\t")[3];
        assertEquals(2, at("central", "case", "list", "--device", device).out().lines().count());
        assertEquals(0, at("central", "case", "list", "--device", "another-device").out().lines().count());
        assertEquals(0, at("central", "case", "list", "--opened-to", "2000-01-01").out().lines().count());
        assertEquals(2, at("central", "case", "list", "--opened-from", "2000-01-01").out().lines().count());
        assertEquals(2, at("central", "case", "list", "--status", "new").out().lines().count());
        assertEquals(0, at("central", "case", "list", "--assigned-to", "user:9").out().lines().count());
        assertEquals(0, at("central", "case", "list", "--indicator", "debt_bondage").out().lines().count());
        atRefused("central", "case", "list", "--status", "sealed");

        JsonNode shown = new ObjectMapper().readTree(at("central", "case", "show", "--json", first).out());
        assertEquals("CANARYcc Amal Haddad", shown.at("/summary/survivorName").asText());
        boolean answered = false;
        for (JsonNode sub : shown.get("submissions")) {
            for (JsonNode a : sub.get("answers")) {
                answered |= "/data/origin/nationality".equals(a.get("path").asText()) && "CANARYccNAT".equals(a.get("value").asText());
            }
        }
        assertTrue(answered, shown.toString());
        assertTrue(shown.get("seals").size() > 0 && shown.get("custody").size() > 0);
        // the field options are refused at a field vault
        assertEquals(1, run(FIELD_PASS + "\n", withHome("field", "sasha", "case", "list", "--device", device)).code());
    }

    @Test
    @DisplayName("harbor central connect --db URL --db-user U --db-password-file F: imports are filed on PostgreSQL and case list reads them; --embedded goes back")
    void connectToPostgres() throws Exception {
        var server = CentralTesting.emptyServer();
        ok(CENTRAL_PASS + "\n", "init", "--central", "--home", dir.resolve("pgcentral").toString(), "--user", "olga");
        // no password on the command line: there is no such option
        assertEquals(2, run(CENTRAL_PASS + "\n", withHome("pgcentral", "olga", "central", "connect", "--db", server.url(),
                "--db-user", server.user(), "--db-password", "secret")).code());
        Result wrong = atRefused("pgcentral", "central", "connect", "--db", "jdbc:postgresql://db.example.org/harbor", "--db-user", server.user(),
                "--db-password-file", server.passwordFile().toString());
        assertTrue(wrong.err().contains("verify-full"), wrong.err());
        at("pgcentral", "central", "connect", "--db", server.url(), "--db-user", server.user(), "--db-password-file",
                server.passwordFile().toString());
        assertTrue(at("pgcentral", "central", "status").out().startsWith("store\tpostgresql\t" + server.url()));
        assertEquals("", at("pgcentral", "case", "list").out());
        at("pgcentral", "central", "connect", "--embedded");
        assertTrue(at("pgcentral", "central", "status").out().startsWith("store\tsqlite"));
    }

    @Test
    @DisplayName("several workstations: a second central vault enrolled to the same central keys with fingerprint-confirmed files (the receipt signing key travels in the enrolment file); the same package imported at once on both is filed once on PostgreSQL")
    void enrolSecondWorkstation() throws Exception {
        var server = CentralTesting.emptyServer();
        String keyLine = at("central", "central", "status").out().lines().filter(l -> l.startsWith("key-id")).findFirst().orElseThrow();
        for (String home : List.of("second", "third")) {
            ok(CENTRAL_PASS + "\n", "init", "--central", "--home", dir.resolve(home).toString(), "--user", "olga");
            Path request = dir.resolve(home + ".request");
            Matcher reqFp = FINGERPRINT.matcher(at(home, "central", "enrol-request", "--out", request.toString()).out());
            assertTrue(reqFp.find());
            Path enrolment = dir.resolve(home + ".enrol");
            // a request whose fingerprint is not the one read out: refused, nothing written
            atRefused("central", "central", "enrol-export", "--request", request.toString(), "--confirm", WRONG, "--out", enrolment.toString());
            assertFalse(Files.exists(enrolment));
            Matcher fileFp = FINGERPRINT.matcher(at("central", "central", "enrol-export", "--request", request.toString(), "--confirm",
                    reqFp.group(1), "--out", enrolment.toString()).out());
            assertTrue(fileFp.find());
            // the keys are never in clear in the file: its body is an age file to the new workstation
            String text = Files.readString(enrolment);
            String body = text.substring(text.indexOf('\n', text.indexOf("\nto ") + 1) + 1);
            assertTrue(new String(java.util.Base64.getMimeDecoder().decode(body), StandardCharsets.ISO_8859_1).startsWith("age-encryption.org/v1"));
            atRefused(home, "central", "enrol-import", enrolment.toString(), "--confirm", WRONG);
            assertTrue(at(home, "central", "enrol-import", enrolment.toString(), "--confirm", fileFp.group(1)).out().contains("enrolled"));
            assertEquals(keyLine, at(home, "central", "status").out().lines().filter(l -> l.startsWith("key-id")).findFirst().orElseThrow());
            // the receipt signing key travelled too: the enrolled workstation's trust bundle is the office's, byte for byte
            Path bundle = dir.resolve(home + "-trust.json");
            at(home, "trust", "export", "--out", bundle.toString());
            assertArrayEquals(Files.readAllBytes(dir.resolve("trust.json")), Files.readAllBytes(bundle));
            at(home, "device", "add", devicePub.toString(), "--label", "laptop 7", "--confirm", deviceFingerprint);
            at(home, "central", "connect", "--db", server.url(), "--db-user", server.user(), "--db-password-file",
                    server.passwordFile().toString());
        }
        // the same package at once at both workstations: each vault imports it, the server files it once
        CompletableFuture<Result> a = CompletableFuture.supplyAsync(() -> run(CENTRAL_PASS + "\n", withHome("second", "olga", "import", pkg.toString(),
                "--receipt-out", dir.resolve("r2").toString())));
        CompletableFuture<Result> b = CompletableFuture.supplyAsync(() -> run(CENTRAL_PASS + "\n", withHome("third", "olga", "import", pkg.toString(),
                "--receipt-out", dir.resolve("r3").toString())));
        assertEquals(0, a.get().code(), a.get().err());
        assertEquals(0, b.get().code(), b.get().err());
        assertEquals(2, CentralTesting.rowsOnServer("central_cases"));
        assertEquals(1, CentralTesting.rowsOnServer("central_packages"));
        assertEquals(2, CentralTesting.rowsOnServer("central_persons"));
        String listed = at("third", "case", "list").out();
        assertTrue(listed.contains("CANARYcc Amal Haddad"), listed);
        assertEquals(listed, at("second", "case", "list").out());
        // a receipt signed at an enrolled workstation verifies at the field vault, which trusts the office's bundle
        field("receipt", "apply", dir.resolve("r2").toString());
    }
}
