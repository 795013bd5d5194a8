package org.harbor.sync;

import org.harbor.i18n.Refusal;

/**
 * A sync request refused at one named check: {@code sync.refused} with the check's name, or, for a
 * package refused by the import, {@code package.refused} with the import check's name (the same
 * sentence as a file import).
 */
public final class SyncRefused extends Refusal {

    private static final long serialVersionUID = 1L;
    private final SyncCheck check;
    /** The import check's message key when {@link #check} is {@link SyncCheck#IMPORT}, else null. */
    private final String importCheckKey;

    public SyncRefused(SyncCheck check) {
        super("sync.refused", new Term(check.messageKey()));
        this.check = check;
        this.importCheckKey = null;
    }

    /** Refused by the import at the check with message key {@code importCheckKey} (e.g. {@code packages.check.sequence}). */
    public SyncRefused(String importCheckKey) {
        super("package.refused", new Term(importCheckKey));
        this.check = SyncCheck.IMPORT;
        this.importCheckKey = importCheckKey;
    }

    public SyncCheck check() {
        return check;
    }

    /** The import check's message key, when the import refused the package. */
    public String importCheckKey() {
        return importCheckKey;
    }

    /** The check's name as the outbox records it: {@code auth}, or {@code import:packages.check.sequence}. */
    public String checkName() {
        return importCheckKey == null ? check.wire() : "import:" + importCheckKey;
    }

    @Override
    public String toString() {
        return "SyncRefused[" + checkName() + "]";
    }
}
