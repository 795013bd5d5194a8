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
import org.harbor.Harbor;
import org.harbor.crypto.Argon2Params;
import org.harbor.seal.SyntheticPackages;
import org.harbor.seal.SyntheticPackages.CaseSpec;
import org.harbor.seal.VerifiedPackage;
import org.harbor.vault.HarborHome;
import org.harbor.vault.VaultKind;

/**
 * The central store at scale (issue 17, bench/central.sh). Steps: {@code import}: import
 * throughput of the same 1 000 cases through the store on an empty SQLite central vault and an
 * empty PostgreSQL schema; {@code generate}: {@link CentralGenerator} fills the database up to the
 * number of cases asked (resuming a stopped run); {@code query}: search by name, case list pages
 * (keyset, with each filter), duplicate candidates for one person, p50/p95, and resident memory.
 * Arguments: [cases, default 1 000 000] [devices, default 500] [generator threads, default 2]
 * [steps, default import,generate,query]. The central vault whose keys the generated data is
 * under is kept in HARBOR_BENCH_HOME (default /tmp/harbor-bench-central); a database under other
 * keys is emptied. Needs HARBOR_TEST_PG_URL/_USER/_PASSWORD_FILE. Not a test.
 */
public final class CentralBenchmark {

    private static final int PER_PACKAGE = 50;

    private CentralBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int devices = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        List<String> steps = List.of((args.length > 3 ? args[3] : "import,generate,query").split(","));
        System.out.printf("central bench: %,d cases, %d devices, %d threads, steps %s, %s, %d cores, load %s%n", cases, devices, threads,
                steps, Instant.now(), Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).strip());
        PgTestServer server = PgTestServer.require();
        Harbor.Options options = new Harbor.Options(java.time.Clock.systemUTC(), () -> Argon2Params.FLOOR, Locale.ENGLISH);

        // 1. import throughput: the same 1 000 cases (20 packages) into an empty SQLite central vault and an empty PostgreSQL schema
        if (steps.contains("import")) {
            importThroughput(server, options);
        }

        if (!steps.contains("generate") && !steps.contains("query")) {
            System.out.printf("load after: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
            return;
        }
        // 2. the generated store: its central vault is kept (HARBOR_BENCH_HOME) so that a run resumes where the last one stopped
        Path home = Path.of(System.getenv().getOrDefault("HARBOR_BENCH_HOME", "/tmp/harbor-bench-central"));
        boolean existed = Files.exists(new HarborHome(home).keySlots());
        try (Harbor central = Harbor.open(new HarborHome(home), options)) {
            if (existed) {
                central.accounts().login("bench-central", "bench central pass phrase".toCharArray());
            } else {
                central.accounts().setUp(VaultKind.CENTRAL, "bench-central", "bench central pass phrase".toCharArray());
            }
            try (CentralKeys keys = CentralKeys.of(central.vault())) {
                try (CentralStore store = openOrEmpty(server, keys, threads + 2)) {
                    CentralGenerator generator = new CentralGenerator(keys, devices);
                    if (steps.contains("generate")) {
                        long t0 = System.nanoTime();
                        long written;
                        try (var c = server.connect()) {
                            written = generator.generate(c, cases, threads, System.out);
                        }
                        if (written > 0) {
                            double seconds = (System.nanoTime() - t0) / 1e9;
                            System.out.printf("generated %,d cases in %.0f s (%.0f cases/s, %d threads)%n", written, seconds, written / seconds,
                                    threads);
                            try (var c = server.connect(); var q = c.createStatement()) {
                                q.execute("VACUUM ANALYZE");
                            }
                        }
                    }
                    if (steps.contains("query")) {
                        queries(server, store, generator, devices);
                    }
                }
            }
        }
        System.out.printf("load after: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
    }

    private static CentralStore openOrEmpty(PgTestServer server, CentralKeys keys, int pool) throws Exception {
        try {
            return CentralStore.postgres(settings(server, server.url, pool), keys);
        } catch (CentralException e) {
            System.out.println("the database belongs to other central keys (another bench vault): emptied");
            server.reset();
            return CentralStore.postgres(settings(server, server.url, pool), keys);
        }
    }

    private static PostgresCentralStore.Settings settings(PgTestServer server, String url, int pool) {
        return new PostgresCentralStore.Settings(url, server.user, server.passwordFile, pool);
    }

    private static void importThroughput(PgTestServer server, Harbor.Options options) throws Exception {
        Path dir = Files.createTempDirectory("harbor-bench-central-import");
        Names names = new Names(new Random(17));
        SyntheticPackages packages = new SyntheticPackages();
        List<VerifiedPackage> sample = new ArrayList<>();
        for (int p = 0; p < 20; p++) {
            sample.add(packages.pack("sample-" + p, 1, names.cases(PER_PACKAGE, p)));
        }
        try (var c = server.connect(); var q = c.createStatement()) {
            q.execute("DROP SCHEMA IF EXISTS bench_import CASCADE");
            q.execute("CREATE SCHEMA bench_import");
        }
        String url = server.url + (server.url.contains("?") ? "&" : "?") + "currentSchema=bench_import";
        try (Harbor central = Harbor.open(new HarborHome(dir.resolve("central")), options)) {
            central.accounts().setUp(VaultKind.CENTRAL, "bench-central", "bench central pass phrase".toCharArray());
            try (CentralKeys keys = CentralKeys.of(central.vault())) {
                // a warm-up package on each (class loading, JIT), then the 20 measured
                VerifiedPackage warm = packages.pack("warm-up", 1, names.cases(PER_PACKAGE, 99));
                double sqlite;
                try (CentralStore store = CentralStore.sqlite(central.vault(), keys)) {
                    throughput(store, List.of(warm));
                    sqlite = throughput(store, sample);
                }
                double postgres;
                try (CentralStore store = CentralStore.postgres(settings(server, url, 4), keys)) {
                    throughput(store, List.of(warm));
                    postgres = throughput(store, sample);
                }
                System.out.printf("import throughput, same 1 000 cases in 20 packages, one thread: SQLite %.0f cases/s, PostgreSQL %.0f cases/s (%.2f x)%n",
                        sqlite, postgres, postgres / sqlite);
            }
        }
        try (var c = server.connect(); var q = c.createStatement()) {
            q.execute("DROP SCHEMA IF EXISTS bench_import CASCADE");
        }
    }

    private static void queries(PgTestServer server, CentralStore store, CentralGenerator generator, int devices) throws Exception {
        long total;
        try (var c = server.connect(); var q = c.createStatement(); var r = q.executeQuery("SELECT COUNT(*) FROM central_cases")) {
            r.next();
            total = r.getLong(1);
        }
        System.out.printf("queries over %,d cases%n", total);
        Random random = new Random(5);
        // warm-up: the first queries after a start read from disk; then measured rounds
        for (int i = 0; i < 50; i++) {
            store.page(CentralStore.CaseQuery.ALL.name(generator.nameOf(random.nextLong(total))), null, 50);
            store.duplicates(CentralGenerator.personId(random.nextLong(total)), 20);
        }
        if (System.getenv("CENTRAL_BENCH_ONLY_DUPLICATES") == null) {
            listAndSearch(server, store, generator, devices, total, random);
        }
        duplicatesAndMemory(server, store, total, random);
    }

    private static void listAndSearch(PgTestServer server, CentralStore store, CentralGenerator generator, int devices, long total,
                                      Random random) throws Exception {
        // the generated rows open as the store's own: every field of a case decrypts, the log's chain verifies
        long[] show = new long[50];
        for (int i = 0; i < show.length; i++) {
            String caseId = CentralGenerator.caseId(random.nextLong(total));
            long t0 = System.nanoTime();
            var view = store.show(caseId).orElseThrow();
            show[i] = System.nanoTime() - t0;
            if (view.persons().isEmpty() || view.submissions().getFirst().answers().size() != 7) {
                throw new IllegalStateException("a generated case does not read back whole");
            }
        }
        report("case view (every field decrypted)", show);
        long t1 = System.nanoTime();
        var audit = store.checkAudit();
        System.out.printf("central log: %s, checked in %.1f s%n", audit, (System.nanoTime() - t1) / 1e9);
        CentralStore.PageKey key = null;
        long[] list = new long[200];
        for (int i = 0; i < list.length; i++) {
            long t0 = System.nanoTime();
            var page = store.page(CentralStore.CaseQuery.ALL, key, 50);
            list[i] = System.nanoTime() - t0;
            key = page.next();
        }
        report("case list page of 50, newest first (keyset, 200 pages deep)", list);
        List<long[]> all = new ArrayList<>();
        record Filtered(String what, java.util.function.Supplier<CentralStore.CaseQuery> query) {
        }
        List<Filtered> filters = List.of(
                new Filtered("filtered by device", () -> CentralStore.CaseQuery.ALL.filter(CentralStore.CaseFilter.ALL
                        .device(CentralGenerator.deviceId(random.nextInt(devices))))),
                new Filtered("filtered by status", () -> CentralStore.CaseQuery.ALL.filter(CentralStore.CaseFilter.ALL
                        .status(CentralStore.STATUSES.get(random.nextInt(4))))),
                new Filtered("filtered by assigned to", () -> CentralStore.CaseQuery.ALL.filter(CentralStore.CaseFilter.ALL
                        .assignedTo("user:" + (2 + random.nextInt(CentralGenerator.STAFF))))),
                new Filtered("filtered by treated as child", () -> CentralStore.CaseQuery.ALL.filter(CentralStore.CaseFilter.ALL
                        .treatedAsChild(random.nextBoolean()))),
                new Filtered("filtered by date opened (one month)", () -> {
                    Instant from = CentralGenerator.FIRST_IMPORT.plus(java.time.Duration.ofDays(random.nextInt(
                            (int) Math.max(31, total / CentralGenerator.PER_PACKAGE / 8) - 30)));
                    return CentralStore.CaseQuery.ALL.filter(CentralStore.CaseFilter.ALL.opened(from, from.plus(java.time.Duration.ofDays(30))));
                }),
                new Filtered("filtered by an indicator", () -> CentralStore.CaseQuery.ALL.indicators(
                        List.of(CentralGenerator.INDICATORS[random.nextInt(CentralGenerator.INDICATORS.length)]))),
                new Filtered("filtered by device, status, child and an indicator", () -> CentralStore.CaseQuery.ALL.filter(
                        CentralStore.CaseFilter.ALL.device(CentralGenerator.deviceId(random.nextInt(devices))).status("new")
                                .treatedAsChild(random.nextBoolean())).indicators(
                        List.of(CentralGenerator.INDICATORS[random.nextInt(CentralGenerator.INDICATORS.length)]))));
        for (Filtered f : filters) {
            long[] times = new long[100];
            for (int i = 0; i < times.length; i++) {
                CentralStore.CaseQuery q = f.query().get();
                long t0 = System.nanoTime();
                var first = store.page(q, null, 50);
                if (i % 2 == 1 && first.next() != null) { // every other one measures the second page, from the first's key
                    t0 = System.nanoTime();
                    store.page(q, first.next(), 50);
                }
                times[i] = System.nanoTime() - t0;
            }
            report("case list page of 50, " + f.what(), times);
            all.add(times);
        }
        report("case list page of 50, all filters above together", concat(all));
        long[] search = new long[200];
        int hits = 0;
        for (int i = 0; i < search.length; i++) {
            String name = i % 4 == 3 ? generator.fullName(random) : generator.nameOf(random.nextLong(total));
            long t0 = System.nanoTime();
            var page = store.page(CentralStore.CaseQuery.ALL.name(name), null, 50);
            search[i] = System.nanoTime() - t0;
            hits += page.rows().isEmpty() ? 0 : 1;
        }
        report("search by name (3 of 4 a stored person's, 1 of 4 made up), first page of 50", search);
        System.out.printf("  (%d of %d searches found a case)%n", hits, search.length);
    }

    private static void duplicatesAndMemory(PgTestServer server, CentralStore store, long total, Random random) throws Exception {
        long[] dup = new long[200];
        int planted = 0;
        int found = 0;
        for (int i = 0; i < dup.length; i++) {
            long caseNo = random.nextLong(total);
            if (i % 2 == 1) { // every other one a case with a planted duplicate
                while (CentralGenerator.earlierOf(caseNo) < 0) {
                    caseNo = random.nextLong(total);
                }
            }
            long t0 = System.nanoTime();
            var candidates = store.duplicates(CentralGenerator.personId(caseNo), 20);
            dup[i] = System.nanoTime() - t0;
            long earlier = CentralGenerator.earlierOf(caseNo);
            if (earlier >= 0) {
                planted++;
                String expected = CentralGenerator.personId(earlier);
                found += candidates.stream().anyMatch(d -> d.personId().equals(expected)) ? 1 : 0;
            }
        }
        report("duplicate candidates for one person (top 20)", dup);
        System.out.printf("  (the planted duplicate among the top 20 for %d of %d persons that have one)%n", found, planted);
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

    private static long[] concat(List<long[]> parts) {
        return parts.stream().flatMapToLong(Arrays::stream).toArray();
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
