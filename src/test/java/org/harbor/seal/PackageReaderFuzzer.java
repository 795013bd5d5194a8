package org.harbor.seal;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.harbor.crypto.Ed25519;

/**
 * The package readers under Jazzer. Four shapes of input: raw bytes as format 1's decrypted ZIP
 * stream (the ZIP layer and entry names); a well-formed ZIP whose manifest and case file are fuzzed
 * text, with the manifest signed here so that the fuzzer reaches the JSON, manifest and seal code;
 * raw bytes as a format-2 package; and a format-2 package in the device's layout whose index is
 * fuzzed text signed here, with fuzzed documents, attachment header and payload.
 * Any exception other than the reader's own refusals is a finding.
 */
public final class PackageReaderFuzzer {

    static final Ed25519.SigningKey KEY = Ed25519.generate();
    static final String DEVICE = "0123456789ABCDEF";
    static final PackageLimits LIMITS = new PackageLimits(1 << 20, 64, 64 << 10, 64 << 10, 256 << 10, 1 << 20, 16);

    private PackageReaderFuzzer() {
    }

    /** The libFuzzer-style entry point Jazzer's command line calls. */
    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
        try {
            int shape = data.consumeInt(0, 3);
            if (shape == 2) {
                readTwo(data.consumeRemainingAsBytes());
            } else if (shape == 3) {
                String sums = data.consumeString(2048);
                int split = data.consumeInt(0, 4096);
                byte[] rest = data.consumeRemainingAsBytes();
                readTwo(structuredTwo(sums, rest, split));
            } else if (shape == 0) {
                read(data.consumeRemainingAsBytes());
            } else {
                String manifest = data.consumeString(4096);
                String caseJson = data.consumeString(4096);
                String name = data.consumeString(120);
                byte[] rest = data.consumeRemainingAsBytes();
                read(structured(manifest, caseJson, name, rest));
            }
        } catch (IOException e) {
            throw new IllegalStateException("the harness itself failed", e);
        }
    }

    static void read(byte[] zip) {
        try {
            PackageReader.read(new ByteArrayInputStream(zip), DEVICE, KEY.publicKey(), LIMITS);
        } catch (PackageReader.Malformed | PackageReader.WrongDevice expected) {
            // a refusal with a reason is the right answer to a bad package
        } catch (PackageReader.SourceFailure e) {
            throw new AssertionError("an in-memory stream cannot fail", e);
        }
    }

    static final byte[] KEY_ID = org.harbor.crypto.Minisign.newKeyId();
    static final org.harbor.crypto.Minisign.PublicKey MINISIGN = new org.harbor.crypto.Minisign.PublicKey(KEY_ID, KEY.publicKey());
    static final org.harbor.crypto.Age.Decryptor OFFICE;

    static {
        try {
            OFFICE = org.harbor.crypto.Age.decryptor(java.util.List.of(org.harbor.crypto.AgeIdentity.generate()));
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Package format 2's reader, from the outer ZIP on: a refusal at a named check is the right answer. */
    static void readTwo(byte[] zip) {
        try {
            FormatTwoReader.read(new ByteArrayInputStream(zip), zip.length,
                    id -> id.equals(MINISIGN.keyIdHex()) ? java.util.Optional.of(MINISIGN) : java.util.Optional.empty(),
                    signed -> false, OFFICE, LIMITS, ExportListener.SILENT);
        } catch (PackageRefused expected) {
            // refused at a named check
        }
    }

    /**
     * A format-2 package in the device's layout whose index is fuzzed text signed here (so the fuzzer
     * gets past the signature), then documents, header and payload cut from fuzzed bytes.
     */
    static byte[] structuredTwo(String sums, byte[] rest, int split) throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("fuzz", ".harbor");
        try {
            int a = Math.min(split, rest.length);
            int b = Math.min(a + split / 2, rest.length);
            java.util.List<Crafter.File2> files = java.util.List.of(
                    new Crafter.File2(FormatTwo.DOCUMENTS, java.util.Arrays.copyOfRange(rest, 0, a)),
                    new Crafter.File2("attachments/" + "a".repeat(64) + ".hdr", java.util.Arrays.copyOfRange(rest, a, b)),
                    new Crafter.File2("attachments/" + "a".repeat(64) + ".payload", java.util.Arrays.copyOfRange(rest, b, rest.length)));
            Crafter.sealTwo(file, files, sums.getBytes(StandardCharsets.UTF_8), KEY, KEY_ID,
                    PackageNames.trustedComment("00000000-0000-0000-0000-000000000002", MINISIGN.keyIdHex(), 1, "2026-11-28T09:00:00Z"));
            return java.nio.file.Files.readAllBytes(file);
        } finally {
            java.nio.file.Files.deleteIfExists(file);
            java.nio.file.Files.deleteIfExists(PackageSignature.beside(file));
        }
    }

    static byte[] structured(String manifest, String caseJson, String name, byte[] rest) throws IOException {
        byte[] manifestBytes = manifest.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(manifestBytes);
            zip.putNextEntry(new ZipEntry("manifest.sig"));
            zip.write(Base64.getEncoder().encode(KEY.sign(manifestBytes)));
            zip.putNextEntry(new ZipEntry("cases/00000000-0000-0000-0000-000000000001/case.json"));
            zip.write(caseJson.getBytes(StandardCharsets.UTF_8));
            if (!name.isEmpty() && !name.startsWith("manifest") && !name.equals("cases/00000000-0000-0000-0000-000000000001/case.json")) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(rest);
            }
        } catch (IllegalArgumentException e) {
            return rest; // a name ZipOutputStream cannot write; fuzz the raw bytes instead
        }
        return out.toByteArray();
    }
}
