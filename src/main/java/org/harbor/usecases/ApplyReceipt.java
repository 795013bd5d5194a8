package org.harbor.usecases;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.harbor.accounts.Session;
import org.harbor.seal.ReceiptService;

/**
 * A field vault applies the central office's receipt for a package ({@code harbor receipt apply}),
 * which marks its cases received; then, if the supervisor agrees, deletes those cases from this
 * computer, audited as {@code harbor purge --received} is.
 */
public final class ApplyReceipt {

    private final ReceiptService receipts;

    public ApplyReceipt(ReceiptService receipts) {
        this.receipts = receipts;
    }

    /** Checks the receipt with the office's receipt key and marks its cases received. */
    public ReceiptService.Applied apply(Session session, Path receipt) throws IOException {
        return receipts.apply(session, receipt);
    }

    /** Deletes the received cases among {@code caseIds} (those the receipt covered), then compacts the vault. */
    public List<String> purge(Session session, List<String> caseIds) throws IOException {
        return receipts.purgeReceived(session, caseIds);
    }
}
