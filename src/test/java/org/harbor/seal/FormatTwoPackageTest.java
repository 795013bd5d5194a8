package org.harbor.seal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.harbor.crypto.Age;
import org.harbor.crypto.AgeException;
import org.harbor.crypto.AgeHeaders;
import org.harbor.crypto.AgeIdentity;
import org.harbor.crypto.Hashes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Package format 2 (ADR 0016, issue 16): attachments shipped as their stored ciphertext with new
 * headers to the office, under a signed index of hashes recorded at attach time; read by the
 * standard tools with the ADR's commands; format 1 still imports. Synthetic data only.
 */
@DisplayName("Package format 2")
class FormatTwoPackageTest {

    @TempDir
    Path dir;
    PackageFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new PackageFixture(dir);
        f.format = PackageFormat.TWO;
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    @DisplayName("export writes format 2 by default, and it imports with its attachment checked against the manifest and the seal")
    void defaultFormatImports() throws Exception {
        String caseId = f.sealedCase("CANARYfmt01", true);
        Path out = dir.resolve("out").resolve("default.harbor");
        ExportService.Exported exported = f.field.exports().export(f.supervisor, List.of(caseId), out, ExportListener.SILENT);
        assertTrue(FormatTwo.sniff(exported.file()), "a ZIP, not an age file");
        List<String> names = zipNames(exported.file());
        assertEquals(List.of("format", "SHA256SUMS", "SHA256SUMS.minisig", "documents.age"), names.subList(0, 4));
        assertEquals(6, names.size(), "one attachment: its header and its payload");
        assertArrayEquals(Files.readAllBytes(exported.signature()), entry(exported.file(), "SHA256SUMS.minisig"),
                "the signature beside the package is the index's, for the senders that announce it");
        ImportService.ImportResult result = f.central.imports().importPackage(f.office, exported.file(), ExportListener.SILENT);
        assertFalse(result.alreadyImported());
        assertEquals(ImportService.CaseOutcome.NEW, result.cases().getFirst().outcome());
        assertTrue(f.central.imports().importPackage(f.office, exported.file(), ExportListener.SILENT).alreadyImported(),
                "the same package again is a no-op");
        assertTrue(f.centralRefusals().isEmpty());
    }

    @Test
    @DisplayName("format 1 packages still import")
    void formatOneStillImports() throws Exception {
        f.format = PackageFormat.ONE;
        ExportService.Exported one = f.export(List.of(f.sealedCase("CANARYfmt02", true)), "one.harbor");
        assertFalse(FormatTwo.sniff(one.file()));
        assertFalse(f.central.imports().importPackage(f.office, one.file(), ExportListener.SILENT).alreadyImported());
        f.format = PackageFormat.TWO;
        ExportService.Exported two = f.export(List.of(f.sealedCase("CANARYfmt03", true)), "two.harbor");
        assertFalse(f.central.imports().importPackage(f.office, two.file(), ExportListener.SILENT).alreadyImported());
    }

    @Test
    @DisplayName("the standard tools check and read a format-2 package with exactly the commands of the ADR and README")
    void standardTools() throws Exception {
        String caseId = f.sealedCase("CANARYfmt04", true);
        ExportService.Exported exported = f.export(List.of(caseId), "tools.harbor");
        String sha = zipNames(exported.file()).get(4).substring("attachments/".length(), "attachments/".length() + 64);
        Path identity = dir.resolve("office.key");
        f.central.trust().writeIdentity(f.office, identity);
        String said = sh(String.join("\n",
                "set -e",
                "unzip -q -d pkg \"$PKG\"",
                "cd pkg",
                "minisign -V -p \"$DEVICE\" -m SHA256SUMS",
                "sha256sum -c SHA256SUMS",
                "age -d -i \"$OFFICE\" documents.age > documents.zip && unzip -l documents.zip",
                "cat attachments/$H.hdr attachments/$H.payload | age -d -i \"$OFFICE\" > $H.bin",
                "sha256sum $H.bin"), exported.file(), identity, sha);
        assertTrue(said.contains("Trusted comment: harbor-package id=" + exported.packageId()), said);
        assertTrue(said.contains("documents.age: OK") && said.contains("attachments/" + sha + ".payload: OK"), said);
        assertTrue(said.contains("manifest.json") && said.contains("cases/" + caseId + "/case.json"), said);
        assertTrue(said.contains(sha + "  " + sha + ".bin"), "the attachment decrypts to the file its name hashes: " + said);
        assertTrue(new String(Files.readAllBytes(dir.resolve("pkg").resolve(sha + ".bin")), StandardCharsets.UTF_8)
                .contains("A statement about CANARYfmt04"));
    }

    @Test
    @DisplayName("the field vault cannot read its own format-2 export with any key it holds, its blob identity included")
    void fieldCannotRead() throws Exception {
        ExportService.Exported exported = f.export(List.of(f.sealedCase("CANARYfmt05", true)), "own.harbor");
        List<AgeIdentity> held = new ArrayList<>();
        Connection c = f.field.vault().connection();
        try (PreparedStatement q = c.prepareStatement("SELECT seed FROM signing_keys"); ResultSet row = q.executeQuery()) {
            while (row.next()) {
                held.add(X25519Keys.identityFromScalar(row.getBytes(1)));
            }
        }
        try (PreparedStatement q = c.prepareStatement("SELECT recipient, identity FROM attachment_keys"); ResultSet row = q.executeQuery()) {
            while (row.next()) {
                held.add(AgeIdentity.of(row.getString(1), row.getString(2).toCharArray()));
            }
        }
        c.rollback();
        assertTrue(held.size() >= 2, "signing keys and the blob identity");
        Path unpacked = dir.resolve("own");
        unzip(exported.file(), unpacked);
        Path attachment = Files.list(unpacked.resolve("attachments")).filter(p -> p.toString().endsWith(".hdr")).findFirst().orElseThrow();
        byte[] header = Files.readAllBytes(attachment);
        byte[] payload = Files.readAllBytes(Path.of(attachment.toString().replace(".hdr", ".payload")));
        byte[] whole = new byte[header.length + payload.length];
        System.arraycopy(header, 0, whole, 0, header.length);
        System.arraycopy(payload, 0, whole, header.length, payload.length);
        for (AgeIdentity identity : held) {
            assertThrows(AgeException.class, () -> decrypt(Files.readAllBytes(unpacked.resolve("documents.age")), identity));
            assertThrows(AgeException.class, () -> decrypt(whole, identity));
            identity.destroy();
        }
        String headerText = new String(header, StandardCharsets.US_ASCII);
        assertEquals(2, headerText.split("\n-> X25519 ", -1).length - 1, "wrapped to the office's primary and backup keys only");
        assertFalse(f.central.imports().importPackage(f.office, exported.file(), ExportListener.SILENT).alreadyImported());
    }

    @Test
    @DisplayName("each attachment's payload SHA-256 and CRC-32 are recorded at attach time, and are the blob file's after its header")
    void payloadDigestsRecordedAtAttach() throws Exception {
        f.sealedCase("CANARYfmt06", true);
        String[] recorded = payloadDigests();
        Path blob = onlyBlob();
        byte[] bytes = Files.readAllBytes(blob);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int start = text.indexOf('\n', text.indexOf("\n--- ") + 1) + 1;
        byte[] payload = Arrays.copyOfRange(bytes, start, bytes.length);
        assertEquals(Hashes.hex(Hashes.sha256(payload)), recorded[0]);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(payload);
        assertEquals(Long.toString(crc.getValue()), recorded[1]);
    }

    @Test
    @DisplayName("attachments made before migration 0019 get their payload digests on their first export, recorded for the next")
    void backfill() throws Exception {
        String caseId = f.sealedCase("CANARYfmt07", true);
        String[] atAttach = payloadDigests();
        fieldUpdate("UPDATE attachments SET payload_sha256 = NULL, payload_crc32 = NULL");
        assertEquals(null, payloadDigests()[0]);
        ExportService.Exported exported = f.export(List.of(caseId), "backfilled.harbor");
        assertArrayEquals(atAttach, payloadDigests(), "the digests recorded again are the ones taken at attach time");
        assertFalse(f.central.imports().importPackage(f.office, exported.file(), ExportListener.SILENT).alreadyImported());
    }

    @Test
    @DisplayName("each attachment's age file key is recorded at attach time: it opens its blob's header where the blob identity is not held")
    void fileKeyRecordedAtAttach() throws Exception {
        f.sealedCase("CANARYfmt11", true);
        byte[] key = fileKey();
        assertEquals(AgeHeaders.FILE_KEY_LENGTH, key.length);
        Path blob = onlyBlob();
        try (AgeIdentity stranger = AgeIdentity.generate(); AgeIdentity office = AgeIdentity.generate();
             FileChannel file = FileChannel.open(blob, StandardOpenOption.READ)) {
            AgeHeaders rewrapping = AgeHeaders.rewrapping(Age.decryptor(List.of(stranger)), List.of(office.recipient()));
            assertThrows(AgeException.class, () -> rewrapping.rewrap(file), "without the key, a stranger's identity opens nothing");
            byte[] wrong = key.clone();
            wrong[0] ^= 1;
            assertThrows(AgeException.class, () -> rewrapping.rewrap(file, wrong), "a wrong key does not match the header's MAC");
            AgeHeaders.Rewrapped rewrapped = rewrapping.rewrap(file, key);
            byte[] stored = Files.readAllBytes(blob);
            byte[] shipped = new byte[rewrapped.header().length + stored.length - (int) rewrapped.payloadOffset()];
            System.arraycopy(rewrapped.header(), 0, shipped, 0, rewrapped.header().length);
            System.arraycopy(stored, (int) rewrapped.payloadOffset(), shipped, rewrapped.header().length, stored.length - (int) rewrapped.payloadOffset());
            try (InputStream plain = Channels.newInputStream(Age.decrypting(Channels.newChannel(new ByteArrayInputStream(shipped)),
                    List.of(office)))) {
                assertTrue(new String(plain.readAllBytes(), StandardCharsets.UTF_8).contains("A statement about CANARYfmt11"));
            }
        }
    }

    @Test
    @DisplayName("an export rewraps each attachment with its recorded key (no X25519 unwrap): it succeeds with the blob identity replaced")
    void exportUsesRecordedKey() throws Exception {
        String caseId = f.sealedCase("CANARYfmt12", true);
        try (AgeIdentity other = AgeIdentity.generate()) {
            char[] secret = other.copySecret();
            f.field.vault().transaction(c -> {
                try (PreparedStatement u = c.prepareStatement("UPDATE attachment_keys SET recipient = ?, identity = ? WHERE id = 1")) {
                    u.setString(1, other.recipient());
                    u.setString(2, new String(secret));
                    u.executeUpdate();
                }
                return null;
            });
            Arrays.fill(secret, '\0');
        }
        ExportService.Exported exported = f.export(List.of(caseId), "recorded-key.harbor");
        assertFalse(f.central.imports().importPackage(f.office, exported.file(), ExportListener.SILENT).alreadyImported());
        assertTrue(f.centralRefusals().isEmpty());
    }

    @Test
    @DisplayName("a wrong recorded key does not match the header's MAC: the key is unwrapped with the blob identity and the package imports")
    void wrongRecordedKeyFallsBack() throws Exception {
        String caseId = f.sealedCase("CANARYfmt14", true);
        fieldUpdate("UPDATE attachments SET file_key = randomblob(16)");
        ExportService.Exported exported = f.export(List.of(caseId), "wrong-key.harbor");
        assertFalse(f.central.imports().importPackage(f.office, exported.file(), ExportListener.SILENT).alreadyImported());
        assertTrue(f.centralRefusals().isEmpty());
    }

    @Test
    @DisplayName("attachments made before migration 0020 (no recorded key) are exported by unwrapping their key, as before")
    void noRecordedKeyUnwraps() throws Exception {
        String caseId = f.sealedCase("CANARYfmt13", true);
        fieldUpdate("UPDATE attachments SET file_key = NULL");
        ExportService.Exported exported = f.export(List.of(caseId), "unwrapped.harbor");
        assertFalse(f.central.imports().importPackage(f.office, exported.file(), ExportListener.SILENT).alreadyImported());
    }

    @Test
    @DisplayName("a stored payload altered in the field vault is shipped as is and refused by the importer at the signed hash")
    void alteredBlobRefused() throws Exception {
        String caseId = f.sealedCase("CANARYfmt08", true);
        Path blob = onlyBlob();
        byte[] bytes = Files.readAllBytes(blob);
        bytes[bytes.length - 20] ^= 1;
        Files.write(blob, bytes);
        ExportService.Exported exported = f.export(List.of(caseId), "altered.harbor");
        String before = f.centralDatabaseHash();
        PackageRefused e = assertThrows(PackageRefused.class,
                () -> f.central.imports().importPackage(f.office, exported.file(), ExportListener.SILENT));
        assertEquals(ImportCheck.SIGNATURE, e.check(), e.detail());
        assertEquals(before, f.centralDatabaseHash());
    }

    @Test
    @DisplayName("a blob file missing among several (headers made on several threads) refuses the export, and nothing is left beside the target")
    void missingBlobAmongManyRefused() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(f.sealedCase("CANARYfmt1" + (char) ('a' + i), true));
        }
        List<Path> blobs;
        try (var list = Files.list(dir.resolve("field").resolve("blobs"))) {
            blobs = list.filter(p -> p.toString().endsWith(".age")).sorted().toList();
        }
        assertEquals(12, blobs.size());
        Files.delete(blobs.get(7));
        Path out = dir.resolve("out-missing");
        org.harbor.testing.Refusals.assertRefused("attachments.error.missing",
                () -> f.field.exports().export(f.supervisor, ids, out.resolve("p.harbor"), ExportListener.SILENT));
        try (var left = Files.list(out)) {
            assertEquals(List.of(), left.toList(), "no package, signature or temporary file left");
        }
    }

    @Test
    @DisplayName("an export cancelled while the attachments' headers are made stops, and nothing is left beside the target")
    void cancelledWhileHeadersAreMade() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(f.sealedCase("CANARYfmt2" + (char) ('a' + i), true));
        }
        Path out = dir.resolve("out-cancelled");
        java.util.concurrent.atomic.AtomicBoolean documentsWritten = new java.util.concurrent.atomic.AtomicBoolean();
        ExportListener cancelling = new ExportListener() {
            @Override
            public void progress(long done, long total) {
                documentsWritten.set(true); // the first progress comes once the documents are written
            }

            @Override
            public boolean cancelled() {
                return documentsWritten.get(); // then cancelled, while the headers are made on the pool
            }
        };
        assertThrows(PackageWriter.Cancelled.class, () -> f.field.exports().export(f.supervisor, ids, out.resolve("p.harbor"), cancelling));
        try (var left = Files.list(out)) {
            assertEquals(List.of(), left.toList(), "no package, signature or temporary file left");
        }
        assertEquals(6, f.field.exports().exportable(f.supervisor).size(), "the cases are still to be exported");
    }

    // --- helpers ------------------------------------------------------------------------------

    /** One statement on the field vault's database, as an older vault or an altered row would have it. */
    private void fieldUpdate(String sql) {
        f.field.vault().transaction(c -> {
            try (PreparedStatement u = c.prepareStatement(sql)) {
                u.executeUpdate();
            }
            return null;
        });
    }

    private byte[] fileKey() throws Exception {
        return f.field.vault().transaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT file_key FROM attachments");
                 ResultSet row = q.executeQuery()) {
                assertTrue(row.next());
                return row.getBytes(1);
            }
        });
    }

    private Path onlyBlob() throws Exception {
        try (var blobs = Files.list(dir.resolve("field").resolve("blobs"))) {
            return blobs.filter(p -> p.toString().endsWith(".age")).findFirst().orElseThrow();
        }
    }

    private String[] payloadDigests() throws Exception {
        return f.field.vault().transaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT payload_sha256, payload_crc32 FROM attachments");
                 ResultSet row = q.executeQuery()) {
                assertTrue(row.next());
                return new String[] {row.getString(1), row.getString(2)};
            }
        });
    }

    static List<String> zipNames(Path file) throws Exception {
        List<String> names = new ArrayList<>();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            zip.stream().forEach(e -> {
                assertEquals(java.util.zip.ZipEntry.STORED, e.getMethod(), e.getName());
                names.add(e.getName());
            });
        }
        return names;
    }

    static byte[] entry(Path file, String name) throws Exception {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            return zip.getInputStream(zip.getEntry(name)).readAllBytes();
        }
    }

    private static void unzip(Path file, Path to) throws Exception {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            for (var e : java.util.Collections.list(zip.entries())) {
                Path target = to.resolve(e.getName());
                Files.createDirectories(target.getParent());
                Files.write(target, zip.getInputStream(e).readAllBytes());
            }
        }
    }

    private static void decrypt(byte[] file, AgeIdentity identity) throws Exception {
        try (InputStream in = Channels.newInputStream(Age.decrypting(Channels.newChannel(new java.io.ByteArrayInputStream(file)),
                List.of(identity)))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    private String sh(String script, Path pkg, Path office, String sha) throws Exception {
        ProcessBuilder sh = new ProcessBuilder("sh", "-c", script).directory(dir.toFile()).redirectErrorStream(true);
        sh.environment().put("PKG", pkg.toString());
        sh.environment().put("DEVICE", dir.resolve("device.pub").toString());
        sh.environment().put("OFFICE", office.toString());
        sh.environment().put("H", sha);
        Process p = sh.start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), said);
        return said;
    }
}
