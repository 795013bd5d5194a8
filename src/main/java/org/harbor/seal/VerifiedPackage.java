package org.harbor.seal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contents of a package once every import check has passed (signature, sequence, decryption,
 * device id, caps, hashes, seals): what a central store files as rows. Attachments are named by
 * SHA-256 and size only; their bytes stay in the package file the vault keeps (ADR 0005).
 *
 * <p>{@link #toString()} leaves record content out.
 */
public record VerifiedPackage(Manifest manifest, String manifestHash, String fileHash, List<VerifiedCase> cases) {

    public VerifiedPackage {
        cases = List.copyOf(cases);
    }

    /** One case of the package: its verified seals, XForm instances, audit lines and attachments. */
    public record VerifiedCase(String caseId, String number, byte[] caseJson, List<SealRecord> seals,
                               Map<String, byte[]> formInstances, byte[] auditJsonl, List<AttachmentRef> attachments) {
        public VerifiedCase {
            seals = List.copyOf(seals);
            formInstances = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(formInstances));
            attachments = List.copyOf(attachments);
        }

        @Override
        public String toString() {
            return "VerifiedCase[" + caseId + ", " + seals.size() + " seals, " + formInstances.size() + " forms, "
                    + attachments.size() + " attachments]";
        }
    }

    /** An attachment carried in the package: its entry name there, the SHA-256 of its plaintext and its size. */
    public record AttachmentRef(String entryName, String sha256, long size) {
    }

    /** Built from what {@link PackageReader} read; the caller has run every check. */
    static VerifiedPackage of(PackageReader.Contents contents, String fileHash) {
        // Each case's forms and attachments found by its folder in one pass over the names (not one
        // pass per case: a thousand cases made that a million comparisons).
        Map<String, Map<String, byte[]>> formsOf = new java.util.HashMap<>();
        contents.documents().forEach((name, bytes) -> {
            String caseId = caseFolder(name);
            int forms = name.indexOf("/forms/");
            if (caseId != null && forms == "cases/".length() + caseId.length() && name.endsWith(".xml")) {
                formsOf.computeIfAbsent(caseId, k -> new LinkedHashMap<>())
                        .put(name.substring(forms + "/forms/".length(), name.length() - 4), bytes);
            }
        });
        Map<String, List<AttachmentRef>> attachmentsOf = new java.util.HashMap<>();
        contents.manifest().entries().forEach((name, entry) -> {
            String caseId = caseFolder(name);
            if (caseId != null && PackageNames.isAttachment(name)) {
                attachmentsOf.computeIfAbsent(caseId, k -> new ArrayList<>()).add(new AttachmentRef(name, entry.sha256(), entry.size()));
            }
        });
        List<VerifiedCase> cases = new ArrayList<>();
        for (PackageReader.CaseFile f : contents.cases().values()) {
            byte[] audit = contents.documents().getOrDefault(PackageNames.auditJsonl(f.caseId()), new byte[0]);
            cases.add(new VerifiedCase(f.caseId(), f.number(), f.caseJson(), f.seals(),
                    formsOf.getOrDefault(f.caseId(), new LinkedHashMap<>()), audit, attachmentsOf.getOrDefault(f.caseId(), new ArrayList<>())));
        }
        return new VerifiedPackage(contents.manifest(), contents.manifestHash(), fileHash, cases);
    }

    /** The case id of {@code cases/<id>/...}, or null for a name outside the cases' folders. */
    private static String caseFolder(String name) {
        if (!name.startsWith("cases/")) {
            return null;
        }
        int slash = name.indexOf('/', "cases/".length());
        return slash < 0 ? null : name.substring("cases/".length(), slash);
    }

    @Override
    public String toString() {
        return "VerifiedPackage[" + manifest.packageId() + ", device " + manifest.deviceId() + ", " + cases.size() + " cases]";
    }
}
