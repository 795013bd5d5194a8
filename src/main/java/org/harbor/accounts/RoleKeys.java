package org.harbor.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.harbor.vault.ContentKeys;
import org.harbor.vault.ContentKeys.ContentClass;
import org.harbor.vault.KeySlot;

/**
 * Which accounts hold which content-class keys (ADR 0011), and the one-time migration of a vault
 * from before them. Runs inside the log-in transaction; without work to do it costs a few
 * indexed queries and no decryption.
 */
final class RoleKeys {

    private RoleKeys() {
    }

    /** The classes a role may read. The recovery key holds every class (it can reset any passphrase anyway). */
    static List<ContentClass> classesOf(Role role) {
        return role.can(Permission.INTERVIEW) ? List.of(ContentClass.INTERVIEW) : List.of();
    }

    /**
     * At every log-in: seals user seeds left in clear; at the first supervisor log-in after the
     * upgrade, creates the class keys and encrypts what was stored before; then, if this account
     * holds a class key, grants it to every account that may read the class and has a public key
     * but no grant to it yet (accounts that logged in since the last such sweep).
     */
    static void atLogin(Connection c, ContentKeys keys, User user, String now) throws SQLException {
        SigningKeys.sealLegacySeeds(c, now);
        for (ContentClass cls : ContentClass.values()) {
            if (!keys.holds(cls) && user.role() == Role.SUPERVISOR && classesOf(user.role()).contains(cls)
                    && !ContentKeys.classExists(c, cls)) {
                keys.createClass(c, cls, now);
                encryptExisting(c, keys, cls);
            }
            if (keys.holds(cls)) {
                grantMissing(c, keys, cls, now);
            }
        }
    }

    /** Grants every class this session holds and {@code role} may read to the slot's published key. */
    static void grantAll(Connection c, ContentKeys keys, String slotId, byte[] publicKey, Role role, String now) throws SQLException {
        for (ContentClass cls : classesOf(role)) {
            if (keys.holds(cls)) {
                keys.grant(c, cls, slotId, publicKey, now);
            }
        }
    }

    private static void grantMissing(Connection c, ContentKeys keys, ContentClass cls, String now) throws SQLException {
        List<String> roles = new ArrayList<>();
        for (Role role : Role.values()) {
            if (classesOf(role).contains(cls)) {
                roles.add("'" + role.code() + "'");
            }
        }
        List<Object[]> missing = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT k.slot_id, k.public_key FROM account_keys k "
                + "LEFT JOIN content_key_grants g ON g.slot_id = k.slot_id AND g.content_class = ? AND g.recipient = k.public_key "
                + "WHERE g.slot_id IS NULL AND (k.slot_id = ? OR k.slot_id IN "
                + "(SELECT slot_id FROM users WHERE disabled = 0 AND role IN (" + String.join(",", roles) + ")))")) {
            q.setString(1, cls.code());
            q.setString(2, KeySlot.RECOVERY_ID);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    missing.add(new Object[] {rows.getString(1), rows.getBytes(2)});
                }
            }
        }
        for (Object[] m : missing) {
            keys.grant(c, cls, (String) m[0], (byte[]) m[1], now);
        }
    }

    /** Encrypts the values of the class written before it existed (once, at the migration). */
    private static void encryptExisting(Connection c, ContentKeys keys, ContentClass cls) throws SQLException {
        if (cls != ContentClass.INTERVIEW) {
            return;
        }
        try (PreparedStatement permit = c.prepareStatement("INSERT OR IGNORE INTO content_reencryption(id) VALUES (1)")) {
            permit.executeUpdate();
        }
        try {
            encryptInterviewContent(c, keys, cls);
        } finally {
            try (PreparedStatement permit = c.prepareStatement("DELETE FROM content_reencryption")) {
                permit.executeUpdate();
            }
        }
    }

    private static void encryptInterviewContent(Connection c, ContentKeys keys, ContentClass cls) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(
                "SELECT id, session_id, text FROM utterances WHERE substr(text, 1, 4) <> '" + ContentKeys.PREFIX + "'");
             ResultSet r = q.executeQuery()) {
            while (r.next()) {
                rows.add(new Object[] {r.getLong(1), r.getString(2), r.getString(3)});
            }
        }
        try (PreparedStatement u = c.prepareStatement("UPDATE utterances SET text = ? WHERE id = ?")) {
            for (Object[] row : rows) {
                u.setString(1, keys.encrypt(cls, ContentKeys.utteranceContext((String) row[1]), (String) row[2]));
                u.setLong(2, (Long) row[0]);
                u.executeUpdate();
            }
        }
        rows.clear();
        try (PreparedStatement q = c.prepareStatement("""
                SELECT a.submission_id, a.path, a.value FROM form_answers a
                JOIN form_submissions s ON s.id = a.submission_id
                JOIN form_definitions d ON d.form_id = s.form_id AND d.version = s.form_version
                WHERE d.sensitivity = 'trafficking-history' AND a.value IS NOT NULL AND substr(a.value, 1, 4) <> ?""")) {
            q.setString(1, ContentKeys.PREFIX);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    rows.add(new Object[] {r.getString(1), r.getString(2), r.getString(3)});
                }
            }
        }
        try (PreparedStatement u = c.prepareStatement("UPDATE form_answers SET value = ? WHERE submission_id = ? AND path = ?")) {
            for (Object[] row : rows) {
                u.setString(1, keys.encrypt(cls, ContentKeys.answerContext((String) row[0]), (String) row[2]));
                u.setString(2, (String) row[0]);
                u.setString(3, (String) row[1]);
                u.executeUpdate();
            }
        }
    }
}
