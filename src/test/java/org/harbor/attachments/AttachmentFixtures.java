package org.harbor.attachments;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.harbor.Harbor;
import org.harbor.accounts.Role;
import org.harbor.accounts.Session;
import org.harbor.crypto.AgeIdentity;
import org.harbor.testing.TestVaults;
import org.harbor.vault.VaultKind;

/** Synthetic files for attachment tests, and the test-only export of the vault's blob identity. */
final class AttachmentFixtures {

    static final String INTERVIEWER = "ivo-interviewer";
    static final char[] INTERVIEWER_PASSPHRASE = "willow kettle harbour stone".toCharArray();

    private AttachmentFixtures() {
    }

    /** A vault with a supervisor (logged in) and an interviewer account. */
    static Session supervisor(Harbor harbor) throws Exception {
        Session s = harbor.accounts().setUp(VaultKind.FIELD, TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE).session();
        harbor.accounts().confirmRecoveryKey(s);
        return s;
    }

    /** Adds the interviewer with a passphrase already changed, and logs them in (ending the supervisor's session). */
    static Session interviewer(Harbor harbor, Session supervisor) throws Exception {
        char[] temp = "temporary words for ivo".toCharArray();
        harbor.accounts().addUser(supervisor, INTERVIEWER, Role.INTERVIEWER, temp);
        harbor.accounts().lock("test");
        Session first = harbor.accounts().login(INTERVIEWER, "temporary words for ivo".toCharArray());
        harbor.accounts().changePassphrase(first, "temporary words for ivo".toCharArray(), INTERVIEWER_PASSPHRASE.clone());
        return harbor.accounts().current().orElseThrow();
    }

    /**
     * {@code size} bytes from a seeded generator, with {@code marker} written at the start, the
     * middle and the end; {@link #deterministic} gives the same bytes again for comparison.
     */
    static void writeDeterministic(Path file, long size, long seed, String marker) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] chunk = new byte[1 << 20];
            for (long at = 0; at < size; at += chunk.length) {
                int n = (int) Math.min(chunk.length, size - at);
                fill(chunk, at, seed, marker, size);
                out.write(chunk, 0, n);
            }
        }
    }

    /** The chunk of the deterministic file that starts at {@code at}. */
    static void fill(byte[] chunk, long at, long seed, String marker, long size) {
        new Random(seed ^ at).nextBytes(chunk);
        byte[] m = marker.getBytes(StandardCharsets.UTF_8);
        for (long place : new long[] {0, size / 2, size - m.length}) {
            for (int i = 0; i < m.length; i++) {
                long p = place + i - at;
                if (p >= 0 && p < chunk.length) {
                    chunk[(int) p] = m[i];
                }
            }
        }
    }

    /** A small PNG photo (a gradient) carrying {@code marker} in a text chunk. */
    static byte[] photo(String marker) throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                image.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | 0x40);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        byte[] plain = png.toByteArray();
        // insert a tEXt chunk after the IHDR chunk (8 signature + 25 IHDR bytes)
        byte[] text = ("Comment\0" + marker).getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        chunk.write(new byte[] {0, 0, 0, (byte) text.length});
        byte[] typeAndData = new byte[4 + text.length];
        System.arraycopy("tEXt".getBytes(StandardCharsets.US_ASCII), 0, typeAndData, 0, 4);
        System.arraycopy(text, 0, typeAndData, 4, text.length);
        chunk.write(typeAndData);
        CRC32 crc = new CRC32();
        crc.update(typeAndData);
        long c = crc.getValue();
        chunk.write(new byte[] {(byte) (c >>> 24), (byte) (c >>> 16), (byte) (c >>> 8), (byte) c});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 33);
        out.write(chunk.toByteArray());
        out.write(plain, 33, plain.length - 33);
        return out.toByteArray();
    }

    /**
     * Test-only: writes the vault's blob identity in age's own key-file format, for the {@code age}
     * command-line tool. Harbor itself never writes the identity outside the database.
     */
    static void exportIdentity(Harbor harbor, Path keyFile) throws IOException {
        try (AgeIdentity identity = harbor.vault().transaction(AttachmentRows::identity).orElseThrow()) {
            Files.write(keyFile, identity.identityFile("test"));
        }
    }

    /** The blob files under the home. */
    static List<Path> blobFiles(Harbor harbor) throws IOException {
        Path dir = harbor.home().blobs();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".age")).sorted().toList();
        }
    }
}
