package org.harbor.central;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.harbor.crypto.Hashes;

/**
 * The one migration runner of the central store, for both databases (ADR 0010): numbered SQL files
 * under {@code org/harbor/central/migrations/<dialect>/}, listed in {@code index.txt}, applied in
 * order inside the caller's transaction and recorded with their SHA-256 in
 * {@code central_schema_migrations}. An applied file that later changed is refused: the schema
 * would no longer be the one the code expects. On PostgreSQL a transaction-scoped advisory lock
 * makes two workstations starting at once apply each file once (PostgreSQL's DDL is transactional).
 */
public final class CentralSchema {

    /** The two databases; each has its own copy of the migrations, same tables and columns. */
    public enum Dialect {
        SQLITE("sqlite"), POSTGRESQL("postgresql");

        private final String folder;

        Dialect(String folder) {
            this.folder = folder;
        }
    }

    /** One migration file. */
    public record Migration(int version, String name, String sql) {
        public String checksum() {
            return Hashes.sha256Hex(sql);
        }
    }

    private static final long ADVISORY_LOCK = 0x4861726230303031L; // "Harb0001"

    private CentralSchema() {
    }

    /**
     * Brings the schema up to date on {@code c}, which must not be in auto-commit; the caller
     * commits. Returns how many files were applied.
     */
    public static int migrate(Connection c, Dialect dialect) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (dialect == Dialect.POSTGRESQL) {
                s.execute("SELECT pg_advisory_xact_lock(" + ADVISORY_LOCK + ")");
            }
            s.execute("CREATE TABLE IF NOT EXISTS central_schema_migrations (version INTEGER PRIMARY KEY, "
                    + "name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)");
        }
        Map<Integer, String> applied = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT version, checksum FROM central_schema_migrations")) {
            while (rows.next()) {
                applied.put(rows.getInt(1), rows.getString(2));
            }
        }
        int count = 0;
        for (Migration m : bundled(dialect)) {
            String recorded = applied.get(m.version());
            if (recorded != null) {
                if (!recorded.equals(m.checksum())) {
                    throw new CentralException("central.error.schema", "central migration " + m.version() + " differs from the one applied");
                }
                continue;
            }
            try (Statement s = c.createStatement()) {
                for (String sql : statements(m.sql())) {
                    s.execute(sql);
                }
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO central_schema_migrations(version, name, checksum, applied_at) VALUES (?,?,?,?)")) {
                insert.setInt(1, m.version());
                insert.setString(2, m.name());
                insert.setString(3, m.checksum());
                insert.setString(4, Times.now());
                insert.executeUpdate();
            }
            count++;
        }
        for (Integer version : applied.keySet()) {
            if (bundled(dialect).stream().noneMatch(m -> m.version() == version)) {
                throw new CentralException("central.error.schema", "the database has central migration " + version
                        + ", newer than this Harbor: update Harbor");
            }
        }
        return count;
    }

    public static List<Migration> bundled(Dialect dialect) {
        List<Migration> out = new ArrayList<>();
        for (String line : resource(dialect, "index.txt").split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            out.add(new Migration(Integer.parseInt(name.substring(0, name.indexOf('-'))), name, resource(dialect, name)));
        }
        return out;
    }

    /** Statements end with a semicolon at the end of a line; lines starting with -- are comments. */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                out.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    private static String resource(Dialect dialect, String name) {
        String path = "/org/harbor/central/migrations/" + dialect.folder + "/" + name;
        try (InputStream in = CentralSchema.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing central migration resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable central migration resource " + path, e);
        }
    }
}
