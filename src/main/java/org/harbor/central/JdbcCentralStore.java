package org.harbor.central;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.harbor.crypto.Hashes;
import org.harbor.crypto.SecretKey;
import org.harbor.seal.SealRecord;
import org.harbor.seal.VerifiedPackage;

/**
 * The one implementation of {@link CentralStore} over JDBC: the same SQL on SQLite and PostgreSQL
 * (both take {@code INSERT … ON CONFLICT}, {@code LIMIT/OFFSET}); what differs is how a
 * transaction is had ({@link Transactor}) and the DDL's blob type.
 */
final class JdbcCentralStore implements CentralStore {

    /** One transaction on the store's database: all of {@code work} or none of it. */
    interface Transactor extends AutoCloseable {
        <T> T run(Work<T> work);

        @Override
        void close();
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    static final String NAME = "name";
    static final String PHONETIC = "phonetic";
    static final String BIRTH_YEAR = "birth_year";
    static final String AGE_BAND = "age_band";
    static final String CASE_NUMBER = "case_number";
    /** An HTCDS method of control recorded for the case (trafficking form), per case: a filter of the case list. */
    static final String INDICATOR = "indicator";
    /** The trafficking form's question whose selected values are the case's indicators. */
    static final String CONTROL_METHODS_PATH = "/data/control/control_methods";

    static final String CASE_COLUMNS = "c.case_id, c.case_key, c.number_enc, c.survivor_enc, c.device_id, c.status, "
            + "c.assigned_to, c.treated_as_child, c.opened_at, c.imported_at";

    private final String kind;
    private final Transactor tx;
    private final CentralKeys keys;
    private final CentralWork work;

    JdbcCentralStore(String kind, Transactor tx, CentralKeys keys) {
        this.kind = kind;
        this.tx = tx;
        this.keys = keys;
        this.work = new CentralWork(this, tx, keys);
    }

    @Override
    public String kind() {
        return kind;
    }

    // --- import ------------------------------------------------------------------------------

    @Override
    public ImportOutcome importPackage(VerifiedPackage verified, ImportContext context) {
        // Parsed before the transaction: a package whose records cannot be filed is refused whole.
        List<CaseContent> contents = new ArrayList<>();
        for (VerifiedPackage.VerifiedCase kase : verified.cases()) {
            contents.add(CaseContent.of(kase));
        }
        return tx.run(c -> fileOn(c, verified, contents, context));
    }

    /**
     * Files a verified package on {@code c}, in the caller's transaction (the central vault's import
     * transaction when the store is the vault itself: one commit for the import and its filing).
     */
    ImportOutcome importOn(Connection c, VerifiedPackage verified, ImportContext context) throws SQLException {
        List<CaseContent> contents = new ArrayList<>();
        for (VerifiedPackage.VerifiedCase kase : verified.cases()) {
            contents.add(CaseContent.of(kase));
        }
        return fileOn(c, verified, contents, context);
    }

    /** A test hook: runs after each case is written and before the transaction commits. */
    volatile Runnable afterEachCase;

    private ImportOutcome fileOn(Connection c, VerifiedPackage verified, List<CaseContent> contents, ImportContext context)
            throws SQLException {
        var m = verified.manifest();
        String now = Times.of(context.importedAt());
        {
            // Lock order: package row (unique), device row, then each case; no two imports wait on each other in a cycle.
            try (PreparedStatement q = c.prepareStatement("INSERT INTO central_devices(device_id, first_import_at, last_import_at, packages) "
                    + "VALUES (?,?,?,0) ON CONFLICT (device_id) DO NOTHING")) {
                q.setString(1, m.deviceId());
                q.setString(2, now);
                q.setString(3, now);
                q.executeUpdate();
            }
            int inserted;
            try (PreparedStatement q = c.prepareStatement("INSERT INTO central_packages(package_id, device_id, sequence, manifest_hash, "
                    + "file_hash, created_at, exporter_id, exporter_role, imported_at, imported_by, receipt) VALUES (?,?,?,?,?,?,?,?,?,?,?) "
                    + "ON CONFLICT (package_id) DO NOTHING")) {
                q.setString(1, m.packageId());
                q.setString(2, m.deviceId());
                q.setLong(3, m.sequence());
                q.setString(4, verified.manifestHash());
                q.setString(5, verified.fileHash());
                q.setString(6, Times.normalize(m.createdAt()));
                q.setLong(7, m.exporterId());
                q.setString(8, m.exporterRole());
                q.setString(9, now);
                q.setString(10, context.importedBy());
                q.setString(11, context.receipt());
                inserted = q.executeUpdate();
            }
            if (inserted == 0) {
                return new ImportOutcome(m.packageId(), true, List.of());
            }
            try (PreparedStatement q = c.prepareStatement(
                    "UPDATE central_devices SET last_import_at = ?, packages = packages + 1 WHERE device_id = ?")) {
                q.setString(1, now);
                q.setString(2, m.deviceId());
                q.executeUpdate();
            }
            // The package's cases in one multi-row INSERT (the new ones come back), then every table's rows of
            // all new cases as one batch each: a dozen round trips for a package, not a dozen per case.
            List<CentralKeys.CaseKey> caseKeys = new ArrayList<>();
            try {
                Set<String> added = insertCases(c, m.packageId(), m.deviceId(), now, verified.cases(), contents, caseKeys);
                List<CaseOutcome> outcomes = new ArrayList<>();
                try (Rows rows = new Rows(c); PreparedStatement tokens = c.prepareStatement(TOKEN_INSERT)) {
                    for (int i = 0; i < contents.size(); i++) {
                        VerifiedPackage.VerifiedCase kase = verified.cases().get(i);
                        Outcome outcome;
                        if (added.remove(kase.caseId())) {
                            rows.add(kase.caseId(), m.packageId(), caseKeys.get(i).key(), kase, contents.get(i));
                            addTokens(tokens, kase.caseId(), kase.number(), contents.get(i));
                            outcome = Outcome.NEW;
                        } else {
                            outcome = existing(c, m.packageId(), now, kase);
                        }
                        outcomes.add(new CaseOutcome(kase.caseId(), outcome));
                        Runnable hook = afterEachCase;
                        if (hook != null) {
                            hook.run();
                        }
                    }
                    rows.execute();
                    tokens.executeBatch();
                }
                return new ImportOutcome(m.packageId(), false, outcomes);
            } finally {
                for (CentralKeys.CaseKey k : caseKeys) {
                    k.key().close();
                }
            }
        }
    }

    private static final String CASE_INSERT = "INSERT INTO central_cases(case_id, package_id, device_id, version_hash, case_key, "
            + "number_enc, survivor_enc, opened_at, sealed_at, imported_at, status, assigned_to, treated_as_child) VALUES ";
    private static final String TOKEN_INSERT = "INSERT INTO central_tokens(case_id, person_id, kind, token) VALUES (?,?,?,?) "
            + "ON CONFLICT (person_id, kind, token) DO NOTHING";
    /** Rows of one multi-row INSERT into central_cases (13 values each: well under both databases' limit of parameters). */
    private static final int CASES_PER_INSERT = 200;

    /** Inserts the cases not yet here, each with a fresh case key (added to {@code caseKeys} in order); returns the ids inserted. */
    private Set<String> insertCases(Connection c, String packageId, String deviceId, String now, List<VerifiedPackage.VerifiedCase> cases,
                                    List<CaseContent> contents, List<CentralKeys.CaseKey> caseKeys) throws SQLException {
        Set<String> added = new java.util.HashSet<>();
        for (int from = 0; from < cases.size(); from += CASES_PER_INSERT) {
            int to = Math.min(cases.size(), from + CASES_PER_INSERT);
            String sql = CASE_INSERT + String.join(",", java.util.Collections.nCopies(to - from, "(?,?,?,?,?,?,?,?,?,?,'new',NULL,?)"))
                    + " ON CONFLICT (case_id) DO NOTHING RETURNING case_id";
            try (PreparedStatement q = c.prepareStatement(sql)) {
                int n = 0;
                for (int i = from; i < to; i++) {
                    VerifiedPackage.VerifiedCase kase = cases.get(i);
                    CaseContent content = contents.get(i);
                    String caseId = kase.caseId();
                    CentralKeys.CaseKey caseKey = keys.newCaseKey(caseId);
                    caseKeys.add(caseKey);
                    SecretKey key = caseKey.key();
                    CaseContent.Person survivor = content.survivor();
                    q.setString(++n, caseId);
                    q.setString(++n, packageId);
                    q.setString(++n, deviceId);
                    q.setString(++n, Hashes.hex(Hashes.sha256(kase.caseJson())));
                    q.setBytes(++n, caseKey.wrapped());
                    q.setBytes(++n, CentralKeys.seal(key, "central_cases.number|" + caseId, kase.number()));
                    q.setBytes(++n, survivor == null ? null : CentralKeys.seal(key, "central_cases.survivor|" + caseId, survivor.name()));
                    q.setString(++n, content.openedAt);
                    q.setString(++n, content.sealedAt);
                    q.setString(++n, now);
                    Boolean child = content.treatedAsChild();
                    if (child == null) {
                        q.setNull(++n, Types.INTEGER);
                    } else {
                        q.setInt(++n, child ? 1 : 0);
                    }
                }
                try (ResultSet row = q.executeQuery()) {
                    while (row.next()) {
                        added.add(row.getString(1));
                    }
                }
            }
        }
        return added;
    }

    /** A case already in the store: the same version (unchanged) or another one, kept aside as a conflict. */
    private Outcome existing(Connection c, String packageId, String now, VerifiedPackage.VerifiedCase kase) throws SQLException {
        String caseId = kase.caseId();
        String version = Hashes.hex(Hashes.sha256(kase.caseJson()));
        String current;
        try (PreparedStatement q = c.prepareStatement("SELECT version_hash FROM central_cases WHERE case_id = ?")) {
            q.setString(1, caseId);
            try (ResultSet row = q.executeQuery()) {
                row.next();
                current = row.getString(1);
            }
        }
        if (current.equals(version)) {
            return Outcome.UNCHANGED;
        }
        try (PreparedStatement q = c.prepareStatement("INSERT INTO central_case_conflicts(case_id, version_hash, package_id, "
                + "imported_at) VALUES (?,?,?,?) ON CONFLICT (case_id, version_hash) DO NOTHING")) {
            q.setString(1, caseId);
            q.setString(2, version);
            q.setString(3, packageId);
            q.setString(4, now);
            q.executeUpdate();
        }
        work.keepVersion(c, caseId, version, kase);
        return Outcome.CONFLICT;
    }

    /** Files one case's rows (persons, sessions, submissions and answers, attachments, seals, custody) on its own. */
    static void insertRows(Connection c, String caseId, String packageId, SecretKey key, VerifiedPackage.VerifiedCase kase,
                           CaseContent content) throws SQLException {
        try (Rows rows = new Rows(c)) {
            rows.add(caseId, packageId, key, kase, content);
            rows.execute();
        }
    }

    /** The rows of the cases of one package, one batch per table, sent in the order of their foreign keys. */
    static final class Rows implements AutoCloseable {
        private final PreparedStatement persons;
        private final PreparedStatement sessions;
        private final PreparedStatement submissions;
        private final PreparedStatement answers;
        private final PreparedStatement attachments;
        private final PreparedStatement seals;
        private final PreparedStatement custody;
        private final List<PreparedStatement> all;

        Rows(Connection c) throws SQLException {
            persons = c.prepareStatement("INSERT INTO central_persons(person_id, case_id, role, position, name_enc, "
                + "aliases_enc) VALUES (?,?,?,?,?,?)");
            sessions = c.prepareStatement("INSERT INTO central_sessions(session_id, case_id, kind, language, started_at, "
                + "ended_at, interview_enc) VALUES (?,?,?,?,?,?,?)");
            submissions = c.prepareStatement("INSERT INTO central_submissions(submission_id, case_id, session_id, form_id, "
                + "form_version, status, started_at, ended_at, instance_enc) VALUES (?,?,?,?,?,?,?,?,?)");
            answers = c.prepareStatement("INSERT INTO central_answers(submission_id, path, kind, fact_key, answered_at, "
                + "answer_enc) VALUES (?,?,?,?,?,?)");
            attachments = c.prepareStatement("INSERT INTO central_attachments(attachment_id, case_id, sha256, size_bytes, "
                + "media_type, added_at, package_id, entry_name) VALUES (?,?,?,?,?,?,?,?)");
            seals = c.prepareStatement("INSERT INTO central_seals(seal_id, case_id, kind, unit_id, amends, content_hash, "
                + "signer_id, signer_role, key_id, public_key, signature, sealed_at, cosignatures, content_enc) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
            custody = c.prepareStatement("INSERT INTO central_custody(case_id, position, seq, at, action, hash, entry_enc) "
                + "VALUES (?,?,?,?,?,?,?)");
            all = List.of(persons, sessions, submissions, answers, attachments, seals, custody);
        }

        void add(String caseId, String packageId, SecretKey key, VerifiedPackage.VerifiedCase kase, CaseContent content)
                throws SQLException {
        {
            PreparedStatement q = persons;
            int position = 0;
            for (CaseContent.Person p : content.persons) {
                q.setString(1, p.id());
                q.setString(2, caseId);
                q.setString(3, p.role());
                q.setInt(4, position++);
                q.setBytes(5, CentralKeys.seal(key, "central_persons.name|" + p.id(), p.name()));
                q.setBytes(6, CentralKeys.seal(key, "central_persons.aliases|" + p.id(), String.join("\n", p.aliases())));
                q.addBatch();
            }
        }
        {
            PreparedStatement q = sessions;
            for (CaseContent.Session s : content.sessions) {
                q.setString(1, s.id());
                q.setString(2, caseId);
                q.setString(3, s.kind());
                q.setString(4, s.language());
                q.setString(5, s.startedAt());
                q.setString(6, s.endedAt());
                q.setBytes(7, CentralKeys.seal(key, "central_sessions.interview|" + s.id(), s.interviewJson()));
                q.addBatch();
            }
        }
        {
            PreparedStatement q = submissions;
            for (CaseContent.Submission s : content.submissions) {
                byte[] xml = kase.formInstances().get(s.id());
                q.setString(1, s.id());
                q.setString(2, caseId);
                q.setString(3, s.sessionId());
                q.setString(4, s.formId());
                q.setString(5, s.formVersion());
                q.setString(6, s.status());
                q.setString(7, s.startedAt());
                q.setString(8, s.endedAt());
                q.setBytes(9, xml == null ? null : CentralKeys.seal(key, "central_submissions.instance|" + s.id(), xml));
                q.addBatch();
            }
        }
        {
            PreparedStatement q = answers;
            for (CaseContent.Answer a : content.answers) {
                Map<String, String> answer = new LinkedHashMap<>();
                answer.put("value", a.value());
                answer.put("nonResponse", a.nonResponse());
                answer.put("notAskedReason", a.notAskedReason());
                q.setString(1, a.submissionId());
                q.setString(2, a.path());
                q.setString(3, a.kind());
                q.setString(4, a.factKey());
                q.setString(5, a.answeredAt());
                q.setBytes(6, CentralKeys.seal(key, "central_answers.answer|" + a.submissionId() + "|" + a.path(), Json.write(answer)));
                q.addBatch();
            }
        }
        Map<String, String> entryOf = new HashMap<>();
        for (VerifiedPackage.AttachmentRef ref : kase.attachments()) {
            entryOf.put(ref.sha256(), ref.entryName());
        }
        {
            PreparedStatement q = attachments;
            for (CaseContent.Attachment a : content.attachments) {
                String entry = entryOf.get(a.sha256());
                if (entry == null) {
                    throw new CentralException("central.error.malformed", "a sealed attachment is not in the package");
                }
                q.setString(1, a.id());
                q.setString(2, caseId);
                q.setString(3, a.sha256());
                q.setLong(4, a.size());
                q.setString(5, a.mediaType());
                q.setString(6, a.addedAt());
                q.setString(7, packageId);
                q.setString(8, entry);
                q.addBatch();
            }
        }
        {
            PreparedStatement q = seals;
            for (SealRecord s : kase.seals()) {
                q.setString(1, s.id());
                q.setString(2, caseId);
                q.setString(3, s.kind().code());
                q.setString(4, s.unitId());
                q.setString(5, s.amends());
                q.setString(6, s.contentHash());
                q.setLong(7, s.signerId());
                q.setString(8, s.signerRole());
                q.setString(9, s.keyId());
                q.setBytes(10, s.publicKey());
                q.setBytes(11, s.signature());
                q.setString(12, Times.normalize(s.sealedAt()));
                q.setInt(13, s.coSignatures().size());
                q.setBytes(14, CentralKeys.seal(key, "central_seals.content|" + s.id(), s.content()));
                q.addBatch();
            }
        }
        {
            PreparedStatement q = custody;
            int position = 0;
            for (String line : new String(kase.auditJsonl(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                Map<?, ?> e = Json.readMap(line);
                q.setString(1, caseId);
                q.setInt(2, position);
                Object seq = e.get("seq");
                if (seq instanceof Number n) {
                    q.setLong(3, n.longValue());
                } else {
                    q.setNull(3, Types.BIGINT);
                }
                q.setString(4, e.get("at") == null ? null : String.valueOf(e.get("at")));
                q.setString(5, e.get("action") == null ? null : String.valueOf(e.get("action")));
                q.setString(6, e.get("hash") == null ? null : String.valueOf(e.get("hash")));
                q.setBytes(7, CentralKeys.seal(key, "central_custody.entry|" + caseId + "|" + position, line));
                q.addBatch();
                position++;
            }
        }
    }

        void execute() throws SQLException {
            for (PreparedStatement q : all) {
                q.executeBatch();
            }
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement q : all) {
                q.close();
            }
        }
    }

    void insertTokens(Connection c, String caseId, String number, CaseContent content) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(TOKEN_INSERT)) {
            addTokens(q, caseId, number, content);
            q.executeBatch();
        }
    }

    private void addTokens(PreparedStatement q, String caseId, String number, CaseContent content) throws SQLException {
        {
            CaseContent.Person survivor = content.survivor();
            for (CaseContent.Person p : content.persons) {
                List<String> names = new ArrayList<>();
                names.add(p.name());
                names.addAll(p.aliases());
                Set<String> phonetic = new LinkedHashSet<>();
                for (String token : NameTokens.ofAll(names)) {
                    addToken(q, caseId, p.id(), NAME, token);
                    phonetic.add(Phonetic.key(token));
                }
                for (String key : phonetic) {
                    addToken(q, caseId, p.id(), PHONETIC, key);
                }
                if (p == survivor) {
                    Integer year = content.birthYear();
                    if (year != null) {
                        addToken(q, caseId, p.id(), BIRTH_YEAR, Integer.toString(year));
                    }
                    String band = content.ageBand();
                    if (band != null) {
                        addToken(q, caseId, p.id(), AGE_BAND, band);
                    }
                }
            }
            addToken(q, caseId, caseId, CASE_NUMBER, normalizeNumber(number));
            for (String code : indicators(content)) {
                addToken(q, caseId, caseId, INDICATOR, code);
            }
        }
    }

    /** The indicator codes of a case: the methods of control selected in its trafficking form(s). */
    static Set<String> indicators(CaseContent content) {
        Set<String> out = new java.util.TreeSet<>();
        for (CaseContent.Answer a : content.answers) {
            if (CONTROL_METHODS_PATH.equals(a.path()) && a.value() != null) {
                for (String code : a.value().strip().split("\\s+")) {
                    if (!code.isEmpty()) {
                        out.add(normalizeIndicator(code));
                    }
                }
            }
        }
        return out;
    }

    static String normalizeIndicator(String code) {
        return code.strip().toLowerCase(Locale.ROOT);
    }

    private void addToken(PreparedStatement q, String caseId, String personId, String kind, String value) throws SQLException {
        q.setString(1, caseId);
        q.setString(2, personId);
        q.setString(3, kind);
        q.setBytes(4, keys.blind(kind, value));
        q.addBatch();
    }

    static String normalizeNumber(String number) {
        return number.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", "");
    }

    // --- reading ----------------------------------------------------------------------------

    @Override
    public CasePage list(CaseFilter filter, int offset, int limit) {
        checkPage(offset, limit);
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        return tx.run(c -> {
            long total = count(c, "SELECT COUNT(*) FROM central_cases c" + where, params);
            List<Object> pageParams = new ArrayList<>(params);
            pageParams.add(limit);
            pageParams.add(offset);
            // the page's keys from an index first, then its rows (as in page())
            List<CaseRow> rows = rows(c, "SELECT " + CASE_COLUMNS + " FROM (SELECT c.case_id FROM central_cases c" + where
                    + " ORDER BY c.imported_at DESC, c.case_id LIMIT ? OFFSET ?) k JOIN central_cases c ON c.case_id = k.case_id"
                    + " ORDER BY c.imported_at DESC, c.case_id", pageParams);
            return new CasePage(rows, total, offset, limit);
        });
    }

    @Override
    public CasePage searchByName(String name, CaseFilter filter, int offset, int limit) {
        checkPage(offset, limit);
        List<String> tokens = NameTokens.of(name);
        if (tokens.isEmpty()) {
            return new CasePage(List.of(), 0, offset, limit);
        }
        List<Object> params = new ArrayList<>();
        StringBuilder match = new StringBuilder("(SELECT case_id FROM central_tokens WHERE kind = ? AND token IN (");
        params.add(NAME);
        for (int i = 0; i < tokens.size(); i++) {
            match.append(i == 0 ? "?" : ",?");
            params.add(keys.blind(NAME, tokens.get(i)));
        }
        // every token of the query, in any one person's name or aliases of the case
        match.append(") GROUP BY case_id, person_id HAVING COUNT(DISTINCT token) = ?) m");
        params.add(tokens.size());
        String where = where(filter, params);
        String from = " FROM central_cases c JOIN (SELECT DISTINCT case_id FROM " + match + ") hit ON hit.case_id = c.case_id";
        return tx.run(c -> {
            long total = count(c, "SELECT COUNT(*)" + from + where, params);
            List<Object> pageParams = new ArrayList<>(params);
            pageParams.add(limit);
            pageParams.add(offset);
            List<CaseRow> rows = rows(c, "SELECT " + CASE_COLUMNS + " FROM (SELECT c.case_id" + from + where
                    + " ORDER BY c.imported_at DESC, c.case_id LIMIT ? OFFSET ?) k JOIN central_cases c ON c.case_id = k.case_id"
                    + " ORDER BY c.imported_at DESC, c.case_id", pageParams);
            return new CasePage(rows, total, offset, limit);
        });
    }

    @Override
    public KeysetPage page(CaseQuery query, PageKey after, int limit) {
        checkPage(0, limit);
        List<Object> params = new ArrayList<>();
        StringBuilder from = new StringBuilder(" FROM central_cases c");
        if (query.name() != null) {
            List<String> tokens = NameTokens.of(query.name());
            if (tokens.isEmpty()) {
                return new KeysetPage(List.of(), null);
            }
            // every token of the query in one person's names of the case
            from.append(" JOIN (SELECT DISTINCT case_id FROM (SELECT case_id, person_id FROM central_tokens WHERE kind = ? AND token IN (");
            params.add(NAME);
            for (int i = 0; i < tokens.size(); i++) {
                from.append(i == 0 ? "?" : ",?");
                params.add(keys.blind(NAME, tokens.get(i)));
            }
            from.append(") GROUP BY case_id, person_id HAVING COUNT(DISTINCT token) = ?) m) hit ON hit.case_id = c.case_id");
            params.add(tokens.size());
        }
        String where = where(query.filter(), params);
        List<String> more = new ArrayList<>();
        for (String code : query.indicators()) {
            // a case's indicators are tokens of the case itself (person_id = case_id): probed through the primary
            // key row by row while the list is walked in order, not gathered whole first (a common one is on 1 in 5 cases)
            more.add("EXISTS (SELECT 1 FROM central_tokens i WHERE i.person_id = c.case_id AND i.kind = ? AND i.token = ?)");
            params.add(INDICATOR);
            params.add(keys.blind(INDICATOR, normalizeIndicator(code)));
        }
        if (after != null) {
            more.add("(c.imported_at, c.case_id) < (?, ?)");
            params.add(after.importedAt());
            params.add(after.caseId());
        }
        if (!more.isEmpty()) {
            where = (where.isEmpty() ? " WHERE " : where + " AND ") + String.join(" AND ", more);
        }
        params.add(limit + 1);
        // The page's keys first, from the indexes alone where they hold every column the filters test (migration
        // 0007: an index-only scan passes over non-matching cases without reading their rows), then only the page's
        // rows, with their encrypted fields and wrapped keys, from the table.
        String pageKeys = "SELECT c.case_id, c.imported_at" + from + where + " ORDER BY c.imported_at DESC, c.case_id DESC LIMIT ?";
        if ("postgresql".equals(kind) && (query.filter().openedFrom() != null || query.filter().openedTo() != null)) {
            // A date range: its cases are gathered from the index on (opened_at, imported_at, case_id) and the newest
            // taken from them. Left to itself the planner walks the whole list newest first, expecting the range's cases
            // to be spread evenly over it, and passes half a million to reach an old month (570 ms at 1 M cases); OFFSET 0
            // keeps the range's own plan (PostgreSQL plans such a subquery on its own).
            pageKeys = "SELECT case_id, imported_at FROM (SELECT c.case_id, c.imported_at" + from + where
                    + " OFFSET 0) f ORDER BY imported_at DESC, case_id DESC LIMIT ?";
        }
        String sql = "SELECT " + CASE_COLUMNS + " FROM (" + pageKeys + ") k JOIN central_cases c ON c.case_id = k.case_id "
                + "ORDER BY c.imported_at DESC, c.case_id DESC";
        return tx.run(c -> {
            List<CaseRow> rows = rows(c, sql, params);
            if (rows.size() <= limit) {
                return new KeysetPage(rows, null);
            }
            CaseRow last = rows.get(limit - 1);
            return new KeysetPage(rows.subList(0, limit), new PageKey(last.importedAt(), last.caseId()));
        });
    }

    @Override
    public Optional<CaseRow> findByNumber(String number) {
        byte[] token = keys.blind(CASE_NUMBER, normalizeNumber(number));
        return tx.run(c -> rows(c, "SELECT " + CASE_COLUMNS + " FROM central_cases c JOIN central_tokens t ON t.case_id = c.case_id "
                + "WHERE t.kind = ? AND t.token = ?", List.of(CASE_NUMBER, token)).stream().findFirst());
    }

    @Override
    public Optional<CaseView> show(String caseId) {
        return tx.run(c -> {
            List<CaseRow> found = rows(c, "SELECT " + CASE_COLUMNS + " FROM central_cases c WHERE c.case_id = ?", List.of(caseId));
            if (found.isEmpty()) {
                return Optional.empty();
            }
            CaseRow summary = found.getFirst();
            String packageId;
            String version;
            String sealedAt;
            byte[] wrapped;
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT package_id, version_hash, sealed_at, case_key FROM central_cases WHERE case_id = ?")) {
                q.setString(1, caseId);
                try (ResultSet row = q.executeQuery()) {
                    row.next();
                    packageId = row.getString(1);
                    version = row.getString(2);
                    sealedAt = row.getString(3);
                    wrapped = row.getBytes(4);
                }
            }
            try (SecretKey key = keys.openCaseKey(caseId, wrapped)) {
                return Optional.of(view(c, summary, packageId, version, sealedAt, key));
            }
        });
    }

    private CaseView view(Connection c, CaseRow summary, String packageId, String version, String sealedAt, SecretKey key)
            throws SQLException {
        String caseId = summary.caseId();
        Device device = null;
        try (PreparedStatement q = c.prepareStatement(
                "SELECT device_id, first_import_at, last_import_at, packages FROM central_devices WHERE device_id = ?")) {
            q.setString(1, summary.deviceId());
            try (ResultSet row = q.executeQuery()) {
                if (row.next()) {
                    device = new Device(row.getString(1), row.getString(2), row.getString(3), row.getLong(4));
                }
            }
        }
        List<PersonView> persons = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(
                "SELECT person_id, role, name_enc, aliases_enc FROM central_persons WHERE case_id = ? ORDER BY position")) {
            q.setString(1, caseId);
            try (ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    String id = row.getString(1);
                    String aliases = CentralKeys.openText(key, "central_persons.aliases|" + id, row.getBytes(4));
                    persons.add(new PersonView(id, row.getString(2), CentralKeys.openText(key, "central_persons.name|" + id, row.getBytes(3)),
                            aliases.isEmpty() ? List.of() : List.of(aliases.split("\n"))));
                }
            }
        }
        List<SessionView> sessions = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT session_id, kind, language, started_at, ended_at, interview_enc "
                + "FROM central_sessions WHERE case_id = ? ORDER BY started_at, session_id")) {
            q.setString(1, caseId);
            try (ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    String id = row.getString(1);
                    sessions.add(new SessionView(id, row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                            CentralKeys.openText(key, "central_sessions.interview|" + id, row.getBytes(6))));
                }
            }
        }
        Map<String, List<AnswerView>> answers = new HashMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT a.submission_id, a.path, a.kind, a.fact_key, a.answered_at, a.answer_enc "
                + "FROM central_answers a JOIN central_submissions s ON s.submission_id = a.submission_id WHERE s.case_id = ? "
                + "ORDER BY a.submission_id, a.path")) {
            q.setString(1, caseId);
            try (ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    String sub = row.getString(1);
                    String path = row.getString(2);
                    Map<?, ?> a = Json.readMap(CentralKeys.openText(key, "central_answers.answer|" + sub + "|" + path, row.getBytes(6)));
                    answers.computeIfAbsent(sub, k -> new ArrayList<>()).add(new AnswerView(path, row.getString(3), row.getString(4),
                            (String) a.get("value"), (String) a.get("nonResponse"), (String) a.get("notAskedReason"), row.getString(5)));
                }
            }
        }
        List<SubmissionView> submissions = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT submission_id, session_id, form_id, form_version, status, started_at, "
                + "ended_at, instance_enc FROM central_submissions WHERE case_id = ? ORDER BY started_at, submission_id")) {
            q.setString(1, caseId);
            try (ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    String id = row.getString(1);
                    submissions.add(new SubmissionView(id, row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                            row.getString(6), row.getString(7), CentralKeys.openText(key, "central_submissions.instance|" + id, row.getBytes(8)),
                            List.copyOf(answers.getOrDefault(id, List.of()))));
                }
            }
        }
        List<AttachmentView> attachments = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT attachment_id, sha256, size_bytes, media_type, added_at, package_id, "
                + "entry_name FROM central_attachments WHERE case_id = ? ORDER BY added_at, attachment_id")) {
            q.setString(1, caseId);
            try (ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    attachments.add(new AttachmentView(row.getString(1), row.getString(2), row.getLong(3), row.getString(4),
                            row.getString(5), row.getString(6), row.getString(7)));
                }
            }
        }
        List<SealView> seals = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT seal_id, kind, unit_id, amends, content_hash, signer_id, signer_role, key_id, "
                + "public_key, signature, sealed_at, cosignatures, content_enc FROM central_seals WHERE case_id = ? ORDER BY sealed_at, seal_id")) {
            q.setString(1, caseId);
            try (ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    String id = row.getString(1);
                    seals.add(new SealView(id, row.getString(2), row.getString(3), row.getString(4), row.getString(5), row.getLong(6),
                            row.getString(7), row.getString(8), row.getBytes(9), row.getBytes(10), row.getString(11), row.getInt(12),
                            CentralKeys.openText(key, "central_seals.content|" + id, row.getBytes(13))));
                }
            }
        }
        List<CustodyEntry> custody = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(
                "SELECT position, seq, at, action, hash, entry_enc FROM central_custody WHERE case_id = ? ORDER BY position")) {
            q.setString(1, caseId);
            try (ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    custody.add(new CustodyEntry(row.getLong(2), row.getString(3), row.getString(4), row.getString(5),
                            CentralKeys.openText(key, "central_custody.entry|" + caseId + "|" + row.getInt(1), row.getBytes(6))));
                }
            }
        }
        String receipt;
        try (PreparedStatement q = c.prepareStatement("SELECT receipt FROM central_packages WHERE package_id = ?")) {
            q.setString(1, packageId);
            try (ResultSet row = q.executeQuery()) {
                receipt = row.next() ? row.getString(1) : null;
            }
        }
        List<String> conflicts = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(
                "SELECT version_hash FROM central_case_conflicts WHERE case_id = ? ORDER BY imported_at, version_hash")) {
            q.setString(1, caseId);
            try (ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    conflicts.add(row.getString(1));
                }
            }
        }
        return new CaseView(summary, packageId, version, sealedAt, device, persons, sessions, submissions, attachments, seals,
                custody, receipt, conflicts);
    }

    // --- duplicates --------------------------------------------------------------------------

    @Override
    public List<DuplicateCandidate> duplicates(String personId, int limit) {
        return tx.run(c -> {
            String caseId = null;
            List<byte[]> tokens = new ArrayList<>();
            List<String> kinds = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT case_id, kind, token FROM central_tokens WHERE person_id = ? AND kind <> ?")) {
                q.setString(1, personId);
                q.setString(2, CASE_NUMBER);
                try (ResultSet row = q.executeQuery()) {
                    while (row.next()) {
                        caseId = row.getString(1);
                        kinds.add(row.getString(2));
                        tokens.add(row.getBytes(3));
                    }
                }
            }
            if (tokens.isEmpty()) {
                return List.of();
            }
            // 1. How many persons share each name and phonetic token (counted up to a bound, from the token index alone).
            // Candidates come from the rarer ones only: a token shared by at most PROPOSE other persons proposes them, the
            // rarest first, until CANDIDATES are proposed; tokens shared by up to INTERSECT propose those who share two of
            // them; a more common token and a birth year or an age band only add to the score of the candidates found.
            record Shared(byte[] token, String kind, long others) {
            }
            List<Shared> rare = new ArrayList<>();
            List<byte[]> common = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT COUNT(*) FROM (SELECT 1 FROM central_tokens WHERE kind = ? AND token = ? LIMIT ?) shared")) {
                for (int i = 0; i < tokens.size(); i++) {
                    String k = kinds.get(i);
                    if (!NAME.equals(k) && !PHONETIC.equals(k)) {
                        continue;
                    }
                    q.setString(1, k);
                    q.setBytes(2, tokens.get(i));
                    q.setInt(3, intersect + 2); // the person's own row and one more than the bound
                    try (ResultSet row = q.executeQuery()) {
                        row.next();
                        long others = row.getLong(1) - 1;
                        if (others <= propose) {
                            rare.add(new Shared(tokens.get(i), k, others));
                        } else if (others <= intersect) {
                            common.add(tokens.get(i));
                        }
                    }
                }
            }
            rare.sort(java.util.Comparator.comparingLong(Shared::others));
            List<byte[]> proposing = new ArrayList<>();
            long proposed = 0;
            for (Shared s : rare) {
                if (!proposing.isEmpty() && proposed + s.others() > candidates) {
                    break;
                }
                proposing.add(s.token());
                proposed += s.others();
            }
            // 2. The candidates, with their cases, from the token index alone.
            Map<String, String> caseOf = new LinkedHashMap<>();
            if (!proposing.isEmpty()) {
                List<Object> params = new ArrayList<>(List.of(NAME, PHONETIC, caseId));
                params.addAll(proposing);
                collect(c, "SELECT DISTINCT person_id, case_id FROM central_tokens WHERE kind IN (?, ?) AND case_id <> ? AND token IN ("
                        + marks(proposing.size()) + ")", params, caseOf);
            }
            int room = candidates - caseOf.size();
            if (common.size() >= 2 && room > 0) {
                // two names, or the phonetic keys of two names: a name and its own phonetic key are one piece of evidence;
                // those sharing the most first, within the room the rare tokens left
                List<Object> params = new ArrayList<>(List.of(NAME, PHONETIC, caseId));
                params.addAll(common);
                params.add(NAME);
                params.add(PHONETIC);
                params.add(room);
                collect(c, "SELECT person_id, MIN(case_id) FROM central_tokens WHERE kind IN (?, ?) AND case_id <> ? AND token IN ("
                        + marks(common.size()) + ") GROUP BY person_id "
                        + "HAVING SUM(CASE WHEN kind = ? THEN 1 ELSE 0 END) >= 2 OR SUM(CASE WHEN kind = ? THEN 1 ELSE 0 END) >= 2 "
                        + "ORDER BY COUNT(*) DESC, person_id LIMIT ?", params, caseOf);
            }
            if (caseOf.isEmpty()) {
                return List.of();
            }
            // 3. Each candidate scored on all of the person's tokens through the primary key (person_id, kind, token):
            // an index-only probe per candidate, never a walk over everyone born in the same year.
            Map<String, int[]> score = new LinkedHashMap<>();
            Map<String, Set<String>> matched = new HashMap<>();
            List<String> persons = new ArrayList<>(caseOf.keySet());
            for (int from = 0; from < persons.size(); from += CHUNK) {
                List<String> chunk = persons.subList(from, Math.min(persons.size(), from + CHUNK));
                List<Object> params = new ArrayList<>(chunk);
                params.addAll(List.of(NAME, PHONETIC, BIRTH_YEAR, AGE_BAND));
                params.addAll(tokens);
                try (PreparedStatement q = c.prepareStatement("SELECT person_id, kind, COUNT(*) FROM central_tokens WHERE person_id IN ("
                        + marks(chunk.size()) + ") AND kind IN (?, ?, ?, ?) AND token IN (" + marks(tokens.size()) + ") GROUP BY person_id, kind")) {
                    bind(q, params);
                    try (ResultSet row = q.executeQuery()) {
                        while (row.next()) {
                            String person = row.getString(1);
                            String kind = row.getString(2);
                            int n = row.getInt(3);
                            int[] s = score.computeIfAbsent(person, k -> new int[2]);
                            s[0] += weight(kind) * n;
                            if (NAME.equals(kind) || PHONETIC.equals(kind)) {
                                s[1] += n;
                            }
                            matched.computeIfAbsent(person, k -> new java.util.TreeSet<>()).add(kind);
                        }
                    }
                }
            }
            List<String> ranked = new ArrayList<>();
            score.forEach((person, s) -> {
                if (s[1] > 0) { // a year or an age band alone is no evidence of the same person
                    ranked.add(person);
                }
            });
            ranked.sort(java.util.Comparator.comparingInt((String p) -> score.get(p)[0]).reversed().thenComparing(p -> p));
            List<String> top = ranked.size() > limit ? ranked.subList(0, limit) : ranked;
            // 4. The devices of the ranked few only.
            Map<String, String> deviceOf = new HashMap<>();
            if (!top.isEmpty()) {
                List<Object> cases = top.stream().map(caseOf::get).distinct().map(x -> (Object) x).toList();
                try (PreparedStatement q = c.prepareStatement("SELECT case_id, device_id FROM central_cases WHERE case_id IN ("
                        + marks(cases.size()) + ")")) {
                    bind(q, cases);
                    try (ResultSet row = q.executeQuery()) {
                        while (row.next()) {
                            deviceOf.put(row.getString(1), row.getString(2));
                        }
                    }
                }
            }
            List<DuplicateCandidate> out = new ArrayList<>();
            for (String person : top) {
                String kase = caseOf.get(person);
                out.add(new DuplicateCandidate(person, kase, deviceOf.get(kase), score.get(person)[0], List.copyOf(matched.get(person))));
            }
            return out;
        });
    }

    private static void collect(Connection c, String sql, List<Object> params, Map<String, String> caseOf) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(sql)) {
            bind(q, params);
            try (ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    caseOf.putIfAbsent(row.getString(1), row.getString(2));
                }
            }
        }
    }

    /** Bound parameters per scoring statement (candidates in pieces). */
    private static final int CHUNK = 500;
    /**
     * At most about this many candidates are proposed and scored: by rare tokens, the rarest first (a token that would
     * pass the bound is left out, unless it is the first), then by pairs of common ones within the room left.
     */
    static final int CANDIDATES = 1_000;

    /** A name or phonetic token shared by at most this many other persons proposes them as candidates on its own. */
    static final int PROPOSE = 1_000;
    /** Tokens shared by at most this many propose the persons who share two of them; more common ones are only scored. */
    static final int INTERSECT = 10_000;

    private volatile int propose = PROPOSE;
    private volatile int intersect = INTERSECT;
    private volatile int candidates = CANDIDATES;

    /** For tests: the two bounds of {@link #duplicates}, small enough to be reached by a handful of cases. */
    void tokenBounds(int propose, int intersect) {
        tokenBounds(propose, intersect, CANDIDATES);
    }

    /** For tests: the two bounds and the number of candidates proposed by rare tokens. */
    void tokenBounds(int propose, int intersect, int candidates) {
        this.propose = propose;
        this.intersect = intersect;
        this.candidates = candidates;
    }

    private static String marks(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    /**
     * Each shared name token counts 2 and each shared phonetic key 1 (a spelling variant adds only its
     * phonetic key); a shared birth year 3 and age band 2, as they tell namesakes apart. Only
     * candidates with at least one name or phonetic match are proposed.
     */
    static int weight(String kind) {
        return switch (kind) {
            case NAME -> 2;
            case BIRTH_YEAR -> 3;
            case AGE_BAND -> 2;
            default -> 1;
        };
    }

    // --- assignment and status ---------------------------------------------------------------

    @Override
    public void assign(String caseId, String assignee) {
        tx.run(c -> {
            try (PreparedStatement q = c.prepareStatement("UPDATE central_cases SET assigned_to = ?, "
                    + "status = CASE WHEN status = 'new' AND ? IS NOT NULL THEN 'assigned' ELSE status END WHERE case_id = ?")) {
                q.setString(1, assignee);
                q.setString(2, assignee);
                q.setString(3, caseId);
                requireOne(q.executeUpdate());
            }
            return null;
        });
    }

    @Override
    public void setStatus(String caseId, String status) {
        if (!STATUSES.contains(status)) {
            throw new CentralException("central.error.status", "not a central case status");
        }
        tx.run(c -> {
            try (PreparedStatement q = c.prepareStatement("UPDATE central_cases SET status = ? WHERE case_id = ?")) {
                q.setString(1, status);
                q.setString(2, caseId);
                requireOne(q.executeUpdate());
            }
            return null;
        });
    }

    // --- the work of the central office (issue 17, part B): in CentralWork --------------------

    @Override
    public AuditCheck checkAudit() {
        return work.checkAudit();
    }

    @Override
    public List<DuplicateProposal> duplicateProposals(String personId, int limit) {
        return work.duplicateProposals(personId, limit);
    }

    @Override
    public List<DuplicatePair> duplicateQueue(int recentCases, int limit) {
        return work.duplicateQueue(recentCases, limit);
    }

    @Override
    public PersonDecision decidePersons(String personA, String personB, Decision decision, Act act) {
        return work.decidePersons(personA, personB, decision, act);
    }

    @Override
    public void undoPersonDecision(String decisionId, Act act) {
        work.undoPersonDecision(decisionId, act);
    }

    @Override
    public List<PersonDecision> personDecisions(String personId) {
        return work.personDecisions(personId);
    }

    @Override
    public Set<String> samePerson(String personId) {
        return work.samePerson(personId);
    }

    @Override
    public List<ConflictSummary> openConflicts(int limit) {
        return work.openConflicts(limit);
    }

    @Override
    public Optional<ConflictPair> conflict(String caseId, String otherVersion) {
        return work.conflict(caseId, otherVersion);
    }

    @Override
    public void resolveConflict(String caseId, String otherVersion, boolean otherIsCurrent, Act act) {
        work.resolveConflict(caseId, otherVersion, otherIsCurrent, act);
    }

    @Override
    public void assign(String caseId, String assignee, Act act) {
        work.assign(caseId, assignee, act);
    }

    @Override
    public void setStatus(String caseId, String status, Act act) {
        work.setStatus(caseId, status, act);
    }

    @Override
    public CasePage queue(Queue queue, int offset, int limit) {
        return work.queue(queue, offset, limit);
    }

    @Override
    public List<AuditEntry> audit(String caseId) {
        return work.audit(caseId);
    }

    @Override
    public Statistics.Counts countCases() {
        return work.countCases();
    }

    @Override
    public void close() {
        try {
            if (tx != null) {
                tx.close();
            }
        } finally {
            if (keysToClose != null) {
                keysToClose.close();
            }
        }
    }

    private volatile CentralKeys keysToClose;

    /** The keys this store destroys when it is closed (a store opened with keys of its own). */
    void alsoClose(CentralKeys keys) {
        this.keysToClose = keys;
    }

    // --- helpers -----------------------------------------------------------------------------

    static void requireOne(int updated) {
        if (updated != 1) {
            throw new CentralException("central.error.noSuchCase", "no such case in the central store");
        }
    }

    private static void checkPage(int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("a page is 1 to 1000 rows from a non-negative offset");
        }
    }

    private static String where(CaseFilter f, List<Object> params) {
        List<String> clauses = new ArrayList<>();
        if (f.deviceId() != null) {
            clauses.add("c.device_id = ?");
            params.add(f.deviceId());
        }
        if (f.openedFrom() != null) {
            clauses.add("c.opened_at >= ?");
            params.add(Times.of(f.openedFrom()));
        }
        if (f.openedTo() != null) {
            clauses.add("c.opened_at < ?");
            params.add(Times.of(f.openedTo()));
        }
        if (f.status() != null) {
            clauses.add("c.status = ?");
            params.add(f.status());
        }
        if (f.assignedTo() != null) {
            clauses.add("c.assigned_to = ?");
            params.add(f.assignedTo());
        }
        if (f.treatedAsChild() != null) {
            clauses.add("c.treated_as_child = ?");
            params.add(f.treatedAsChild() ? 1 : 0);
        }
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    private static long count(Connection c, String sql, List<Object> params) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(sql)) {
            bind(q, params);
            try (ResultSet row = q.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    List<CaseRow> rows(Connection c, String sql, List<Object> params) throws SQLException {
        List<CaseRow> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(sql)) {
            bind(q, params);
            try (ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    String caseId = row.getString(1);
                    try (SecretKey key = keys.openCaseKey(caseId, row.getBytes(2))) {
                        int child = row.getInt(8);
                        Boolean treatedAsChild = row.wasNull() ? null : child == 1;
                        out.add(new CaseRow(caseId, CentralKeys.openText(key, "central_cases.number|" + caseId, row.getBytes(3)),
                                CentralKeys.openText(key, "central_cases.survivor|" + caseId, row.getBytes(4)), row.getString(5),
                                row.getString(6), row.getString(7), treatedAsChild, row.getString(9), row.getString(10)));
                    }
                }
            }
        }
        return out;
    }

    static void bind(PreparedStatement q, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof byte[] b) {
                q.setBytes(i + 1, b);
            } else if (p instanceof Integer n) {
                q.setInt(i + 1, n);
            } else {
                q.setString(i + 1, (String) p);
            }
        }
    }
}
