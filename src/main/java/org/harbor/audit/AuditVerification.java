package org.harbor.audit;

import java.util.OptionalLong;

/**
 * The result of walking the chain.
 *
 * @param validEntries how many entries from the start hold
 * @param firstBroken the index of the first entry that does not hold, if any
 * @param reason why it does not hold (ids only), or the head hash when the chain holds
 */
public record AuditVerification(long validEntries, OptionalLong firstBroken, String reason) {

    static AuditVerification ok(long entries, String head) {
        return new AuditVerification(entries, OptionalLong.empty(), head);
    }

    static AuditVerification broken(long valid, long index, String reason) {
        return new AuditVerification(valid, OptionalLong.of(index), reason);
    }

    public boolean intact() {
        return firstBroken.isEmpty();
    }
}
