package org.harbor.seal;

import java.util.List;
import java.util.Map;

/**
 * The plain chain-of-custody report: who sealed what and when, with which key, whether each
 * signature holds, which addenda amend which seal and why, who co-signed, and — for a package —
 * who exported it from which device, with the audit checkpoint it carries.
 */
public final class CustodyReport {

    private CustodyReport() {
    }

    static String forCase(String caseId, List<SealRecord> seals, List<String> after) {
        StringBuilder out = new StringBuilder();
        appendCase(out, caseId, null, seals, false);
        after.forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }

    static String forPackage(Manifest manifest, Map<String, PackageReader.CaseFile> cases) {
        StringBuilder out = new StringBuilder();
        out.append("Chain of custody for package ").append(manifest.packageId()).append('\n');
        if (manifest.purpose() != null) {
            out.append("Purpose of the package: ").append(manifest.purpose()).append('\n');
        }
        for (PackageReader.CaseFile c : cases.values()) {
            // the reader verified every seal and co-signature of a case file, or refused the package
            appendCase(out, c.caseId(), c.number(), c.seals(), true);
            if (manifest.purpose() != null) {
                out.append("  answers carried and checked against their seals: ").append(c.openedAnswers()).append('\n');
                for (ValueFilter.Withheld w : c.withheld()) {
                    // Field names and reasons only: the value was never in the package.
                    out.append("  withheld (no consent for sharing, not altered): ").append(w.path())
                            .append(" of submission ").append(w.submission()).append(", ")
                            .append(String.join(", ", w.reasons())).append('\n');
                }
            }
        }
        out.append("Exported ").append(manifest.createdAt()).append(" by ").append(manifest.exporterName())
                .append(" (").append(manifest.exporterRole()).append(", user ").append(manifest.exporterId()).append(")")
                .append(" from device ").append(manifest.deviceId()).append(", sequence ").append(manifest.sequence()).append('\n');
        out.append("Audit checkpoint of the field vault: entry ").append(manifest.auditEntries()).append(", hash ")
                .append(manifest.auditHead()).append('\n');
        out.append("Entries: ").append(manifest.entries().size()).append(", every SHA-256 checked").append('\n');
        return out.toString();
    }

    /**
     * {@code verified}: every signature in {@code seals} was already checked (a package's case
     * files, by {@link PackageReader}); they are not checked a second time (issue 16).
     */
    private static void appendCase(StringBuilder out, String caseId, String number, List<SealRecord> seals, boolean verified) {
        out.append("Case ").append(caseId);
        if (number != null) {
            out.append(" (").append(number).append(')');
        }
        out.append('\n');
        for (SealRecord s : seals) {
            out.append("  ").append(s.sealedAt()).append("  ");
            switch (s.kind()) {
                case CASE -> out.append("case sealed");
                case SESSION -> out.append("session ").append(s.unitId()).append(" sealed");
                case ADDENDUM -> out.append("addendum amending seal ").append(s.amends());
            }
            out.append(" by ").append(s.signerName()).append(" (").append(s.signerRole()).append(")")
                    .append(", key ").append(s.fingerprint())
                    .append(", SHA-256 ").append(s.contentHash())
                    .append(", signature ").append(verified || s.verifies() ? "valid" : "INVALID")
                    .append(", seal ").append(s.id()).append('\n');
            if (s.kind() == SealKind.ADDENDUM) {
                out.append("    reason: ").append(s.reason().replace('\n', ' ')).append('\n');
            }
            for (SealRecord.CoSignature co : s.coSignatures()) {
                out.append("    co-signed ").append(co.signedAt()).append(" by ").append(co.signerName())
                        .append(" (").append(co.signerRole()).append("), key ").append(co.fingerprint())
                        .append(", signature ").append(verified || s.coSignatureVerifies(co) ? "valid" : "INVALID").append('\n');
            }
        }
    }
}
