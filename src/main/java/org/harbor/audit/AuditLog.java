package org.harbor.audit;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.harbor.crypto.CanonicalJson;
import org.harbor.crypto.Hashes;
import org.harbor.vault.Vault;

/**
 * The append-only, hash-chained audit log: entry i stores
 * {@code h_i = SHA-256(h_{i-1} ‖ canonical(entry_i))} with {@code h_0} all zeros.
 *
 * <p>Both the entry and its details are written as RFC 8785 canonical JSON by {@link CanonicalJson},
 * the writer seals use: one canonical form for everything Harbor hashes. Entries written before
 * (by Jackson with keys sorted) have the same bytes, since audit values are ids, codes and times
 * (see {@code AuditCanonicalFormTest}).
 *
 * <p>Entries carry ids and action names only, never record content: callers pass user ids, not
 * names, and setting keys, not values.
 */
public final class AuditLog {

    static final String GENESIS = "0".repeat(64);

    private final Vault vault;
    private final Clock clock;

    public AuditLog(Vault vault, Clock clock) {
        this.vault = vault;
        this.clock = clock;
    }

    /** Loads the JSON writer ahead of need (see {@code Harbor#warmUp}). */
    public static void warmUp() {
        CanonicalJson.write(Map.of("warm", "up"));
    }

    /** Appends inside the caller's transaction, so the entry commits with the change it records. */
    public void append(Connection c, String actor, String action, String target, Map<String, String> details)
            throws SQLException {
        append(c, clock.instant().toString(), actor, action, target, details);
    }

    public void append(Connection c, String at, String actor, String action, String target, Map<String, String> details)
            throws SQLException {
        long seq = 1;
        String previous = GENESIS;
        try (PreparedStatement last = c.prepareStatement("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
             ResultSet row = last.executeQuery()) {
            if (row.next()) {
                seq = row.getLong(1) + 1;
                previous = row.getString(2);
            }
        }
        String detailJson = CanonicalJson.write(details);
        String hash = chain(previous, canonical(seq, at, actor, action, target, detailJson));
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO audit_log(seq, at, actor, action, target, details, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?)")) {
            insert.setLong(1, seq);
            insert.setString(2, at);
            insert.setString(3, actor);
            insert.setString(4, action);
            insert.setString(5, target);
            insert.setString(6, detailJson);
            insert.setString(7, previous);
            insert.setString(8, hash);
            insert.executeUpdate();
        }
        vault.auditAppended(seq, hash);
    }

    /** Appends as its own transaction. */
    public void record(String actor, String action, String target, Map<String, String> details) {
        vault.transaction(c -> {
            append(c, actor, action, target, details);
            return null;
        });
    }

    /** Walks the whole chain and names the first entry that does not hold. */
    public AuditVerification verify() {
        java.util.Optional<Vault.AuditHead> head = vault.auditHead();
        boolean required = vault.sealedHeadRequired();
        return vault.transaction(c -> {
            AuditVerification chain = verify(c, head.orElse(null));
            if (!chain.intact()) {
                return chain;
            }
            if (head.isEmpty() && required) {
                return AuditVerification.broken(chain.validEntries(), chain.validEntries() + 1,
                        "the audit head sealed at the last lock was removed from keyslots.json: entries cut from the end cannot be ruled out");
            }
            return recordedBreaks(c, chain);
        });
    }

    /**
     * A break found when the vault opened is written into the log ({@link AuditActions#CONTINUITY_BROKEN})
     * before anything else is appended; from then on every verification reports it, since new
     * entries have taken the places of the lost ones.
     */
    private static AuditVerification recordedBreaks(Connection c, AuditVerification chain) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT seq, details FROM audit_log WHERE action = ? ORDER BY seq LIMIT 1")) {
            q.setString(1, AuditActions.CONTINUITY_BROKEN);
            try (ResultSet row = q.executeQuery()) {
                if (!row.next()) {
                    return chain;
                }
                long at = row.getLong(1);
                Map<String, String> details = parseDetails(row.getString(2));
                String problem = details.getOrDefault("problem", "unknown");
                long found = parseLong(details.get("found"), at - 1);
                long expected = parseLong(details.get("expected"), -1);
                String reason = switch (problem) {
                    case "writes_lost" -> "entries " + (found + 1) + " to " + expected
                            + " were committed and then lost (a damaged or replaced database file); found when the vault was opened, recorded as entry " + at;
                    case "sealed_head_removed" -> "the audit head sealed at the last lock had been removed from keyslots.json; found when the vault was opened, recorded as entry " + at;
                    case "sealed_head_altered" -> "the audit head sealed at the last lock had been altered; found when the vault was opened, recorded as entry " + at;
                    case "head_file_missing" -> "audit.head had been removed, so lost entries cannot be ruled out; found when the vault was opened, recorded as entry " + at;
                    case "head_file_altered" -> "audit.head had been altered, so lost entries cannot be ruled out; found when the vault was opened, recorded as entry " + at;
                    default -> "a break in the log was recorded as entry " + at;
                };
                return AuditVerification.broken(chain.validEntries(), found + 1, reason);
            }
        }
    }

    private static long parseLong(String text, long otherwise) {
        try {
            return text == null ? otherwise : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static Map<String, String> parseDetails(String json) {
        try {
            Map<String, String> out = new LinkedHashMap<>();
            if (json != null && CanonicalJson.parse(json.getBytes(StandardCharsets.UTF_8), 4) instanceof Map<?, ?> map) {
                map.forEach((k, v) -> out.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
            }
            return out;
        } catch (java.io.IOException | RuntimeException e) {
            return Map.of();
        }
    }

    /**
     * @param head the head sealed at the last lock, or null: entries missing from the end of the
     *             chain show against it
     */
    static AuditVerification verify(Connection c, Vault.AuditHead head) throws SQLException {
        long expected = 1;
        String previous = GENESIS;
        String hashAtHead = null;
        try (PreparedStatement all = c.prepareStatement(
                "SELECT seq, at, actor, action, target, details, prev_hash, hash FROM audit_log ORDER BY seq");
             ResultSet row = all.executeQuery()) {
            while (row.next()) {
                long seq = row.getLong(1);
                if (seq != expected) {
                    return AuditVerification.broken(expected - 1, expected, "entry " + expected + " is missing");
                }
                if (!previous.equals(row.getString(7))) {
                    return AuditVerification.broken(expected - 1, seq, "entry " + seq + " does not follow the entry before it");
                }
                String hash = chain(previous, canonical(seq, row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6)));
                if (!hash.equals(row.getString(8))) {
                    return AuditVerification.broken(expected - 1, seq, "entry " + seq + " was changed after it was written");
                }
                previous = hash;
                if (head != null && seq == head.entries()) {
                    hashAtHead = hash;
                }
                expected++;
            }
        }
        if (head != null && expected - 1 < head.entries()) {
            return AuditVerification.broken(expected - 1, expected, "entry " + expected + " is missing: the log held "
                    + head.entries() + " entries when the vault was last locked");
        }
        if (head != null && head.entries() > 0 && !head.hash().equals(hashAtHead)) {
            return AuditVerification.broken(head.entries() - 1, head.entries(), "entry " + head.entries()
                    + " differs from the one sealed when the vault was last locked");
        }
        return AuditVerification.ok(expected - 1, previous);
    }

    /** The head of the chain: {@code (n, h_n)}, for checkpoints in exports. */
    public Checkpoint checkpoint() {
        return vault.transaction(AuditLog::checkpoint);
    }

    /** The head of the chain, inside the caller's transaction. */
    public static Checkpoint checkpoint(Connection c) throws SQLException {
        try (PreparedStatement last = c.prepareStatement("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
             ResultSet row = last.executeQuery()) {
            return row.next() ? new Checkpoint(row.getLong(1), row.getString(2)) : new Checkpoint(0, GENESIS);
        }
    }

    public record Checkpoint(long entries, String head) {
    }

    /** One entry as stored, with its place in the chain. */
    public record Entry(long seq, String at, String actor, String action, String target, String details, String prevHash,
                        String hash) {
    }

    /** Every entry in order, inside the caller's transaction (for the audit file of a package). */
    public static void forEach(Connection c, java.util.function.Consumer<Entry> each) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT seq, at, actor, action, target, details, prev_hash, hash FROM audit_log ORDER BY seq");
             ResultSet row = q.executeQuery()) {
            while (row.next()) {
                each.accept(new Entry(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                        row.getString(6), row.getString(7), row.getString(8)));
            }
        }
    }

    static String chain(String previousHex, String canonicalEntry) {
        byte[] previous = Hashes.unhex(previousHex);
        byte[] entry = canonicalEntry.getBytes(StandardCharsets.UTF_8);
        byte[] hash = Hashes.sha256(previous, entry);
        Arrays.fill(entry, (byte) 0);
        return Hashes.hex(hash);
    }

    static String canonical(long seq, String at, String actor, String action, String target, String detailJson) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("action", action);
        entry.put("actor", actor);
        entry.put("at", at);
        entry.put("details", detailJson);
        entry.put("seq", seq);
        entry.put("target", target);
        return CanonicalJson.write(entry);
    }
}
