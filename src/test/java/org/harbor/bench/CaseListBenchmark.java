package org.harbor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.harbor.Harbor;
import org.harbor.accounts.Session;
import org.harbor.cases.CaseQuery;
import org.harbor.cases.CaseStatus;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.harbor.vault.VaultKind;

/**
 * The case list at ten thousand synthetic cases: a page of the list, a filtered page, and
 * full-text searches through {@code CaseService} (encrypted vault, p50/p95), then the same FTS5
 * query on the encrypted file and on an unencrypted copy of the same rows, alternating query by
 * query. Run with {@code bench/cases.sh [cases]}; not a test. Every name is made up from syllables.
 */
public final class CaseListBenchmark {

    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ra", "sen", "tu", "vel", "zo", "an", "ber",
            "dri", "fen", "gal", "hul", "ix", "jor", "nel", "pim", "quo", "wes"};
    private static final String FTS_QUERY = """
            SELECT c.id, c.number FROM cases c WHERE c.id IN (SELECT case_id FROM case_search WHERE case_search MATCH ?)
            ORDER BY c.updated_at DESC LIMIT 200""";

    private CaseListBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path dir = Files.createTempDirectory("harbor-bench-cases");
        MutableClock clock = MutableClock.atStart();
        Random random = new Random(42);
        List<String> probes = new ArrayList<>();
        try (Harbor harbor = TestVaults.open(dir, clock)) {
            Session session = harbor.accounts().setUp(VaultKind.FIELD, TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE).session();
            long fill = System.nanoTime();
            for (int i = 0; i < count; i++) {
                String name = word(random) + " " + word(random);
                String alias = word(random);
                if (i % 500 == 0) {
                    probes.add(alias);
                }
                harbor.cases().create(session, name, List.of(alias));
                clock.advance(java.time.Duration.ofSeconds(1));
            }
            System.out.printf("filled %d cases through CaseService in %.1f s%n", count, (System.nanoTime() - fill) / 1e9);

            time("list, first page of 200 (newest first)", 200, () -> harbor.cases().list(session, CaseQuery.all().page(200, 0)));
            time("list, filtered by status, page of 200", 200,
                    () -> harbor.cases().list(session, CaseQuery.all().withStatus(CaseStatus.OPEN).page(200, 0)));
            time("count of all cases", 200, () -> harbor.cases().count(session, CaseQuery.all()));
            int[] next = {0};
            time("search (one alias prefix), page of 200", 200, () -> harbor.cases().list(session,
                    CaseQuery.all().withSearch(probes.get(next[0]++ % probes.size())).page(200, 0)));
            time("search (two-letter prefix, many hits), page of 200", 200, () -> harbor.cases().list(session,
                    CaseQuery.all().withSearch(SYLLABLES[next[0]++ % SYLLABLES.length]).page(200, 0)));

            Path plain = dir.resolve("plain-copy.db");
            harbor.vault().transaction(c -> {
                copyPlain(c, plain);
                return null;
            });
            for (String term : List.of(probes.getFirst(), SYLLABLES[0])) {
                String match = "\"" + term + "\"*";
                // Alternating, query by query: a change in the machine's load falls on both sides.
                double[][] both = harbor.vault().transaction(c -> {
                    try (Connection unencrypted = DriverManager.getConnection("jdbc:sqlite:" + plain)) {
                        return sampleAlternating(c, unencrypted, match);
                    }
                });
                double[] encrypted = both[0];
                double[] unencrypted = both[1];
                System.out.printf("same FTS5 query (%s), raw SQL, alternating: encrypted p50 %.2f ms, p95 %.2f ms | unencrypted copy p50 %.2f ms, p95 %.2f ms | ratio p95 %.2f%n",
                        term.equals(SYLLABLES[0]) ? "two-letter prefix" : "one alias prefix",
                        encrypted[0], encrypted[1], unencrypted[0], unencrypted[1], encrypted[1] / unencrypted[1]);
            }
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static String word(Random random) {
        StringBuilder w = new StringBuilder();
        int n = 2 + random.nextInt(2);
        for (int i = 0; i < n; i++) {
            w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    /** Copies the case tables (no accounts, no keys) into a plain SQLite file with the same schema. */
    private static void copyPlain(Connection c, Path plain) throws java.sql.SQLException {
        try (Connection out = DriverManager.getConnection("jdbc:sqlite:" + plain); Statement ddl = out.createStatement()) {
            ddl.execute("PRAGMA journal_mode=WAL");
            for (String table : List.of("cases", "case_search")) {
                try (Statement q = c.createStatement(); ResultSet r = q.executeQuery(
                        "SELECT sql FROM sqlite_master WHERE name = '" + table + "'")) {
                    r.next();
                    ddl.execute(r.getString(1).replaceAll("REFERENCES users\\(id\\)", ""));
                }
            }
            ddl.execute("CREATE INDEX cases_by_status ON cases(status, updated_at)");
            out.setAutoCommit(false);
            copy(c, out, "SELECT id, number, status, opened_at, opened_by, lead_worker, updated_at FROM cases",
                    "INSERT INTO cases(id, number, status, opened_at, opened_by, lead_worker, updated_at) VALUES (?,?,?,?,?,?,?)", 7);
            copy(c, out, "SELECT case_id, number, names, aliases, answers FROM case_search",
                    "INSERT INTO case_search(case_id, number, names, aliases, answers) VALUES (?,?,?,?,?)", 5);
            out.commit();
        }
    }

    private static void copy(Connection from, Connection to, String select, String insert, int columns) throws java.sql.SQLException {
        try (Statement q = from.createStatement(); ResultSet r = q.executeQuery(select);
             PreparedStatement p = to.prepareStatement(insert)) {
            while (r.next()) {
                for (int i = 1; i <= columns; i++) {
                    p.setObject(i, r.getObject(i));
                }
                p.executeUpdate();
            }
        }
    }

    /** The same query on both connections in turn, 250 times each (the first 50 of each discarded): p50 and p95 of each. */
    private static double[][] sampleAlternating(Connection encrypted, Connection unencrypted, String match) throws java.sql.SQLException {
        List<Long> a = new ArrayList<>();
        List<Long> b = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            Connection first = i % 2 == 0 ? encrypted : unencrypted;
            Connection second = first == encrypted ? unencrypted : encrypted;
            long one = once(first, match);
            long two = once(second, match);
            if (i >= 50) {
                a.add(first == encrypted ? one : two);
                b.add(first == encrypted ? two : one);
            }
        }
        return new double[][] {quantiles(a), quantiles(b)};
    }

    private static long once(Connection c, String match) throws java.sql.SQLException {
        long start = System.nanoTime();
        try (PreparedStatement q = c.prepareStatement(FTS_QUERY)) {
            q.setString(1, match);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    r.getString(1);
                }
            }
        }
        return System.nanoTime() - start;
    }

    private static double[] quantiles(List<Long> samples) {
        long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
        return new double[] {at(sorted, 0.50), at(sorted, 0.95)};
    }

    interface Work {
        Object run() throws Exception;
    }

    private static void time(String what, int runs, Work work) throws Exception {
        for (int i = 0; i < 30; i++) {
            work.run();
        }
        long[] sorted = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            sorted[i] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(sorted);
        System.out.printf("%s: p50 %.2f ms, p95 %.2f ms%n", what, at(sorted, 0.50), at(sorted, 0.95));
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
