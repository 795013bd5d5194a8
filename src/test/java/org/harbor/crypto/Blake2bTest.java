package org.harbor.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("BLAKE2b-512")
class Blake2bTest {

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static byte[] reference(byte[] data) {
        Blake2bDigest digest = new Blake2bDigest(512);
        digest.update(data, 0, data.length);
        byte[] out = new byte[64];
        digest.doFinal(out, 0);
        return out;
    }

    @Test
    @DisplayName("gives RFC 7693's value for \"abc\" (Appendix A) and the known value of the empty input")
    void knownValues() {
        Blake2b abc = new Blake2b();
        abc.update("abc".getBytes(StandardCharsets.US_ASCII), 0, 3);
        assertEquals("ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
                + "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923", hex(abc.digest()));
        assertEquals("786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419"
                + "d25e1031afee585313896444934eb04b903a685b1448b755d56f701afe9be2ce", hex(new Blake2b().digest()));
    }

    @Test
    @DisplayName("agrees with BouncyCastle at every length around the block size, however the input is split")
    void agreesWithBouncyCastle() {
        Random random = new Random(7693);
        for (int length : new int[] {1, 2, 63, 64, 127, 128, 129, 255, 256, 257, 383, 384, 385, 1000, 4096, 65_537, 1_000_003}) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            byte[] expected = reference(data);

            Blake2b whole = new Blake2b();
            whole.update(data, 0, length);
            assertArrayEquals(expected, whole.digest(), "in one piece, length " + length);

            Blake2b pieces = new Blake2b();
            for (int at = 0; at < length; ) {
                int n = Math.min(length - at, random.nextInt(300));
                pieces.update(data, at, n);
                at += n;
            }
            assertArrayEquals(expected, pieces.digest(), "in random pieces, length " + length);

            Blake2b direct = new Blake2b();
            ByteBuffer buffer = ByteBuffer.allocateDirect(length);
            buffer.put(data).flip();
            direct.update(buffer);
            assertEquals(0, buffer.remaining());
            assertArrayEquals(expected, direct.digest(), "from a direct buffer, length " + length);
        }
    }

    @Test
    @DisplayName("agrees with BouncyCastle and with the RFC 7693 reference code at every length from 0 to two blocks and more (0..300 bytes)")
    void everyLengthToTwoBlocksAndMore() {
        byte[] data = new byte[300];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i % 251);
        }
        // The reference: the BLAKE2b-512 of the digests of data[0..n) for n = 0..300, computed with
        // Python's hashlib (the RFC's reference C code): python3 -c "import hashlib; d=bytes(i%251
        // for i in range(300)); a=hashlib.blake2b(); [a.update(hashlib.blake2b(d[:n]).digest())
        // for n in range(301)]; print(a.hexdigest())"
        Blake2b all = new Blake2b();
        for (int n = 0; n <= data.length; n++) {
            Blake2b one = new Blake2b();
            one.update(data, 0, n);
            byte[] digest = one.digest();
            assertArrayEquals(reference(java.util.Arrays.copyOf(data, n)), digest, "length " + n);
            Blake2b split = new Blake2b();
            split.update(ByteBuffer.wrap(data, 0, n / 3));
            split.update(data, n / 3, n - n / 3);
            assertArrayEquals(digest, split.digest(), "length " + n + " in two pieces");
            all.update(digest, 0, digest.length);
        }
        assertEquals("b6e92e8500fff38c4e359c2371b89d5f2f8148f1f6e2ba53c71375f13a2a7770"
                + "d8c459fec4024309f7731597dbf57d1c8cbd5bdd7e4a07beccb3c063a504ddc0", hex(all.digest()));
    }

    @Test
    @DisplayName("hashes a file as it hashes its bytes, and refuses to be used after the digest")
    void fileAndMisuse(@TempDir Path dir) throws Exception {
        byte[] data = new byte[3 * (1 << 20) + 17];
        new Random(1).nextBytes(data);
        Path file = Files.write(dir.resolve("data"), data);
        assertArrayEquals(reference(data), Blake2b.ofFile(file));

        Blake2b used = new Blake2b();
        used.digest();
        assertThrows(IllegalStateException.class, used::digest);
        assertThrows(IllegalStateException.class, () -> used.update(new byte[1], 0, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> new Blake2b().update(new byte[4], 2, 3));
    }
}
