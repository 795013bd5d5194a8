package org.harbor.vault;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.harbor.crypto.SecretKey;
import org.harbor.i18n.Refusal;
import org.sqlite.SQLiteConfig;
import org.sqlite.mc.SQLiteMCSqlCipherConfig;

/**
 * Opens the SQLCipher-4-format database with the raw data key. The key goes to the driver in JDBC
 * properties at connect time, never in a URL or a log line.
 */
final class Database {

    private Database() {
    }

    /** Loads the driver and its native library ahead of need (see {@code Harbor#warmUp}). */
    static void warmUp(Path folder) {
        NativeSqlite.prepare(folder);
        try {
            Class.forName("org.sqlite.JDBC");
            org.sqlite.SQLiteJDBCLoader.initialize();
            // A connection to an empty database in memory (no key, a plain configuration): the
            // driver's connection, statement and result classes load here rather than in the first unlock.
            // (The cipher's settings are made, not used: an in-memory database has no key.)
            byte[] noKey = new byte[SecretKey.LENGTH];
            SQLiteMCSqlCipherConfig.getV4Defaults().withRawUnsaltedKey(noKey).build().toProperties().clear();
            try (Connection memory = org.sqlite.JDBC.createConnection("jdbc:sqlite::memory:", new SQLiteConfig().toProperties());
                 Statement statement = memory.createStatement()) {
                statement.execute("PRAGMA cache_size = -2048");
                try (ResultSet schema = statement.executeQuery("SELECT count(*) FROM sqlite_schema")) {
                    schema.next();
                }
                try (PreparedStatement query = memory.prepareStatement("SELECT ?, ?, ?")) {
                    query.setString(1, "");
                    query.setLong(2, 0);
                    query.setBytes(3, noKey);
                    try (ResultSet row = query.executeQuery()) {
                        row.next();
                        row.getString(1);
                        row.getLong(2);
                        row.getBytes(3);
                    }
                }
            }
        } catch (Exception e) {
            // the real open reports any problem with the driver
        }
    }

    /**
     * Opens the session's connection. It reads the schema, which proves the key (a wrong key or a
     * damaged first page fails here), but not every page: {@code PRAGMA quick_check} runs after
     * the unlock, in the background ({@link IntegrityCheck}).
     */
    static Connection open(Path file, SecretKey dataKey) {
        return openUnchecked(file, dataKey, false);
    }

    /** @param checkOnly a read-only connection with a small page cache, for {@link IntegrityCheck} */
    static Connection openUnchecked(Path file, SecretKey dataKey, boolean checkOnly) {
        NativeSqlite.prepare(file.toAbsolutePath().getParent());
        byte[] raw = dataKey.copyBytes();
        Properties properties;
        try {
            SQLiteConfig config = SQLiteMCSqlCipherConfig.getV4Defaults().withRawUnsaltedKey(raw).build();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            config.setTempStore(SQLiteConfig.TempStore.MEMORY);
            config.enforceForeignKeys(true);
            config.setBusyTimeout(5000);
            properties = config.toProperties();
        } finally {
            SecretKey.wipe(raw);
        }
        Connection connection = null;
        try {
            // The driver directly, not DriverManager: DriverManager's first use loads every JDBC
            // driver on the class path (the central store's PostgreSQL driver too), which the
            // field app's start-up and unlock must not pay for (ADR 0007, ADR 0010).
            connection = org.sqlite.JDBC.createConnection("jdbc:sqlite:" + file, properties);
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA secure_delete = ON");
                // Decrypted pages stay in this process's cache (32 MiB) instead of being decrypted
                // again on every read: a search of 10 000 cases then costs about what it costs
                // unencrypted. They are in memory only, like every record the app shows.
                // The integrity check reads each page once: a small cache, gone when it closes.
                statement.execute(checkOnly ? "PRAGMA cache_size = -2048" : "PRAGMA cache_size = -32768");
                if (checkOnly) {
                    statement.execute("PRAGMA query_only = ON");
                }
                try (ResultSet schema = statement.executeQuery("SELECT count(*) FROM sqlite_schema")) {
                    if (!schema.next()) {
                        throw new Refusal("vault.error.damaged");
                    }
                }
            }
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new Refusal("vault.error.damaged", e);
        } catch (Refusal e) {
            closeQuietly(connection);
            throw e;
        } finally {
            properties.clear();
        }
    }

    static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // nothing more can be done with a connection that will not close
            }
        }
    }
}
