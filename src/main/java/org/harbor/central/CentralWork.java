package org.harbor.central;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.harbor.central.CentralStore.Act;
import org.harbor.central.CentralStore.AnswerView;
import org.harbor.central.CentralStore.AuditEntry;
import org.harbor.central.CentralStore.CasePage;
import org.harbor.central.CentralStore.CaseRow;
import org.harbor.central.CentralStore.ConflictPair;
import org.harbor.central.CentralStore.ConflictSummary;
import org.harbor.central.CentralStore.Decision;
import org.harbor.central.CentralStore.DuplicateCandidate;
import org.harbor.central.CentralStore.DuplicatePair;
import org.harbor.central.CentralStore.DuplicateProposal;
import org.harbor.central.CentralStore.PersonDecision;
import org.harbor.central.CentralStore.PersonView;
import org.harbor.central.CentralStore.Queue;
import org.harbor.central.CentralStore.ScorePart;
import org.harbor.central.CentralStore.VersionView;
import org.harbor.crypto.SecretKey;
import org.harbor.seal.VerifiedPackage;

/**
 * The work of the central office on the store (issue 17, part B), the same SQL on both databases:
 * decisions on possible duplicates (never automatic, reversible), resolution of conflicting
 * versions, assignment and status with a log, review queues, and raw counts for statistics.
 * Every change is one transaction with its {@code central_audit} rows; a refusal changes nothing.
 * Reasons are encrypted under the key of the case they concern.
 */
final class CentralWork {

    private final JdbcCentralStore store;
    private final JdbcCentralStore.Transactor tx;
    private final CentralKeys keys;

    CentralWork(JdbcCentralStore store, JdbcCentralStore.Transactor tx, CentralKeys keys) {
        this.store = store;
        this.tx = tx;
        this.keys = keys;
    }

    // --- duplicates ------------------------------------------------------------------------------

    /** Bound parameters per statement when a list of ids is sent in pieces. */
    private static final int CHUNK = 500;

    List<DuplicateProposal> duplicateProposals(String personId, int limit) {
        return tx.run(c -> proposals(c, personId, limit));
    }

    private List<DuplicateProposal> proposals(Connection c, String personId, int limit) throws SQLException {
        String caseId = null;
        List<byte[]> nameTokens = new ArrayList<>();
        List<byte[]> otherTokens = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT case_id, kind, token FROM central_tokens WHERE person_id = ? AND kind <> ?")) {
            q.setString(1, personId);
            q.setString(2, JdbcCentralStore.CASE_NUMBER);
            try (ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    caseId = row.getString(1);
                    String kind = row.getString(2);
                    (JdbcCentralStore.NAME.equals(kind) || JdbcCentralStore.PHONETIC.equals(kind) ? nameTokens : otherTokens)
                            .add(row.getBytes(3));
                }
            }
        }
        if (nameTokens.isEmpty()) {
            return List.of(); // a year or an age band alone is no evidence of the same person
        }
        // Step 1, selective: persons sharing a name or phonetic token (the index on kind, token).
        // A birth year or an age band is shared by a large part of all persons: they only score
        // the candidates found here (step 2), never find them — at a million cases that is the
        // difference between reading a few rows and a sixth of the table.
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        Map<String, String> caseOf = new HashMap<>();
        StringBuilder sql = new StringBuilder("SELECT person_id, case_id, kind, COUNT(*) FROM central_tokens "
                + "WHERE kind IN (?, ?) AND token IN (");
        List<Object> params = new ArrayList<>(List.of(JdbcCentralStore.NAME, JdbcCentralStore.PHONETIC));
        for (int i = 0; i < nameTokens.size(); i++) {
            sql.append(i == 0 ? "?" : ",?");
            params.add(nameTokens.get(i));
        }
        sql.append(") AND case_id <> ? GROUP BY person_id, case_id, kind");
        params.add(caseId);
        try (PreparedStatement q = c.prepareStatement(sql.toString())) {
            JdbcCentralStore.bind(q, params);
            try (ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    counts.computeIfAbsent(row.getString(1), k -> new TreeMap<>()).merge(row.getString(3), row.getInt(4), Integer::sum);
                    caseOf.put(row.getString(1), row.getString(2));
                }
            }
        }
        // Step 2: birth year and age band of those candidates only (the primary key: person, kind, token),
        // and their devices, in chunks of bound parameters.
        List<String> candidates = new ArrayList<>(counts.keySet());
        Map<String, String> deviceOf = new HashMap<>();
        for (int from = 0; from < candidates.size(); from += CHUNK) {
            List<String> chunk = candidates.subList(from, Math.min(candidates.size(), from + CHUNK));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            if (!otherTokens.isEmpty()) {
                List<Object> p2 = new ArrayList<>(chunk);
                p2.add(JdbcCentralStore.BIRTH_YEAR);
                p2.add(JdbcCentralStore.AGE_BAND);
                p2.addAll(otherTokens);
                try (PreparedStatement q = c.prepareStatement("SELECT person_id, kind, COUNT(*) FROM central_tokens WHERE person_id IN ("
                        + marks + ") AND kind IN (?, ?) AND token IN (" + String.join(",", java.util.Collections.nCopies(otherTokens.size(), "?"))
                        + ") GROUP BY person_id, kind")) {
                    JdbcCentralStore.bind(q, p2);
                    try (ResultSet row = q.executeQuery()) {
                        while (row.next()) {
                            counts.get(row.getString(1)).merge(row.getString(2), row.getInt(3), Integer::sum);
                        }
                    }
                }
            }
            List<Object> cases = chunk.stream().map(caseOf::get).distinct().map(x -> (Object) x).toList();
            try (PreparedStatement q = c.prepareStatement("SELECT case_id, device_id FROM central_cases WHERE case_id IN ("
                    + String.join(",", java.util.Collections.nCopies(cases.size(), "?")) + ")")) {
                JdbcCentralStore.bind(q, cases);
                try (ResultSet row = q.executeQuery()) {
                    while (row.next()) {
                        deviceOf.put(row.getString(1), row.getString(2));
                    }
                }
            }
        }
        Map<String, String[]> where = new HashMap<>();
        for (String person : candidates) {
            where.put(person, new String[] {caseOf.get(person), deviceOf.get(caseOf.get(person))});
        }
        List<DuplicateProposal> out = new ArrayList<>();
        for (var e : counts.entrySet()) {
            Map<String, Integer> byKind = e.getValue();
            if (byKind.getOrDefault(JdbcCentralStore.NAME, 0) + byKind.getOrDefault(JdbcCentralStore.PHONETIC, 0) == 0) {
                continue; // a year or an age band alone is no evidence of the same person
            }
            List<ScorePart> parts = new ArrayList<>();
            int score = 0;
            for (String kind : List.of(JdbcCentralStore.NAME, JdbcCentralStore.PHONETIC, JdbcCentralStore.BIRTH_YEAR,
                    JdbcCentralStore.AGE_BAND)) {
                Integer n = byKind.get(kind);
                if (n != null) {
                    ScorePart part = new ScorePart(kind, n, JdbcCentralStore.weight(kind));
                    parts.add(part);
                    score += part.points();
                }
            }
            String[] w = where.get(e.getKey());
            out.add(new DuplicateProposal(new DuplicateCandidate(e.getKey(), w[0], w[1], score, List.copyOf(byKind.keySet())), parts,
                    null));
        }
        out.sort(Comparator.comparingInt((DuplicateProposal p) -> p.candidate().score()).reversed()
                .thenComparing(p -> p.candidate().personId()));
        List<DuplicateProposal> page = out.size() > limit ? out.subList(0, limit) : out;
        List<DuplicateProposal> withDecisions = new ArrayList<>();
        for (DuplicateProposal p : page) {
            withDecisions.add(new DuplicateProposal(p.candidate(), p.parts(), openDecision(c, personId, p.candidate().personId())));
        }
        return withDecisions;
    }

    List<DuplicatePair> duplicateQueue(int recentCases, int limit) {
        return tx.run(c -> {
            List<String[]> survivors = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT p.person_id, c.case_id, c.device_id FROM central_cases c "
                    + "JOIN central_persons p ON p.case_id = c.case_id AND p.role = 'survivor' "
                    + "ORDER BY c.imported_at DESC, c.case_id LIMIT ?")) {
                q.setInt(1, recentCases);
                try (ResultSet row = q.executeQuery()) {
                    while (row.next()) {
                        survivors.add(new String[] {row.getString(1), row.getString(2), row.getString(3)});
                    }
                }
            }
            List<DuplicatePair> out = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            for (String[] s : survivors) {
                for (DuplicateProposal p : proposals(c, s[0], limit)) {
                    String other = p.candidate().personId();
                    String key = s[0].compareTo(other) < 0 ? s[0] + "|" + other : other + "|" + s[0];
                    if (p.openDecision() == null && seen.add(key)) {
                        out.add(new DuplicatePair(s[0], s[1], s[2], p));
                    }
                }
            }
            out.sort(Comparator.comparingInt((DuplicatePair p) -> p.proposal().candidate().score()).reversed()
                    .thenComparing(DuplicatePair::personId));
            return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
        });
    }

    PersonDecision decidePersons(String personA, String personB, Decision decision, Act act) {
        requireReason(act);
        return tx.run(c -> {
            String a = personA.compareTo(personB) < 0 ? personA : personB;
            String b = a.equals(personA) ? personB : personA;
            String caseA = caseOfPerson(c, a);
            String caseB = caseOfPerson(c, b);
            if (caseA.equals(caseB)) {
                throw new CentralException("central.error.samePersonCase", "the two persons are in the same case");
            }
            if (openDecision(c, a, b) != null) {
                throw new CentralException("central.error.alreadyDecided", "the two persons already have an open decision");
            }
            int score = proposals(c, a, Integer.MAX_VALUE).stream().filter(p -> p.candidate().personId().equals(b))
                    .mapToInt(p -> p.candidate().score()).findFirst().orElse(0);
            String id = UUID.randomUUID().toString();
            String at = Times.of(act.at());
            try (PreparedStatement q = c.prepareStatement("INSERT INTO central_person_decisions(decision_id, person_a, case_a, person_b, "
                    + "case_b, decision, score, decided_by, decided_at, reason_enc) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                q.setString(1, id);
                q.setString(2, a);
                q.setString(3, caseA);
                q.setString(4, b);
                q.setString(5, caseB);
                q.setString(6, code(decision));
                q.setInt(7, score);
                q.setString(8, act.actor());
                q.setString(9, at);
                try (SecretKey key = caseKey(c, caseA)) {
                    q.setBytes(10, CentralKeys.seal(key, "central_person_decisions.reason|" + id, act.reason()));
                }
                q.executeUpdate();
            }
            String action = decision == Decision.MERGED ? "person.merged" : "person.kept_apart";
            audit(c, act, action, caseA, id, act.reason());
            audit(c, act, action, caseB, id, act.reason());
            return decision(c, id);
        });
    }

    void undoPersonDecision(String decisionId, Act act) {
        requireReason(act);
        tx.run(c -> {
            PersonDecision d = decision(c, decisionId);
            if (d == null) {
                throw new CentralException("central.error.noSuchDecision", "no such decision");
            }
            if (!d.open()) {
                throw new CentralException("central.error.alreadyUndone", "the decision was already undone");
            }
            try (PreparedStatement q = c.prepareStatement("UPDATE central_person_decisions SET undone_by = ?, undone_at = ?, "
                    + "undo_reason_enc = ? WHERE decision_id = ? AND undone_at IS NULL")) {
                q.setString(1, act.actor());
                q.setString(2, Times.of(act.at()));
                try (SecretKey key = caseKey(c, d.caseA())) {
                    q.setBytes(3, CentralKeys.seal(key, "central_person_decisions.undo|" + decisionId, act.reason()));
                }
                q.setString(4, decisionId);
                if (q.executeUpdate() != 1) {
                    throw new CentralException("central.error.alreadyUndone", "the decision was already undone");
                }
            }
            String action = d.decision() == Decision.MERGED ? "person.unmerged" : "person.keep_apart_undone";
            audit(c, act, action, d.caseA(), decisionId, act.reason());
            audit(c, act, action, d.caseB(), decisionId, act.reason());
            return null;
        });
    }

    List<PersonDecision> personDecisions(String personId) {
        return tx.run(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT decision_id FROM central_person_decisions WHERE person_a = ? "
                    + "OR person_b = ? ORDER BY decided_at, decision_id")) {
                q.setString(1, personId);
                q.setString(2, personId);
                try (ResultSet row = q.executeQuery()) {
                    while (row.next()) {
                        ids.add(row.getString(1));
                    }
                }
            }
            List<PersonDecision> out = new ArrayList<>();
            for (String id : ids) {
                out.add(decision(c, id));
            }
            return out;
        });
    }

    Set<String> samePerson(String personId) {
        return tx.run(c -> {
            Set<String> group = new LinkedHashSet<>();
            Deque<String> todo = new ArrayDeque<>(List.of(personId));
            while (!todo.isEmpty()) {
                String p = todo.pop();
                if (!group.add(p)) {
                    continue;
                }
                try (PreparedStatement q = c.prepareStatement("SELECT person_a, person_b FROM central_person_decisions WHERE "
                        + "decision = 'merged' AND undone_at IS NULL AND (person_a = ? OR person_b = ?)")) {
                    q.setString(1, p);
                    q.setString(2, p);
                    try (ResultSet row = q.executeQuery()) {
                        while (row.next()) {
                            todo.push(row.getString(1).equals(p) ? row.getString(2) : row.getString(1));
                        }
                    }
                }
            }
            return Set.copyOf(group);
        });
    }

    private PersonDecision openDecision(Connection c, String p1, String p2) throws SQLException {
        String a = p1.compareTo(p2) < 0 ? p1 : p2;
        String b = a.equals(p1) ? p2 : p1;
        try (PreparedStatement q = c.prepareStatement("SELECT decision_id FROM central_person_decisions WHERE person_a = ? AND "
                + "person_b = ? AND undone_at IS NULL")) {
            q.setString(1, a);
            q.setString(2, b);
            try (ResultSet row = q.executeQuery()) {
                return row.next() ? decision(c, row.getString(1)) : null;
            }
        }
    }

    private PersonDecision decision(Connection c, String id) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT person_a, case_a, person_b, case_b, decision, score, decided_by, "
                + "decided_at, reason_enc, undone_by, undone_at, undo_reason_enc FROM central_person_decisions WHERE decision_id = ?")) {
            q.setString(1, id);
            try (ResultSet row = q.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                try (SecretKey key = caseKey(c, row.getString(2))) {
                    return new PersonDecision(id, row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                            "merged".equals(row.getString(5)) ? Decision.MERGED : Decision.KEPT_APART, row.getInt(6), row.getString(7),
                            row.getString(8), CentralKeys.openText(key, "central_person_decisions.reason|" + id, row.getBytes(9)),
                            row.getString(10), row.getString(11),
                            CentralKeys.openText(key, "central_person_decisions.undo|" + id, row.getBytes(12)));
                }
            }
        }
    }

    private static String caseOfPerson(Connection c, String personId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT case_id FROM central_persons WHERE person_id = ?")) {
            q.setString(1, personId);
            try (ResultSet row = q.executeQuery()) {
                if (!row.next()) {
                    throw new CentralException("central.error.noSuchPerson", "no such person in the central store");
                }
                return row.getString(1);
            }
        }
    }

    private static String code(Decision d) {
        return d == Decision.MERGED ? "merged" : "kept_apart";
    }

    // --- conflicts -------------------------------------------------------------------------------

    /** Called by the import when a case arrives in another version: keeps that version whole, encrypted, beside the conflict. */
    void keepVersion(Connection c, String caseId, String version, VerifiedPackage.VerifiedCase kase) throws SQLException {
        try (SecretKey key = caseKey(c, caseId);
             PreparedStatement q = c.prepareStatement("UPDATE central_case_conflicts SET content_enc = ? WHERE case_id = ? "
                     + "AND version_hash = ? AND content_enc IS NULL")) {
            q.setBytes(1, CentralKeys.seal(key, "central_case_conflicts.content|" + caseId + "|" + version, CaseVersion.write(kase)));
            q.setString(2, caseId);
            q.setString(3, version);
            q.executeUpdate();
        }
    }

    List<ConflictSummary> openConflicts(int limit) {
        return tx.run(c -> {
            List<ConflictSummary> out = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT k.case_id, c.version_hash, k.version_hash, k.package_id, p.device_id, "
                    + "k.imported_at, CASE WHEN k.content_enc IS NULL THEN 0 ELSE 1 END FROM central_case_conflicts k "
                    + "JOIN central_cases c ON c.case_id = k.case_id JOIN central_packages p ON p.package_id = k.package_id "
                    + "WHERE k.resolution IS NULL ORDER BY k.imported_at, k.case_id, k.version_hash LIMIT ?")) {
                q.setInt(1, limit);
                try (ResultSet row = q.executeQuery()) {
                    while (row.next()) {
                        out.add(new ConflictSummary(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                                row.getString(5), row.getString(6), row.getInt(7) == 1));
                    }
                }
            }
            return out;
        });
    }

    Optional<ConflictPair> conflict(String caseId, String otherVersion) {
        Optional<CentralStore.CaseView> filed = store.show(caseId);
        if (filed.isEmpty()) {
            return Optional.empty();
        }
        CentralStore.CaseView v = filed.get();
        List<AnswerView> answers = new ArrayList<>();
        v.submissions().forEach(s -> answers.addAll(s.answers()));
        VersionView current = new VersionView(v.versionHash(), v.packageId(), v.sealedAt(), v.summary().number(), v.persons(),
                answers, v.seals().size());
        return tx.run(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT package_id, content_enc, resolution FROM central_case_conflicts "
                    + "WHERE case_id = ? AND version_hash = ?")) {
                q.setString(1, caseId);
                q.setString(2, otherVersion);
                try (ResultSet row = q.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    byte[] sealed = row.getBytes(2);
                    VersionView other = null;
                    if (sealed != null) {
                        try (SecretKey key = caseKey(c, caseId)) {
                            other = versionView(otherVersion, row.getString(1), CaseVersion.read(
                                    CentralKeys.openBytes(key, "central_case_conflicts.content|" + caseId + "|" + otherVersion, sealed)));
                        }
                    }
                    return Optional.of(new ConflictPair(caseId, current, other, row.getString(3)));
                }
            }
        });
    }

    private static VersionView versionView(String version, String packageId, VerifiedPackage.VerifiedCase kase) {
        CaseContent content = CaseContent.of(kase);
        List<PersonView> persons = content.persons.stream().map(p -> new PersonView(p.id(), p.role(), p.name(), p.aliases())).toList();
        List<AnswerView> answers = content.answers.stream().map(a -> new AnswerView(a.path(), a.kind(), a.factKey(), a.value(),
                a.nonResponse(), a.notAskedReason(), a.answeredAt())).toList();
        return new VersionView(version, packageId, content.sealedAt, kase.number(), persons, answers, kase.seals().size());
    }

    void resolveConflict(String caseId, String otherVersion, boolean otherIsCurrent, Act act) {
        requireReason(act);
        tx.run(c -> {
            String packageId;
            byte[] sealed;
            try (PreparedStatement q = c.prepareStatement("SELECT package_id, content_enc, resolution FROM central_case_conflicts "
                    + "WHERE case_id = ? AND version_hash = ?")) {
                q.setString(1, caseId);
                q.setString(2, otherVersion);
                try (ResultSet row = q.executeQuery()) {
                    if (!row.next()) {
                        throw new CentralException("central.error.noSuchConflict", "no such conflicting version");
                    }
                    if (row.getString(3) != null) {
                        throw new CentralException("central.error.alreadyResolved", "the conflict was already resolved");
                    }
                    packageId = row.getString(1);
                    sealed = row.getBytes(2);
                }
            }
            String at = Times.of(act.at());
            String resolution = "kept_current";
            if (otherIsCurrent) {
                if (sealed == null) {
                    throw new CentralException("central.error.versionNotKept", "that version was received before versions were kept");
                }
                String[] displaced = fileInstead(c, caseId, otherVersion, packageId, sealed);
                try (PreparedStatement q = c.prepareStatement("INSERT INTO central_case_conflicts(case_id, version_hash, package_id, "
                        + "imported_at, resolution, resolved_by, resolved_at) VALUES (?,?,?,?,'superseded',?,?) "
                        + "ON CONFLICT (case_id, version_hash) DO NOTHING")) {
                    q.setString(1, caseId);
                    q.setString(2, displaced[0]);
                    q.setString(3, displaced[1]);
                    q.setString(4, at);
                    q.setString(5, act.actor());
                    q.setString(6, at);
                    q.executeUpdate();
                }
                resolution = "took_other";
            }
            try (PreparedStatement q = c.prepareStatement("UPDATE central_case_conflicts SET resolution = ?, resolved_by = ?, "
                    + "resolved_at = ?, reason_enc = ? WHERE case_id = ? AND version_hash = ?")) {
                q.setString(1, resolution);
                q.setString(2, act.actor());
                q.setString(3, at);
                try (SecretKey key = caseKey(c, caseId)) {
                    q.setBytes(4, CentralKeys.seal(key, "central_case_conflicts.reason|" + caseId + "|" + otherVersion, act.reason()));
                }
                q.setString(5, caseId);
                q.setString(6, otherVersion);
                q.executeUpdate();
            }
            audit(c, act, "conflict." + resolution, caseId, otherVersion, act.reason());
            return null;
        });
    }

    /** Replaces the filed rows of a case by the kept version's; returns the displaced version's hash and package. */
    private String[] fileInstead(Connection c, String caseId, String version, String packageId, byte[] sealed) throws SQLException {
        String[] displaced = new String[2];
        try (PreparedStatement q = c.prepareStatement("SELECT version_hash, package_id FROM central_cases WHERE case_id = ?")) {
            q.setString(1, caseId);
            try (ResultSet row = q.executeQuery()) {
                row.next();
                displaced[0] = row.getString(1);
                displaced[1] = row.getString(2);
            }
        }
        try (SecretKey key = caseKey(c, caseId)) {
            VerifiedPackage.VerifiedCase kase = CaseVersion.read(
                    CentralKeys.openBytes(key, "central_case_conflicts.content|" + caseId + "|" + version, sealed));
            CaseContent content = CaseContent.of(kase);
            for (String sql : List.of(
                    "DELETE FROM central_answers WHERE submission_id IN (SELECT submission_id FROM central_submissions WHERE case_id = ?)",
                    "DELETE FROM central_submissions WHERE case_id = ?", "DELETE FROM central_sessions WHERE case_id = ?",
                    "DELETE FROM central_persons WHERE case_id = ?", "DELETE FROM central_attachments WHERE case_id = ?",
                    "DELETE FROM central_seals WHERE case_id = ?", "DELETE FROM central_custody WHERE case_id = ?",
                    "DELETE FROM central_tokens WHERE case_id = ?")) {
                try (PreparedStatement q = c.prepareStatement(sql)) {
                    q.setString(1, caseId);
                    q.executeUpdate();
                }
            }
            CaseContent.Person survivor = content.survivor();
            try (PreparedStatement q = c.prepareStatement("UPDATE central_cases SET package_id = ?, version_hash = ?, number_enc = ?, "
                    + "survivor_enc = ?, opened_at = ?, sealed_at = ?, treated_as_child = ? WHERE case_id = ?")) {
                q.setString(1, packageId);
                q.setString(2, version);
                q.setBytes(3, CentralKeys.seal(key, "central_cases.number|" + caseId, kase.number()));
                q.setBytes(4, survivor == null ? null : CentralKeys.seal(key, "central_cases.survivor|" + caseId, survivor.name()));
                q.setString(5, content.openedAt);
                q.setString(6, content.sealedAt);
                Boolean child = content.treatedAsChild();
                if (child == null) {
                    q.setNull(7, Types.INTEGER);
                } else {
                    q.setInt(7, child ? 1 : 0);
                }
                q.setString(8, caseId);
                q.executeUpdate();
            }
            JdbcCentralStore.insertRows(c, caseId, packageId, key, kase, content);
            store.insertTokens(c, caseId, kase.number(), content);
        }
        return displaced;
    }

    // --- assignment, status, queues, log ----------------------------------------------------------

    void assign(String caseId, String assignee, Act act) {
        tx.run(c -> {
            try (PreparedStatement q = c.prepareStatement("UPDATE central_cases SET assigned_to = ?, "
                    + "status = CASE WHEN status = 'new' AND ? IS NOT NULL THEN 'assigned' ELSE status END WHERE case_id = ?")) {
                q.setString(1, assignee);
                q.setString(2, assignee);
                q.setString(3, caseId);
                JdbcCentralStore.requireOne(q.executeUpdate());
            }
            audit(c, act, assignee == null ? "case.unassigned" : "case.assigned", caseId, assignee, act.reason());
            return null;
        });
    }

    void setStatus(String caseId, String status, Act act) {
        if (!CentralStore.STATUSES.contains(status)) {
            throw new CentralException("central.error.status", "not a central case status");
        }
        tx.run(c -> {
            try (PreparedStatement q = c.prepareStatement("UPDATE central_cases SET status = ? WHERE case_id = ?")) {
                q.setString(1, status);
                q.setString(2, caseId);
                JdbcCentralStore.requireOne(q.executeUpdate());
            }
            audit(c, act, "case.status", caseId, status, act.reason());
            return null;
        });
    }

    CasePage queue(Queue queue, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("a page is 1 to 1000 rows from a non-negative offset");
        }
        String where = switch (queue) {
            case UNASSIGNED -> " WHERE c.assigned_to IS NULL AND c.status <> 'closed'";
            case AWAITING_REVIEW -> " WHERE c.status = 'in_review'";
        };
        return tx.run(c -> {
            long total;
            try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM central_cases c" + where);
                 ResultSet row = q.executeQuery()) {
                row.next();
                total = row.getLong(1);
            }
            List<CaseRow> rows = store.rows(c, "SELECT " + JdbcCentralStore.CASE_COLUMNS + " FROM central_cases c" + where
                    + " ORDER BY c.imported_at, c.case_id LIMIT ? OFFSET ?", List.of(limit, offset));
            return new CasePage(rows, total, offset, limit);
        });
    }

    List<AuditEntry> audit(String caseId) {
        return tx.run(c -> {
            List<AuditEntry> out = new ArrayList<>();
            try (SecretKey key = caseKey(c, caseId);
                 PreparedStatement q = c.prepareStatement("SELECT entry_id, at, actor, action, subject, detail_enc FROM central_audit "
                         + "WHERE case_id = ? ORDER BY entry_id")) {
                q.setString(1, caseId);
                try (ResultSet row = q.executeQuery()) {
                    while (row.next()) {
                        long id = row.getLong(1);
                        out.add(new AuditEntry(id, row.getString(2), row.getString(3), row.getString(4), caseId, row.getString(5),
                                CentralKeys.openText(key, "central_audit.detail|" + caseId + "|" + row.getString(2) + "|"
                                        + row.getString(4), row.getBytes(6))));
                    }
                }
            }
            return out;
        });
    }

    private void audit(Connection c, Act act, String action, String caseId, String subject, String detail) throws SQLException {
        String at = Times.of(act.at());
        byte[] sealed;
        try (SecretKey key = caseKey(c, caseId)) {
            sealed = detail == null ? null : CentralKeys.seal(key, "central_audit.detail|" + caseId + "|" + at + "|" + action, detail);
        }
        CentralAudit.append(c, keys, at, act.actor(), action, caseId, subject, sealed);
    }

    CentralStore.AuditCheck checkAudit() {
        return tx.run(c -> CentralAudit.verify(c, keys));
    }

    // --- statistics ------------------------------------------------------------------------------

    private static final List<String> STAT_FACTS = List.of("survivor.gender", "survivor.nationality_codes", "survivor.claimed_age",
            "survivor.assessed_age_min");

    Statistics.Counts countCases() {
        return tx.run(c -> {
            Map<String, Map<String, Map<Integer, Long>>> byDimension = new LinkedHashMap<>();
            Map<Integer, Long> perYear = new TreeMap<>();
            try (PreparedStatement q = c.prepareStatement("SELECT c.case_id, c.case_key, c.opened_at, c.imported_at, a.submission_id, "
                    + "a.path, a.fact_key, a.answered_at, a.answer_enc FROM central_cases c "
                    + "LEFT JOIN central_submissions s ON s.case_id = c.case_id "
                    + "LEFT JOIN central_answers a ON a.submission_id = s.submission_id AND (a.fact_key IN (?,?,?,?) "
                    + "OR a.path LIKE '%/exploitation_types') ORDER BY c.case_id")) {
                for (int i = 0; i < STAT_FACTS.size(); i++) {
                    q.setString(i + 1, STAT_FACTS.get(i));
                }
                q.setFetchSize(1000);
                try (ResultSet row = q.executeQuery()) {
                    String current = null;
                    SecretKey key = null;
                    Map<String, String[]> facts = new HashMap<>();
                    int year = 0;
                    try {
                        while (row.next()) {
                            String caseId = row.getString(1);
                            if (!caseId.equals(current)) {
                                if (current != null) {
                                    tally(byDimension, perYear, year, facts);
                                }
                                if (key != null) {
                                    key.close();
                                }
                                current = caseId;
                                key = keys.openCaseKey(caseId, row.getBytes(2));
                                facts.clear();
                                String when = row.getString(3) != null ? row.getString(3) : row.getString(4);
                                year = Integer.parseInt(when.substring(0, 4));
                            }
                            byte[] sealed = row.getBytes(9);
                            if (sealed == null) {
                                continue;
                            }
                            String path = row.getString(6);
                            String fact = path.endsWith("/exploitation_types") ? "exploitation_types" : row.getString(7);
                            String answeredAt = String.valueOf(row.getString(8));
                            String[] known = facts.get(fact);
                            if (known != null && known[1].compareTo(answeredAt) > 0) {
                                continue;
                            }
                            Map<?, ?> answer = Json.readMap(CentralKeys.openText(key, "central_answers.answer|" + row.getString(5) + "|"
                                    + path, sealed));
                            Object value = answer.get("value");
                            if (value != null) {
                                facts.put(fact, new String[] {value.toString(), answeredAt});
                            }
                        }
                        if (current != null) {
                            tally(byDimension, perYear, year, facts);
                        }
                    } finally {
                        if (key != null) {
                            key.close();
                        }
                    }
                }
            }
            return new Statistics.Counts(byDimension, perYear);
        });
    }

    private static void tally(Map<String, Map<String, Map<Integer, Long>>> out, Map<Integer, Long> perYear, int year,
                              Map<String, String[]> facts) {
        perYear.merge(year, 1L, Long::sum);
        String[] types = facts.get("exploitation_types");
        for (String type : types == null ? List.<String>of() : Statistics.exploitationTypes(types[0])) {
            add(out, Statistics.EXPLOITATION, type, year);
        }
        add(out, Statistics.AGE_BAND, ageBand(facts), year);
        String[] gender = facts.get(STAT_FACTS.get(0));
        add(out, Statistics.GENDER, Statistics.gender(gender == null ? null : gender[0]), year);
        String[] nationality = facts.get("survivor.nationality_codes");
        add(out, Statistics.NATIONALITY, Statistics.nationality(nationality == null ? null : nationality[0]), year);
    }

    private static String ageBand(Map<String, String[]> facts) {
        for (String key : List.of("survivor.claimed_age", "survivor.assessed_age_min")) {
            String[] v = facts.get(key);
            if (v != null && v[0].strip().matches("\\d{1,3}")) {
                return CaseContent.band(Integer.parseInt(v[0].strip()));
            }
        }
        return Statistics.UNKNOWN;
    }

    private static void add(Map<String, Map<String, Map<Integer, Long>>> out, String dimension, String category, int year) {
        out.computeIfAbsent(dimension, k -> new TreeMap<>()).computeIfAbsent(category, k -> new TreeMap<>()).merge(year, 1L, Long::sum);
    }

    // --- helpers ---------------------------------------------------------------------------------

    private SecretKey caseKey(Connection c, String caseId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT case_key FROM central_cases WHERE case_id = ?")) {
            q.setString(1, caseId);
            try (ResultSet row = q.executeQuery()) {
                if (!row.next()) {
                    throw new CentralException("central.error.noSuchCase", "no such case in the central store");
                }
                return keys.openCaseKey(caseId, row.getBytes(1));
            }
        }
    }

    private static void requireReason(Act act) {
        if (act.reason() == null || act.reason().isBlank()) {
            throw new CentralException("central.error.reasonNeeded", "a reason is needed");
        }
    }
}
