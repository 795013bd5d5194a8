package org.harbor.seal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.harbor.crypto.CanonicalJson;

/**
 * Hostile packages signed by an enrolled device, imported one by one into a real central vault. Run
 * as a main class in a child JVM with a 256 MB heap ({@link HostilePackageTest}); prints one line per
 * package: its name, the check that refused it (or "ACCEPTED"), and whether the database changed.
 */
public final class HostilePackages {

    /** What the largest bomb expands to: 1 GiB, four times the child's heap. */
    static final long LARGEST_EXPANSION = 1L << 30;

    private HostilePackages() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        try (PackageFixture f = new PackageFixture(dir)) {
            Crafter crafter = new Crafter();
            f.central.trust().enrolDevice(f.office, crafter.publicKey.toFile("test device"), "test device");
            List<String> recipients = List.of(f.bundle.primaryRecipient(), f.bundle.backupRecipient());
            for (Map.Entry<String, Hostile> h : cases().entrySet()) {
                long t0 = System.nanoTime();
                String caseId = Crafter.newCaseId();
                String packageId = UUID.randomUUID().toString();
                byte[] zip = h.getValue().build(crafter, packageId, caseId);
                Path file = dir.resolve(h.getKey() + ".harbor");
                crafter.seal(file, zip, h.getKey().equals("not-for-central") ? List.of(org.harbor.crypto.AgeIdentity.generate().recipient()) : recipients,
                        packageId);
                importAndReport(f, h.getKey(), file, t0);
                Files.delete(file);
                crafter.sequence++;
            }
            for (Map.Entry<String, HostileTwo> h : casesTwo().entrySet()) {
                long t0 = System.nanoTime();
                Path file = dir.resolve(h.getKey() + ".harbor");
                h.getValue().build(crafter, UUID.randomUUID().toString(), Crafter.newCaseId(), recipients, file);
                importAndReport(f, h.getKey(), file, t0);
                Files.delete(file);
                Files.deleteIfExists(PackageSignature.beside(file));
                crafter.sequence++;
            }
            System.out.println("MAXHEAP\t" + Runtime.getRuntime().maxMemory());
        }
    }

    /** Imports one crafted package and prints its line: the check that refused it, and whether the database changed. */
    private static void importAndReport(PackageFixture f, String name, Path file, long t0) throws Exception {
        String before = f.centralDatabaseHash();
        String outcome;
        try {
            f.central.imports().importPackage(f.office, file, ExportListener.SILENT);
            outcome = "ACCEPTED";
        } catch (PackageRefused e) {
            outcome = e.check().name() + "\t" + e.detail();
        }
        boolean unchanged = before.equals(f.centralDatabaseHash());
        System.out.println("RESULT\t" + name + "\t" + (unchanged ? "unchanged" : "CHANGED") + "\t" + outcome
                + "\t" + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }

    /** Builds the plaintext ZIP of one hostile package. */
    @FunctionalInterface
    interface Hostile {
        byte[] build(Crafter c, String packageId, String caseId) throws Exception;
    }

    static Map<String, Hostile> cases() {
        Map<String, Hostile> out = new LinkedHashMap<>();
        out.put("dot-dot-name", (c, p, id) -> listed(c, p, id, "../../etc/cron.d/x", "x".getBytes(StandardCharsets.UTF_8)));
        out.put("absolute-name", (c, p, id) -> listed(c, p, id, "/etc/passwd", "x".getBytes(StandardCharsets.UTF_8)));
        out.put("backslash-name", (c, p, id) -> listed(c, p, id, "cases\\..\\x", "x".getBytes(StandardCharsets.UTF_8)));
        out.put("duplicate-name", (c, p, id) -> {
            byte[] json = "{}".getBytes(StandardCharsets.UTF_8);
            Map<String, byte[]> entries = Map.of("cases/" + id + "/case.json", json);
            byte[] manifest = CanonicalJson.bytes(c.manifest(p, id, entries));
            byte[] zip = c.zip(manifest, List.of(entry("cases/" + id + "/case.json", json), entry("cases/" + id + "/case.jsoX", json)));
            return Crafter.replace(zip, "case.jsoX", "case.json");
        });
        out.put("gigabyte-expanding", (c, p, id) -> {
            String name = "cases/" + id + "/attachments/" + "0".repeat(64);
            Map<String, Object> manifest = c.manifest(p, id, Map.of());
            manifest.put("entries", Map.of(name, Map.of("sha256", "0".repeat(64), "size", 1000L)));
            return zipWithBomb(c, CanonicalJson.bytes(manifest), name, LARGEST_EXPANSION);
        });
        out.put("expanding-document", (c, p, id) -> {
            String name = "cases/" + id + "/case.json";
            Map<String, Object> manifest = c.manifest(p, id, Map.of());
            manifest.put("entries", Map.of(name, Map.of("sha256", "0".repeat(64), "size", 1000L)));
            return zipWithBomb(c, CanonicalJson.bytes(manifest), name, 64L << 20);
        });
        out.put("hundred-thousand-entries", (c, p, id) -> {
            List<Map.Entry<String, byte[]>> entries = new ArrayList<>();
            Map<String, byte[]> listed = new LinkedHashMap<>();
            byte[] one = {1};
            for (int i = 0; i < 100_000; i++) {
                String name = "cases/" + id + "/forms/f" + i + ".xml";
                entries.add(entry(name, one));
                listed.put(name, one);
            }
            return c.zip(CanonicalJson.bytes(c.manifest(p, id, listed)), entries);
        });
        out.put("deep-json-case", (c, p, id) -> listed(c, p, id, "cases/" + id + "/case.json",
                ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8)));
        out.put("deep-json-manifest", (c, p, id) -> {
            byte[] manifest = ("{\"format\":" + "[".repeat(50_000) + "]".repeat(50_000) + "}").getBytes(StandardCharsets.UTF_8);
            return c.zip(manifest, List.of());
        });
        out.put("other-device-in-manifest", (c, p, id) -> {
            Map<String, Object> manifest = c.manifest(p, id, Map.of());
            manifest.put("deviceId", "0123456789ABCDEF");
            return c.zip(CanonicalJson.bytes(manifest), List.of());
        });
        out.put("not-for-central", (c, p, id) -> c.zip(CanonicalJson.bytes(c.manifest(p, id, Map.of())), List.of()));
        out.put("not-a-zip", (c, p, id) -> "this is not a ZIP file at all".getBytes(StandardCharsets.UTF_8));
        out.put("case-without-seal", (c, p, id) -> {
            byte[] json = CanonicalJson.bytes(Map.of("format", "harbor-case/1", "caseId", id, "number", "HB-2026-000001", "seals", List.of()));
            return listed(c, p, id, "cases/" + id + "/case.json", json);
        });
        return out;
    }

    /** Writes one hostile package of format 2 to {@code file}, signed by the crafter's enrolled key. */
    @FunctionalInterface
    interface HostileTwo {
        void build(Crafter c, String packageId, String caseId, List<String> recipients, Path file) throws Exception;
    }

    /** Format 2 (ADR 0016): the outer ZIP and its signed index are new ground for a hostile device. */
    static Map<String, HostileTwo> casesTwo() {
        Map<String, HostileTwo> out = new LinkedHashMap<>();
        out.put("f2-dot-dot-name", (c, p, id, r, file) -> c.sealTwo(file,
                List.of(documents(c, p, id, r), new Crafter.File2("../../etc/cron.d/x", one())), List.of(), p));
        out.put("f2-absolute-name", (c, p, id, r, file) -> c.sealTwo(file,
                List.of(documents(c, p, id, r), new Crafter.File2("/etc/passwd", one())), List.of(), p));
        out.put("f2-file-twice-in-index", (c, p, id, r, file) -> {
            Crafter.File2 docs = documents(c, p, id, r);
            byte[] sums = Crafter.sums(List.of(docs, docs), List.of());
            c.sealTwo(file, List.of(docs), sums, p);
        });
        out.put("f2-index-beyond-cap", (c, p, id, r, file) -> {
            Crafter.File2 docs = documents(c, p, id, r);
            StringBuilder sums = new StringBuilder(new String(Crafter.sums(List.of(docs), List.of()), StandardCharsets.US_ASCII));
            String line = "0".repeat(64) + "  attachments/" + "0".repeat(64) + ".hdr\n";
            while (sums.length() < (12 << 20)) {
                sums.append(line);
            }
            c.sealTwo(file, List.of(docs), sums.toString().getBytes(StandardCharsets.US_ASCII), p);
        });
        out.put("f2-unlisted-file", (c, p, id, r, file) -> {
            String extra = "attachments/" + "0".repeat(64) + ".hdr";
            c.sealTwo(file, List.of(documents(c, p, id, r), new Crafter.File2(extra, one())), List.of(extra), p);
        });
        out.put("f2-attachment-inside-documents", (c, p, id, r, file) -> {
            byte[] bytes = one();
            String name = "cases/" + id + "/attachments/" + org.harbor.crypto.Hashes.hex(org.harbor.crypto.Hashes.sha256(bytes));
            c.sealTwo(file, List.of(new Crafter.File2(FormatTwo.DOCUMENTS, Crafter.encrypt(listed(c, p, id, name, bytes), r))),
                    List.of(), p);
        });
        out.put("f2-expanding-document", (c, p, id, r, file) -> {
            String name = "cases/" + id + "/case.json";
            Map<String, Object> manifest = c.manifest(p, id, Map.of());
            manifest.put("entries", Map.of(name, Map.of("sha256", "0".repeat(64), "size", 1000L)));
            byte[] bomb = zipWithBomb(c, CanonicalJson.bytes(manifest), name, 64L << 20);
            c.sealTwo(file, List.of(new Crafter.File2(FormatTwo.DOCUMENTS, Crafter.encrypt(bomb, r))), List.of(), p);
        });
        out.put("f2-header-beyond-cap", (c, p, id, r, file) -> {
            String sha = "0".repeat(64);
            c.sealTwo(file, List.of(documents(c, p, id, r), new Crafter.File2(FormatTwo.header(sha), new byte[100_000]),
                    new Crafter.File2(FormatTwo.payload(sha), one())), List.of(), p);
        });
        out.put("f2-documents-not-for-central", (c, p, id, r, file) -> c.sealTwo(file,
                List.of(documents(c, p, id, List.of(org.harbor.crypto.AgeIdentity.generate().recipient()))), List.of(), p));
        out.put("f2-other-device-in-manifest", (c, p, id, r, file) -> {
            Map<String, Object> manifest = c.manifest(p, id, Map.of());
            manifest.put("deviceId", "0123456789ABCDEF");
            c.sealTwo(file, List.of(new Crafter.File2(FormatTwo.DOCUMENTS,
                    Crafter.encrypt(c.zip(CanonicalJson.bytes(manifest), List.of()), r))), List.of(), p);
        });
        out.put("f2-not-a-zip", (c, p, id, r, file) -> {
            Files.write(file, "PK\u0003\u0004 and then no ZIP at all".getBytes(StandardCharsets.ISO_8859_1));
            c.sign(file, p);
        });
        return out;
    }

    /** documents.age of a crafted manifest listing one case and nothing else. */
    private static Crafter.File2 documents(Crafter c, String packageId, String caseId, List<String> recipients) throws Exception {
        byte[] zip = c.zip(CanonicalJson.bytes(c.manifest(packageId, caseId, Map.of())), List.of());
        return new Crafter.File2(FormatTwo.DOCUMENTS, Crafter.encrypt(zip, recipients));
    }

    private static byte[] one() {
        return "x".getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] listed(Crafter c, String packageId, String caseId, String name, byte[] bytes) throws Exception {
        Map<String, Object> manifest = c.manifest(packageId, caseId, Map.of());
        Map<String, Object> entries = new LinkedHashMap<>();
        entries.put(name, Map.of("sha256", org.harbor.crypto.Hashes.hex(org.harbor.crypto.Hashes.sha256(bytes)), "size", (long) bytes.length));
        manifest.put("entries", entries);
        return c.zip(CanonicalJson.bytes(manifest), List.of(entry(name, bytes)));
    }

    private static byte[] zipWithBomb(Crafter c, byte[] manifest, String name, long bytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(1);
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(manifest);
            zip.putNextEntry(new ZipEntry("manifest.sig"));
            zip.write(java.util.Base64.getEncoder().encode(c.key.sign(manifest)));
            zip.putNextEntry(new ZipEntry(name));
            byte[] zeros = new byte[1 << 20];
            for (long done = 0; done < bytes; done += zeros.length) {
                zip.write(zeros);
            }
        }
        return out.toByteArray();
    }

    private static Map.Entry<String, byte[]> entry(String name, byte[] bytes) {
        return new AbstractMap.SimpleEntry<>(name, bytes);
    }
}
