package org.harbor.vault;

import java.nio.charset.StandardCharsets;
import org.harbor.crypto.Argon2Params;

/**
 * One wrapping of the data key, as stored in {@code keyslots.json}. The id is SHA-256 of the vault
 * salt and the normalised user name (or {@link #RECOVERY_ID}): no user name is stored in clear.
 */
public record KeySlot(String id, String kdf, int memoryKiB, int iterations, int parallelism,
                      String salt, String nonce, String wrapped) {

    public static final String RECOVERY_ID = "recovery";
    public static final String KDF_ARGON2ID = "argon2id";

    public Argon2Params params() {
        return new Argon2Params(memoryKiB, iterations, parallelism);
    }

    /** Binds the wrapped key to its slot and parameters, so neither can be swapped unnoticed. */
    public byte[] associatedData() {
        return (id + "|" + kdf + "|" + memoryKiB + "|" + iterations + "|" + parallelism).getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] associatedData(String id, Argon2Params params) {
        return new KeySlot(id, KDF_ARGON2ID, params.memoryKiB(), params.iterations(), params.parallelism(), "", "", "")
                .associatedData();
    }
}
