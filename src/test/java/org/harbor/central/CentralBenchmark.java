package org.harbor.central;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.harbor.Harbor;
import org.harbor.crypto.Argon2Params;
import org.harbor.seal.SyntheticPackages;
import org.harbor.seal.SyntheticPackages.CaseSpec;
import org.harbor.seal.VerifiedPackage;
import org.harbor.vault.HarborHome;
import org.harbor.vault.VaultKind;

/**
 * The central store at scale (issue 17, bench/central.sh): synthetic cases from 500 devices filed
 * on PostgreSQL through the store's own path (encryption, blind indexes, batched inserts), then
 * search by name, case list pages (keyset), duplicate candidates for one person, p50/p95; import
 * throughput on PostgreSQL beside the SQLite central vault for the same packages; resident memory.
 * Arguments: [cases, default 1 000 000] [devices, default 500] [loader threads, default 2].
 * Needs HARBOR_TEST_PG_URL/_USER/_PASSWORD_FILE (the database is emptied). Not a test.
 */
public final class CentralBenchmark {

    private static final int PER_PACKAGE = 50;

    private CentralBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int devices = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        System.out.printf("central bench: %,d cases, %d devices, %d loader threads, %s, %d cores, load %s%n", cases, devices, threads,
                Instant.now(), Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).strip());
        PgTestServer server = PgTestServer.require();
        server.reset();
        Path dir = Files.createTempDirectory("harbor-bench-central");
        Harbor.Options options = new Harbor.Options(java.time.Clock.systemUTC(), () -> Argon2Params.FLOOR, Locale.ENGLISH);
        Names names = new Names(new Random(17));
        SyntheticPackages packages = new SyntheticPackages();
        try (Harbor central = Harbor.open(new HarborHome(dir.resolve("central")), options)) {
            central.accounts().setUp(VaultKind.CENTRAL, "bench-central", "bench central pass phrase".toCharArray());
            CentralKeys keys = CentralKeys.of(central.vault());

            // 1. import throughput: the same 1 000 cases (20 packages) into an empty SQLite vault and an empty PostgreSQL database
            List<VerifiedPackage> sample = new ArrayList<>();
            for (int p = 0; p < 20; p++) {
                sample.add(packages.pack("sample-" + p, 1, names.cases(PER_PACKAGE, p)));
            }
            double sqlite;
            try (CentralStore store = CentralStore.sqlite(central.vault(), keys)) {
                sqlite = throughput(store, sample);
            }
            double postgres;
            try (CentralStore store = CentralStore.postgres(server.settings(), keys)) {
                postgres = throughput(store, sample);
            }
            System.out.printf("import throughput, same 1 000 cases in 20 packages, one thread: SQLite %.0f cases/s, PostgreSQL %.0f cases/s (%.2f x)%n",
                    sqlite, postgres, postgres / sqlite);

            // 2. bulk load through the store (encryption + blind indexes), packages of 50 cases from `devices` devices
            PostgresCentralStore.Settings settings = new PostgresCentralStore.Settings(server.settings().url(), server.settings().user(),
                    server.settings().passwordFile(), threads + 2);
            try (CentralStore store = CentralStore.postgres(settings, keys)) {
                long start = System.nanoTime();
                AtomicLong done = new AtomicLong(1000);
                int packagesToLoad = (cases - 1000) / PER_PACKAGE;
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                List<Future<?>> work = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    work.add(pool.submit(() -> {
                        Names mine = new Names(new Random(100 + thread));
                        SyntheticPackages signer = new SyntheticPackages();
                        for (int p = thread; p < packagesToLoad; p += threads) {
                            store.importPackage(signer.pack("device-" + (p % devices), p / devices + 1, mine.cases(PER_PACKAGE, p)),
                                    new CentralStore.ImportContext(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(p * 60L), "user:1", null));
                            long n = done.addAndGet(PER_PACKAGE);
                            if (n % 50_000 < PER_PACKAGE) {
                                System.out.printf("  %,d cases loaded, %.0f cases/s%n", n, (n - 1000) / ((System.nanoTime() - start) / 1e9));
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : work) {
                    f.get();
                }
                pool.shutdown();
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("loaded %,d cases in %.0f s (%.0f cases/s with %d threads)%n", done.get(), seconds, (done.get() - 1000) / seconds, threads);
                try (var c = server.connect(); var q = c.createStatement()) {
                    q.execute("VACUUM ANALYZE");
                }

                // 3. queries
                Random random = new Random(5);
                List<String> caseIds = new ArrayList<>();
                CentralStore.PageKey key = null;
                long[] list = new long[200];
                for (int i = 0; i < list.length; i++) {
                    long t0 = System.nanoTime();
                    var page = store.page(CentralStore.CaseQuery.ALL, key, 50);
                    list[i] = System.nanoTime() - t0;
                    key = page.next();
                    page.rows().stream().limit(2).forEach(r -> caseIds.add(r.caseId()));
                }
                report("case list page of 50 (keyset, 200 pages deep)", list);
                long[] filtered = new long[100];
                for (int i = 0; i < filtered.length; i++) {
                    var q = CentralStore.CaseQuery.ALL.filter(CentralStore.CaseFilter.ALL.device("device-" + random.nextInt(devices))
                            .treatedAsChild(random.nextBoolean()));
                    long t0 = System.nanoTime();
                    store.page(q, null, 50);
                    filtered[i] = System.nanoTime() - t0;
                }
                report("case list page of 50, filtered by device and treated-as-child", filtered);
                long[] search = new long[200];
                for (int i = 0; i < search.length; i++) {
                    String name = names.full(random);
                    long t0 = System.nanoTime();
                    store.page(CentralStore.CaseQuery.ALL.name(name), null, 50);
                    search[i] = System.nanoTime() - t0;
                }
                report("search by name (given + family name), first page of 50", search);
                long[] dup = new long[100];
                for (int i = 0; i < dup.length; i++) {
                    String person = store.show(caseIds.get(random.nextInt(caseIds.size()))).orElseThrow().persons().getFirst().personId();
                    long t0 = System.nanoTime();
                    store.duplicates(person, 20);
                    dup[i] = System.nanoTime() - t0;
                }
                report("duplicate candidates for one person (top 20)", dup);
                System.gc();
                System.out.printf("resident memory (VmRSS) of this JVM after the queries: %s; heap used %d MB (-Xmx %d MB)%n",
                        Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS")).findFirst()
                                .orElse("?").replaceAll("\\s+", " "),
                        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20, Runtime.getRuntime().maxMemory() >> 20);
                try (var c = server.connect(); var q = c.createStatement();
                     var r = q.executeQuery("SELECT pg_size_pretty(pg_database_size(current_database()))")) {
                    r.next();
                    System.out.println("database size: " + r.getString(1));
                }
            }
            keys.close();
        }
        System.out.printf("load after: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
    }

    private static double throughput(CentralStore store, List<VerifiedPackage> sample) {
        long start = System.nanoTime();
        int n = 0;
        for (VerifiedPackage p : sample) {
            store.importPackage(p, new CentralStore.ImportContext(Instant.now(), "user:1", null));
            n += p.cases().size();
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-70s p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms  (n=%d)%n", what, sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6, sorted[sorted.length - 1] / 1e6, sorted.length);
    }

    /** Synthetic names: 3 000 given names and 8 000 family names made of syllables (no real person). */
    static final class Names {
        private static final String[] SYL = {"ka", "mi", "ra", "lo", "na", "de", "su", "to", "ve", "an", "el", "or", "im", "ba", "zu",
            "fa", "ri", "go", "he", "ju", "ny", "pe", "sa", "ti", "wo", "xe", "ya", "qu", "ch", "sh"};
        private final Random random;
        private final String[] given;
        private final String[] family;

        Names(Random random) {
            this.random = random;
            Random fixed = new Random(3);
            given = make(fixed, 3000, 2);
            family = make(fixed, 8000, 3);
        }

        private static String[] make(Random r, int n, int syllables) {
            java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
            while (out.size() < n) {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < syllables + r.nextInt(2); i++) {
                    b.append(SYL[r.nextInt(SYL.length)]);
                }
                out.add(Character.toUpperCase(b.charAt(0)) + b.substring(1));
            }
            return out.toArray(String[]::new);
        }

        String full(Random r) {
            return given[r.nextInt(given.length)] + " " + family[r.nextInt(family.length)];
        }

        List<CaseSpec> cases(int n, int packageNo) {
            List<CaseSpec> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int year = 1985 + random.nextInt(27);
                CaseSpec spec = CaseSpec.of("HB-" + packageNo + "-" + i, full(random), given[random.nextInt(given.length)])
                        .opened(String.format("20%02d-%02d-%02dT10:00:00Z", 20 + random.nextInt(7), 1 + random.nextInt(12), 1 + random.nextInt(28)))
                        .born(year + "-06-15").age(Integer.toString(2026 - year)).child(2026 - year < 18)
                        .answers(Map.of("/data/origin/nationality", "Synthetic nationality " + random.nextInt(40)), List.of());
                out.add(spec);
            }
            return out;
        }
    }
}
