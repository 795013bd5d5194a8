package org.harbor.usecases;

import java.io.IOException;
import java.util.List;
import org.harbor.accounts.Session;
import org.harbor.seal.ReceiptService;

/**
 * A supervisor deletes the cases the central office confirmed receiving (their receipt applied),
 * offered after a receipt (issue 18): the same purge as {@code harbor purge --received}.
 */
public final class PurgeReceived {

    private final ReceiptService receipts;

    public PurgeReceived(ReceiptService receipts) {
        this.receipts = receipts;
    }

    /** The received cases a purge would delete now. */
    public List<String> purgeable(Session session) {
        return receipts.purgeable(session);
    }

    /** Deletes them; returns their ids. */
    public List<String> purge(Session session) throws IOException {
        return receipts.purgeReceived(session);
    }
}
