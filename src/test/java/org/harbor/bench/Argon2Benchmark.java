package org.harbor.bench;

import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.harbor.crypto.Argon2Params;
import org.harbor.crypto.Argon2id;

/**
 * Harbor's Argon2id (memory off the heap, issue 16) against BouncyCastle's generator at the
 * floor's parameters (64 MiB, 3 passes, 1 lane), alternating, medians: the off-heap memory must
 * not make a derivation slower, or calibration would give fewer passes for the same time. Run
 * with {@code bench/argon2.sh [rounds]}; not a test.
 */
public final class Argon2Benchmark {

    private Argon2Benchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        Argon2Params p = Argon2Params.FLOOR;
        byte[] salt = new byte[16];
        char[] passphrase = "benchmark passphrase".toCharArray();
        double[] harbor = new double[rounds];
        double[] bc = new double[rounds];
        for (int round = -2; round < rounds; round++) {
            long t0 = System.nanoTime();
            Argon2id.derive(passphrase, salt, p).destroy();
            long t1 = System.nanoTime();
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(p.memoryKiB()).withIterations(p.iterations()).withParallelism(p.parallelism()).withSalt(salt).build());
            generator.generateBytes(passphrase, new byte[32]);
            long t2 = System.nanoTime();
            if (round >= 0) {
                harbor[round] = (t1 - t0) / 1e6;
                bc[round] = (t2 - t1) / 1e6;
                System.out.printf("  round %d: Harbor %.0f ms, BouncyCastle %.0f ms%n", round + 1, harbor[round], bc[round]);
            }
        }
        Arrays.sort(harbor);
        Arrays.sort(bc);
        double h = harbor[rounds / 2];
        double b = bc[rounds / 2];
        System.out.printf("Argon2id at the floor (%d KiB, %d passes, %d lane), medians of %d alternating rounds: Harbor %.0f ms, BouncyCastle %.0f ms (Harbor takes %.2f x BouncyCastle's time)%n",
                p.memoryKiB(), p.iterations(), p.parallelism(), rounds, h, b, h / b);
    }
}
