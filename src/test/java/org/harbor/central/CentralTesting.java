package org.harbor.central;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Access for tests outside this package (the import's tests in {@code seal}) to the test server and the filing hook. */
public final class CentralTesting {

    private CentralTesting() {
    }

    /** The throwaway server's settings on an emptied database; skips (or fails on CI) without one. */
    public static PostgresCentralStore.Settings emptyServer() throws Exception {
        PgTestServer server = PgTestServer.require();
        server.reset();
        return server.settings();
    }

    /** Rows of a table of the server's database. */
    public static long rowsOnServer(String table) throws Exception {
        try (var c = PgTestServer.require().connect(); var q = c.createStatement(); var row = q.executeQuery("SELECT COUNT(*) FROM " + table)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Runs after each case a central filing writes, before it commits (null: nothing). */
    public static void afterEachCase(Runnable hook) {
        CentralFiling.afterEachCaseForTests = hook;
    }

    /** Stops the test server at once, as a crash would ({@code pg_ctl stop -m immediate}). */
    public static void killServer() {
        pgCtl("stop", "-m", "immediate", "-w");
    }

    /** Starts the test server again, as {@code .ci/pg-test-cluster.sh} started it. */
    public static void restartServer() {
        Path data = Path.of(System.getenv("HARBOR_TEST_PG_DATA"));
        int port = URI.create(System.getenv("HARBOR_TEST_PG_URL").substring("jdbc:".length())).getPort();
        pgCtl("start", "-w", "-t", "60", "-l", data.resolve("server.log").toString(), "-o",
                "-c listen_addresses=127.0.0.1 -p " + port + " -k " + data.resolveSibling("sock") + " -c fsync=off -c full_page_writes=off");
    }

    /** Whether the test cluster can be stopped and started from here (its data folder and pg_ctl are known). */
    public static boolean canControlServer() {
        return System.getenv("HARBOR_TEST_PG_DATA") != null && java.nio.file.Files.isExecutable(Path.of(bin(), "pg_ctl"));
    }

    private static String bin() {
        return System.getenv().getOrDefault("HARBOR_TEST_PG_BIN", "/usr/lib/postgresql/15/bin");
    }

    private static void pgCtl(String... args) {
        List<String> command = new java.util.ArrayList<>();
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin() + "/pg_ctl");
        command.add("-D");
        command.add(System.getenv("HARBOR_TEST_PG_DATA"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("pg_ctl " + args[0] + " failed: " + out);
            }
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException("pg_ctl " + args[0] + " could not run", e);
        }
    }
}
