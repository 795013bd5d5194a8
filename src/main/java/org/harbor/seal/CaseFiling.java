package org.harbor.seal;

import java.sql.Connection;
import java.time.Instant;

/**
 * Where a central vault files the cases of a package once every import check has passed (issue
 * 17): the central store, on the central vault itself or on PostgreSQL. Implemented outside this
 * package ({@code org.harbor.central}) and given to {@link ImportService} by the composition root,
 * so the package format does not depend on the store.
 *
 * <p>{@link #file} runs inside the import's own vault transaction, as its last step: if it throws,
 * the import is refused and the vault keeps nothing of the package. A store on the vault's
 * database writes on {@code vaultConnection} (one transaction for both); a store on a server
 * commits its own transaction and must be idempotent per package, so that an import whose vault
 * transaction failed after the server committed files nothing twice when it is run again.
 */
public interface CaseFiling {

    /** Files nothing: a vault without a central store (tests of the import checks alone). */
    CaseFiling NONE = (vaultConnection, verified, importedAt, importedBy, receipt) -> {
    };

    /**
     * Files every case of {@code verified}. The same package again changes nothing.
     *
     * @throws RuntimeException (a Refusal) when the store refuses or cannot be reached; nothing is filed then
     */
    void file(Connection vaultConnection, VerifiedPackage verified, Instant importedAt, String importedBy, String receipt);
}
