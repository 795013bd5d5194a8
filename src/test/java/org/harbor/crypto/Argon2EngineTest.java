package org.harbor.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Random;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, "Argon2's memory released right after derivation": Harbor's Argon2id keeps its
 * memory off the Java heap. BouncyCastle's generator stays the reference it is checked against
 * (with the known answers of RFC 9106 and the reference tool in {@code CryptoTest}).
 */
class Argon2EngineTest {

    @Test
    @DisplayName("Argon2id with its memory off the heap gives BouncyCastle's tag for every shape of parameters")
    void sameTagsAsBouncyCastle() {
        Random random = new Random(16);
        int[][] shapes = {
            // memory KiB, passes, lanes, tag length
            {8, 1, 1, 32}, {8, 3, 1, 32}, {9, 2, 1, 32}, {16, 1, 2, 32}, {37, 2, 3, 32}, {64, 4, 4, 64},
            {100, 1, 5, 65}, {256, 2, 1, 4}, {512, 3, 2, 100}, {1024, 1, 1, 32}, {1031, 2, 4, 48}, {2048, 2, 1, 32},
            {40, 3, 5, 1024},
        };
        for (int[] shape : shapes) {
            for (int variant = 0; variant < 4; variant++) {
                byte[] password = bytes(random, random.nextInt(40));
                byte[] salt = bytes(random, 8 + random.nextInt(24));
                byte[] key = (variant & 1) == 0 ? null : bytes(random, 1 + random.nextInt(32));
                byte[] data = (variant & 2) == 0 ? null : bytes(random, 1 + random.nextInt(32));
                String label = "m=" + shape[0] + " t=" + shape[1] + " p=" + shape[2] + " T=" + shape[3] + " variant " + variant;
                byte[] ours = Argon2Engine.derive(password, salt, key, data, shape[0], shape[1], shape[2], shape[3]);
                assertArrayEquals(bouncyCastle(password, salt, key, data, shape), ours, label);
            }
        }
    }

    @Test
    @DisplayName("the memory in huge pages (Linux) and the ordinary native allocation (elsewhere) give the same tags")
    void bothAllocationsAgree() {
        if (System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("linux")) {
            assertTrue(KdfMemory.mapsHugePages(), "on Linux, with native access, the memory is mapped");
        }
        byte[] salt = "sixteen byte salt".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int[] shape : new int[][] {{8, 1, 1}, {4096, 2, 1}, {3000, 1, 3}}) {
            byte[] mapped = Argon2Engine.derive(new byte[] {7}, salt, null, null, shape[0], shape[1], shape[2], 32, true);
            byte[] ordinary = Argon2Engine.derive(new byte[] {7}, salt, null, null, shape[0], shape[1], shape[2], 32, false);
            assertArrayEquals(mapped, ordinary, "m=" + shape[0]);
        }
    }

    @Test
    @DisplayName("Argon2's memory is released right after derivation: a derivation at the floor (64 MiB) allocates under 1 MiB of Java heap")
    void memoryIsOffTheHeap() {
        byte[] salt = new byte[Argon2id.SALT_LENGTH];
        Argon2id.derive("warm up the code".toCharArray(), salt, new Argon2Params(64, 1, 1)).destroy();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        Argon2id.derive("a passphrase of the floor".toCharArray(), salt, Argon2Params.FLOOR).destroy();
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 1 << 20, "heap allocated by one derivation at the floor: " + allocated + " bytes");
    }

    private static byte[] bouncyCastle(byte[] password, byte[] salt, byte[] key, byte[] data, int[] shape) {
        Argon2Parameters.Builder builder = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(shape[0]).withIterations(shape[1]).withParallelism(shape[2]).withSalt(salt);
        if (key != null) {
            builder.withSecret(key);
        }
        if (data != null) {
            builder.withAdditional(data);
        }
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(builder.build());
        byte[] out = new byte[shape[3]];
        generator.generateBytes(password, out);
        return out;
    }

    private static byte[] bytes(Random random, int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }
}
