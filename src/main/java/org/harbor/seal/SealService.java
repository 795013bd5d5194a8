package org.harbor.seal;

import java.nio.charset.StandardCharsets;
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
import java.util.UUID;
import org.harbor.accounts.AccessDenied;
import org.harbor.accounts.AccountService;
import org.harbor.accounts.Permission;
import org.harbor.accounts.Session;
import org.harbor.accounts.SigningKeys;
import org.harbor.audit.AuditActions;
import org.harbor.audit.AuditLog;
import org.harbor.cases.CaseRecords;
import org.harbor.cases.CaseService;
import org.harbor.cases.CaseStatus;
import org.harbor.crypto.CanonicalJson;
import org.harbor.crypto.Ed25519;
import org.harbor.crypto.Hashes;
import org.harbor.crypto.Minisign;
import org.harbor.i18n.Refusal;
import org.harbor.interview.session.InterviewTables;
import org.harbor.vault.Vault;

/**
 * Sealing: the canonical JSON (RFC 8785) of a finished session or case, its SHA-256, and the
 * sealer's Ed25519 signature. Once sealed, the database's triggers refuse any change or deletion of
 * the rows; a correction is an addendum, itself sealed, that names the seal it amends and why. A
 * supervisor may co-sign any seal.
 */
public final class SealService {

    private final Vault vault;
    private final AccountService accounts;
    private final AuditLog audit;
    private final Clock clock;

    public SealService(Vault vault, AccountService accounts, AuditLog audit, Clock clock) {
        this.vault = vault;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** Seals a session; an interview must have ended first. Sealing ends any other kind of session. */
    public SealStatus sealSession(Session session, String caseSessionId) {
        accounts.require(session, Permission.SEAL);
        return vault.transaction(c -> {
            String caseId = caseOfSession(c, caseSessionId);
            requireVisible(c, session, caseId);
            finishSession(c, caseSessionId);
            Map<String, Object> unit = SealUnits.sessionUnit(c, caseSessionId).orElseThrow();
            return status(c, insert(c, session, caseId, SealKind.SESSION, caseSessionId, null, null, unit));
        });
    }

    /** Seals a whole case: its people and every session. Its status becomes "sealed". */
    public SealStatus sealCase(Session session, String caseId) {
        accounts.require(session, Permission.SEAL);
        return vault.transaction(c -> {
            requireVisible(c, session, caseId);
            if (existing(c, SealKind.CASE, caseId)) {
                throw new Refusal("seal.error.alreadySealed");
            }
            for (String sessionId : SealUnits.sessionIds(c, caseId)) {
                if (!existing(c, SealKind.SESSION, sessionId)) {
                    finishSession(c, sessionId);
                }
            }
            Map<String, Object> unit = SealUnits.caseUnit(c, caseId).orElseThrow();
            SealRecord record = insert(c, session, caseId, SealKind.CASE, caseId, null, null, unit);
            CaseRecords.setStatus(c, caseId, CaseStatus.SEALED, clock.instant().toString());
            return status(c, record);
        });
    }

    /** An amendment to a sealed record: a new seal over the reason and the text, naming the seal it amends. */
    public SealStatus addendum(Session session, String amendsSealId, String reason, String text) {
        accounts.require(session, Permission.SEAL);
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw new IllegalArgumentException("an addendum needs a reason of 1 to 2000 characters");
        }
        if (text == null || text.isBlank() || text.length() > 100_000) {
            throw new IllegalArgumentException("an addendum needs a text of 1 to 100000 characters");
        }
        return vault.transaction(c -> {
            SealRecord amended = record(c, amendsSealId).orElseThrow(() -> new Refusal("seal.error.noSuchSeal"));
            requireVisible(c, session, amended.caseId());
            Map<String, Object> unit = new LinkedHashMap<>();
            unit.put("amendsHash", amended.contentHash());
            unit.put("text", text);
            SealRecord record = insert(c, session, amended.caseId(), SealKind.ADDENDUM, UUID.randomUUID().toString(),
                    amendsSealId, reason.strip(), unit);
            return status(c, record);
        });
    }

    /** A supervisor's co-signature of a seal (once per supervisor). */
    public SealStatus coSign(Session session, String sealId) {
        accounts.require(session, Permission.CO_SIGN);
        return vault.transaction(c -> {
            SealRecord seal = record(c, sealId).orElseThrow(() -> new Refusal("seal.error.noSuchSeal"));
            requireVisible(c, session, seal.caseId());
            if (!verifiesWithEnrolledKey(c, seal)) {
                throw new Refusal("seal.error.invalid");
            }
            String now = clock.instant().toString();
            Minisign.PublicKey key = SigningKeys.userKey(c, session.user().id(), now);
            byte[] signature;
            try (Ed25519.SigningKey signing = SigningKeys.open(c, key)) {
                signature = signing.sign(SealRecord.coSignatureMessage(sealId, seal.contentHash(), session.user().id(), now));
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT OR IGNORE INTO seal_cosignatures(seal_id, signer_id, signer_name, "
                    + "signer_role, key_id, public_key, signature, signed_at) VALUES (?,?,?,?,?,?,?,?)")) {
                insert.setString(1, sealId);
                insert.setLong(2, session.user().id());
                insert.setString(3, session.user().username());
                insert.setString(4, session.role().code());
                insert.setString(5, key.keyIdHex());
                insert.setBytes(6, key.key().bytes());
                insert.setBytes(7, signature);
                insert.setString(8, now);
                if (insert.executeUpdate() == 0) {
                    throw new Refusal("seal.error.alreadyCoSigned");
                }
            }
            audit.append(c, session.actorId(), AuditActions.SEAL_COSIGNED, sealId, Map.of("case", seal.caseId()));
            return status(c, record(c, sealId).orElseThrow());
        });
    }

    /** The seals of a case, oldest first, each checked now; for the case view. */
    public List<SealStatus> status(Session session, String caseId) {
        accounts.requireActive(session);
        return vault.transaction(c -> {
            requireVisible(c, session, caseId);
            List<SealStatus> out = new ArrayList<>();
            for (SealRecord r : records(c, caseId)) {
                out.add(status(c, r));
            }
            return out;
        });
    }

    /** Like {@link #status} and audited: the "verify" action of the case view. */
    public List<SealStatus> verify(Session session, String caseId) {
        List<SealStatus> result = status(session, caseId);
        boolean ok = result.stream().allMatch(SealStatus::verified);
        audit.record(session.actorId(), AuditActions.SEAL_VERIFIED, caseId,
                Map.of("seals", Integer.toString(result.size()), "result", ok ? "ok" : "failed"));
        return result;
    }

    /** The plain chain-of-custody report of a case in this vault. */
    public String custodyReport(Session session, String caseId) {
        accounts.requireActive(session);
        List<SealRecord> records = vault.transaction(c -> {
            requireVisible(c, session, caseId);
            return records(c, caseId);
        });
        return CustodyReport.forCase(caseId, records, List.of());
    }

    // --- package-private, for the exporter -------------------------------------------------

    static List<SealRecord> records(Connection c, String caseId) throws SQLException {
        List<SealRecord> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(SELECT_SEAL + " WHERE case_id = ? ORDER BY sealed_at, rowid")) {
            q.setString(1, caseId);
            try (ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    out.add(read(c, row));
                }
            }
        }
        return out;
    }

    static boolean caseSealed(Connection c, String caseId) throws SQLException {
        return existing(c, SealKind.CASE, caseId);
    }

    // --- internals ----------------------------------------------------------------------

    private SealRecord insert(Connection c, Session session, String caseId, SealKind kind, String unitId, String amends,
                              String reason, Map<String, Object> unit) throws SQLException {
        if (kind != SealKind.ADDENDUM && existing(c, kind, unitId)) {
            throw new Refusal("seal.error.alreadySealed");
        }
        String id = UUID.randomUUID().toString();
        String now = clock.instant().toString();
        Minisign.PublicKey key = SigningKeys.userKey(c, session.user().id(), now);
        Map<String, Object> signer = new LinkedHashMap<>();
        signer.put("id", session.user().id());
        signer.put("name", session.user().username());
        signer.put("role", session.role().code());
        signer.put("keyId", key.keyIdHex());
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("format", (long) SealUnits.FORMAT);
        content.put("sealId", id);
        content.put("kind", kind.code());
        content.put("caseId", caseId);
        content.put("unitId", unitId);
        content.put("amends", amends);
        content.put("reason", reason);
        content.put("sealedAt", now);
        content.put("signer", signer);
        content.put("unit", unit);
        byte[] canonical = CanonicalJson.bytes(content);
        byte[] hash = Hashes.sha256(canonical);
        byte[] signature;
        try (Ed25519.SigningKey signing = SigningKeys.open(c, key)) {
            signature = signing.sign(hash);
        }
        SealRecord record = new SealRecord(id, caseId, kind, unitId, amends, reason, new String(canonical, StandardCharsets.UTF_8),
                Hashes.hex(hash), session.user().id(), session.user().username(), session.role().code(), key.keyIdHex(),
                key.key().bytes(), signature, now, List.of());
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO seals(id, case_id, kind, unit_id, amends, reason, content, "
                + "content_hash, signer_id, signer_name, signer_role, key_id, public_key, signature, sealed_at) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            insert.setString(1, id);
            insert.setString(2, caseId);
            insert.setString(3, kind.code());
            insert.setString(4, unitId);
            insert.setString(5, amends);
            insert.setString(6, reason);
            insert.setString(7, record.content());
            insert.setString(8, record.contentHash());
            insert.setLong(9, record.signerId());
            insert.setString(10, record.signerName());
            insert.setString(11, record.signerRole());
            insert.setString(12, record.keyId());
            insert.setBytes(13, record.publicKey());
            insert.setBytes(14, record.signature());
            insert.setString(15, now);
            insert.executeUpdate();
        }
        audit.append(c, session.actorId(), AuditActions.SEAL_CREATED, id, Map.of("case", caseId, "kind", kind.code()));
        return record;
    }

    private static final String SELECT_SEAL = "SELECT id, case_id, kind, unit_id, amends, reason, content, content_hash, signer_id, "
            + "signer_name, signer_role, key_id, public_key, signature, sealed_at FROM seals";

    static Optional<SealRecord> record(Connection c, String sealId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(SELECT_SEAL + " WHERE id = ?")) {
            q.setString(1, sealId);
            try (ResultSet row = q.executeQuery()) {
                return row.next() ? Optional.of(read(c, row)) : Optional.empty();
            }
        }
    }

    private static SealRecord read(Connection c, ResultSet row) throws SQLException {
        String id = row.getString(1);
        List<SealRecord.CoSignature> cos = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT signer_id, signer_name, signer_role, key_id, public_key, signature, "
                + "signed_at FROM seal_cosignatures WHERE seal_id = ? ORDER BY signed_at, signer_id")) {
            q.setString(1, id);
            try (ResultSet co = q.executeQuery()) {
                while (co.next()) {
                    cos.add(new SealRecord.CoSignature(co.getLong(1), co.getString(2), co.getString(3), co.getString(4),
                            co.getBytes(5), co.getBytes(6), co.getString(7)));
                }
            }
        }
        return new SealRecord(id, row.getString(2), SealKind.fromCode(row.getString(3)), row.getString(4), row.getString(5),
                row.getString(6), row.getString(7), row.getString(8), row.getLong(9), row.getString(10), row.getString(11),
                row.getString(12), row.getBytes(13), row.getBytes(14), row.getString(15), cos);
    }

    /**
     * Whether the seal verifies with the key its signer enrolled (the accounts' keys in this vault),
     * not merely with the key the seal carries: a seal made with any other key is refused (ADR 0011).
     */
    static boolean verifiesWithEnrolledKey(Connection c, SealRecord r) throws SQLException {
        return r.verifies() && SigningKeys.enrolled(c, r.signerId(), r.keyId(), r.publicKey());
    }

    /** Checks a seal against its signature and, for a session or case, against the records as they read now. */
    private static SealStatus status(Connection c, SealRecord r) throws SQLException {
        boolean signatureValid = verifiesWithEnrolledKey(c, r);
        boolean matches = true;
        boolean restricted = false;
        if (r.kind() != SealKind.ADDENDUM) {
            long format = SealDigests.format(r);
            try {
                Optional<Map<String, Object>> now = r.kind() == SealKind.CASE ? SealUnits.caseUnit(c, r.unitId(), format)
                        : SealUnits.sessionUnit(c, r.unitId(), format);
                matches = now.isPresent() && sealedUnitEquals(r, now.get());
            } catch (SealUnits.Restricted e) {
                matches = false;
                restricted = true;
            }
        }
        List<SealStatus.CoSigner> cos = new ArrayList<>();
        for (SealRecord.CoSignature co : r.coSignatures()) {
            cos.add(new SealStatus.CoSigner(co.signerName(), co.signerRole(), co.signedAt(), co.fingerprint(),
                    r.coSignatureVerifies(co) && SigningKeys.enrolled(c, co.signerId(), co.keyId(), co.publicKey())));
        }
        return new SealStatus(r.id(), r.kind(), r.unitId(), r.signerName(), r.signerRole(), r.sealedAt(), r.fingerprint(),
                r.contentHash(), signatureValid, matches, r.amends(), r.reason(), cos, restricted);
    }

    private static boolean sealedUnitEquals(SealRecord r, Map<String, Object> current) {
        try {
            Object parsed = CanonicalJson.parse(r.content().getBytes(StandardCharsets.UTF_8), 64);
            Object unit = ((Map<?, ?>) parsed).get("unit");
            return CanonicalJson.write(unit).equals(CanonicalJson.write(current));
        } catch (CanonicalJson.MalformedException | RuntimeException e) {
            return false;
        }
    }

    static final String CASE_SEALED = "SELECT 1 FROM seals WHERE kind IN ('session', 'case') AND kind = 'case' AND unit_id = ?";
    static final String SESSION_SEALED = "SELECT 1 FROM seals WHERE kind IN ('session', 'case') AND kind = 'session' AND unit_id = ?";

    private static boolean existing(Connection c, SealKind kind, String unitId) throws SQLException {
        // The partial index seals_one_per_unit (WHERE kind IN ('session', 'case')) is used only by a
        // query that repeats its condition word for word, with the kind written in, not bound:
        // otherwise SQLite reads every seal.
        String sql = switch (kind) {
            case CASE -> CASE_SEALED;
            case SESSION -> SESSION_SEALED;
            default -> throw new IllegalArgumentException("one seal per unit holds for cases and sessions only");
        };
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, unitId);
            try (ResultSet row = q.executeQuery()) {
                return row.next();
            }
        }
    }

    private static String caseOfSession(Connection c, String sessionId) throws SQLException {
        return CaseRecords.caseOfSession(c, sessionId)
                .orElseThrow(() -> new AccessDenied("no such session, or not one of yours"));
    }

    /** An interview must have been ended by the interviewer; other sessions end when sealed. */
    private void finishSession(Connection c, String sessionId) throws SQLException {
        if (InterviewTables.running(c, sessionId)) {
            throw new Refusal("seal.error.interviewRunning");
        }
        CaseRecords.endSession(c, sessionId, clock.instant().toString());
    }

    /** The same rule as the case list: supervisors see all, interviewers the cases they lead or opened. */
    static void requireVisible(Connection c, Session session, String caseId) throws SQLException {
        CaseService.requireVisible(c, session, caseId);
    }
}
