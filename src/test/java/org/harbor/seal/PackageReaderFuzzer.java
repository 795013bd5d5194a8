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
 * The package reader under Jazzer. Two shapes of input: raw bytes as the decrypted ZIP stream
 * (the ZIP layer and entry names), and a well-formed ZIP whose manifest and case file are fuzzed
 * text, with the manifest signed here so that the fuzzer reaches the JSON, manifest and seal code.
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
            if (data.consumeBoolean()) {
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
