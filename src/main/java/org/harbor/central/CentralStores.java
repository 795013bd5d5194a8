package org.harbor.central;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.harbor.audit.AuditLog;
import org.harbor.vault.Vault;

/**
 * Which central store a central vault uses, kept in the vault's own (encrypted, audited) settings:
 * the SQLite central vault itself by default, or a PostgreSQL server with its URL, role and the
 * path of a password file (the password itself never is in the vault or on a command line). The
 * CLI and the desktop open the store through {@link #open}; the import files through
 * {@link CentralFiling}.
 */
public final class CentralStores {

    static final String STORE = "central.store";
    static final String URL = "central.db.url";
    static final String USER = "central.db.user";
    static final String PASSWORD_FILE = "central.db.passwordFile";

    private CentralStores() {
    }

    /** The PostgreSQL settings of this central vault; empty: the SQLite central vault is the store. */
    public static Optional<PostgresCentralStore.Settings> configured(Vault vault) {
        return vault.transaction(CentralStores::configured);
    }

    static Optional<PostgresCentralStore.Settings> configured(Connection c) throws SQLException {
        Map<String, String> s = new java.util.HashMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT key, value FROM settings WHERE key IN (?,?,?,?)")) {
            q.setString(1, STORE);
            q.setString(2, URL);
            q.setString(3, USER);
            q.setString(4, PASSWORD_FILE);
            try (ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    s.put(row.getString(1), row.getString(2));
                }
            }
        }
        if (!"postgresql".equals(s.get(STORE))) {
            return Optional.empty();
        }
        return Optional.of(new PostgresCentralStore.Settings(s.get(URL), s.get(USER), Path.of(s.get(PASSWORD_FILE))));
    }

    /**
     * Points this central vault at a PostgreSQL server ({@code settings}), or back at itself
     * ({@code null}). A server is tried first with this vault's central keys (reachable, the login
     * accepted, the database made with these keys or empty): a setting that cannot work is refused
     * and nothing changes. The caller has checked that the session may change settings.
     */
    public static void configure(Vault vault, AuditLog audit, String actorId, long userId, PostgresCentralStore.Settings settings) {
        if (settings != null) {
            try (CentralKeys keys = CentralKeys.of(vault);
                 CentralStore tried = CentralStore.postgres(settings, keys)) {
                tried.kind();
            }
        }
        String now = Instant.now().toString();
        vault.transaction(c -> {
            put(c, STORE, settings == null ? "sqlite" : "postgresql", now, userId);
            put(c, URL, settings == null ? null : settings.url(), now, userId);
            put(c, USER, settings == null ? null : settings.user(), now, userId);
            put(c, PASSWORD_FILE, settings == null ? null : settings.passwordFile().toAbsolutePath().toString(), now, userId);
            // the URL names a server and a database, not a person: it may go in the audit details
            audit.append(c, actorId, org.harbor.audit.AuditActions.SETTING_CHANGED, STORE,
                    Map.of("store", settings == null ? "sqlite" : "postgresql"));
            return null;
        });
    }

    private static void put(Connection c, String key, String value, String now, long userId) throws SQLException {
        if (value == null) {
            try (PreparedStatement q = c.prepareStatement("DELETE FROM settings WHERE key = ?")) {
                q.setString(1, key);
                q.executeUpdate();
            }
            return;
        }
        try (PreparedStatement q = c.prepareStatement("INSERT INTO settings(key, value, updated_at, updated_by) VALUES (?,?,?,?) "
                + "ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by")) {
            q.setString(1, key);
            q.setString(2, value);
            q.setString(3, now);
            q.setLong(4, userId);
            q.executeUpdate();
        }
    }

    /**
     * The store this central vault uses, with its central keys; closing the store closes the keys.
     * The vault must be unlocked.
     */
    /** The PostgreSQL store named by {@code settings}, under this central vault's keys; closing it closes the keys too. */
    public static CentralStore postgres(Vault vault, PostgresCentralStore.Settings settings) {
        CentralKeys keys = CentralKeys.of(vault);
        try {
            CentralStore store = CentralStore.postgres(settings, keys);
            ((JdbcCentralStore) store).alsoClose(keys);
            return store;
        } catch (RuntimeException e) {
            keys.close();
            throw e;
        }
    }

    public static CentralStore open(Vault vault) {
        Optional<PostgresCentralStore.Settings> pg = configured(vault);
        CentralKeys keys = CentralKeys.of(vault);
        try {
            CentralStore store = pg.isPresent() ? CentralStore.postgres(pg.get(), keys) : CentralStore.sqlite(vault, keys);
            ((JdbcCentralStore) store).alsoClose(keys);
            return store;
        } catch (RuntimeException e) {
            keys.close();
            throw e;
        }
    }
}
