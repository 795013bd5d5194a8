package org.harbor.central;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;

/**
 * The shared central store on PostgreSQL 15+: the standard JDBC driver through a HikariCP pool,
 * one transaction per call, retried when the server reports a serialization failure or a
 * deadlock (SQLSTATE 40001, 40P01). The server holds only what ADR 0010 lists in clear; the
 * database records the id of the central data key it belongs to, and another key is refused.
 */
public final class PostgresCentralStore {

    /**
     * Where the server is: a JDBC URL ({@code jdbc:postgresql://host:5432/harbor?sslmode=verify-full}),
     * the role, and a file holding its password (readable by its owner only).
     */
    public record Settings(String url, String user, Path passwordFile, int poolSize) {
        public Settings(String url, String user, Path passwordFile) {
            this(url, user, passwordFile, 10);
        }
    }

    private static final int ATTEMPTS = 3;

    private PostgresCentralStore() {
    }

    static CentralStore open(Settings settings, CentralKeys keys) {
        checkUrl(settings.url());
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(readPassword(settings.passwordFile()));
        config.setAutoCommit(false);
        config.setMaximumPoolSize(settings.poolSize());
        config.setPoolName("harbor-central");
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(1);
        config.addDataSourceProperty("ApplicationName", "Harbor central");
        // a case's rows go as batches; the driver sends each batch as multi-row INSERTs (fewer round trips)
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        // the case list's filters are skewed (one device's cases, a status on 40 %, an indicator on 1 in 5): a plan made
        // once for any value (the driver prepares a statement on the server after five runs) walks a million rows for a
        // rare value; each run is planned for its own values instead
        config.setConnectionInitSql("SET plan_cache_mode = force_custom_plan");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new CentralException("central.error.unavailable", "the PostgreSQL server cannot be reached or refused the login", e);
        }
        Pooled tx = new Pooled(pool);
        try {
            tx.run(c -> {
                CentralSchema.migrate(c, CentralSchema.Dialect.POSTGRESQL);
                checkKey(c, keys);
                CentralAudit.chainUnchained(c, keys);
                return null;
            });
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new JdbcCentralStore("postgresql", tx, keys);
    }

    /**
     * A jdbc:postgresql: URL; to any host but this machine only with {@code sslmode=verify-full}
     * (TLS with the server's name checked against its certificate): the password and every
     * ciphertext would otherwise cross the office network in the clear or to an impostor.
     */
    static void checkUrl(String url) {
        if (url == null || !url.startsWith("jdbc:postgresql://")) {
            throw new CentralException("central.error.url", "the database URL is not a jdbc:postgresql:// URL");
        }
        String rest = url.substring("jdbc:postgresql://".length());
        int end = rest.length();
        for (char stop : new char[] {'/', '?'}) {
            int i = rest.indexOf(stop);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String hosts = rest.substring(0, end);
        boolean local = java.util.Arrays.stream(hosts.split(",")).map(h -> h.replaceFirst(":\\d+$", ""))
                .allMatch(h -> h.equals("127.0.0.1") || h.equals("localhost") || h.equals("[::1]"));
        String query = url.contains("?") ? url.substring(url.indexOf('?') + 1) : "";
        boolean verified = java.util.Arrays.asList(query.split("&")).contains("sslmode=verify-full");
        if (!local && !verified) {
            throw new CentralException("central.error.urlNeedsTls",
                    "a database on another machine needs sslmode=verify-full in its URL (TLS with the server's certificate checked)");
        }
    }

    /** The first store to open a new database records the key id; every later one must match it. */
    private static void checkKey(Connection c, CentralKeys keys) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("INSERT INTO central_meta(id, key_id, created_at) VALUES (1, ?, ?) "
                + "ON CONFLICT (id) DO NOTHING")) {
            q.setString(1, keys.keyId());
            q.setString(2, Times.now());
            q.executeUpdate();
        }
        try (PreparedStatement q = c.prepareStatement("SELECT key_id FROM central_meta WHERE id = 1");
             ResultSet row = q.executeQuery()) {
            row.next();
            if (!keys.keyId().equals(row.getString(1))) {
                throw new CentralException("central.error.otherKeys",
                        "this database belongs to other central keys: enrol this workstation to the office's keys");
            }
        }
    }

    static String readPassword(Path file) {
        try {
            try {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
                if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
                    throw new CentralException("central.error.passwordFile", "the password file is readable by others (chmod 600 it)");
                }
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the per-user folder protects it
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String password = text.strip();
            if (password.isEmpty()) {
                throw new CentralException("central.error.passwordFile", "the password file is empty");
            }
            return password;
        } catch (IOException e) {
            throw new CentralException("central.error.passwordFile", "the password file cannot be read");
        }
    }

    /** Transactions on pooled connections. */
    private static final class Pooled implements JdbcCentralStore.Transactor {
        private final HikariDataSource pool;

        Pooled(HikariDataSource pool) {
            this.pool = pool;
        }

        @Override
        public <T> T run(JdbcCentralStore.Work<T> work) {
            for (int attempt = 1; ; attempt++) {
                try (Connection c = pool.getConnection()) {
                    try {
                        T result = work.run(c);
                        c.commit();
                        return result;
                    } catch (SQLException | RuntimeException | Error e) {
                        rollbackQuietly(c);
                        throw e;
                    }
                } catch (SQLException e) {
                    String state = e.getSQLState();
                    if (attempt < ATTEMPTS && ("40001".equals(state) || "40P01".equals(state))) {
                        continue;
                    }
                    throw new CentralException("central.error.unavailable",
                            "a PostgreSQL transaction failed (SQLSTATE " + state + "); nothing was changed", e);
                }
            }
        }

        @Override
        public void close() {
            pool.close();
        }

        private static void rollbackQuietly(Connection c) {
            try {
                c.rollback();
            } catch (SQLException e) {
                // the pool discards a broken connection
            }
        }
    }
}
