package org.harbor.usecases;

import java.nio.file.Path;
import org.harbor.accounts.AccountService;
import org.harbor.accounts.Session;
import org.harbor.seal.ExportListener;
import org.harbor.seal.ImportService;
import org.harbor.vault.VaultKind;

/**
 * A central vault imports a signed package from a field vault ({@code FILE} with
 * {@code FILE.minisig} beside it): every check runs in order, a refusal names the failed one and
 * changes nothing, and the result carries the signed receipt.
 */
public final class ImportPackage {

    private final ImportService imports;
    private final AccountService accounts;

    public ImportPackage(ImportService imports, AccountService accounts) {
        this.imports = imports;
        this.accounts = accounts;
    }

    /** Whether this vault is the central office's, which imports packages (a field vault exports them). */
    public boolean receivesPackages() {
        return accounts.vaultKind() == VaultKind.CENTRAL;
    }

    public ImportService.ImportResult importPackage(Session session, Path file, ExportListener listener) {
        return imports.importPackage(session, file, listener);
    }
}
