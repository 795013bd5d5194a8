package org.harbor.seal;

import org.harbor.accounts.Session;
import org.harbor.vault.VaultException;

/**
 * Whether a case may leave the vault: only data whose purposes are consented goes into a package,
 * and a revoked consent blocks the case. The consent service plugs in here.
 */
@FunctionalInterface
public interface ConsentCheck {

    /** Until a consent service is plugged in, nothing is recorded that could block a case. */
    ConsentCheck NOTHING_RECORDED = (session, caseId) -> Decision.ALLOWED;

    Decision check(Session session, String caseId) throws VaultException;

    /** Allowed, or blocked with the i18n key and English text of the reason (no record content). */
    record Decision(boolean allowed, String reasonKey, String reason) {
        public static final Decision ALLOWED = new Decision(true, null, null);

        public static Decision blocked(String reasonKey, String reason) {
            return new Decision(false, reasonKey, reason);
        }
    }
}
