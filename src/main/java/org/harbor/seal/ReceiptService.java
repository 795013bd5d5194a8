package org.harbor.seal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.harbor.accounts.AccountService;
import org.harbor.accounts.Permission;
import org.harbor.accounts.Session;
import org.harbor.audit.AuditActions;
import org.harbor.audit.AuditLog;
import org.harbor.i18n.Refusal;
import org.harbor.cases.CaseRecords;
import org.harbor.cases.CaseStatus;
import org.harbor.consent.ConsentRecords;
import org.harbor.interview.session.InterviewTables;
import org.harbor.vault.Vault;

/**
 * The field side of receipts: a receipt signed with the central office's receipt key marks the
 * cases of one exported package "received"; only received cases can be purged, and a purge
 * deletes their rows under a permit (the seal triggers allow nothing else), then compacts the
 * database so that nothing of them stays in its free pages or its WAL.
 */
public final class ReceiptService {

    /** What a receipt changed. */
    public record Applied(String packageId, List<String> received) {
    }

    private final Vault vault;
    private final AccountService accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final CaseExtras extras;

    public ReceiptService(Vault vault, AccountService accounts, AuditLog audit, Clock clock, CaseExtras extras) {
        this.vault = vault;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.extras = extras;
    }

    public Applied apply(Session session, Path receiptFile) throws IOException {
        accounts.require(session, Permission.EXPORT_PACKAGES);
        if (Files.size(receiptFile) > Receipt.MAX_FILE) {
            throw new Refusal("receipt.error.format");
        }
        return apply(session, Files.readAllBytes(receiptFile));
    }

    /** The same for a receipt received over the network (sync): the bytes of the receipt file. */
    public Applied apply(Session session, byte[] receiptFile) {
        accounts.require(session, Permission.EXPORT_PACKAGES);
        Receipt receipt = Receipt.parse(receiptFile);
        String now = clock.instant().toString();
        return vault.transaction(c -> {
            TrustBundle trust = TrustService.trust(c).orElseThrow(() -> new Refusal("export.error.noTrust"));
            if (!receipt.verifies(trust.receiptKey())) {
                throw new Refusal("receipt.error.signature");
            }
            String manifestHash;
            try (PreparedStatement q = c.prepareStatement("SELECT manifest_hash FROM exports WHERE package_id = ?")) {
                q.setString(1, receipt.packageId());
                try (ResultSet row = q.executeQuery()) {
                    if (!row.next()) {
                        throw new Refusal("receipt.error.unknownPackage");
                    }
                    manifestHash = row.getString(1);
                }
            }
            if (!manifestHash.equals(receipt.manifestHash())) {
                throw new Refusal("receipt.error.manifest");
            }
            Set<String> exported = new HashSet<>();
            try (PreparedStatement q = c.prepareStatement("SELECT case_id FROM export_cases WHERE package_id = ?")) {
                q.setString(1, receipt.packageId());
                try (ResultSet row = q.executeQuery()) {
                    while (row.next()) {
                        exported.add(row.getString(1));
                    }
                }
            }
            if (!exported.equals(new HashSet<>(receipt.caseIds()))) {
                throw new Refusal("receipt.error.cases");
            }
            List<String> received = new ArrayList<>();
            // A case is received by the receipt of the last package that carried it, not by an older one.
            try (PreparedStatement latest = c.prepareStatement(
                    "SELECT (SELECT MAX(e.sequence) FROM exports e JOIN export_cases x ON x.package_id = e.package_id "
                            + "WHERE x.case_id = ?) = (SELECT sequence FROM exports WHERE package_id = ?)")) {
                for (String id : receipt.caseIds()) {
                    latest.setString(1, id);
                    latest.setString(2, receipt.packageId());
                    boolean last;
                    try (ResultSet row = latest.executeQuery()) {
                        last = row.next() && row.getInt(1) == 1;
                    }
                    if (last && CaseRecords.changeStatus(c, id, CaseStatus.EXPORTED, CaseStatus.RECEIVED, now)) {
                        received.add(id);
                    }
                }
            }
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE exports SET received_at = ?, receipt = ? WHERE package_id = ? AND received_at IS NULL")) {
                update.setString(1, receipt.receivedAt());
                update.setString(2, receipt.toFile());
                update.setString(3, receipt.packageId());
                update.executeUpdate();
            }
            audit.append(c, session.actorId(), AuditActions.RECEIPT_APPLIED, receipt.packageId(),
                    Map.of("cases", Integer.toString(received.size())));
            return new Applied(receipt.packageId(), received);
        });
    }

    /** The cases a purge would delete now. */
    public List<String> purgeable(Session session) {
        accounts.require(session, Permission.PURGE);
        return vault.transaction(ReceiptService::received);
    }

    /**
     * Deletes every received case (its people, sessions, interviews, seals and search row), then
     * the extras' data, then compacts the database. Audited with case ids only.
     */
    public List<String> purgeReceived(Session session) throws IOException {
        return purgeReceived(session, null);
    }

    /**
     * The same for the received cases among {@code only} (the cases one receipt covered, as the
     * window offers after applying it); every received case when {@code only} is null.
     */
    public List<String> purgeReceived(Session session, java.util.Collection<String> only) throws IOException {
        accounts.require(session, Permission.PURGE);
        List<CaseExtras.AfterPurge> after = new ArrayList<>();
        List<String> purged = vault.transaction(c -> {
            List<String> ids = new ArrayList<>(received(c));
            if (only != null) {
                ids.retainAll(only);
            }
            for (String id : ids) {
                after.add(extras.purgeRows(c, session.actorId(), id));
                purge(c, id);
                audit.append(c, session.actorId(), AuditActions.CASE_PURGED, id, Map.of());
            }
            return ids;
        });
        for (CaseExtras.AfterPurge a : after) {
            a.run();
        }
        if (!purged.isEmpty()) {
            vault.vacuum();
            audit.record(session.actorId(), AuditActions.VAULT_VACUUMED, null, Map.of("cases", Integer.toString(purged.size())));
        }
        return purged;
    }

    private static List<String> received(Connection c) throws SQLException {
        return CaseRecords.withStatus(c, CaseStatus.RECEIVED);
    }

    private static void purge(Connection c, String caseId) throws SQLException {
        exec(c, "INSERT INTO purge_permits(case_id) VALUES (?)", caseId);
        InterviewTables.purge(c, CaseRecords.sessionIds(c, caseId));
        ConsentRecords.purge(c, caseId);
        org.harbor.safety.SafetyRecords.purge(c, caseId);
        CaseRecords.purge(c, caseId);
        exec(c, "DELETE FROM seal_cosignatures WHERE seal_id IN (SELECT id FROM seals WHERE case_id = ?)", caseId);
        exec(c, "DELETE FROM seals WHERE case_id = ?", caseId);
        CaseRecords.purgeCase(c, caseId);
        exec(c, "DELETE FROM purge_permits WHERE case_id = ?", caseId);
    }

    private static void exec(Connection c, String sql, String caseId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 1; i <= s.getParameterMetaData().getParameterCount(); i++) {
                s.setString(i, caseId);
            }
            s.executeUpdate();
        }
    }
}
