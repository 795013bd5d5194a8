package org.harbor.crypto;

/**
 * Argon2id cost parameters as stored beside each key slot.
 *
 * @param memoryKiB memory in KiB
 * @param iterations passes over memory (t)
 * @param parallelism lanes (p)
 */
public record Argon2Params(int memoryKiB, int iterations, int parallelism) {

    /** The floor of DESIGN.md section 3: never less than 64 MiB and three passes. */
    public static final Argon2Params FLOOR = new Argon2Params(64 * 1024, 3, 1);

    public Argon2Params {
        if (memoryKiB <= 0 || iterations <= 0 || parallelism <= 0) {
            throw new IllegalArgumentException("Argon2 parameters must be positive");
        }
    }

    public boolean atOrAboveFloor() {
        return memoryKiB >= FLOOR.memoryKiB && iterations >= FLOOR.iterations;
    }

    public Argon2Params withIterations(int t) {
        return new Argon2Params(memoryKiB, t, parallelism);
    }
}
