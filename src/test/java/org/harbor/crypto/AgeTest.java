package org.harbor.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("age through jagged")
class AgeTest {

    @Test
    @DisplayName("round-trips several chunks written in small pieces through a pass-through channel, even when closed twice")
    void roundTrip(@TempDir Path dir) throws Exception {
        byte[] data = new byte[300_000];
        new Random(1).nextBytes(data);
        Path file = dir.resolve("x.age");
        try (AgeIdentity id = AgeIdentity.generate()) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                WritableByteChannel passThrough = new WritableByteChannel() {
                    @Override
                    public int write(ByteBuffer src) throws java.io.IOException {
                        return ch.write(src);
                    }

                    @Override
                    public boolean isOpen() {
                        return true;
                    }

                    @Override
                    public void close() {
                        // the file is closed by its owner
                    }
                };
                WritableByteChannel age = Age.encrypting(passThrough, List.of(id.recipient()));
                try (age; OutputStream out = new BufferedOutputStream(Channels.newOutputStream(age), 1 << 20)) {
                    for (int i = 0; i < data.length; i += 500) {
                        out.write(data, i, Math.min(500, data.length - i));
                    }
                }
            }
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
                 InputStream in = Channels.newInputStream(Age.decrypting(ch, List.of(id)))) {
                assertArrayEquals(data, in.readAllBytes());
            }
        }
    }

    private static byte[] encrypt(byte[] plain, String... recipients) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (WritableByteChannel age = Age.encrypting(Channels.newChannel(sink), List.of(recipients))) {
            age.write(ByteBuffer.wrap(plain));
        }
        return sink.toByteArray();
    }

    private static byte[] decrypt(byte[] file, AgeIdentity... identities) throws IOException {
        ReadableByteChannel plain = Age.decrypting(Channels.newChannel(new java.io.ByteArrayInputStream(file)), List.of(identities));
        try (InputStream in = Channels.newInputStream(plain)) {
            return in.readAllBytes();
        }
    }

    @Test
    @DisplayName("one age API: one identity type for blobs and packages, read back from storage as characters, never a String")
    void oneIdentityType() throws Exception {
        byte[] plain = "synthetic payload".getBytes(StandardCharsets.US_ASCII);
        try (AgeIdentity primary = AgeIdentity.generate(); AgeIdentity backup = AgeIdentity.generate()) {
            byte[] file = encrypt(plain, primary.recipient(), backup.recipient());
            char[] stored = backup.copySecret();
            try (AgeIdentity readBack = AgeIdentity.of(backup.recipient(), stored)) {
                assertArrayEquals(plain, decrypt(file, readBack), "the backup alone opens a package to both");
                readBack.destroy();
                assertTrue(readBack.isDestroyed());
                assertEquals(-1, new String(stored).indexOf(AgeIdentity.SECRET_PREFIX), "the identity took the characters and wiped them");
                assertThrows(IllegalStateException.class, readBack::copySecret, "a destroyed identity gives nothing");
            }
            assertArrayEquals(plain, decrypt(encrypt(plain, primary.recipient()), primary), "and a blob to one recipient");
        }
        assertThrows(IllegalArgumentException.class, () -> AgeIdentity.of("age1x", "not a secret".toCharArray()));
    }

    @Test
    @DisplayName("one age API: one failure type, for a file to someone else, an altered header and a malformed recipient")
    void oneFailureType() throws Exception {
        byte[] plain = new byte[1000];
        try (AgeIdentity owner = AgeIdentity.generate(); AgeIdentity stranger = AgeIdentity.generate()) {
            byte[] file = encrypt(plain, owner.recipient());
            assertThrows(AgeException.class, () -> decrypt(file, stranger));
            byte[] altered = file.clone();
            int stanza = new String(file, StandardCharsets.US_ASCII).indexOf("-> X25519 ") + 12;
            altered[stanza] ^= 1;
            assertThrows(AgeException.class, () -> decrypt(altered, owner));
            assertThrows(AgeException.class, () -> decrypt(Arrays.copyOf(file, 20), owner), "a header cut short");
            assertThrows(AgeException.class, () -> encrypt(plain, "age1notarecipient"));
        }
    }

    @Test
    @DisplayName("the identity file is age's own: the age tool decrypts what Harbor encrypted with it")
    void identityFileForTheAgeTool(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(onPath("age"), "the age tool is not installed");
        byte[] plain = "synthetic payload for the age tool".getBytes(StandardCharsets.US_ASCII);
        try (AgeIdentity identity = AgeIdentity.generate()) {
            Path key = dir.resolve("key.txt");
            Path file = dir.resolve("x.age");
            Files.write(key, identity.identityFile("2026-12-04T00:00:00Z"));
            Files.write(file, encrypt(plain, identity.recipient()));
            Process age = new ProcessBuilder("age", "-d", "-i", key.toString(), file.toString()).redirectErrorStream(true).start();
            byte[] out = age.getInputStream().readAllBytes();
            assertTrue(age.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, age.exitValue(), new String(out, StandardCharsets.UTF_8));
            assertArrayEquals(plain, out);
        }
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
