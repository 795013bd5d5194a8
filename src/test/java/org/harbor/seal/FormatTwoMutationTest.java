package org.harbor.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.harbor.accounts.SigningKeys;
import org.harbor.crypto.Ed25519;
import org.harbor.crypto.Minisign;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Altered packages of format 2 are refused before anything is written, as format 1's are
 * ({@link MutationTest}): the central database is the same but for one audit entry naming the check.
 * Some alterations are made by the holder of the device key, who can sign any index.
 */
@DisplayName("Altered packages, format 2")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormatTwoMutationTest {

    Path dir;
    PackageFixture f;
    ExportService.Exported genuine;
    byte[] original;
    String hash;
    List<Crafter.File2> files;

    @BeforeAll
    void setUp(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        f = new PackageFixture(dir);
        f.format = PackageFormat.TWO;
        genuine = f.export(List.of(f.sealedCase("CANARYmut21", true)), "genuine.harbor");
        ExportService.Exported other = f.export(List.of(f.sealedCase("CANARYmut22", true)), "other.harbor");
        f.central.imports().importPackage(f.office, other.file(), ExportListener.SILENT);
        original = Files.readAllBytes(genuine.file());
        hash = f.centralDatabaseHash();
        files = new ArrayList<>();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(genuine.file().toFile())) {
            for (var e : java.util.Collections.list(zip.entries())) {
                if (!List.of(FormatTwo.FORMAT, FormatTwo.SUMS, FormatTwo.SUMS_SIG).contains(e.getName())) {
                    files.add(new Crafter.File2(e.getName(), zip.getInputStream(e).readAllBytes()));
                }
            }
        }
        assertEquals(3, files.size(), "documents, one attachment's header and payload");
    }

    @AfterAll
    void tearDown() {
        f.close();
    }

    ImportCheck refusal(byte[] bytes) throws Exception {
        Path file = dir.resolve("mutant.harbor");
        Files.write(file, bytes);
        Files.deleteIfExists(PackageSignature.beside(file));
        int audited = f.centralRefusals().size();
        PackageRefused e = assertThrows(PackageRefused.class,
                () -> f.central.imports().importPackage(f.office, file, ExportListener.SILENT));
        assertEquals(hash, f.centralDatabaseHash(), "the central database changed for " + e.detail());
        assertEquals(audited + 1, f.centralRefusals().size(), "one audit entry per refusal");
        return e.check();
    }

    /** The package rebuilt from {@code changed} files, its index signed by the field device's own key. */
    byte[] resigned(List<Crafter.File2> changed) throws Exception {
        String now = "2026-11-28T09:00:00Z";
        Minisign.PublicKey key = f.field.vault().transaction(c -> SigningKeys.vaultKey(c, SigningKeys.Purpose.DEVICE, now));
        Path file = dir.resolve("resigned.harbor");
        Files.deleteIfExists(file);
        try (Ed25519.SigningKey device = f.field.vault().transaction(c -> SigningKeys.open(c, key))) {
            Crafter.sealTwo(file, changed, Crafter.sums(changed, List.of()), device, key.keyId(), genuineComment());
        }
        return Files.readAllBytes(file);
    }

    @Test
    @DisplayName("the genuine files, rebuilt by the test's ZIP layout and signed again with the device key, are the genuine package byte for byte (the harness is sound)")
    void rebuiltGenuineIsIdentical() throws Exception {
        org.junit.jupiter.api.Assertions.assertArrayEquals(original, resigned(files));
    }

    @Test
    @DisplayName("flipping any one of 400 sampled bytes (ZIP structure, index, signature, documents, header, payload, central directory) is refused at the signature check")
    void flippedBytes() throws Exception {
        TreeSet<Integer> positions = new TreeSet<>();
        for (int i = 0; i < 150; i++) {
            positions.add(i * 3);
            positions.add(original.length - 1 - i);
            positions.add(450 + (int) ((long) i * (original.length - 700) / 150));
        }
        Map<String, Integer> checks = new TreeMap<>();
        for (int p : positions) {
            byte[] mutant = original.clone();
            mutant[p] ^= 0x01;
            ImportCheck check = refusal(mutant);
            checks.merge(check.name(), 1, Integer::sum);
            assertEquals(ImportCheck.SIGNATURE, check, "byte " + p + " of " + original.length + ": " + checks);
        }
    }

    @Test
    @DisplayName("a truncated package is refused at the signature check")
    void truncated() throws Exception {
        for (int keep : new int[] {0, 10, original.length / 3, original.length - 23, original.length - 1}) {
            assertEquals(ImportCheck.SIGNATURE, refusal(java.util.Arrays.copyOf(original, keep)), "kept " + keep);
        }
    }

    @Test
    @DisplayName("an index signed by a key no device enrolled is refused at the signature check")
    void unenrolledKey() throws Exception {
        Crafter stranger = new Crafter();
        Path file = dir.resolve("stranger.harbor");
        stranger.sealTwo(file, files, List.of(), genuine.packageId());
        assertEquals(ImportCheck.SIGNATURE, refusal(Files.readAllBytes(file)));
    }

    @Test
    @DisplayName("a payload replaced by another file's, indexed and signed with the device key, is refused at parse: it is not the attachment the manifest lists")
    void replacedPayload() throws Exception {
        byte[] plaintext = new byte[payloadPlaintextSize()];
        java.util.Arrays.fill(plaintext, (byte) 'x');
        byte[][] replacement = Crafter.split(Crafter.encrypt(plaintext, List.of(f.bundle.primaryRecipient())));
        List<Crafter.File2> changed = new ArrayList<>(files);
        changed.set(1, new Crafter.File2(files.get(1).name(), replacement[0]));
        changed.set(2, new Crafter.File2(files.get(2).name(), replacement[1]));
        assertEquals(ImportCheck.PARSE, refusal(resigned(changed)));
    }

    @Test
    @DisplayName("an attachment left out, the index signed again with the device key, is refused at parse: the manifest lists it")
    void droppedAttachment() throws Exception {
        assertEquals(ImportCheck.PARSE, refusal(resigned(files.subList(0, 1))));
    }

    @Test
    @DisplayName("an attachment header wrapped to a key that is not the office's, signed with the device key, is refused at decrypt")
    void headerToStranger() throws Exception {
        byte[] plaintext = new byte[payloadPlaintextSize()];
        byte[][] stranger = Crafter.split(Crafter.encrypt(plaintext, List.of(org.harbor.crypto.AgeIdentity.generate().recipient())));
        List<Crafter.File2> changed = new ArrayList<>(files);
        changed.set(1, new Crafter.File2(files.get(1).name(), stranger[0]));
        changed.set(2, new Crafter.File2(files.get(2).name(), stranger[1]));
        assertEquals(ImportCheck.DECRYPT, refusal(resigned(changed)));
    }

    @Test
    @DisplayName("two failures in two attachments (decrypted on other threads): the first in the index's order is the one refused")
    void firstFailureInOrder() throws Exception {
        byte[] plaintext = new byte[payloadPlaintextSize()];
        byte[][] stranger = Crafter.split(Crafter.encrypt(plaintext, List.of(org.harbor.crypto.AgeIdentity.generate().recipient())));
        byte[][] unlisted = Crafter.split(Crafter.encrypt("not in the manifest".getBytes(StandardCharsets.US_ASCII),
                List.of(f.bundle.primaryRecipient())));
        String other = "f".repeat(64);
        List<Crafter.File2> changed = new ArrayList<>(files);
        changed.set(1, new Crafter.File2(files.get(1).name(), stranger[0]));
        changed.set(2, new Crafter.File2(files.get(2).name(), stranger[1]));
        changed.add(new Crafter.File2(FormatTwo.header(other), unlisted[0]));
        changed.add(new Crafter.File2(FormatTwo.payload(other), unlisted[1]));
        assertEquals(ImportCheck.DECRYPT, refusal(resigned(changed)), "the first attachment's header, not the second's listing");
        List<Crafter.File2> swapped = new ArrayList<>(files.subList(0, 1));
        swapped.addAll(changed.subList(3, 5));
        swapped.addAll(changed.subList(1, 3));
        assertEquals(ImportCheck.PARSE, refusal(resigned(swapped)), "the unlisted attachment first this time");
    }

    @Test
    @DisplayName("a payload that is not the one the signed index lists (hashed on another thread) is refused at the signature check, before an earlier attachment's failure")
    void payloadHashBeforeEarlierFailure() throws Exception {
        byte[][] unlisted = Crafter.split(Crafter.encrypt("not in the manifest".getBytes(StandardCharsets.US_ASCII),
                List.of(f.bundle.primaryRecipient())));
        String other = "f".repeat(64);
        List<Crafter.File2> indexed = new ArrayList<>(files.subList(0, 1));
        indexed.add(new Crafter.File2(FormatTwo.header(other), unlisted[0]));
        indexed.add(new Crafter.File2(FormatTwo.payload(other), unlisted[1]));
        indexed.addAll(files.subList(1, 3));
        List<Crafter.File2> shipped = new ArrayList<>(indexed);
        byte[] payload = files.get(2).bytes().clone();
        payload[payload.length / 2] ^= 1;
        shipped.set(4, new Crafter.File2(files.get(2).name(), payload));
        Path file = dir.resolve("payload-hash.harbor");
        Files.deleteIfExists(file);
        String now = "2026-11-28T09:00:00Z";
        Minisign.PublicKey key = f.field.vault().transaction(c -> SigningKeys.vaultKey(c, SigningKeys.Purpose.DEVICE, now));
        try (Ed25519.SigningKey device = f.field.vault().transaction(c -> SigningKeys.open(c, key))) {
            Crafter.sealTwo(file, shipped, Crafter.sums(indexed, List.of()), device, key.keyId(), genuineComment());
        }
        assertEquals(ImportCheck.SIGNATURE, refusal(Files.readAllBytes(file)), "not the first attachment's missing listing (parse)");
        assertEquals(ImportCheck.PARSE, refusal(resigned(indexed)), "the same signed as it is: the listing");
    }

    @Test
    @DisplayName("a payload longer than its plaintext says, indexed and signed with the device key, is refused at decrypt (age's framing), before its size")
    void longerPayloadRefusedAtDecrypt() throws Exception {
        byte[] payload = files.get(2).bytes();
        byte[] longer = java.util.Arrays.copyOf(payload, payload.length + 100);
        List<Crafter.File2> changed = new ArrayList<>(files);
        changed.set(2, new Crafter.File2(files.get(2).name(), longer));
        assertEquals(ImportCheck.DECRYPT, refusal(resigned(changed)));
    }

    @Test
    @DisplayName("a file appended after those the index lists is refused at the signature check")
    void appendedFile() throws Exception {
        List<Crafter.File2> changed = new ArrayList<>(files);
        changed.add(new Crafter.File2("attachments/" + "0".repeat(64) + ".hdr", "x".getBytes(StandardCharsets.US_ASCII)));
        Path file = dir.resolve("appended.harbor");
        String now = "2026-11-28T09:00:00Z";
        Minisign.PublicKey key = f.field.vault().transaction(c -> SigningKeys.vaultKey(c, SigningKeys.Purpose.DEVICE, now));
        try (Ed25519.SigningKey device = f.field.vault().transaction(c -> SigningKeys.open(c, key))) {
            Crafter.sealTwo(file, changed, Crafter.sums(files, List.of()), device, key.keyId(), genuineComment());
        }
        assertEquals(ImportCheck.SIGNATURE, refusal(Files.readAllBytes(file)));
    }

    private String genuineComment() throws Exception {
        return Minisign.parseSignature(Files.readString(genuine.signature())).trustedComment();
    }

    /** The plaintext size of the genuine attachment, from its payload's size. */
    private int payloadPlaintextSize() {
        long payload = files.get(2).bytes().length;
        return (int) (payload - 16 - 16 * Math.max(1, (payload - 16 + 65551) / 65552));
    }
}
