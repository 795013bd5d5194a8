package org.harbor.ui.central;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.harbor.central.CentralStore;
import org.harbor.seal.SealKind;
import org.harbor.seal.SealRecord;

/**
 * A case as the read-only central case view shows it: the filed case, each seal checked again
 * (canonical content, hash, Ed25519 signature) as it is shown, and the central office's log.
 */
public record CentralCaseDetail(CentralStore.CaseView view, List<SealCheck> seals, List<CentralStore.AuditEntry> log) {

    public record SealCheck(CentralStore.SealView seal, boolean verifies) {
    }

    static CentralCaseDetail of(CentralStore.CaseView view, List<CentralStore.AuditEntry> log) {
        List<SealCheck> checks = view.seals().stream().map(s -> new SealCheck(s, verifies(view.summary().caseId(), s))).toList();
        return new CentralCaseDetail(view, checks, log);
    }

    /**
     * Checks a filed seal again: canonical content, its SHA-256, the Ed25519 signature, and the header inside the signed
     * content against the store's columns (id, kind, case, unit, amends, signer). Header fields the store does not keep
     * (signer name, reason, the time as written) are taken from the signed content itself.
     */
    static boolean verifies(String caseId, CentralStore.SealView s) {
        try {
            Map<?, ?> content = new ObjectMapper().readValue(s.content(), Map.class);
            Map<?, ?> signer = (Map<?, ?>) content.get("signer");
            SealRecord record = new SealRecord(s.sealId(), caseId, SealKind.fromCode(s.kind()), s.unitId(), s.amends(),
                    (String) content.get("reason"), s.content(), s.contentHash(), s.signerId(), (String) signer.get("name"),
                    s.signerRole(), s.keyId(), s.publicKey(), s.signature(), (String) content.get("sealedAt"), List.of());
            return record.verifies();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "CentralCaseDetail[" + view.summary().caseId() + "]";
    }
}
