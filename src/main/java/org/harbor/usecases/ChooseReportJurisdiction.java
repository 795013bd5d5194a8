package org.harbor.usecases;

import java.util.List;
import java.util.Optional;
import org.harbor.accounts.Permission;
import org.harbor.accounts.Session;
import org.harbor.safety.ReportRule;
import org.harbor.safety.ReportRules;
import org.harbor.safety.SafetyService;

/** A supervisor picks the jurisdiction whose mandatory-report rule pack applies (R18), in Settings. */
public final class ChooseReportJurisdiction {

    private final SafetyService safety;

    public ChooseReportJurisdiction(SafetyService safety) {
        this.safety = safety;
    }

    /** The shipped jurisdictions, in their data files' order. */
    public List<String> jurisdictions() {
        return ReportRules.jurisdictions();
    }

    public Optional<String> current() {
        return safety.jurisdiction();
    }

    /** The rule of a jurisdiction (its citation is shown beside the choice). */
    public Optional<ReportRule> rule(String jurisdiction) {
        return ReportRules.of(jurisdiction);
    }

    public void choose(Session session, String jurisdiction) {
        safety.chooseJurisdiction(session, jurisdiction);
    }

    public boolean mayChoose(Session session) {
        return session.role().can(Permission.CHANGE_SETTINGS);
    }
}
