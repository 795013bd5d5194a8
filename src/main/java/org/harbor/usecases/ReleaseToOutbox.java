package org.harbor.usecases;

import java.io.IOException;
import java.util.List;
import org.harbor.accounts.Session;
import org.harbor.seal.ExportService;
import org.harbor.sync.Outbox;

/** A supervisor releases sealed cases for sending: they go into the outbox as one package (issue 18). */
public final class ReleaseToOutbox {

    private final Outbox outbox;
    private final ExportService exports;

    public ReleaseToOutbox(Outbox outbox, ExportService exports) {
        this.outbox = outbox;
        this.exports = exports;
    }

    /** The sealed cases not yet received, which a release may carry. */
    public List<String> releasable(Session session) {
        return exports.allSealed(session);
    }

    /** The same cases with what a list shows of them (number, status, when sealed). */
    public List<ExportService.Exportable> releasableCases(Session session) {
        return exports.exportable(session);
    }

    public Outbox.Item release(Session session, List<String> caseIds) throws IOException {
        return outbox.release(session, caseIds);
    }

    public List<Outbox.Item> items(Session session) {
        return outbox.items(session);
    }
}
