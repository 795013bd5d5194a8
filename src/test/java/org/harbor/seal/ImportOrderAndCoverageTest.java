package org.harbor.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.harbor.crypto.Age;
import org.harbor.crypto.AgeIdentity;
import org.harbor.crypto.CanonicalJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15, "Inputs that can hurt": the import's sequence, seal-coverage and refusal-audit findings. */
@DisplayName("Central import (issue 15)")
class ImportOrderAndCoverageTest {

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

    @Test
    @DisplayName("packages that arrive out of order are not lost: a genuine, never-imported older sequence number imports;"
            + " a replay of it is still recognised")
    void packagesThatArriveOutOfOrderAreNotLost() throws Exception {
        ExportService.Exported older = f.export(List.of(f.sealedCase("CANARYord01")), "older.harbor");
        ExportService.Exported newer = f.export(List.of(f.sealedCase("CANARYord02")), "newer.harbor");
        assertTrue(older.sequence() < newer.sequence());
        f.central.imports().importPackage(f.office, newer.file(), ExportListener.SILENT);

        ImportService.ImportResult late = f.central.imports().importPackage(f.office, older.file(), ExportListener.SILENT);
        assertFalse(late.alreadyImported());
        assertEquals(List.of(ImportService.CaseOutcome.NEW), late.cases().stream().map(ImportService.ImportedCase::outcome).toList());

        assertTrue(f.central.imports().importPackage(f.office, older.file(), ExportListener.SILENT).alreadyImported(),
                "the same package again changes nothing");
        assertTrue(f.central.imports().importPackage(f.office, newer.file(), ExportListener.SILENT).alreadyImported());
    }

    @Test
    @DisplayName("replay protection: a package reusing an imported sequence number of its device is refused at the sequence check")
    void reusedSequenceIsRefused() throws Exception {
        Crafter crafter = new Crafter();
        f.central.trust().enrolDevice(f.office, crafter.publicKey.toFile("test device"), "test device");
        ExportService.Exported genuine = f.export(List.of(f.sealedCase("CANARYord03")), "genuine.harbor");
        Path crafted = recrafted(crafter, genuine, Map.of(), "first.harbor");
        f.central.imports().importPackage(f.office, crafted, ExportListener.SILENT);
        Path again = recrafted(crafter, genuine, Map.of(), "again.harbor"); // same sequence, new package id
        String before = f.centralDatabaseHash();
        PackageRefused e = assertThrows(PackageRefused.class,
                () -> f.central.imports().importPackage(f.office, again, ExportListener.SILENT));
        assertEquals(ImportCheck.SEQUENCE, e.check());
        assertEquals(before, f.centralDatabaseHash());
    }

    @Test
    @DisplayName("a package with an entry not covered by the case's seals (an extra attachment) is refused, never reported unchanged")
    void entryNotCoveredBySealsIsRefused() throws Exception {
        Crafter crafter = new Crafter();
        f.central.trust().enrolDevice(f.office, crafter.publicKey.toFile("test device"), "test device");
        String caseId = f.sealedCase("CANARYcov01", true);
        ExportService.Exported genuine = f.export(List.of(caseId), "genuine.harbor");
        ImportService.ImportResult first = f.central.imports().importPackage(f.office, genuine.file(), ExportListener.SILENT);
        assertEquals(ImportService.CaseOutcome.NEW, first.cases().getFirst().outcome());

        // The same sealed case.json, but one attachment more: signed by an enrolled device, listed in its manifest.
        byte[] extra = "an attachment no seal lists".getBytes(StandardCharsets.UTF_8);
        String extraName = PackageNames.attachment(caseId, org.harbor.crypto.Hashes.hex(org.harbor.crypto.Hashes.sha256(extra)));
        crafter.sequence = 1;
        Path withExtra = recrafted(crafter, genuine, Map.of(extraName, extra), "extra.harbor");
        String before = f.centralDatabaseHash();
        PackageRefused e = assertThrows(PackageRefused.class,
                () -> f.central.imports().importPackage(f.office, withExtra, ExportListener.SILENT),
                "an unsealed attachment must not ride along with a case reported \"unchanged\"");
        assertEquals("COVERAGE", e.check().name(), e.getMessage());
        assertEquals(before, f.centralDatabaseHash());

        // A form submission no seal lists is refused the same way.
        crafter.sequence = 2;
        Path withForm = recrafted(crafter, genuine, Map.of(PackageNames.form(caseId, UUID.randomUUID().toString()),
                "<data/>".getBytes(StandardCharsets.UTF_8)), "form.harbor");
        assertEquals("COVERAGE", assertThrows(PackageRefused.class,
                () -> f.central.imports().importPackage(f.office, withForm, ExportListener.SILENT)).check().name());

        // The genuine entries alone, re-signed by the other device: covered, so imported as unchanged.
        crafter.sequence = 3;
        Path same = recrafted(crafter, genuine, Map.of(), "same.harbor");
        assertEquals(ImportService.CaseOutcome.UNCHANGED,
                f.central.imports().importPackage(f.office, same, ExportListener.SILENT).cases().getFirst().outcome());
    }

    @Test
    @DisplayName("refused imports are audited at the central office: the check is named, and nothing of the package")
    void refusedImportsAreAudited() throws Exception {
        ExportService.Exported genuine = f.export(List.of(f.sealedCase("CANARYaud01")), "genuine.harbor");
        byte[] bytes = Files.readAllBytes(genuine.file());
        bytes[bytes.length / 2] ^= 1;
        Path altered = dir.resolve("altered.harbor");
        Files.write(altered, bytes);
        Files.copy(genuine.signature(), PackageSignature.beside(altered));
        assertEquals(List.of(), f.centralRefusals());
        assertThrows(PackageRefused.class, () -> f.central.imports().importPackage(f.office, altered, ExportListener.SILENT));
        assertEquals(List.of("{\"check\":\"signature\"}"), f.centralRefusals());

        f.central.imports().importPackage(f.office, genuine.file(), ExportListener.SILENT);
        Path missing = dir.resolve("missing.harbor");
        assertThrows(PackageRefused.class, () -> f.central.imports().importPackage(f.office, missing, ExportListener.SILENT));
        List<String> refusals = f.centralRefusals();
        assertEquals(2, refusals.size());
        assertEquals("{\"check\":\"size\"}", refusals.get(1));
        assertTrue(f.central.accounts().verifyAudit(f.office).intact(), "the refusals are entries of the chain");
        for (String details : refusals) {
            assertFalse(details.contains(genuine.packageId()) || details.contains("CANARY"), details);
        }
    }

    /**
     * The genuine package's plaintext entries (its sealed case.json and the rest) plus {@code extra},
     * under a new manifest signed by {@code crafter}, encrypted to the central office.
     */
    private Path recrafted(Crafter crafter, ExportService.Exported genuine, Map<String, byte[]> extra, String name) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        Map<String, Object> genuineManifest = null;
        List<AgeIdentity> identities = f.central.vault().transaction(TrustService::identities);
        try (FileChannel in = FileChannel.open(genuine.file(), StandardOpenOption.READ);
             InputStream plain = Channels.newInputStream(Age.decrypting(in, identities));
             ZipInputStream zip = new ZipInputStream(plain)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                byte[] bytes = zip.readAllBytes();
                if (e.getName().equals(PackageNames.MANIFEST)) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> m = (Map<String, Object>) CanonicalJson.parse(bytes, 64);
                    genuineManifest = m;
                } else if (!e.getName().equals(PackageNames.MANIFEST_SIG)) {
                    entries.put(e.getName(), bytes);
                }
            }
        }
        entries.putAll(extra);
        String packageId = UUID.randomUUID().toString();
        Map<String, Object> manifest = new LinkedHashMap<>(crafter.manifest(packageId, "unused", entries));
        manifest.put("cases", genuineManifest.get("cases"));
        for (String key : List.of("format", "purpose", "withheld")) { // format 2 since per-value withholding (ADR 0009)
            if (genuineManifest.containsKey(key)) {
                manifest.put(key, genuineManifest.get(key));
            }
        }
        List<Map.Entry<String, byte[]>> list = new ArrayList<>();
        entries.forEach((k, v) -> list.add(new AbstractMap.SimpleEntry<>(k, v)));
        byte[] zip = crafter.zip(CanonicalJson.bytes(manifest), list);
        return crafter.seal(dir.resolve(name), zip, List.of(f.bundle.primaryRecipient(), f.bundle.backupRecipient()), packageId);
    }
}
