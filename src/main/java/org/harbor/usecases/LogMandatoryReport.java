package org.harbor.usecases;

import java.time.Instant;
import org.harbor.accounts.Session;
import org.harbor.safety.CaseSafety;
import org.harbor.safety.SafetyService;

/**
 * Logs the mandatory report made for a case under the organisation's jurisdiction (R18): when,
 * to whom, with what reference. Stored with the case and sealed with it; audited by rule only.
 */
public final class LogMandatoryReport {

    public static final int MAX_MADE_TO = SafetyService.MAX_MADE_TO;
    public static final int MAX_REFERENCE = SafetyService.MAX_REFERENCE;

    private final SafetyService safety;

    public LogMandatoryReport(SafetyService safety) {
        this.safety = safety;
    }

    public CaseSafety log(Session session, String caseId, Instant madeAt, String madeTo, String reference) {
        return safety.logReport(session, caseId, madeAt, madeTo, reference);
    }
}
