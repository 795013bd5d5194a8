package org.harbor.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.harbor.crypto.Blake2b;
import org.harbor.crypto.Minisign;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every altered package is refused before anything is written: every row of the central database
 * is the same before and after but one audit entry naming the check that failed, which the refusal
 * names too.
 */
@DisplayName("Altered packages")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MutationTest {

    Path dir;
    PackageFixture f;
    ExportService.Exported first;
    ExportService.Exported second;
    byte[] original;
    String hash;

    @BeforeAll
    void setUp(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        f = new PackageFixture(dir);
        first = f.export(List.of(f.sealedCase("CANARYmut01")), "first.harbor");
        second = f.export(List.of(f.sealedCase("CANARYmut02")), "second.harbor");
        f.central.imports().importPackage(f.office, second.file(), ExportListener.SILENT);
        original = Files.readAllBytes(second.file());
        hash = f.centralDatabaseHash();
    }

    @AfterAll
    void tearDown() {
        f.close();
    }

    /** Imports {@code bytes} with {@code signature} beside them; returns the check that refused it. */
    ImportCheck refusal(byte[] bytes, byte[] signature) throws Exception {
        Path file = dir.resolve("mutant.harbor");
        Files.write(file, bytes);
        Files.write(PackageSignature.beside(file), signature);
        int audited = f.centralRefusals().size();
        PackageRefused e = assertThrows(PackageRefused.class,
                () -> f.central.imports().importPackage(f.office, file, ExportListener.SILENT));
        assertTrue(e.detail().startsWith("refused at check \"" + e.check().label() + "\""), e.detail());
        assertEquals(hash, f.centralDatabaseHash(), "the central database changed for " + e.detail());
        List<String> refusals = f.centralRefusals();
        assertEquals(audited + 1, refusals.size(), "one audit entry per refusal");
        assertEquals("{\"check\":\"" + e.check().name().toLowerCase(java.util.Locale.ROOT) + "\"}", refusals.getLast());
        return e.check();
    }

    byte[] signature(ExportService.Exported e) throws Exception {
        return Files.readAllBytes(e.signature());
    }

    @Test
    @DisplayName("flipping any one of 600 sampled bytes (header, body, end) is refused at the signature check")
    void flippedBytes() throws Exception {
        TreeSet<Integer> positions = new TreeSet<>();
        for (int i = 0; i < 200; i++) {
            positions.add(i);
            positions.add(original.length - 1 - i);
            positions.add(200 + (int) ((long) i * (original.length - 400) / 200));
        }
        assertTrue(positions.size() >= 500, "sampled " + positions.size());
        byte[] sig = signature(second);
        for (int at : positions) {
            byte[] mutant = original.clone();
            mutant[at] ^= (byte) 0xFF;
            assertEquals(ImportCheck.SIGNATURE, refusal(mutant, sig), "byte " + at);
        }
    }

    @Test
    @DisplayName("flipping a byte of the signature file's signed lines is refused at the signature check")
    void flippedSignature() throws Exception {
        byte[] sig = signature(second);
        int signedFrom = new String(sig, java.nio.charset.StandardCharsets.US_ASCII).indexOf('\n') + 1; // the first line is minisign's untrusted comment
        for (int at = signedFrom; at < sig.length - 1; at += 3) {
            byte[] mutant = sig.clone();
            mutant[at] ^= (byte) 0x01;
            assertEquals(ImportCheck.SIGNATURE, refusal(original, mutant), "signature byte " + at);
        }
    }

    @Test
    @DisplayName("a truncated package is refused at the signature check")
    void truncated() throws Exception {
        byte[] sig = signature(second);
        for (int length : new int[] {0, 1, 31, original.length / 2, original.length - 17, original.length - 1}) {
            assertEquals(ImportCheck.SIGNATURE, refusal(java.util.Arrays.copyOf(original, length), sig), "length " + length);
        }
    }

    @Test
    @DisplayName("another package's signature is refused at the signature check")
    void swappedSignature() throws Exception {
        assertEquals(ImportCheck.SIGNATURE, refusal(original, signature(first)));
    }

    @Test
    @DisplayName("re-signing with an unenrolled key is refused at the signature check, under its own id or the enrolled one")
    void unenrolledKey() throws Exception {
        Crafter stranger = new Crafter();
        byte[] blake = blake(original);
        String own = Minisign.sign(stranger.key, stranger.keyId, blake, "x",
                PackageNames.trustedComment(second.packageId(), stranger.deviceId(), 9, "2026-11-28T09:00:00Z"));
        assertEquals(ImportCheck.SIGNATURE, refusal(original, own.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        byte[] enrolledId = Minisign.keyIdFromHex(f.device.deviceId());
        String borrowed = Minisign.sign(stranger.key, enrolledId, blake, "x",
                PackageNames.trustedComment(second.packageId(), f.device.deviceId(), 9, "2026-11-28T09:00:00Z"));
        assertEquals(ImportCheck.SIGNATURE, refusal(original, borrowed.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    @Test
    @DisplayName("a package above the size cap is refused first, at the size check")
    void sizeCap() throws Exception {
        ImportService small = new ImportService(f.central.vault(), f.central.accounts(), f.central.audit(), f.clock,
                PackageLimits.DEFAULT.withMaxPackageBytes(original.length - 1));
        Path file = dir.resolve("big.harbor");
        Files.write(file, original);
        Files.write(PackageSignature.beside(file), signature(second));
        PackageRefused e = assertThrows(PackageRefused.class, () -> small.importPackage(f.office, file, ExportListener.SILENT));
        assertEquals(ImportCheck.SIZE, e.check());
        assertEquals(hash, f.centralDatabaseHash());
    }

    private static byte[] blake(byte[] bytes) {
        Blake2b b = new Blake2b();
        b.update(bytes, 0, bytes.length);
        return b.digest();
    }

}
