package org.harbor.seal;

import java.util.List;

/**
 * What the case view shows of one seal: who sealed what and when, the key's fingerprint, and
 * whether it verifies now.
 *
 * @param matchesRecords for a session or case seal: whether the records in the vault still read
 *                       exactly as sealed (always true for an addendum, which holds its own text)
 * @param restricted     the sealed records include content of a class this account may not read
 *                       (ADR 0011): they could not be compared, and {@code matchesRecords} is false
 *                       for that reason alone; the signature was still checked against the
 *                       signer's enrolled key
 */
public record SealStatus(String sealId, SealKind kind, String unitId, String signerName, String signerRole,
                         String sealedAt, String fingerprint, String contentHash, boolean signatureValid,
                         boolean matchesRecords, String amends, String reason, List<CoSigner> coSigners,
                         boolean restricted) {

    public SealStatus {
        coSigners = List.copyOf(coSigners);
    }

    /** A reviewer's co-signature. */
    public record CoSigner(String signerName, String signerRole, String signedAt, String fingerprint, boolean valid) {
    }

    /**
     * The signature and co-signatures hold against the enrolled keys, and the records could not
     * be compared only because they include content this account may not read (ADR 0011).
     */
    public boolean restrictedButSigned() {
        return restricted && signatureValid && coSigners.stream().allMatch(CoSigner::valid);
    }

    /** The seal, its co-signatures and its records all hold. */
    public boolean verified() {
        return signatureValid && matchesRecords && coSigners.stream().allMatch(CoSigner::valid);
    }
}
