package org.harbor.consent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.harbor.accounts.AccessDenied;
import org.harbor.accounts.AccountService;
import org.harbor.accounts.Permission;
import org.harbor.accounts.Session;
import org.harbor.audit.AuditLog;
import org.harbor.cases.CaseRecords;
import org.harbor.cases.CaseService;
import org.harbor.vault.Vault;

/**
 * Consent per purpose (DOMAIN.md R8, R17): recorded, listed, revoked; never changed or deleted.
 *
 * <p>Who may do what: anyone who works on cases (intake workers included) records and revokes
 * consent on a case they may see; only the case's workers and supervisors read consents, by the
 * visibility rule of {@link CaseService}. The central office, which sees every case but works on
 * none, may ask only which purposes are blocked, for exports.
 *
 * <p>The state of a purpose is decided by its latest record: given, refused, or given and then
 * revoked. A change of mind after a revocation is a new record. Audit entries carry ids and the
 * purpose code, never an organisation, a name or a reason.
 */
public final class ConsentService {

    public static final String AUDIT_RECORDED = "consent.recorded";
    public static final String AUDIT_REVOKED = "consent.revoked";
    public static final String AUDIT_LAWFUL_BASIS = "consent.lawful_basis";
    public static final int MAX_REASON = 2000;

    private final Vault vault;
    private final AccountService accounts;
    private final AuditLog audit;
    private final Clock clock;

    public ConsentService(Vault vault, AccountService accounts, AuditLog audit, Clock clock) {
        this.vault = vault;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records one decision on one purpose for a case. */
    public Consent record(Session session, String caseId, ConsentGrant grant) {
        accounts.require(session, Permission.WORK_ON_CASES);
        String id = UUID.randomUUID().toString();
        String now = clock.instant().toString();
        return vault.transaction(c -> {
            CaseService.requireVisible(c, session, caseId);
            GuardianConsent guardian = grant.guardian();
            if (guardian != null && guardian.personId() != null) {
                requireGuardianOfCase(c, caseId, guardian.personId());
            }
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO consents(id, case_id, purpose, target, target_key, decision, by_survivor, assent,
                      guardian_person_id, guardian_name, guardian_excluded, guardian_exclusion_reason, authority,
                      method, method_detail, language, interpreter, recorded_at, recorded_by, child_assent, seq)
                    VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM consents))""")) {
                ConsentScope scope = grant.scope();
                insert.setString(1, id);
                insert.setString(2, caseId);
                insert.setString(3, scope.purpose().code());
                insert.setString(4, scope.target());
                insert.setString(5, scope.targetKey());
                insert.setString(6, grant.given() ? "given" : "refused");
                insert.setInt(7, grant.bySurvivor() ? 1 : 0);
                insert.setInt(8, grant.assent() ? 1 : 0);
                insert.setString(9, guardian == null ? null : guardian.personId());
                insert.setString(10, guardian == null ? null : guardian.name());
                insert.setInt(11, guardian != null && guardian.excluded() ? 1 : 0);
                insert.setString(12, guardian == null ? null : guardian.exclusionReason());
                insert.setString(13, grant.authority());
                insert.setString(14, grant.method().code());
                insert.setString(15, grant.methodDetail());
                insert.setString(16, grant.language());
                insert.setString(17, grant.interpreter());
                insert.setString(18, now);
                insert.setLong(19, session.user().id());
                insert.setString(20, grant.childAssent() == null ? null : grant.childAssent().code());
                insert.executeUpdate();
            }
            audit.append(c, session.actorId(), AUDIT_RECORDED, id, Map.of("case", caseId,
                    "purpose", grant.scope().purpose().code(), "decision", grant.given() ? "given" : "refused"));
            return new Consent(id, caseId, grant, now, session.user().id(), Optional.empty());
        });
    }

    /**
     * Withdraws a consent that was given. The consent stays on record with its revocation; the
     * reason is stored with it and never audited.
     *
     * @throws IllegalStateException if it is already revoked, or was a refusal
     */
    public Consent revoke(Session session, String consentId, String reason) {
        accounts.require(session, Permission.WORK_ON_CASES);
        String why = ConsentGrant.text(reason, "a reason", MAX_REASON);
        if (why == null) {
            throw new IllegalArgumentException("a revocation needs a reason");
        }
        String now = clock.instant().toString();
        return vault.transaction(c -> {
            Consent consent = load(c, consentId).orElseThrow(() -> new AccessDenied("no such consent, or not one of yours"));
            CaseService.requireVisible(c, session, consent.caseId());
            if (consent.revocation().isPresent()) {
                throw new IllegalStateException("this consent is already revoked");
            }
            if (!consent.grant().given()) {
                throw new IllegalStateException("a refusal has nothing to revoke; record a new consent instead");
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO consent_revocations(consent_id, revoked_at, revoked_by, reason) VALUES (?,?,?,?)")) {
                insert.setString(1, consentId);
                insert.setString(2, now);
                insert.setLong(3, session.user().id());
                insert.setString(4, why);
                insert.executeUpdate();
            }
            audit.append(c, session.actorId(), AUDIT_REVOKED, consentId, Map.of("case", consent.caseId(),
                    "purpose", consent.scope().purpose().code()));
            return new Consent(consent.id(), consent.caseId(), consent.grant(), consent.recordedAt(),
                    consent.recordedBy(), Optional.of(new Consent.Revocation(now, session.user().id(), why)));
        });
    }

    /** Every consent of the case, oldest first, revoked ones included. */
    public List<Consent> list(Session session, String caseId) {
        accounts.require(session, Permission.WORK_ON_CASES);
        return vault.transaction(c -> {
            CaseService.requireVisible(c, session, caseId);
            return all(c, caseId);
        });
    }

    /** The state of a purpose other than a referral (a referral names its organisation). */
    public ConsentStatus status(Session session, String caseId, ConsentPurpose purpose) {
        return status(session, caseId, ConsentScope.of(purpose));
    }

    /** The state of a purpose, for a referral to one organisation. */
    public ConsentStatus status(Session session, String caseId, ConsentScope scope) {
        return statuses(session, caseId).getOrDefault(scope, ConsentStatus.NONE);
    }

    /** The current state of every purpose recorded for the case, in the order first recorded. */
    public Map<ConsentScope, ConsentStatus> statuses(Session session, String caseId) {
        accounts.require(session, Permission.WORK_ON_CASES);
        return vault.transaction(c -> {
            CaseService.requireVisible(c, session, caseId);
            return latest(all(c, caseId));
        });
    }

    /**
     * The purposes a case may not be exported or shared for because consent was revoked or
     * refused. Export code refuses a package that would carry values for any of them.
     */
    public Set<ConsentScope> blockedPurposes(Session session, String caseId) {
        Session active = accounts.requireActive(session);
        if (!active.role().can(Permission.WORK_ON_CASES) && !active.role().can(Permission.SEE_ALL_CASES)) {
            throw new AccessDenied(Permission.WORK_ON_CASES);
        }
        return vault.transaction(c -> {
            CaseService.requireVisible(c, session, caseId);
            return blockedPurposes(c, caseId);
        });
    }

    /**
     * The same, inside a transaction a service already holds (it has checked the session): the
     * export code asks this in the transaction that writes the package, so a revocation cannot slip
     * in between.
     */
    public Set<ConsentScope> blockedPurposes(Connection c, String caseId) throws SQLException {
        return scopesIn(latest(all(c, caseId)), Set.of(ConsentStatus.REVOKED, ConsentStatus.REFUSED));
    }

    /** The purposes given and not revoked: what the case's values may be shared for. */
    public Set<ConsentScope> permittedPurposes(Session session, String caseId) {
        return scopesIn(statuses(session, caseId), Set.of(ConsentStatus.GIVEN));
    }

    /**
     * Records that a purpose may be used for this case without consent, on a named lawful basis
     * (never assumed: DOMAIN.md R17, R18). The reference names the law, procedure or decision.
     *
     * @throws IllegalArgumentException if the basis does not cover the purpose, or the reference is blank
     */
    public LawfulBasis.Recorded recordLawfulBasis(Session session, String caseId, ConsentScope scope, LawfulBasis basis,
                                                  String reference) {
        accounts.require(session, Permission.WORK_ON_CASES);
        if (!basis.covers(scope.purpose())) {
            throw new IllegalArgumentException("this lawful basis does not cover the purpose " + scope.purpose().code());
        }
        String ref = ConsentGrant.text(reference, "a reference", MAX_REASON);
        if (ref == null) {
            throw new IllegalArgumentException("a lawful basis names its reference (the law, procedure or decision)");
        }
        String id = UUID.randomUUID().toString();
        String now = clock.instant().toString();
        return vault.transaction(c -> {
            CaseService.requireVisible(c, session, caseId);
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO lawful_bases(id, case_id, purpose, target, target_key, basis, reference, recorded_at, recorded_by, seq)
                    VALUES (?,?,?,?,?,?,?,?,?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM lawful_bases))""")) {
                insert.setString(1, id);
                insert.setString(2, caseId);
                insert.setString(3, scope.purpose().code());
                insert.setString(4, scope.target());
                insert.setString(5, scope.targetKey());
                insert.setString(6, basis.code());
                insert.setString(7, ref);
                insert.setString(8, now);
                insert.setLong(9, session.user().id());
                insert.executeUpdate();
            }
            audit.append(c, session.actorId(), AUDIT_LAWFUL_BASIS, id, Map.of("case", caseId,
                    "purpose", scope.purpose().code(), "basis", basis.code()));
            return new LawfulBasis.Recorded(id, caseId, scope, basis, ref, now, session.user().id());
        });
    }

    /** The lawful bases recorded for a case, oldest first. */
    public List<LawfulBasis.Recorded> lawfulBases(Session session, String caseId) {
        accounts.require(session, Permission.WORK_ON_CASES);
        return vault.transaction(c -> {
            CaseService.requireVisible(c, session, caseId);
            return lawfulBases(c, caseId);
        });
    }

    /** What the case's values may be shared for, and why not where they may not. */
    public Sharing sharing(Session session, String caseId) {
        Session active = accounts.requireActive(session);
        if (!active.role().can(Permission.WORK_ON_CASES) && !active.role().can(Permission.SEE_ALL_CASES)) {
            throw new AccessDenied(Permission.WORK_ON_CASES);
        }
        return vault.transaction(c -> {
            CaseService.requireVisible(c, session, caseId);
            return sharing(c, caseId);
        });
    }

    /**
     * The same inside a transaction the caller holds (it has checked the session): the export asks
     * it in the transaction that reads the case and again in the one that records the package.
     */
    public Sharing sharing(Connection c, String caseId) throws SQLException {
        return Sharing.of(all(c, caseId), lawfulBases(c, caseId));
    }

    /**
     * {@link #sharing(Connection, String)} of many cases in a few queries (an export of a thousand
     * cases asks it twice for each); a case with no record maps to what no record allows.
     */
    public Map<String, Sharing> sharing(Connection c, java.util.Collection<String> caseIds) throws SQLException {
        Map<String, List<Consent>> consents = new java.util.HashMap<>();
        Map<String, List<LawfulBasis.Recorded>> bases = new java.util.HashMap<>();
        List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(caseIds));
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + BATCH));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement q = c.prepareStatement(SELECT + " WHERE k.case_id IN (" + marks + ") ORDER BY k.case_id, k.seq")) {
                for (int i = 0; i < chunk.size(); i++) {
                    q.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rows = q.executeQuery()) {
                    while (rows.next()) {
                        consents.computeIfAbsent(rows.getString(2), k -> new ArrayList<>()).add(consent(rows));
                    }
                }
            }
            try (PreparedStatement q = c.prepareStatement(LAWFUL_BASES + " WHERE case_id IN (" + marks + ") ORDER BY case_id, seq")) {
                for (int i = 0; i < chunk.size(); i++) {
                    q.setString(i + 1, chunk.get(i));
                }
                try (ResultSet row = q.executeQuery()) {
                    while (row.next()) {
                        bases.computeIfAbsent(row.getString(8), k -> new ArrayList<>()).add(lawfulBasis(row, row.getString(8)));
                    }
                }
            }
        }
        Map<String, Sharing> out = new LinkedHashMap<>();
        for (String id : ids) {
            out.put(id, Sharing.of(consents.getOrDefault(id, List.of()), bases.getOrDefault(id, List.of())));
        }
        return out;
    }

    /** Case ids per query of {@link #sharing(Connection, java.util.Collection)}: well under SQLite's limit of bound values. */
    private static final int BATCH = 500;

    /**
     * Whether one scope (for a referral, one organisation) may be used: its latest consent counts, or
     * a lawful basis is recorded for it. For a referral form's consent question (issue 12).
     */
    public boolean allows(Connection c, String caseId, ConsentScope scope) throws SQLException {
        Consent latest = null;
        for (Consent consent : all(c, caseId)) {
            if (consent.scope().equals(scope)) {
                latest = consent;
            }
        }
        if (latest != null && latest.revocation().isEmpty() && latest.grant().blockedBy().isEmpty()) {
            return true;
        }
        return lawfulBases(c, caseId).stream().anyMatch(b -> b.scope().equals(scope));
    }

    // --- queries -------------------------------------------------------------------------

    private static final String LAWFUL_BASES = "SELECT id, purpose, target, basis, reference, recorded_at, recorded_by, case_id FROM lawful_bases";

    private static List<LawfulBasis.Recorded> lawfulBases(Connection c, String caseId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(LAWFUL_BASES + " WHERE case_id = ? ORDER BY seq")) {
            q.setString(1, caseId);
            try (ResultSet row = q.executeQuery()) {
                List<LawfulBasis.Recorded> out = new ArrayList<>();
                while (row.next()) {
                    out.add(lawfulBasis(row, caseId));
                }
                return out;
            }
        }
    }

    private static LawfulBasis.Recorded lawfulBasis(ResultSet row, String caseId) throws SQLException {
        return new LawfulBasis.Recorded(row.getString(1), caseId,
                new ConsentScope(ConsentPurpose.fromCode(row.getString(2)), row.getString(3)),
                LawfulBasis.fromCode(row.getString(4)), row.getString(5), row.getString(6), row.getLong(7));
    }

    private static Set<ConsentScope> scopesIn(Map<ConsentScope, ConsentStatus> statuses, Set<ConsentStatus> wanted) {
        return statuses.entrySet().stream().filter(e -> wanted.contains(e.getValue())).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(() -> new TreeSet<>(
                        java.util.Comparator.comparing((ConsentScope s) -> s.purpose()).thenComparing(ConsentScope::targetKey))));
    }

    /** The latest record decides each scope; the list is in recording order. */
    private static Map<ConsentScope, ConsentStatus> latest(List<Consent> consents) {
        Map<ConsentScope, ConsentStatus> out = new LinkedHashMap<>();
        for (Consent consent : consents) {
            out.put(consent.scope(), consent.state());
        }
        return out;
    }

    private static final String SELECT = """
            SELECT k.id, k.case_id, k.purpose, k.target, k.decision, k.by_survivor, k.assent, k.guardian_person_id,
                   k.guardian_name, k.guardian_excluded, k.guardian_exclusion_reason, k.authority, k.method,
                   k.method_detail, k.language, k.interpreter, k.recorded_at, k.recorded_by,
                   r.revoked_at, r.revoked_by, r.reason, k.child_assent
            FROM consents k LEFT JOIN consent_revocations r ON r.consent_id = k.id""";

    private static List<Consent> all(Connection c, String caseId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(SELECT + " WHERE k.case_id = ? ORDER BY k.seq")) {
            q.setString(1, caseId);
            try (ResultSet rows = q.executeQuery()) {
                List<Consent> out = new ArrayList<>();
                while (rows.next()) {
                    out.add(consent(rows));
                }
                return out;
            }
        }
    }

    private static Optional<Consent> load(Connection c, String consentId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(SELECT + " WHERE k.id = ?")) {
            q.setString(1, consentId);
            try (ResultSet row = q.executeQuery()) {
                return row.next() ? Optional.of(consent(row)) : Optional.empty();
            }
        }
    }

    private static Consent consent(ResultSet row) throws SQLException {
        ConsentPurpose purpose = ConsentPurpose.fromCode(row.getString(3));
        String guardianName = row.getString(9);
        GuardianConsent guardian = guardianName == null ? null
                : new GuardianConsent(guardianName, row.getString(8), row.getInt(10) == 1, row.getString(11));
        ConsentGrant grant = new ConsentGrant(new ConsentScope(purpose, row.getString(4)), "given".equals(row.getString(5)),
                row.getInt(6) == 1, row.getInt(7) == 1, guardian, row.getString(12), ConsentMethod.fromCode(row.getString(13)),
                row.getString(14), row.getString(15), row.getString(16), ChildAssent.fromCode(row.getString(22)));
        String revokedAt = row.getString(19);
        Optional<Consent.Revocation> revocation = revokedAt == null ? Optional.empty()
                : Optional.of(new Consent.Revocation(revokedAt, row.getLong(20), row.getString(21)));
        return new Consent(row.getString(1), row.getString(2), grant, row.getString(17), row.getLong(18), revocation);
    }

    private static void requireGuardianOfCase(Connection c, String caseId, String personId) throws SQLException {
        if (!CaseRecords.isGuardianOf(c, caseId, personId)) {
            throw new IllegalArgumentException("the guardian is not a guardian recorded in this case");
        }
    }
}
