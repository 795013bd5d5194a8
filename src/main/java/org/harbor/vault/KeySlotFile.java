package org.harbor.vault;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.harbor.i18n.Refusal;

/**
 * The contents of {@code keyslots.json}: the vault salt, one slot per account plus the recovery
 * slot, and the failed-unlock counter (which must survive a restart and cannot live in the still
 * locked database), and the audit chain's head sealed under the data key. Immutable; every change returns a new value that {@link #save} writes atomically.
 *
 * <p>Failed recovery-key attempts have their own record ({@code recoveryFailures}): someone
 * guessing passphrases must not lock out the person who holds the recovery key. Fields added
 * after format 1 are optional, so files of earlier versions load as they are: a slot without a
 * checksum gets one when it is next written, or when it opens (which proves its fields genuine).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeySlotFile(int format, String vaultSalt, List<KeySlot> slots, UnlockFailures failures, String auditHead,
                          UnlockFailures recoveryFailures) {

    public static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public KeySlotFile {
        slots = List.copyOf(slots);
        failures = failures == null ? UnlockFailures.NONE : failures;
        recoveryFailures = recoveryFailures == null ? UnlockFailures.NONE : recoveryFailures;
    }

    public KeySlotFile(int format, String vaultSalt, List<KeySlot> slots, UnlockFailures failures, String auditHead) {
        this(format, vaultSalt, slots, failures, auditHead, UnlockFailures.NONE);
    }

    /** Loads the JSON reader ahead of need (see {@code Harbor#warmUp}). */
    public static void warmUp() {
        try {
            JSON.readValue("{\"format\":1,\"vaultSalt\":\"\",\"slots\":[]}", KeySlotFile.class);
        } catch (IOException e) {
            throw new IllegalStateException("the bundled JSON reader is broken", e);
        }
    }

    public static KeySlotFile load(HarborHome home) {
        if (!Files.exists(home.keySlots())) {
            throw new Refusal("vault.error.missing");
        }
        try {
            KeySlotFile file = JSON.readValue(Files.readAllBytes(home.keySlots()), KeySlotFile.class);
            if (file.format() != FORMAT || file.vaultSalt() == null) {
                throw new Refusal("vault.error.damaged");
            }
            return file;
        } catch (IOException e) {
            throw new Refusal("vault.error.damaged", e);
        }
    }

    public void save(HarborHome home) {
        try {
            AtomicFiles.write(home.keySlots(), JSON.writeValueAsBytes(this));
        } catch (IOException e) {
            throw new Refusal("vault.error.unavailable", e);
        }
    }

    public Optional<KeySlot> slot(String id) {
        return slots.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public KeySlotFile withSlot(KeySlot slot) {
        List<KeySlot> next = new ArrayList<>(slots.stream().filter(s -> !s.id().equals(slot.id())).toList());
        next.add(slot);
        return new KeySlotFile(format, vaultSalt, next, failures, auditHead, recoveryFailures);
    }

    public KeySlotFile withoutSlot(String id) {
        return new KeySlotFile(format, vaultSalt, slots.stream().filter(s -> !s.id().equals(id)).toList(), failures, auditHead,
                recoveryFailures);
    }

    public KeySlotFile withFailures(UnlockFailures next) {
        return new KeySlotFile(format, vaultSalt, slots, next, auditHead, recoveryFailures);
    }

    public KeySlotFile withRecoveryFailures(UnlockFailures next) {
        return new KeySlotFile(format, vaultSalt, slots, failures, auditHead, next);
    }

    /** The sealed audit head (see {@code Vault#sealAuditHead}); readable only with the data key. */
    public KeySlotFile withAuditHead(String sealed) {
        return new KeySlotFile(format, vaultSalt, slots, failures, sealed, recoveryFailures);
    }

    /**
     * Failed unlocks since the last success: the count drives the back-off, and the times are
     * written to the audit log at the next successful unlock.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UnlockFailures(int count, List<String> times) {
        public static final UnlockFailures NONE = new UnlockFailures(0, List.of());
        private static final int KEPT = 100;

        public UnlockFailures {
            times = times == null ? List.of() : List.copyOf(times);
            count = Math.max(0, count);
        }

        public UnlockFailures plus(String time) {
            List<String> next = new ArrayList<>(times);
            next.add(time);
            if (next.size() > KEPT) {
                next = next.subList(next.size() - KEPT, next.size());
            }
            return new UnlockFailures(count + 1, next);
        }

        public Optional<String> last() {
            return times.isEmpty() ? Optional.empty() : Optional.of(times.getLast());
        }
    }
}
