package org.harbor.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.harbor.crypto.Age;
import org.harbor.crypto.AgeIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16, "Packages, format 1 kept: ≥ 0.5 × age": what the faster export writes, and that it still imports. */
@DisplayName("Packages, format 1 kept, written faster (issue 16)")
class PackageSpeedTest {

    @TempDir
    Path dir;
    PackageFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new PackageFixture(dir);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    /** Each entry's method and CRC as the ZIP's local headers give them, with the bytes' own CRC. */
    private Map<String, long[]> entries(Path pkg) throws Exception {
        Map<String, long[]> out = new LinkedHashMap<>();
        List<AgeIdentity> identities = f.central.vault().transaction(TrustService::identities);
        try (FileChannel in = FileChannel.open(pkg, StandardOpenOption.READ);
             InputStream plain = Channels.newInputStream(Age.decrypting(in, identities));
             ZipInputStream zip = new ZipInputStream(plain)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                CRC32 crc = new CRC32();
                crc.update(zip.readAllBytes());
                out.put(e.getName(), new long[] {e.getMethod(), e.getCrc(), crc.getValue()});
            }
        } finally {
            identities.forEach(AgeIdentity::destroy);
        }
        return out;
    }

    @Test
    @DisplayName("STORED ZIP entries: an attachment goes out stored, with the CRC-32 recorded when it was attached, and imports")
    void attachmentsAreStoredEntries() throws Exception {
        String caseId = f.sealedCase("Quillon", true);
        ExportService.Exported exported = f.export(List.of(caseId), "stored.harbor");

        Map<String, long[]> entries = entries(exported.file());
        List<String> attachments = entries.keySet().stream().filter(PackageNames::isAttachment).toList();
        assertEquals(1, attachments.size());
        long[] attachment = entries.get(attachments.getFirst());
        assertEquals(ZipEntry.STORED, attachment[0], "the attachment is a STORED entry, not pushed through a Deflater");
        assertEquals(attachment[2], attachment[1], "its local header carries the CRC-32 of its bytes");
        assertEquals(ZipEntry.DEFLATED, entries.get(PackageNames.MANIFEST)[0], "documents are still compressed");

        ImportService.ImportResult imported = f.central.imports().importPackage(f.office, exported.file(), ExportListener.SILENT);
        assertFalse(imported.alreadyImported());
        assertEquals(ImportService.CaseOutcome.NEW, imported.cases().getFirst().outcome());
    }

    @Test
    @DisplayName("an attachment made before its CRC-32 was recorded (vault migration 0016) goes out DEFLATED at level 0 and imports")
    void attachmentsWithoutRecordedCrcStillExport() throws Exception {
        String caseId = f.sealedCase("Varrow", true);
        // As an attachment of a vault made before migration 0016: no CRC-32 in its row.
        f.field.vault().transaction(c -> {
            try (var clear = c.prepareStatement("UPDATE attachments SET crc32 = NULL WHERE case_id = ?")) {
                clear.setString(1, caseId);
                assertEquals(1, clear.executeUpdate());
            }
            return null;
        });
        ExportService.Exported exported = f.export(List.of(caseId), "deflated.harbor");

        Map<String, long[]> entries = entries(exported.file());
        long[] attachment = entries.entrySet().stream().filter(e -> PackageNames.isAttachment(e.getKey())).findFirst().orElseThrow().getValue();
        assertEquals(ZipEntry.DEFLATED, attachment[0]);
        ImportService.ImportResult imported = f.central.imports().importPackage(f.office, exported.file(), ExportListener.SILENT);
        assertTrue(imported.cases().stream().allMatch(c -> c.outcome() == ImportService.CaseOutcome.NEW));
    }
}
