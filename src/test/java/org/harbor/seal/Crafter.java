package org.harbor.seal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.harbor.crypto.Age;
import org.harbor.crypto.Blake2b;
import org.harbor.crypto.Ed25519;
import org.harbor.crypto.Hashes;
import org.harbor.crypto.Minisign;

/**
 * Builds packages by hand, as an attacker holding an enrolled device's key could: any ZIP content,
 * encrypted to the central recipients and signed in minisign's format.
 */
final class Crafter {

    final Ed25519.SigningKey key = Ed25519.generate();
    final byte[] keyId = Minisign.newKeyId();
    final Minisign.PublicKey publicKey = new Minisign.PublicKey(keyId, key.publicKey());
    long sequence = 1;

    String deviceId() {
        return publicKey.keyIdHex();
    }

    /** A manifest for the given entries (name → bytes), listing one case. */
    Map<String, Object> manifest(String packageId, String caseId, Map<String, byte[]> entries) {
        Map<String, Object> entryMap = new LinkedHashMap<>();
        entries.forEach((name, bytes) -> entryMap.put(name, Map.of("sha256", Hashes.hex(Hashes.sha256(bytes)), "size", (long) bytes.length)));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "harbor-package/1");
        m.put("packageId", packageId);
        m.put("deviceId", deviceId());
        m.put("sequence", sequence);
        m.put("createdAt", "2026-11-28T09:00:00Z");
        m.put("exporter", Map.of("id", 1L, "name", "mallory", "role", "supervisor"));
        m.put("cases", List.of(Map.of("id", caseId, "number", "HB-2026-000001")));
        m.put("entries", entryMap);
        m.put("auditCheckpoint", Map.of("entries", 1L, "hash", "0".repeat(64)));
        return m;
    }

    /** A ZIP starting with the manifest and its signature, then {@code entries} as given (names may repeat). */
    byte[] zip(byte[] manifest, List<Map.Entry<String, byte[]>> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("manifest.json"));
            zip.write(manifest);
            zip.putNextEntry(new java.util.zip.ZipEntry("manifest.sig"));
            zip.write(Base64.getEncoder().encode(key.sign(manifest)));
            for (Map.Entry<String, byte[]> e : entries) {
                zip.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                zip.write(e.getValue());
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException(e);
        }
        return out.toByteArray();
    }

    /** Encrypts {@code plaintext} to {@code recipients} and signs it; returns the package path (signature beside it). */
    Path seal(Path file, byte[] plaintext, List<String> recipients, String packageId) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
             OutputStream out = Channels.newOutputStream(Age.encrypting(ch, recipients))) {
            out.write(plaintext);
        }
        sign(file, packageId);
        return file;
    }

    void sign(Path file, String packageId) throws IOException {
        String sig = Minisign.sign(key, keyId, Blake2b.ofFile(file), "crafted",
                PackageNames.trustedComment(packageId, deviceId(), sequence, "2026-11-28T09:00:00Z"));
        Files.writeString(PackageSignature.beside(file), sig, StandardCharsets.US_ASCII);
    }

    /** One file of a crafted format-2 package: its name in the ZIP and its bytes. */
    record File2(String name, byte[] bytes) {
    }

    /**
     * A package of format 2 as the device's writer lays it out (STORED entries, the importer's exact
     * ZIP structure): {@code format}, the index of {@code indexed} (all but what {@code unlisted}
     * names) signed with this crafter's key, then {@code files} in the order given.
     */
    Path sealTwo(Path file, List<File2> files, List<String> unlisted, String packageId) throws IOException {
        return sealTwo(file, files, sums(files, unlisted), packageId);
    }

    /** The index of {@code format} and {@code files} (but those {@code unlisted} names). */
    static byte[] sums(List<File2> files, List<String> unlisted) {
        StringBuilder sums = new StringBuilder();
        byte[] format = FormatTwo.FORMAT_TEXT.getBytes(StandardCharsets.US_ASCII);
        sums.append(Hashes.hex(Hashes.sha256(format))).append("  ").append(FormatTwo.FORMAT).append('\n');
        for (File2 f : files) {
            if (!unlisted.contains(f.name())) {
                sums.append(Hashes.hex(Hashes.sha256(f.bytes()))).append("  ").append(f.name()).append('\n');
            }
        }
        return sums.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The same with a given index. */
    Path sealTwo(Path file, List<File2> files, byte[] sums, String packageId) throws IOException {
        return sealTwo(file, files, sums, key, keyId, PackageNames.trustedComment(packageId, deviceId(), sequence, "2026-11-28T09:00:00Z"));
    }

    /** The same index {@code sums} signed by any key with any trusted comment. */
    static Path sealTwo(Path file, List<File2> files, byte[] sums, Ed25519.SigningKey key, byte[] keyId, String trustedComment)
            throws IOException {
        Blake2b blake = new Blake2b();
        blake.update(sums, 0, sums.length);
        String sig = Minisign.sign(key, keyId, blake.digest(), FormatTwo.UNTRUSTED_COMMENT, trustedComment);
        List<File2> all = new java.util.ArrayList<>();
        all.add(new File2(FormatTwo.FORMAT, FormatTwo.FORMAT_TEXT.getBytes(StandardCharsets.US_ASCII)));
        all.add(new File2(FormatTwo.SUMS, sums));
        all.add(new File2(FormatTwo.SUMS_SIG, sig.getBytes(StandardCharsets.US_ASCII)));
        all.addAll(files);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        for (File2 f : all) {
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(f.bytes());
            central.writeBytes(FormatTwoWriter.centralHeader(f.name(), crc.getValue(), f.bytes().length, out.size()));
            out.writeBytes(FormatTwoWriter.localHeader(f.name(), crc.getValue(), f.bytes().length));
            out.writeBytes(f.bytes());
        }
        long start = out.size();
        out.writeBytes(central.toByteArray());
        out.writeBytes(FormatTwoWriter.end(all.size(), central.size(), start));
        Files.write(file, out.toByteArray());
        Files.writeString(PackageSignature.beside(file), sig, StandardCharsets.US_ASCII);
        return file;
    }

    /** {@code plaintext} encrypted to {@code recipients}, in memory. */
    static byte[] encrypt(byte[] plaintext, List<String> recipients) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream enc = Channels.newOutputStream(Age.encrypting(Channels.newChannel(out), recipients))) {
            enc.write(plaintext);
        }
        return out.toByteArray();
    }

    /** An age file split into its header (through the MAC line) and its payload. */
    static byte[][] split(byte[] ageFile) {
        String text = new String(ageFile, StandardCharsets.ISO_8859_1);
        int end = text.indexOf('\n', text.indexOf("\n--- ") + 1) + 1;
        return new byte[][] {java.util.Arrays.copyOf(ageFile, end), java.util.Arrays.copyOfRange(ageFile, end, ageFile.length)};
    }

    static String newCaseId() {
        return UUID.randomUUID().toString();
    }

    /** Replaces every occurrence of {@code from} by {@code to} (same length): how a ZIP gets duplicate names. */
    static byte[] replace(byte[] bytes, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.US_ASCII);
        byte[] t = to.getBytes(StandardCharsets.US_ASCII);
        byte[] out = bytes.clone();
        for (int i = 0; i + f.length <= out.length; i++) {
            if (java.util.Arrays.equals(out, i, i + f.length, f, 0, f.length)) {
                System.arraycopy(t, 0, out, i, t.length);
            }
        }
        return out;
    }
}
