package org.harbor.vault;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.harbor.crypto.Argon2Params;
import org.harbor.crypto.Argon2id;
import org.harbor.crypto.Hashes;

/**
 * One wrapping of the data key, as stored in {@code keyslots.json}. The id is SHA-256 of the vault
 * salt and the normalised user name (or {@link #RECOVERY_ID}): no user name is stored in clear.
 *
 * <p>{@code check} is a keyless checksum of every other field. It is no secret and proves nothing
 * against someone who knows this format; it lets an edited parameter be reported as an altered key
 * file, before any derivation and without counting as a failed attempt, instead of as a wrong
 * passphrase that locks people out. Slots written before it existed have none and are accepted;
 * {@code Vault} adds it when such a slot opens (a successful unwrap proves every field genuine).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeySlot(String id, String kdf, int memoryKiB, int iterations, int parallelism,
                      String salt, String nonce, String wrapped, String check, String personal) {

    public static final String RECOVERY_ID = "recovery";
    public static final String KDF_ARGON2ID = "argon2id";
    private static final int NONCE_LENGTH = 12;
    private static final int WRAPPED_LENGTH = 32 + 16;

    public KeySlot(String id, String kdf, int memoryKiB, int iterations, int parallelism,
                   String salt, String nonce, String wrapped) {
        this(id, kdf, memoryKiB, iterations, parallelism, salt, nonce, wrapped, null, null);
    }

    public KeySlot(String id, String kdf, int memoryKiB, int iterations, int parallelism,
                   String salt, String nonce, String wrapped, String check) {
        this(id, kdf, memoryKiB, iterations, parallelism, salt, nonce, wrapped, check, null);
    }

    /** This slot with the account's personal key (ADR 0011) wrapped under the same slot key: {@code nonce.ciphertext}. */
    public KeySlot withPersonal(String sealedPersonal) {
        return new KeySlot(id, kdf, memoryKiB, iterations, parallelism, salt, nonce, wrapped, null, sealedPersonal).checked();
    }

    /** Binds the personal key to its slot and parameters. */
    public byte[] personalAssociatedData() {
        return ("harbor personal key v1|" + new String(associatedData(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }

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

    /** This slot with its checksum filled in. */
    public KeySlot checked() {
        return new KeySlot(id, kdf, memoryKiB, iterations, parallelism, salt, nonce, wrapped, computeCheck(), personal);
    }

    private String computeCheck() {
        String text = "harbor key slot v1|" + id + "|" + kdf + "|" + memoryKiB + "|" + iterations + "|" + parallelism
                + "|" + salt + "|" + nonce + "|" + wrapped + (personal == null ? "" : "|" + personal);
        return Hashes.hex(Hashes.sha256(text.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
    }

    /**
     * What is wrong with this slot as written, judged without any secret and before any
     * derivation: an unknown KDF, parameters outside the caps or below the floor, fields of the
     * wrong size, or a checksum that does not match. Empty when the slot may be tried.
     */
    public Optional<String> alteration() {
        if (!KDF_ARGON2ID.equals(kdf) || id == null || id.isEmpty()) {
            return Optional.of("unknown key derivation");
        }
        if (memoryKiB <= 0 || iterations <= 0 || parallelism <= 0) {
            return Optional.of("parameters are not positive");
        }
        Argon2Params params = params();
        if (!params.withinCaps()) {
            return Optional.of("parameters exceed the caps");
        }
        if (!params.atOrAboveFloor()) {
            return Optional.of("parameters are below the floor");
        }
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            if (b64.decode(salt).length != Argon2id.SALT_LENGTH || b64.decode(nonce).length != NONCE_LENGTH
                    || b64.decode(wrapped).length != WRAPPED_LENGTH) {
                return Optional.of("a field has the wrong length");
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.of("a field is not base64");
        }
        if (check != null && !check.equals(computeCheck())) {
            return Optional.of("the checksum does not match");
        }
        return Optional.empty();
    }
}
