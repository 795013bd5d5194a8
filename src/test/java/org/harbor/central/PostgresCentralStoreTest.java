package org.harbor.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.harbor.Harbor;
import org.harbor.central.CentralStore.CaseFilter;
import org.harbor.seal.SyntheticPackages.CaseSpec;
import org.harbor.seal.VerifiedPackage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The central store contract on a real PostgreSQL 15 server, and what only a server has: concurrency, key binding. */
class PostgresCentralStoreTest extends CentralStoreContract {

    PgTestServer server;

    @Override
    CentralStore openStore(Harbor centralVault, CentralKeys keys) throws Exception {
        server = PgTestServer.require();
        server.reset();
        return CentralStore.postgres(server.settings(), keys);
    }

    @Override
    <T> T direct(JdbcCentralStore.Work<T> work) throws Exception {
        try (Connection c = server.connect()) {
            return work.run(c);
        }
    }

    @Test
    @DisplayName("20 concurrent imports of distinct cases on PostgreSQL: none lost, none doubled, no deadlock")
    void twentyConcurrentImports() throws Exception {
        List<VerifiedPackage> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            // five devices, four packages each: imports of one device contend for its row
            all.add(packages.pack("device-" + (i % 5), i / 5 + 1, List.of(CaseSpec.of("HB-" + i, "Person" + i + " Name"),
                    CaseSpec.of("HB-" + i + "b", "Other" + i + " Name"))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<CentralStore.ImportOutcome>> results = new ArrayList<>();
            for (VerifiedPackage p : all) {
                results.add(pool.submit((Callable<CentralStore.ImportOutcome>) () -> {
                    start.await();
                    return store.importPackage(p, ctx());
                }));
            }
            start.countDown();
            for (Future<CentralStore.ImportOutcome> f : results) {
                assertFalse(f.get(60, TimeUnit.SECONDS).alreadyImported());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(40, store.list(CaseFilter.ALL, 0, 100).total());
        assertEquals(40, rowsIn("central_persons"));
        assertEquals(20, rowsIn("central_packages"));
        assertEquals(5, rowsIn("central_devices"));
        assertEquals(4, store.show(store.list(CaseFilter.ALL.device("device-3"), 0, 1).rows().getFirst().caseId())
                .orElseThrow().device().packages());
    }

    @Test
    @DisplayName("the same package imported twice at once from two workstations is filed once")
    void samePackageTwiceAtOnce() throws Exception {
        VerifiedPackage p = packages.pack("device-a", 1, List.of(CaseSpec.of("HB-1", "Nora Sand")));
        try (CentralStore second = CentralStore.postgres(server.settings(), keys)) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                CountDownLatch start = new CountDownLatch(1);
                Future<CentralStore.ImportOutcome> a = pool.submit(() -> {
                    start.await();
                    return store.importPackage(p, ctx());
                });
                Future<CentralStore.ImportOutcome> b = pool.submit(() -> {
                    start.await();
                    return second.importPackage(p, ctx());
                });
                start.countDown();
                int filed = (a.get(30, TimeUnit.SECONDS).alreadyImported() ? 0 : 1) + (b.get(30, TimeUnit.SECONDS).alreadyImported() ? 0 : 1);
                assertEquals(1, filed);
            } finally {
                pool.shutdownNow();
            }
        }
        assertEquals(1, rowsIn("central_cases"));
        assertEquals(1, rowsIn("central_persons"));
    }

    @Test
    @DisplayName("a PostgreSQL database made with one office's keys refuses another office's keys")
    void otherKeysRefused() throws Exception {
        try (var otherKeys = CentralKeys.fromDataKey(org.harbor.crypto.SecretKey.random())) {
            CentralException e = assertThrows(CentralException.class, () -> CentralStore.postgres(server.settings(), otherKeys));
            assertEquals("central.error.otherKeys", e.key());
        }
        assertTrue(rowsIn("central_cases") >= 0);
    }

    @Test
    @DisplayName("canary: after importing synthetic cases into PostgreSQL, neither pg_dump output nor the cluster's data directory holds a name, alias, case number or answer in clear")
    void canaryInDumpAndDataDirectory() throws Exception {
        List<String> canaries = List.of("CANARYNAMEQX", "CANARYALIASQX", "CANARYNUMQX", "CANARYANSWERQX", "CANARYDOBQX");
        for (int i = 0; i < 3; i++) {
            CaseSpec spec = CaseSpec.of("CANARYNUMQX-" + i, "CANARYNAMEQX Person" + i, "CANARYALIASQX")
                    .answers(java.util.Map.of("/data/origin/nationality", "CANARYANSWERQX " + i, "/data/notes", "CANARYDOBQX"), List.of())
                    .withAttachment();
            store.importPackage(packages.pack("device-canary", i + 1, List.of(spec)), ctx());
        }
        // the store can read them back (so the canaries are really in the database)
        assertEquals(3, store.searchByName("canarynameqx", CaseFilter.ALL, 0, 10).total());

        String dataDir = System.getenv("HARBOR_TEST_PG_DATA");
        if (dataDir != null) {
            assertEquals(List.of(), org.harbor.testing.FileScan.findMarkers(List.of(java.nio.file.Path.of(dataDir)), canaries),
                    "files of the cluster's data directory (tables, WAL) hold a canary in clear");
        } else if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            org.junit.jupiter.api.Assertions.fail("CI=true and HARBOR_TEST_PG_DATA is not set: the data directory scan cannot run");
        }
        byte[] dump = pgDump();
        assertTrue(dump.length > 1000, "pg_dump wrote a dump");
        String dumpText = new String(dump, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(dumpText.contains("central_persons"), "the dump holds the central tables");
        for (String canary : canaries) {
            assertFalse(dumpText.contains(canary), "pg_dump output holds a canary in clear");
            assertFalse(dumpText.contains(hex(canary)), "pg_dump output holds a canary as bytea hex");
        }
    }

    private byte[] pgDump() throws Exception {
        java.net.URI uri = java.net.URI.create(server.url.substring("jdbc:".length()));
        String bin = System.getenv().getOrDefault("HARBOR_TEST_PG_BIN", "/usr/lib/postgresql/15/bin");
        ProcessBuilder pb = new ProcessBuilder(bin + "/pg_dump", "-h", uri.getHost(), "-p", Integer.toString(uri.getPort()),
                "-U", server.user, "-d", uri.getPath().substring(1), "--no-password");
        pb.environment().put("PGPASSWORD", java.nio.file.Files.readString(server.passwordFile).strip());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "pg_dump ran as the test role");
        return out;
    }

    private static String hex(String text) {
        return java.util.HexFormat.of().formatHex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
