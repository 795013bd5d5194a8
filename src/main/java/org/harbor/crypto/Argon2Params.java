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

    /**
     * The most a slot may ask for: read from {@code keyslots.json}, which anyone with the folder can
     * edit, parameters beyond these would let a file make the log-in screen allocate gigabytes or
     * spin for hours. Calibration stays far below them (the floor's memory, at most 1 000 passes).
     */
    public static final int MAX_MEMORY_KIB = 1024 * 1024;
    public static final int MAX_ITERATIONS = 1000;
    public static final int MAX_PARALLELISM = 16;
    /** Memory times passes: the work of one derivation, capped at the floor's memory for 1 000 passes. */
    public static final long MAX_WORK_KIB_PASSES = (long) FLOOR.memoryKiB * MAX_ITERATIONS;

    /** Whether these parameters are within the caps; checked before any derivation. */
    public boolean withinCaps() {
        return memoryKiB <= MAX_MEMORY_KIB && iterations <= MAX_ITERATIONS && parallelism <= MAX_PARALLELISM
                && (long) memoryKiB * iterations <= MAX_WORK_KIB_PASSES && memoryKiB >= 8 * parallelism;
    }

    public boolean atOrAboveFloor() {
        return memoryKiB >= FLOOR.memoryKiB && iterations >= FLOOR.iterations;
    }

    public Argon2Params withIterations(int t) {
        return new Argon2Params(memoryKiB, t, parallelism);
    }
}
