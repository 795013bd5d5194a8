package org.harbor.central;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.harbor.crypto.CanonicalJson;
import org.harbor.crypto.Hashes;

/**
 * The central office's log ({@code central_audit}) as a hash chain, on both stores (issue 17;
 * the vault's approach of ADR 0003): entry {@code seq} stores the previous entry's hash and
 * {@code HMAC-SHA-256(k_audit, previous ‖ canonical JSON of the entry)}, the entry written by
 * {@link CanonicalJson} with its ciphertext of details in base64. Keyed, unlike the vault's chain,
 * because a PostgreSQL administrator holds the rows but not the central keys: a chain they
 * recomputed after an edit does not verify. Appends lock the head row, so workstations appending
 * at once take turns and the sequence has no gaps.
 */
final class CentralAudit {

    static final String GENESIS = "0".repeat(64);

    private CentralAudit() {
    }

    /** Appends one entry, chained to the head, in the caller's transaction. */
    static void append(Connection c, CentralKeys keys, String at, String actor, String action, String caseId, String subject,
                       byte[] detailEnc) throws SQLException {
        long seq;
        String previous;
        try (PreparedStatement lock = c.prepareStatement("UPDATE central_audit_head SET seq = seq WHERE id = 1")) {
            lock.executeUpdate(); // takes the head's row lock until this transaction ends
        }
        try (PreparedStatement q = c.prepareStatement("SELECT seq, hash FROM central_audit_head WHERE id = 1");
             ResultSet row = q.executeQuery()) {
            if (!row.next()) {
                throw new CentralException("central.error.schema", "the central log has no head");
            }
            seq = row.getLong(1) + 1;
            previous = row.getString(2);
        }
        String hash = link(keys, previous, seq, at, actor, action, caseId, subject, detailEnc);
        try (PreparedStatement q = c.prepareStatement("INSERT INTO central_audit(seq, at, actor, action, case_id, subject, detail_enc, "
                + "prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?)")) {
            q.setLong(1, seq);
            q.setString(2, at);
            q.setString(3, actor);
            q.setString(4, action);
            q.setString(5, caseId);
            q.setString(6, subject);
            q.setBytes(7, detailEnc);
            q.setString(8, previous);
            q.setString(9, hash);
            q.executeUpdate();
        }
        moveHead(c, seq, hash);
    }

    /** Chains the rows written before the chain existed (migration 0004), oldest first; nothing when there are none. */
    static int chainUnchained(Connection c, CentralKeys keys) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT entry_id, at, actor, action, case_id, subject, detail_enc FROM central_audit "
                + "WHERE hash IS NULL ORDER BY entry_id");
             ResultSet row = q.executeQuery()) {
            while (row.next()) {
                rows.add(new Object[] {row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                    row.getString(6), row.getBytes(7)});
            }
        }
        if (rows.isEmpty()) {
            return 0;
        }
        try (PreparedStatement lock = c.prepareStatement("UPDATE central_audit_head SET seq = seq WHERE id = 1")) {
            lock.executeUpdate();
        }
        long seq;
        String previous;
        try (PreparedStatement q = c.prepareStatement("SELECT seq, hash FROM central_audit_head WHERE id = 1");
             ResultSet row = q.executeQuery()) {
            row.next();
            seq = row.getLong(1);
            previous = row.getString(2);
        }
        try (PreparedStatement u = c.prepareStatement("UPDATE central_audit SET seq = ?, prev_hash = ?, hash = ? WHERE entry_id = ? AND hash IS NULL")) {
            for (Object[] r : rows) {
                seq++;
                String hash = link(keys, previous, seq, (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                        (byte[]) r[6]);
                u.setLong(1, seq);
                u.setString(2, previous);
                u.setString(3, hash);
                u.setLong(4, (Long) r[0]);
                u.executeUpdate();
                previous = hash;
            }
        }
        moveHead(c, seq, previous);
        return rows.size();
    }

    /**
     * Walks the whole chain in order: every entry's previous hash is the one before it, every hash
     * is recomputed under the central keys, the sequence has no gap, and the last entry is the head.
     * Names the first entry that fails, never its content.
     */
    static CentralStore.AuditCheck verify(Connection c, CentralKeys keys) throws SQLException {
        String previous = GENESIS;
        long expected = 1;
        long count = 0;
        try (PreparedStatement q = c.prepareStatement("SELECT seq, at, actor, action, case_id, subject, detail_enc, prev_hash, hash "
                + "FROM central_audit ORDER BY seq")) {
            q.setFetchSize(1000); // streamed (in the store's transaction): a million cases' log does not fit in the heap at once
            ResultSet row = q.executeQuery();
            while (row.next()) {
                long seq = row.getLong(1);
                if (row.wasNull() || row.getString(9) == null) {
                    return CentralStore.AuditCheck.broken(count, expected, "an entry is outside the chain");
                }
                if (seq != expected) {
                    return CentralStore.AuditCheck.broken(count, expected, "entry " + expected + " is missing");
                }
                if (!previous.equals(row.getString(8))) {
                    return CentralStore.AuditCheck.broken(count, seq, "entry " + seq + " does not follow the one before it");
                }
                String hash = link(keys, previous, seq, row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                        row.getString(6), row.getBytes(7));
                if (!hash.equals(row.getString(9))) {
                    return CentralStore.AuditCheck.broken(count, seq, "entry " + seq + " was changed");
                }
                previous = hash;
                expected++;
                count++;
            }
        }
        try (PreparedStatement q = c.prepareStatement("SELECT seq, hash FROM central_audit_head WHERE id = 1");
             ResultSet row = q.executeQuery()) {
            if (!row.next() || row.getLong(1) != count || !previous.equals(row.getString(2))) {
                return CentralStore.AuditCheck.broken(count, count + 1, "the log ends before its recorded head: entries were removed");
            }
        }
        return CentralStore.AuditCheck.ok(count);
    }

    private static void moveHead(Connection c, long seq, String hash) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("UPDATE central_audit_head SET seq = ?, hash = ? WHERE id = 1")) {
            q.setLong(1, seq);
            q.setString(2, hash);
            q.executeUpdate();
        }
    }

    static String link(CentralKeys keys, String previous, long seq, String at, String actor, String action, String caseId,
                               String subject, byte[] detailEnc) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("action", action);
        entry.put("actor", actor);
        entry.put("at", at);
        entry.put("case", caseId);
        entry.put("detail", detailEnc == null ? null : Base64.getEncoder().encodeToString(detailEnc));
        entry.put("seq", seq);
        entry.put("subject", subject);
        byte[] canonical = CanonicalJson.write(entry).getBytes(StandardCharsets.UTF_8);
        return Hashes.hex(keys.chain(Hashes.unhex(previous), canonical));
    }
}
