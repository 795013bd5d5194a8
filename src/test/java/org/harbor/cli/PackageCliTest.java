package org.harbor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.harbor.testing.FileScan;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole journey of a case through the command line, on two real vaults, and the package read
 * by the standard {@code age} and {@code minisign} tools (installed by {@code .ci/run}).
 */
@DisplayName("Packages through the harbor command")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackageCliTest {

    static final String FIELD_PASS = "field supervisor pass phrase";
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

    Result ok(String stdin, String... args) {
        Result r = run(stdin, args);
        assertEquals(0, r.code(), String.join(" ", args) + "\n" + r.out() + r.err());
        return r;
    }

    Result field(String... args) {
        return ok(FIELD_PASS + "\n", withHome("field", "sasha", args));
    }

    Result central(String... args) {
        return ok(CENTRAL_PASS + "\n", withHome("central", "olga", args));
    }

    String[] withHome(String home, String user, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--home", dir.resolve(home).toString(), "--user", user));
        return all.toArray(String[]::new);
    }

    @Test
    @DisplayName("init → seal → export → verify → import → receipt → receipt apply → purge; then no marker in the field vault,"
            + " and age and minisign read the package")
    void journey() throws Exception {
        ok(FIELD_PASS + "\n", "init", "--home", dir.resolve("field").toString(), "--user", "sasha");
        Result init = ok(CENTRAL_PASS + "\n", "init", "--central", "--home", dir.resolve("central").toString(), "--user", "olga");
        assertTrue(init.out().contains("bundle fingerprint"), init.out());

        String caseId = ok(FIELD_PASS + "\nCANARYcli01 Survivor\nCANARYcli01Alias\n",
                withHome("field", "sasha", "case", "new", "--survivor-file", "-")).out().split("\t")[0];
        // An empty case is not sealed (issue 14): a recorded decision (research refused) gives it
        // something to seal while services stay without consent, as the export check below needs.
        field("consent", "record", "--case", caseId, "--purpose", "research", "--refused", "--by-survivor", "--language", "en");
        String sealLine = field("seal", "--case", caseId).out();
        assertTrue(sealLine.contains("\tcase\t"), sealLine);
        Result report = field("seal", "--verify", caseId);
        assertTrue(report.out().contains("case sealed by sasha (supervisor)"), report.out());

        Path devicePub = dir.resolve("device.pub");
        Result enrol = field("device", "enrol", "--out", devicePub.toString());
        String deviceId = enrol.out().lines().findFirst().orElseThrow().substring("device ".length());
        String deviceFingerprint = enrol.out().lines().filter(l -> l.startsWith("fingerprint ")).findFirst().orElseThrow()
                .substring("fingerprint ".length());
        Result added = central("device", "add", devicePub.toString(), "--label", "laptop 7", "--confirm", deviceFingerprint);
        assertTrue(added.out().contains("enrolled " + deviceId), added.out());

        Path trust = dir.resolve("trust.json");
        Result exported = central("trust", "export", "--out", trust.toString());
        Matcher fp = Pattern.compile("bundle fingerprint ([0-9A-F ]+)").matcher(exported.out());
        assertTrue(fp.find());
        Result unconfirmed = run(FIELD_PASS + "\n", withHome("field", "sasha", "trust", "import", trust.toString()));
        assertEquals(1, unconfirmed.code());
        assertTrue(unconfirmed.err().contains("--confirm"), unconfirmed.err());
        assertEquals(1, run(FIELD_PASS + "\n", withHome("field", "sasha", "trust", "import", trust.toString(), "--confirm", "0000")).code());
        field("trust", "import", trust.toString(), "--confirm", fp.group(1).strip());

        // Without a consent or a lawful basis for services the case does not leave (issue 12).
        Result noConsent = run(FIELD_PASS + "\n", withHome("field", "sasha", "export", "--cases", caseId, "--out",
                dir.resolve("out").resolve("refused.harbor").toString()));
        assertEquals(1, noConsent.code());
        assertTrue(noConsent.err().contains("no consent or lawful basis for Services (no consent recorded)"), noConsent.err());
        field("consent", "record", "--case", caseId, "--purpose", "services", "--by-survivor", "--language", "en");
        assertTrue(field("consent", "list", caseId).out().contains("services\tallowed\tconsent"));

        // Format 1 is still written on request (an office not yet upgraded) and read by age and minisign.
        Path pkg1 = dir.resolve("out").resolve("week48-format1.harbor");
        assertTrue(field("export", "--all-sealed", "--format", "1", "--out", pkg1.toString()).out().startsWith("package "));
        tools(pkg1, devicePub);
        assertTrue(ok("", "verify", pkg1.toString(), "--device-key", devicePub.toString()).out().contains("signature ok"));
        // Format 2, the default: the package the office imports below.
        Path pkg = dir.resolve("out").resolve("week48.harbor");
        Result export = field("export", "--all-sealed", "--out", pkg.toString());
        assertTrue(export.out().startsWith("package "), export.out());
        Result verify = ok("", "verify", pkg.toString(), "--device-key", devicePub.toString());
        assertTrue(verify.out().contains("signature ok") && verify.out().contains("device " + deviceId), verify.out());
        Result deep = central("verify", pkg.toString(), "--device-key", devicePub.toString());
        assertTrue(deep.out().contains("Chain of custody") && deep.out().contains("every SHA-256 checked"), deep.out());

        toolsFormatTwo(pkg, devicePub);

        Path receipt = dir.resolve("week48.receipt");
        Result imported = central("import", pkg.toString(), "--receipt-out", receipt.toString());
        assertTrue(imported.out().contains(caseId + "\t"), imported.out());
        assertTrue(central("import", pkg.toString(), "--receipt-out", receipt.toString()).out().startsWith("already imported"));
        field("receipt", "apply", receipt.toString());
        Result purged = field("purge", "--received");
        assertEquals("purged 1 received cases", purged.out().strip());
        assertTrue(field("case", "list").out().isBlank());
        Result audit = field("audit", "verify");
        assertTrue(audit.out().startsWith("ok"), audit.out());

        List<String> hits = FileScan.findMarkers(List.of(dir.resolve("field"), dir.resolve("out")), List.of("CANARYcli01"));
        assertEquals(List.of(), hits);
    }

    /**
     * Package format 2 with the standard tools, exactly as README "Packages" and ADR 0016 say:
     * unzip, {@code minisign -V} on the index, {@code sha256sum -c}, {@code age -d} of the documents.
     */
    void toolsFormatTwo(Path pkg, Path devicePub) throws Exception {
        Path identity = dir.resolve("office.key");
        central("trust", "export", "--identity", "--out", identity.toString());
        Path unpacked = dir.resolve("pkg");
        String script = String.join("\n",
                "set -e",
                "unzip -q -d \"$PKGDIR\" \"$PKG\"",
                "cd \"$PKGDIR\"",
                "minisign -V -p \"$DEVICE\" -m SHA256SUMS",
                "sha256sum -c SHA256SUMS",
                "age -d -i \"$OFFICE\" documents.age > documents.zip && unzip -l documents.zip");
        ProcessBuilder sh = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true);
        sh.environment().put("PKG", pkg.toString());
        sh.environment().put("PKGDIR", unpacked.toString());
        sh.environment().put("DEVICE", devicePub.toString());
        sh.environment().put("OFFICE", identity.toString());
        Process p = sh.start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), said);
        assertTrue(said.contains("Trusted comment: harbor-package id="), said);
        assertTrue(said.contains("documents.age: OK") && said.contains("manifest.json"), said);
        try (var files = Files.walk(unpacked)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
        Files.delete(identity);
    }

    /** The standard tools: minisign checks the signature file; age decrypts to a ZIP whose hashes match the manifest. */
    void tools(Path pkg, Path devicePub) throws Exception {
        Process minisign = new ProcessBuilder("minisign", "-V", "-m", pkg.toString(), "-p", devicePub.toString())
                .redirectErrorStream(true).start();
        String said = new String(minisign.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(minisign.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, minisign.exitValue(), said);
        assertTrue(said.contains("Trusted comment: harbor-package id="), said);

        Path identity = dir.resolve("central-identity.txt");
        central("trust", "export", "--identity", "--out", identity.toString());
        Path zip = dir.resolve("decrypted.zip");
        Process age = new ProcessBuilder("age", "-d", "-i", identity.toString(), "-o", zip.toString(), pkg.toString())
                .redirectErrorStream(true).start();
        String ageSaid = new String(age.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(age.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, age.exitValue(), ageSaid);

        JsonNode manifest = null;
        Map<String, String> hashes = new java.util.HashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals("manifest.json")) {
                    manifest = new ObjectMapper().readTree(bytes);
                } else if (!e.getName().equals("manifest.sig")) {
                    hashes.put(e.getName(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
                }
            }
        }
        assertTrue(manifest != null);
        JsonNode entries = manifest.get("entries");
        assertEquals(entries.size(), hashes.size());
        assertTrue(hashes.size() >= 2);
        for (Map.Entry<String, String> h : hashes.entrySet()) {
            assertEquals(entries.get(h.getKey()).get("sha256").asText(), h.getValue(), h.getKey());
        }
        Files.delete(zip);
        Files.delete(identity);
    }
}
