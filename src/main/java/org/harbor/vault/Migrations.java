package org.harbor.vault;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.harbor.crypto.Hashes;
import org.harbor.i18n.Refusal;

/**
 * Numbered SQL files from {@code org/harbor/vault/migrations/}, listed in {@code index.txt}. Each
 * runs in one transaction and is recorded with its SHA-256; an applied file that later changed
 * stops the vault from opening, since its schema can no longer be trusted to match.
 */
public final class Migrations {

    private static final String FOLDER = "/org/harbor/vault/migrations/";

    private Migrations() {
    }

    public record Migration(int version, String name, String sql) {
        String checksum() {
            return Hashes.sha256Hex(sql);
        }

        /**
         * A migration that rebuilds a table (SQLite cannot alter a constraint) says so with a line
         * {@value #FOREIGN_KEYS_OFF}: it runs with foreign keys off and commits only if
         * {@code PRAGMA foreign_key_check} then finds no broken reference.
         */
        boolean foreignKeysOff() {
            return sql.lines().anyMatch(line -> line.strip().equals(FOREIGN_KEYS_OFF));
        }
    }

    static final String FOREIGN_KEYS_OFF = "-- harbor:foreign-keys-off";

    static void apply(Connection connection) {
        try {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("""
                        CREATE TABLE IF NOT EXISTS schema_migrations (
                          version INTEGER PRIMARY KEY, name TEXT NOT NULL,
                          checksum TEXT NOT NULL, applied_at TEXT NOT NULL)""");
            }
            connection.commit();
            Map<Integer, String> applied = applied(connection);
            for (Migration migration : bundled()) {
                String recorded = applied.get(migration.version());
                if (recorded != null) {
                    if (!recorded.equals(migration.checksum())) {
                        throw new Refusal("vault.error.damaged");
                    }
                    continue;
                }
                run(connection, migration);
            }
        } catch (SQLException e) {
            rollbackQuietly(connection);
            throw new Refusal("vault.error.damaged", e);
        }
    }

    private static void run(Connection connection, Migration migration) throws SQLException {
        boolean rebuild = migration.foreignKeysOff();
        if (rebuild) {
            // PRAGMA foreign_keys is a no-op inside a transaction: set it between two.
            setForeignKeys(connection, false);
        }
        try {
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements(migration.sql())) {
                    statement.execute(sql);
                }
                if (rebuild) {
                    try (ResultSet broken = statement.executeQuery("PRAGMA foreign_key_check")) {
                        if (broken.next()) {
                            throw new SQLException("migration " + migration.version() + " leaves a broken reference");
                        }
                    }
                }
            }
            record(connection, migration);
        } finally {
            if (rebuild) {
                rollbackQuietly(connection);
                setForeignKeys(connection, true);
            }
        }
    }

    private static void setForeignKeys(Connection connection, boolean on) throws SQLException {
        connection.commit();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            if (on) {
                // The rebuilt table's old pages are free now: give them back, so no page of the
                // file goes unread at the next open (a flipped byte there is found at once).
                statement.execute("VACUUM");
            }
            statement.execute("PRAGMA foreign_keys = " + (on ? "ON" : "OFF"));
        }
        connection.setAutoCommit(false);
    }

    private static void record(Connection connection, Migration migration) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO schema_migrations(version, name, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
            insert.setInt(1, migration.version());
            insert.setString(2, migration.name());
            insert.setString(3, migration.checksum());
            insert.setString(4, Instant.now().toString());
            insert.executeUpdate();
        }
        connection.commit();
    }

    private static Map<Integer, String> applied(Connection connection) throws SQLException {
        Map<Integer, String> out = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version, checksum FROM schema_migrations")) {
            while (rows.next()) {
                out.put(rows.getInt(1), rows.getString(2));
            }
        }
        return out;
    }

    public static List<Migration> bundled() {
        List<Migration> out = new ArrayList<>();
        for (String line : resource("index.txt").split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            int version = Integer.parseInt(name.substring(0, name.indexOf('-')));
            out.add(new Migration(version, name, resource(name)));
        }
        return out;
    }

    /**
     * Splits a migration into statements at semicolons that end a line, keeping a trigger's
     * {@code BEGIN … END;} body whole.
     */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inTrigger = false;
        for (String line : sql.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            String upper = trimmed.toUpperCase(java.util.Locale.ROOT);
            if (upper.startsWith("CREATE TRIGGER")) {
                inTrigger = true;
            }
            boolean ends = inTrigger ? upper.equals("END;") : trimmed.endsWith(";");
            if (ends) {
                out.add(current.toString().strip());
                current.setLength(0);
                inTrigger = false;
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    private static String resource(String name) {
        try (InputStream in = Migrations.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable migration resource " + name, e);
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // the failed transaction is discarded when the connection closes
        }
    }
}
