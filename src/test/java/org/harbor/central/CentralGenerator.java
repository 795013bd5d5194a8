package org.harbor.central;

import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.harbor.crypto.Hashes;
import org.harbor.crypto.SecretKey;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Fills a PostgreSQL central store with synthetic cases from simulated devices, straight in the
 * store's own encrypted form (issue 17, bench/central.sh): a per-case key wrapped by the central
 * keys, every record field sealed under it with the same associated data as
 * {@link JdbcCentralStore#insertRows}, the blind indexes of {@link JdbcCentralStore#insertTokens}
 * (name and alias tokens, phonetic keys, birth year, age band, case number, indicators), and the
 * central log's HMAC chain of {@link CentralAudit} for the cases assigned or reviewed. Rows go in
 * with COPY, 1 000 cases (20 packages of 50) per transaction.
 *
 * <p>Deterministic and restartable: batch {@code b} holds packages {@code gen-(20b)} to
 * {@code gen-(20b+19)} and draws everything from a generator seeded by {@code b}; a batch is
 * committed whole or not at all, and a run skips the batches already in the database, so a killed
 * run is resumed by running it again (with the same central vault: its keys are the database's).
 *
 * <p>Synthetic only: names are made of syllables (no real person), nationalities are codes,
 * reasons are fixed sentences. What is not real: seals carry random bytes for a signature (the
 * generated cases are not signed by a device), and there are no attachments. About 3 % of cases
 * see a person already seen by another device (a spelling variant, the same birth year), so that
 * duplicate candidates exist to be found.
 */
public final class CentralGenerator {

    static final int PER_PACKAGE = 50;
    static final int PACKAGES_PER_BATCH = 20;
    static final int PER_BATCH = PER_PACKAGE * PACKAGES_PER_BATCH;
    /** Packages are imported three hours apart from this instant (20 000 packages span about seven years). */
    static final Instant FIRST_IMPORT = Instant.parse("2019-06-01T00:00:00Z");
    static final Duration IMPORT_STEP = Duration.ofHours(3);
    static final int STAFF = 25;

    private static final String[] SYL = {"ka", "mi", "ra", "lo", "na", "de", "su", "to", "ve", "an", "el", "or", "im", "ba", "zu",
        "fa", "ri", "go", "he", "ju", "ny", "pe", "sa", "ti", "wo", "xe", "ya", "qu", "ch", "sh"};
    static final String[] INDICATORS = {"debt_bondage", "threats", "physical_violence", "sexual_violence", "confiscated_documents",
        "restricted_movement", "withheld_wages", "isolation", "psychoactive_substances", "false_promises", "excessive_hours",
        "threats_to_family"};
    private static final String[] EXPLOITATION = {"sexual", "forced_labour", "forced_marriage", "domestic_servitude", "begging",
        "criminal_activity"};
    private static final String[] NATIONALITIES = {"NGA", "VNM", "ALB", "PHL", "ROU", "UKR", "MDA", "BGR", "ERI", "SDN", "AFG", "SYR",
        "IRQ", "HND", "GTM", "SLV", "MEX", "VEN", "COL", "BRA", "THA", "KHM", "MMR", "NPL", "BGD", "IND", "PAK", "CHN", "ETH", "SOM"};
    private static final HexFormat HEX = HexFormat.of();

    private final CentralKeys keys;
    private final int devices;
    private final String[] given;
    private final String[] family;

    CentralGenerator(CentralKeys keys, int devices) {
        this.keys = keys;
        this.devices = devices;
        Random fixed = new Random(3);
        this.given = names(fixed, 3000, 2);
        this.family = names(fixed, 8000, 3);
    }

    private static String[] names(Random r, int n, int syllables) {
        Set<String> out = new LinkedHashSet<>();
        while (out.size() < n) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < syllables + r.nextInt(2); i++) {
                b.append(SYL[r.nextInt(SYL.length)]);
            }
            out.add(Character.toUpperCase(b.charAt(0)) + b.substring(1));
        }
        return out.toArray(String[]::new);
    }

    /** A synthetic full name, as a query would type it. */
    String fullName(Random r) {
        return given[r.nextInt(given.length)] + " " + family[r.nextInt(family.length)];
    }

    static String deviceId(int device) {
        return String.format("device-%03d", device);
    }

    static String caseId(long caseNo) {
        return String.format("%08x-%04x-4000-8000-%012x", caseNo / PER_PACKAGE, caseNo % PER_PACKAGE, caseNo);
    }

    static String personId(long caseNo) {
        return String.format("%08x-%04x-4000-9000-%012x", caseNo / PER_PACKAGE, caseNo % PER_PACKAGE, caseNo);
    }

    /** The person seen in case {@code caseNo}: its own, or (3 %) one of an earlier case, spelled another way. */
    private record Identity(String name, List<String> aliases, int birthYear, String gender, String nationality) {
    }

    /** The name of the person of generated case {@code caseNo}, as a search would type it. */
    String nameOf(long caseNo) {
        return identity(caseNo).name();
    }

    /** The earlier case whose person case {@code caseNo} sees again (a planted duplicate), or -1. */
    static long earlierOf(long caseNo) {
        Random r = new Random(caseNo * 0x9E3779B97F4A7C15L + 11);
        return caseNo > 5_000 && r.nextInt(100) < 3 ? (long) (r.nextDouble() * (caseNo - PER_BATCH)) : -1;
    }

    private Identity identity(long caseNo) {
        Random r = new Random(caseNo * 0x9E3779B97F4A7C15L + 11);
        if (caseNo > 5_000 && r.nextInt(100) < 3) {
            long earlier = (long) (r.nextDouble() * (caseNo - PER_BATCH));
            Identity seen = identity(earlier);
            String[] parts = seen.name().split(" ");
            String family = parts[parts.length - 1];
            String variant = switch (r.nextInt(3)) {
                case 0 -> family.replaceFirst("([aeiou])", "$1$1");
                case 1 -> family.endsWith("a") ? family + "h" : family + "a";
                default -> family.replace('k', 'c');
            };
            return new Identity(parts[0] + " " + variant, seen.aliases(), seen.birthYear(), seen.gender(), seen.nationality());
        }
        String first = given[r.nextInt(given.length)];
        String name = r.nextInt(5) == 0 ? first + " " + given[r.nextInt(given.length)] + " " + family[r.nextInt(family.length)]
                : first + " " + family[r.nextInt(family.length)];
        List<String> aliases = switch (r.nextInt(4)) {
            case 0, 1 -> List.of();
            case 2 -> List.of(given[r.nextInt(given.length)]);
            default -> List.of(first.substring(0, Math.min(4, first.length())), given[r.nextInt(given.length)]);
        };
        return new Identity(name, aliases, 1975 + r.nextInt(37), r.nextInt(10) < 7 ? "female" : r.nextInt(3) == 0 ? "other" : "male",
                NATIONALITIES[(int) Math.min(NATIONALITIES.length - 1, Math.abs(r.nextGaussian()) * 8)]);
    }

    /** One batch's rows in COPY text format, per table, and its log entries before they are chained. */
    static final class Batch {
        final int index;
        final Map<String, StringBuilder> copy = new LinkedHashMap<>();
        final List<String[]> audit = new ArrayList<>(); // at, actor, action, case, subject, detail hex or null
        final Map<String, String[]> devices = new TreeMap<>(); // device -> first, last, packages

        Batch(int index) {
            this.index = index;
        }

        StringBuilder table(String header) {
            return copy.computeIfAbsent(header, h -> new StringBuilder(1 << 16));
        }
    }

    static final String PACKAGES = "central_packages(package_id, device_id, sequence, manifest_hash, file_hash, created_at, exporter_id, "
            + "exporter_role, imported_at, imported_by, receipt)";
    static final String CASES = "central_cases(case_id, package_id, device_id, version_hash, case_key, number_enc, survivor_enc, "
            + "opened_at, sealed_at, imported_at, status, assigned_to, treated_as_child)";
    static final String PERSONS = "central_persons(person_id, case_id, role, position, name_enc, aliases_enc)";
    static final String SESSIONS = "central_sessions(session_id, case_id, kind, language, started_at, ended_at, interview_enc)";
    static final String SUBMISSIONS = "central_submissions(submission_id, case_id, session_id, form_id, form_version, status, "
            + "started_at, ended_at, instance_enc)";
    static final String ANSWERS = "central_answers(submission_id, path, kind, fact_key, answered_at, answer_enc)";
    static final String SEALS = "central_seals(seal_id, case_id, kind, unit_id, amends, content_hash, signer_id, signer_role, key_id, "
            + "public_key, signature, sealed_at, cosignatures, content_enc)";
    static final String CUSTODY = "central_custody(case_id, position, seq, at, action, hash, entry_enc)";
    static final String TOKENS = "central_tokens(case_id, person_id, kind, token)";

    Batch make(int b) {
        Batch batch = new Batch(b);
        Random r = new Random(0xC0FFEEL * (b + 1));
        for (String t : List.of(PACKAGES, CASES, PERSONS, SESSIONS, SUBMISSIONS, ANSWERS, SEALS, CUSTODY, TOKENS)) {
            batch.table(t);
        }
        for (int k = 0; k < PACKAGES_PER_BATCH; k++) {
            long p = (long) b * PACKAGES_PER_BATCH + k;
            int device = (int) (p % devices);
            String deviceId = deviceId(device);
            Instant imported = FIRST_IMPORT.plus(IMPORT_STEP.multipliedBy(p));
            String now = Times.of(imported);
            String packageId = String.format("gen-%07d", p);
            batch.devices.merge(deviceId, new String[] {now, now, "1"},
                    (a, n) -> new String[] {a[0], n[1], Integer.toString(Integer.parseInt(a[2]) + 1)});
            row(batch.table(PACKAGES), packageId, deviceId, Long.toString(p / devices + 1), hex(r, 32), hex(r, 32),
                    Times.of(imported.minus(Duration.ofHours(2))), "1", "supervisor", now, "user:1", null);
            for (int i = 0; i < PER_PACKAGE; i++) {
                fileCase(batch, r, p * PER_PACKAGE + i, packageId, deviceId, imported);
            }
        }
        return batch;
    }

    private void fileCase(Batch batch, Random r, long caseNo, String packageId, String deviceId, Instant imported) {
        String caseId = caseId(caseNo);
        String personId = personId(caseNo);
        String now = Times.of(imported);
        Identity who = identity(caseNo);
        int year = Integer.parseInt(now.substring(0, 4));
        int age = year - who.birthYear();
        boolean child = age < 18;
        Instant opened = imported.minus(Duration.ofMinutes(60L * 24 + r.nextInt(60 * 24 * 60)));
        String openedAt = Times.of(opened);
        String sealedAt = Times.of(imported.minus(Duration.ofHours(20)));
        String number = "HB-" + deviceId.substring(7) + "-" + year + "-" + String.format("%05d", caseNo % 100_000);
        // status: most older cases were worked on; the newest are mostly new
        int roll = r.nextInt(100);
        String status = roll < 40 ? "new" : roll < 65 ? "assigned" : roll < 75 ? "in_review" : "closed";
        String assignee = "new".equals(status) ? null : "user:" + (2 + r.nextInt(STAFF));
        String version = hex(r, 32);
        CentralKeys.CaseKey caseKey = keys.newCaseKey(caseId);
        try (SecretKey key = caseKey.key()) {
            row(batch.table(CASES), caseId, packageId, deviceId, version, bytea(caseKey.wrapped()),
                    bytea(CentralKeys.seal(key, "central_cases.number|" + caseId, number)),
                    bytea(CentralKeys.seal(key, "central_cases.survivor|" + caseId, who.name())), openedAt, sealedAt, now, status, assignee,
                    child ? "1" : "0");
            row(batch.table(PERSONS), personId, caseId, "survivor", "0", bytea(CentralKeys.seal(key, "central_persons.name|" + personId,
                    who.name())), bytea(CentralKeys.seal(key, "central_persons.aliases|" + personId, String.join("\n", who.aliases()))));
            String sessionId = caseId.substring(0, 24) + "5e55" + caseId.substring(28);
            String submissionId = caseId.substring(0, 24) + "5ab0" + caseId.substring(28);
            String ended = Times.of(opened.plus(Duration.ofMinutes(35 + r.nextInt(60))));
            row(batch.table(SESSIONS), sessionId, caseId, "screening", r.nextInt(3) == 0 ? "es" : "en", openedAt, ended, null);
            List<String> indicators = new ArrayList<>();
            for (String code : INDICATORS) {
                if (r.nextInt(100) < 18) {
                    indicators.add(code);
                }
            }
            String exploitation = EXPLOITATION[r.nextInt(EXPLOITATION.length)]
                    + (r.nextInt(4) == 0 ? " " + EXPLOITATION[r.nextInt(EXPLOITATION.length)] : "");
            Map<String, String[]> answers = new LinkedHashMap<>(); // path -> kind, fact, value
            answers.put("/data/identity/gender", new String[] {"select1", "survivor.gender", who.gender()});
            answers.put("/data/origin/nationality_codes", new String[] {"select", "survivor.nationality_codes", who.nationality()});
            answers.put("/data/age/date_of_birth", new String[] {"date", "survivor.date_of_birth", who.birthYear() + "-06-15"});
            answers.put("/data/age/claimed_age", new String[] {"int", "survivor.claimed_age", Integer.toString(age)});
            answers.put("/data/assessment/treated_as_child", new String[] {"select1", "survivor.treated_as_child", child ? "yes" : "no"});
            answers.put("/data/exploitation/exploitation_types", new String[] {"select", null, exploitation});
            answers.put(JdbcCentralStore.CONTROL_METHODS_PATH, new String[] {"select", null, String.join(" ", indicators)});
            StringBuilder instance = new StringBuilder("<data id=\"trafficking\">");
            for (var a : answers.entrySet()) {
                String answeredAt = Times.of(opened.plusSeconds(60 + r.nextInt(1800)));
                Map<String, String> answer = new LinkedHashMap<>();
                answer.put("value", a.getValue()[2]);
                answer.put("nonResponse", null);
                answer.put("notAskedReason", null);
                row(batch.table(ANSWERS), submissionId, a.getKey(), a.getValue()[0], a.getValue()[1], answeredAt,
                        bytea(CentralKeys.seal(key, "central_answers.answer|" + submissionId + "|" + a.getKey(), Json.write(answer))));
                instance.append('<').append(a.getKey().substring(a.getKey().lastIndexOf('/') + 1)).append('>').append(a.getValue()[2])
                        .append("</").append(a.getKey().substring(a.getKey().lastIndexOf('/') + 1)).append('>');
            }
            instance.append("</data>");
            row(batch.table(SUBMISSIONS), submissionId, caseId, sessionId, "trafficking", "2026.1", "complete", openedAt, ended,
                    bytea(CentralKeys.seal(key, "central_submissions.instance|" + submissionId, instance.toString())));
            String sealId = caseId.substring(0, 24) + "5ea1" + caseId.substring(28);
            String content = "{\"caseId\":\"" + caseId + "\",\"kind\":\"case\",\"synthetic\":true,\"version\":\"" + version + "\"}";
            row(batch.table(SEALS), sealId, caseId, "case", caseId, null,
                    Hashes.hex(Hashes.sha256(content.getBytes(StandardCharsets.UTF_8))), "1", "supervisor",
                    deviceId + "-key", bytea(bytes(new Random(deviceId.hashCode()), 32)), bytea(bytes(r, 64)), sealedAt, "0",
                    bytea(CentralKeys.seal(key, "central_seals.content|" + sealId, content)));
            String[][] custody = {{"1", openedAt, "case.created"}, {"2", sealedAt, "seal.created"}};
            for (int position = 0; position < custody.length; position++) {
                String hash = hex(r, 32);
                String line = "{\"action\":\"" + custody[position][2] + "\",\"at\":\"" + custody[position][1] + "\",\"hash\":\"" + hash
                        + "\",\"seq\":" + custody[position][0] + "}";
                row(batch.table(CUSTODY), caseId, Integer.toString(position), custody[position][0], custody[position][1],
                        custody[position][2], hash, bytea(CentralKeys.seal(key, "central_custody.entry|" + caseId + "|" + position, line)));
            }
            // the blind indexes, as JdbcCentralStore.insertTokens makes them
            StringBuilder tokens = batch.table(TOKENS);
            List<String> names = new ArrayList<>();
            names.add(who.name());
            names.addAll(who.aliases());
            Set<String> phonetic = new LinkedHashSet<>();
            Set<String> seen = new HashSet<>();
            for (String token : NameTokens.ofAll(names)) {
                if (seen.add(JdbcCentralStore.NAME + token)) {
                    row(tokens, caseId, personId, JdbcCentralStore.NAME, bytea(keys.blind(JdbcCentralStore.NAME, token)));
                }
                phonetic.add(Phonetic.key(token));
            }
            for (String p : phonetic) {
                row(tokens, caseId, personId, JdbcCentralStore.PHONETIC, bytea(keys.blind(JdbcCentralStore.PHONETIC, p)));
            }
            row(tokens, caseId, personId, JdbcCentralStore.BIRTH_YEAR,
                    bytea(keys.blind(JdbcCentralStore.BIRTH_YEAR, Integer.toString(who.birthYear()))));
            row(tokens, caseId, personId, JdbcCentralStore.AGE_BAND, bytea(keys.blind(JdbcCentralStore.AGE_BAND, CaseContent.band(age))));
            row(tokens, caseId, caseId, JdbcCentralStore.CASE_NUMBER,
                    bytea(keys.blind(JdbcCentralStore.CASE_NUMBER, JdbcCentralStore.normalizeNumber(number))));
            for (String code : new java.util.TreeSet<>(indicators)) {
                row(tokens, caseId, caseId, JdbcCentralStore.INDICATOR,
                        bytea(keys.blind(JdbcCentralStore.INDICATOR, JdbcCentralStore.normalizeIndicator(code))));
            }
            // the central office's work on it, logged as CentralWork logs it
            if (assignee != null) {
                Instant at = imported.plus(Duration.ofHours(4 + r.nextInt(40)));
                batch.audit.add(new String[] {Times.of(at), "user:1", "case.assigned", caseId, assignee, null});
                if (!"assigned".equals(status)) {
                    String when = Times.of(at.plus(Duration.ofDays(1 + r.nextInt(20))));
                    String reason = "closed".equals(status) ? "Synthetic: referred and followed up." : "Synthetic: ready for review.";
                    byte[] detail = CentralKeys.seal(key, "central_audit.detail|" + caseId + "|" + when + "|case.status", reason);
                    batch.audit.add(new String[] {when, assignee, "case.status", caseId, status, HEX.formatHex(detail)});
                }
            }
        }
    }

    /** Writes the batches not yet in the database, in order; returns the number of cases written by this run. */
    long generate(Connection c, int cases, int threads, PrintStream out) throws Exception {
        int batches = (cases + PER_BATCH - 1) / PER_BATCH;
        Set<String> done = new HashSet<>();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement(); ResultSet row = s.executeQuery("SELECT package_id FROM central_packages WHERE package_id LIKE 'gen-%'")) {
            while (row.next()) {
                done.add(row.getString(1));
            }
        }
        List<Integer> todo = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            if (!done.contains(String.format("gen-%07d", (long) b * PACKAGES_PER_BATCH))) {
                todo.add(b);
            }
        }
        out.printf("generator: %,d cases wanted (%d batches of %,d), %d already in the database, %d to write, %d threads%n", cases,
                batches, PER_BATCH, batches - todo.size(), todo.size(), threads);
        if (todo.isEmpty()) {
            return 0;
        }
        c.setAutoCommit(false);
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        ArrayDeque<Future<Batch>> ahead = new ArrayDeque<>();
        long start = System.nanoTime();
        long written = 0;
        int next = 0;
        try {
            while (next < todo.size() || !ahead.isEmpty()) {
                while (next < todo.size() && ahead.size() < threads * 2) {
                    int b = todo.get(next++);
                    ahead.add(pool.submit(() -> make(b)));
                }
                Batch batch = ahead.poll().get();
                write(c, copy, batch);
                written += PER_BATCH;
                double seconds = (System.nanoTime() - start) / 1e9;
                if (written % 10_000 == 0 || ahead.isEmpty()) {
                    long left = (long) (todo.size() - next + ahead.size()) * PER_BATCH;
                    out.printf("  %,d of %,d cases written this run (batch %d), %.0f cases/s, about %.0f min left%n", written,
                            (long) todo.size() * PER_BATCH, batch.index, written / seconds, left / (written / seconds) / 60);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return written;
    }

    private void write(Connection c, CopyManager copy, Batch batch) throws SQLException {
        try {
            try (PreparedStatement q = c.prepareStatement("INSERT INTO central_devices(device_id, first_import_at, last_import_at, packages) "
                    + "VALUES (?,?,?,?) ON CONFLICT (device_id) DO UPDATE SET last_import_at = excluded.last_import_at, "
                    + "packages = central_devices.packages + excluded.packages")) {
                for (var d : batch.devices.entrySet()) {
                    q.setString(1, d.getKey());
                    q.setString(2, d.getValue()[0]);
                    q.setString(3, d.getValue()[1]);
                    q.setInt(4, Integer.parseInt(d.getValue()[2]));
                    q.addBatch();
                }
                q.executeBatch();
            }
            for (var t : batch.copy.entrySet()) {
                copy.copyIn("COPY " + t.getKey() + " FROM STDIN", new StringReader(t.getValue().toString()));
            }
            if (!batch.audit.isEmpty()) {
                long seq;
                String previous;
                try (Statement s = c.createStatement(); ResultSet row = s.executeQuery("SELECT seq, hash FROM central_audit_head WHERE id = 1 FOR UPDATE")) {
                    row.next();
                    seq = row.getLong(1);
                    previous = row.getString(2);
                }
                StringBuilder audit = new StringBuilder(batch.audit.size() * 300);
                batch.audit.sort(java.util.Comparator.comparing((String[] e) -> e[0]));
                for (String[] e : batch.audit) {
                    seq++;
                    byte[] detail = e[5] == null ? null : HEX.parseHex(e[5]);
                    String hash = CentralAudit.link(keys, previous, seq, e[0], e[1], e[2], e[3], e[4], detail);
                    row(audit, Long.toString(seq), e[0], e[1], e[2], e[3], e[4], detail == null ? null : bytea(detail), previous, hash);
                    previous = hash;
                }
                copy.copyIn("COPY central_audit(seq, at, actor, action, case_id, subject, detail_enc, prev_hash, hash) FROM STDIN",
                        new StringReader(audit.toString()));
                try (PreparedStatement q = c.prepareStatement("UPDATE central_audit_head SET seq = ?, hash = ? WHERE id = 1")) {
                    q.setLong(1, seq);
                    q.setString(2, previous);
                    q.executeUpdate();
                }
            }
            c.commit();
        } catch (SQLException | java.io.IOException | RuntimeException e) {
            c.rollback();
            throw e instanceof SQLException s ? s : new SQLException("batch " + batch.index + " was not written", e);
        }
    }

    // --- COPY text format ---------------------------------------------------------------------

    private static void row(StringBuilder out, String... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            String v = values[i];
            if (v == null) {
                out.append("\\N");
                continue;
            }
            for (int k = 0; k < v.length(); k++) {
                char ch = v.charAt(k);
                switch (ch) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(ch);
                }
            }
        }
        out.append('\n');
    }

    /** A bytea in COPY text: {@code \x…} with its backslash written as the row escape needs (row() doubles it). */
    private static String bytea(byte[] b) {
        return "\\x" + HEX.formatHex(b);
    }

    private static String hex(Random r, int n) {
        return HEX.formatHex(bytes(r, n));
    }

    private static byte[] bytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }
}
