package org.harbor.central;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;

/**
 * The throwaway PostgreSQL cluster of {@code .ci/pg-test-cluster.sh}, found through
 * HARBOR_TEST_PG_URL, HARBOR_TEST_PG_USER and HARBOR_TEST_PG_PASSWORD_FILE. Without them the tests
 * that need it FAIL when CI=true (a CI that lost its server must not pass), and are skipped with a
 * message saying how to start it on a developer's machine otherwise.
 */
public final class PgTestServer {

    public final String url;
    public final String user;
    public final Path passwordFile;

    private PgTestServer(String url, String user, Path passwordFile) {
        this.url = url;
        this.user = user;
        this.passwordFile = passwordFile;
    }

    public static PgTestServer require() {
        String url = System.getenv("HARBOR_TEST_PG_URL");
        String user = System.getenv("HARBOR_TEST_PG_USER");
        String file = System.getenv("HARBOR_TEST_PG_PASSWORD_FILE");
        if (url == null || user == null || file == null || !Files.isReadable(Path.of(file))) {
            String message = "PostgreSQL test server not configured (HARBOR_TEST_PG_URL/_USER/_PASSWORD_FILE); "
                    + "start one with: eval \"$(sudo .ci/pg-test-cluster.sh start)\"";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true and " + message);
            }
            Assumptions.abort(message);
        }
        return new PgTestServer(url, user, Path.of(file));
    }

    public PostgresCentralStore.Settings settings() {
        return new PostgresCentralStore.Settings(url, user, passwordFile);
    }

    Connection connect() throws Exception {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", Files.readString(passwordFile).strip());
        return DriverManager.getConnection(url, p);
    }

    /** An empty database: the public schema dropped and made again (the test role owns the database). */
    public void reset() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
    }
}
