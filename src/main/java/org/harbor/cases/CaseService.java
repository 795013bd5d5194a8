package org.harbor.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.harbor.accounts.AccessDenied;
import org.harbor.accounts.AccountService;
import org.harbor.accounts.Permission;
import org.harbor.accounts.Session;
import org.harbor.audit.AuditActions;
import org.harbor.audit.AuditLog;
import org.harbor.vault.Vault;
import org.harbor.vault.VaultMeta;

/**
 * Cases, their people and sessions, and the case list with full-text search.
 *
 * <p>Who sees what is decided here: supervisors (and the central office) see every case, an
 * interviewer the cases they lead or opened, an intake worker the cases they opened. A case
 * someone may not see behaves as if it did not exist.
 */
public final class CaseService {

    private final Vault vault;
    private final AccountService accounts;
    private final AuditLog audit;
    private final Clock clock;

    public CaseService(Vault vault, AccountService accounts, AuditLog audit, Clock clock) {
        this.vault = vault;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** Opens a new case, with its survivor when a name is known (a name may come later). */
    public CaseSummary create(Session session, String survivorName, List<String> aliases) {
        accounts.require(session, Permission.WORK_ON_CASES);
        String now = clock.instant().toString();
        String id = UUID.randomUUID().toString();
        return vault.transaction(c -> {
            String number = nextNumber(c);
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO cases(id, number, status, opened_at, opened_by, lead_worker, updated_at) VALUES (?,?,?,?,?,?,?)")) {
                insert.setString(1, id);
                insert.setString(2, number);
                insert.setString(3, CaseStatus.OPEN.code());
                insert.setString(4, now);
                insert.setLong(5, session.user().id());
                insert.setLong(6, session.user().id());
                insert.setString(7, now);
                insert.executeUpdate();
            }
            audit.append(c, session.actorId(), AuditActions.CASE_CREATED, id, Map.of());
            if (survivorName != null && !survivorName.isBlank()) {
                insertPerson(c, session, id, PersonRole.SURVIVOR, survivorName, aliases);
            }
            reindex(c, id);
            return summary(c, id).orElseThrow();
        });
    }

    public Person addPerson(Session session, String caseId, PersonRole role, String name, List<String> aliases) {
        accounts.require(session, Permission.WORK_ON_CASES);
        if (name == null || name.isBlank() || name.length() > TextLimits.NAME) {
            throw new IllegalArgumentException("a name has 1 to " + TextLimits.NAME + " characters");
        }
        return vault.transaction(c -> {
            requireVisible(c, session, caseId);
            Person person = insertPerson(c, session, caseId, role, name, aliases);
            touch(c, caseId);
            reindex(c, caseId);
            return person;
        });
    }

    public CaseSession startSession(Session session, String caseId, SessionKind kind, String interviewLanguage) {
        accounts.require(session, kind == SessionKind.INTERVIEW ? Permission.INTERVIEW : Permission.WORK_ON_CASES);
        if (!interviewLanguage.matches("[a-z]{2,3}")) {
            throw new IllegalArgumentException("an interview language is a two- or three-letter code");
        }
        String id = UUID.randomUUID().toString();
        String now = clock.instant().toString();
        return vault.transaction(c -> {
            requireVisible(c, session, caseId);
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO case_sessions(id, case_id, kind, interview_language, started_at, started_by) VALUES (?,?,?,?,?,?)")) {
                insert.setString(1, id);
                insert.setString(2, caseId);
                insert.setString(3, kind.code());
                insert.setString(4, interviewLanguage);
                insert.setString(5, now);
                insert.setLong(6, session.user().id());
                insert.executeUpdate();
            }
            touch(c, caseId);
            audit.append(c, session.actorId(), AuditActions.SESSION_STARTED, id, Map.of("case", caseId, "kind", kind.code()));
            return new CaseSession(id, kind, interviewLanguage, now, session.user().id(), null);
        });
    }

    /**
     * Checks that {@code caseSessionId} is an interview session of a case this session may see and
     * that the user may interview; returns the case id. Interview services build on this check.
     */
    public String requireInterviewSession(Session session, String caseSessionId) {
        accounts.require(session, Permission.INTERVIEW);
        return vault.transaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT case_id, kind FROM case_sessions WHERE id = ?")) {
                q.setString(1, caseSessionId);
                try (ResultSet row = q.executeQuery()) {
                    if (!row.next() || !SessionKind.INTERVIEW.code().equals(row.getString(2))
                            || !visible(c, session, row.getString(1))) {
                        throw new AccessDenied("no such interview, or not one of yours");
                    }
                    return row.getString(1);
                }
            }
        });
    }

    /**
     * Checks that {@code caseId} is a case this session may see; parts of a case kept by other
     * services (attachments) build on this. A case one may not see is refused like a missing one.
     */
    public void requireCase(Session session, String caseId) {
        accounts.requireActive(session);
        vault.transaction(c -> {
            requireVisible(c, session, caseId);
            return null;
        });
    }

    /** The case list: one page, filtered, sorted, searched, of the cases this session may see. */
    public List<CaseSummary> list(Session session, CaseQuery query) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = filtered(session, query, SELECT_SUMMARY, args);
        sql.append(switch (query.sort()) {
            case UPDATED_DESC -> " ORDER BY c.updated_at DESC, c.number DESC";
            case OPENED_DESC -> " ORDER BY c.opened_at DESC, c.number DESC";
            case NUMBER_ASC -> " ORDER BY c.number ASC";
        });
        sql.append(" LIMIT ? OFFSET ?");
        args.add(query.limit());
        args.add(query.offset());
        return vault.transaction(c -> {
            try (PreparedStatement q = c.prepareStatement(sql.toString())) {
                bind(q, args);
                try (ResultSet rows = q.executeQuery()) {
                    List<CaseSummary> out = new ArrayList<>();
                    while (rows.next()) {
                        out.add(summary(rows));
                    }
                    return out;
                }
            }
        });
    }

    /** How many cases the query matches in all, ignoring its page. */
    public int count(Session session, CaseQuery query) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = filtered(session, query, "SELECT count(*) FROM cases c", args);
        return vault.transaction(c -> {
            try (PreparedStatement q = c.prepareStatement(sql.toString())) {
                bind(q, args);
                try (ResultSet row = q.executeQuery()) {
                    return row.next() ? row.getInt(1) : 0;
                }
            }
        });
    }

    private StringBuilder filtered(Session session, CaseQuery query, String select, List<Object> args) {
        Session active = accounts.requireActive(session);
        if (!active.role().can(Permission.WORK_ON_CASES) && !active.role().can(Permission.SEE_ALL_CASES)) {
            throw new AccessDenied(Permission.WORK_ON_CASES);
        }
        StringBuilder sql = new StringBuilder(select);
        Optional<String> match = query.search().map(CaseService::ftsQuery).filter(q -> !q.isEmpty());
        sql.append(" WHERE 1 = 1");
        if (match.isPresent()) {
            // The full-text index answers first; the cases it names are then filtered and sorted.
            sql.append(" AND c.id IN (SELECT case_id FROM case_search WHERE case_search MATCH ?)");
            args.add(match.get());
        }
        visibility(session, sql, args);
        query.status().ifPresent(s -> {
            sql.append(" AND c.status = ?");
            args.add(s.code());
        });
        query.worker().ifPresent(w -> {
            sql.append(" AND (c.lead_worker = ? OR c.opened_by = ?)");
            args.add(w);
            args.add(w);
        });
        return sql;
    }

    /** A whole case, if this session may see it; the viewing is audited. */
    public Optional<CaseDetail> open(Session session, String caseId) {
        accounts.requireActive(session);
        return vault.transaction(c -> {
            if (!visible(c, session, caseId)) {
                return Optional.<CaseDetail>empty();
            }
            CaseSummary summary = summary(c, caseId).orElseThrow();
            audit.append(c, session.actorId(), AuditActions.CASE_VIEWED, caseId, Map.of());
            return Optional.of(new CaseDetail(summary, persons(c, caseId), sessions(c, caseId)));
        });
    }

    /**
     * Checks that {@code caseSessionId} is a session of a case this session may see; returns where
     * it belongs. Form services build on this check, inside their own transaction.
     */
    public CaseSessionRef requireCaseSession(Connection c, Session session, String caseSessionId) throws SQLException {
        accounts.require(session, Permission.WORK_ON_CASES);
        try (PreparedStatement q = c.prepareStatement(
                "SELECT case_id, kind, interview_language, ended_at FROM case_sessions WHERE id = ?")) {
            q.setString(1, caseSessionId);
            try (ResultSet row = q.executeQuery()) {
                if (!row.next() || !visible(c, session, row.getString(1))) {
                    throw new AccessDenied("no such case session, or not one of yours");
                }
                return new CaseSessionRef(row.getString(1), caseSessionId, SessionKind.fromCode(row.getString(2)),
                        row.getString(3), row.getString(4) != null);
            }
        }
    }

    /** Refuses, as if the case did not exist, a case this session may not see. */
    public void requireVisibleCase(Connection c, Session session, String caseId) throws SQLException {
        accounts.requireActive(session);
        requireVisible(c, session, caseId);
    }

    /**
     * Replaces the free-text answers of a case's search row, in the caller's transaction (the form
     * engine calls this in the transaction that saves the answer).
     */
    public static void indexAnswers(Connection c, String caseId, String answers) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE case_search SET answers = ? WHERE case_id = ?")) {
            update.setString(1, answers);
            update.setString(2, caseId);
            update.executeUpdate();
        }
    }

    // --- queries -------------------------------------------------------------------------

    private static final String SELECT_SUMMARY = """
            SELECT c.id, c.number, c.status,
                   COALESCE((SELECT p.display_name FROM persons p WHERE p.case_id = c.id AND p.role = 'survivor'
                             ORDER BY p.created_at LIMIT 1), ''),
                   c.opened_at, c.opened_by, c.lead_worker, c.updated_at
            FROM cases c""";

    private Optional<CaseSummary> summary(Connection c, String caseId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(SELECT_SUMMARY + " WHERE c.id = ?")) {
            q.setString(1, caseId);
            try (ResultSet row = q.executeQuery()) {
                return row.next() ? Optional.of(summary(row)) : Optional.empty();
            }
        }
    }

    private static CaseSummary summary(ResultSet row) throws SQLException {
        long lead = row.getLong(7);
        Long leadWorker = row.wasNull() ? null : lead;
        return new CaseSummary(row.getString(1), row.getString(2), CaseStatus.fromCode(row.getString(3)),
                row.getString(4), row.getString(5), row.getLong(6), leadWorker, row.getString(8));
    }

    private static List<Person> persons(Connection c, String caseId) throws SQLException {
        List<Person> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(
                "SELECT id, role, display_name, aliases FROM persons WHERE case_id = ? ORDER BY created_at, rowid")) {
            q.setString(1, caseId);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    out.add(new Person(rows.getString(1), PersonRole.fromCode(rows.getString(2)), rows.getString(3),
                            splitAliases(rows.getString(4))));
                }
            }
        }
        return out;
    }

    private static List<CaseSession> sessions(Connection c, String caseId) throws SQLException {
        List<CaseSession> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(
                "SELECT id, kind, interview_language, started_at, started_by, ended_at FROM case_sessions WHERE case_id = ? ORDER BY started_at")) {
            q.setString(1, caseId);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    out.add(new CaseSession(rows.getString(1), SessionKind.fromCode(rows.getString(2)), rows.getString(3),
                            rows.getString(4), rows.getLong(5), rows.getString(6)));
                }
            }
        }
        return out;
    }

    // --- writes --------------------------------------------------------------------------

    private Person insertPerson(Connection c, Session session, String caseId, PersonRole role, String name,
                                List<String> aliases) throws SQLException {
        String id = UUID.randomUUID().toString();
        List<String> cleanAliases = aliases == null ? List.of()
                : aliases.stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO persons(id, case_id, role, display_name, aliases, created_at, created_by) VALUES (?,?,?,?,?,?,?)")) {
            insert.setString(1, id);
            insert.setString(2, caseId);
            insert.setString(3, role.code());
            insert.setString(4, name.strip());
            insert.setString(5, String.join("\n", cleanAliases));
            insert.setString(6, clock.instant().toString());
            insert.setLong(7, session.user().id());
            insert.executeUpdate();
        }
        audit.append(c, session.actorId(), AuditActions.PERSON_ADDED, id, Map.of("case", caseId, "role", role.code()));
        return new Person(id, role, name.strip(), cleanAliases);
    }

    /** Rebuilds the case's search row from its people, keeping the free-text answers the form engine put there. */
    private static void reindex(Connection c, String caseId) throws SQLException {
        String answers = "";
        try (PreparedStatement q = c.prepareStatement("SELECT answers FROM case_search WHERE case_id = ?")) {
            q.setString(1, caseId);
            try (ResultSet row = q.executeQuery()) {
                if (row.next() && row.getString(1) != null) {
                    answers = row.getString(1);
                }
            }
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM case_search WHERE case_id = ?")) {
            delete.setString(1, caseId);
            delete.executeUpdate();
        }
        StringBuilder names = new StringBuilder();
        StringBuilder aliases = new StringBuilder();
        for (Person p : persons(c, caseId)) {
            names.append(p.displayName()).append('\n');
            p.aliases().forEach(a -> aliases.append(a).append('\n'));
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO case_search(case_id, number, names, aliases, answers) "
                        + "SELECT id, number, ?, ?, ? FROM cases WHERE id = ?")) {
            insert.setString(1, names.toString());
            insert.setString(2, aliases.toString());
            insert.setString(3, answers);
            insert.setString(4, caseId);
            insert.executeUpdate();
        }
    }

    private void touch(Connection c, String caseId) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE cases SET updated_at = ? WHERE id = ?")) {
            update.setString(1, clock.instant().toString());
            update.setString(2, caseId);
            update.executeUpdate();
        }
    }

    /** HB-YYYY-NNNNNN, counted per vault. */
    private String nextNumber(Connection c) throws SQLException {
        long next = VaultMeta.get(c, "case_seq").map(Long::parseLong).orElse(0L) + 1;
        VaultMeta.put(c, "case_seq", Long.toString(next));
        return "HB-%d-%06d".formatted(clock.instant().atZone(ZoneOffset.UTC).getYear(), next);
    }

    // --- who sees what -------------------------------------------------------------------

    private static void visibility(Session session, StringBuilder sql, List<Object> args) {
        if (session.role().can(Permission.SEE_ALL_CASES)) {
            return;
        }
        if (session.role().can(Permission.INTERVIEW)) {
            sql.append(" AND (c.lead_worker = ? OR c.opened_by = ?)");
            args.add(session.user().id());
            args.add(session.user().id());
        } else {
            sql.append(" AND c.opened_by = ?");
            args.add(session.user().id());
        }
    }

    private static boolean visible(Connection c, Session session, String caseId) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT 1 FROM cases c WHERE c.id = ?");
        List<Object> args = new ArrayList<>(List.of(caseId));
        visibility(session, sql, args);
        try (PreparedStatement q = c.prepareStatement(sql.toString())) {
            bind(q, args);
            try (ResultSet row = q.executeQuery()) {
                return row.next();
            }
        }
    }

    /**
     * Refuses, inside the caller's transaction, a case this session may not see (the rule of this
     * class), as if it did not exist. Services that hang records on a case (consents) build on it.
     */
    public static void requireVisible(Connection c, Session session, String caseId) throws SQLException {
        if (!visible(c, session, caseId)) {
            throw new AccessDenied("no such case, or not one of yours");
        }
    }

    private static void bind(PreparedStatement q, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object arg = args.get(i);
            if (arg instanceof Long l) {
                q.setLong(i + 1, l);
            } else if (arg instanceof Integer n) {
                q.setInt(i + 1, n);
            } else {
                q.setString(i + 1, (String) arg);
            }
        }
    }

    /**
     * Turns what someone typed into a safe FTS5 query: each word becomes a quoted prefix term, all
     * of them required. No FTS syntax from the user reaches the engine.
     */
    static String ftsQuery(String typed) {
        return Arrays.stream(typed.split("[\\s\\p{Punct}&&[^-]]+"))
                .map(String::strip)
                .filter(w -> w.codePoints().anyMatch(Character::isLetterOrDigit))
                .limit(8)
                .map(w -> "\"" + w.replace("\"", "\"\"") + "\"*")
                .reduce((a, b) -> a + " " + b)
                .orElse("");
    }

    private static List<String> splitAliases(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : List.of(stored.split("\n"));
    }
}
