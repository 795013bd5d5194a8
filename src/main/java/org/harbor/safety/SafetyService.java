package org.harbor.safety;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.harbor.accounts.AccessDenied;
import org.harbor.accounts.AccountService;
import org.harbor.accounts.Permission;
import org.harbor.accounts.Session;
import org.harbor.accounts.SettingsService;
import org.harbor.audit.AuditActions;
import org.harbor.audit.AuditLog;
import org.harbor.cases.CaseRecords;
import org.harbor.cases.CaseService;
import org.harbor.cases.CaseStatus;
import org.harbor.forms.FormRecords;
import org.harbor.i18n.Refusal;
import org.harbor.vault.Vault;

/**
 * Safety first (R3) and mandatory reports (R18) of a case.
 *
 * <ul>
 *   <li>A "yes" to a danger question raises the danger banner; it stays on every screen of the
 *       case until a supervisor records the action taken after the latest such answer.</li>
 *   <li>When the organisation's jurisdiction has a rule pack and the case is a child's (or the age
 *       is uncertain) and has a trafficking indicator, a report is due within the rule's time from
 *       the first indicator; the report made is logged.</li>
 * </ul>
 * The action's text, and to whom and with what reference a report went, are record content: they
 * are stored in the vault with the case, covered by its seal, and never audited.
 */
public final class SafetyService {

    /** Longest action text and longest "to whom"; a longer text is a paste gone wrong. */
    public static final int MAX_ACTION = 4000;
    public static final int MAX_MADE_TO = 500;
    public static final int MAX_REFERENCE = 200;

    private final Vault vault;
    private final AccountService accounts;
    private final SettingsService settings;
    private final AuditLog audit;
    private final Clock clock;

    public SafetyService(Vault vault, AccountService accounts, SettingsService settings, AuditLog audit, Clock clock) {
        this.vault = vault;
        this.accounts = accounts;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /** The case's safety as its screens show it. */
    public CaseSafety status(Session session, String caseId) {
        Session active = accounts.require(session, Permission.WORK_ON_CASES);
        Optional<ReportRule> rule = rule();
        return vault.transaction(c -> {
            CaseService.requireVisible(c, active, caseId);
            return read(c, caseId, rule);
        });
    }

    /** The safety of the case a case session belongs to (the form and interview screens know only their session). */
    public CaseSafety statusOfSession(Session session, String caseSessionId) {
        Session active = accounts.require(session, Permission.WORK_ON_CASES);
        Optional<ReportRule> rule = rule();
        return vault.transaction(c -> {
            String caseId = CaseRecords.caseOfSession(c, caseSessionId)
                    .orElseThrow(() -> new AccessDenied("no such case session, or not one of yours"));
            CaseService.requireVisible(c, active, caseId);
            return read(c, caseId, rule);
        });
    }

    /** The reports due on the open cases this session may see, not yet logged, soonest deadline first (the home screen). */
    public List<CaseSafety> dueReports(Session session) {
        Session active = accounts.require(session, Permission.WORK_ON_CASES);
        Optional<ReportRule> rule = rule();
        if (rule.isEmpty()) {
            return List.of();
        }
        return vault.transaction(c -> {
            List<CaseSafety> out = new ArrayList<>();
            List<String> ids = new ArrayList<>(CaseRecords.withStatus(c, CaseStatus.OPEN));
            ids.addAll(CaseRecords.withStatus(c, CaseStatus.IN_REVIEW));
            for (String caseId : ids) {
                try {
                    CaseService.requireVisible(c, active, caseId);
                } catch (AccessDenied notVisible) {
                    continue;
                }
                CaseSafety s = read(c, caseId, rule);
                if (s.report().isPresent() && !s.report().get().done()) {
                    out.add(s);
                }
            }
            out.sort(java.util.Comparator.comparing(s -> s.report().orElseThrow().deadline()));
            return out;
        });
    }

    /** Records the action taken on the danger (supervisors only); the banner comes down. */
    public CaseSafety recordAction(Session session, String caseId, String text) {
        Session active = requireSupervisor(session);
        String action = text == null ? "" : text.strip();
        if (action.isEmpty()) {
            throw new Refusal("safety.error.actionEmpty");
        }
        if (action.length() > MAX_ACTION) {
            throw new Refusal("safety.error.tooLong");
        }
        Optional<ReportRule> rule = rule();
        return vault.transaction(c -> {
            CaseService.requireVisible(c, active, caseId);
            requireOpen(c, caseId);
            String now = clock.instant().toString();
            SafetyRecords.insertAction(c, UUID.randomUUID().toString(), caseId, action, now, active.user().id());
            CaseRecords.touch(c, caseId, now);
            audit.append(c, active.actorId(), AuditActions.SAFETY_ACTION_RECORDED, caseId, Map.of());
            return read(c, caseId, rule);
        });
    }

    /** Logs the report made under the jurisdiction's rule: when, to whom, with what reference (may be empty). */
    public CaseSafety logReport(Session session, String caseId, Instant madeAt, String madeTo, String reference) {
        Session active = accounts.require(session, Permission.WORK_ON_CASES);
        String to = madeTo == null ? "" : madeTo.strip();
        String ref = reference == null ? "" : reference.strip();
        if (to.isEmpty()) {
            throw new Refusal("reports.error.toEmpty");
        }
        if (to.length() > MAX_MADE_TO || ref.length() > MAX_REFERENCE) {
            throw new Refusal("safety.error.tooLong");
        }
        if (madeAt == null) {
            throw new Refusal("reports.error.when");
        }
        Instant now = clock.instant();
        if (madeAt.isAfter(now.plusSeconds(60))) {
            throw new Refusal("reports.error.future");
        }
        ReportRule r = rule().orElseThrow(() -> new Refusal("reports.error.noRule"));
        return vault.transaction(c -> {
            CaseService.requireVisible(c, active, caseId);
            requireOpen(c, caseId);
            if (read(c, caseId, Optional.of(r)).report().isEmpty()) {
                throw new Refusal("reports.error.notTriggered");
            }
            SafetyRecords.insertReport(c, UUID.randomUUID().toString(), caseId, r.id(), madeAt.toString(), to, ref,
                    now.toString(), active.user().id());
            CaseRecords.touch(c, caseId, now.toString());
            audit.append(c, active.actorId(), AuditActions.MANDATORY_REPORT_LOGGED, caseId, Map.of("rule", r.id()));
            return read(c, caseId, Optional.of(r));
        });
    }

    /** The jurisdiction picked in Settings, if any. */
    public Optional<String> jurisdiction() {
        return settings.reportJurisdiction().filter(j -> ReportRules.of(j).isPresent());
    }

    /** Picks the jurisdiction whose rule pack applies (supervisors); null or empty: none. */
    public void chooseJurisdiction(Session session, String jurisdiction) {
        if (jurisdiction != null && !jurisdiction.isEmpty() && ReportRules.of(jurisdiction).isEmpty()) {
            throw new Refusal("reports.error.jurisdiction");
        }
        settings.setReportJurisdiction(session, jurisdiction);
    }

    /** Whether this session may record the action taken (supervisors). */
    public static boolean mayRecordAction(Session session) {
        return session.role().can(Permission.RECORD_SAFETY_ACTIONS);
    }

    private Session requireSupervisor(Session session) {
        accounts.requireActive(session);
        if (!mayRecordAction(session)) {
            throw new Refusal("safety.error.supervisorOnly");
        }
        return accounts.require(session, Permission.RECORD_SAFETY_ACTIONS);
    }

    private Optional<ReportRule> rule() {
        return jurisdiction().flatMap(ReportRules::of);
    }

    private static void requireOpen(Connection c, String caseId) throws SQLException {
        String status = CaseRecords.numberAndStatus(c, caseId).orElseThrow().status();
        if (!CaseStatus.OPEN.code().equals(status) && !CaseStatus.IN_REVIEW.code().equals(status)) {
            throw new Refusal("seal.error.alreadySealed");
        }
    }

    private static CaseSafety read(Connection c, String caseId, Optional<ReportRule> rule) throws SQLException {
        String number = CaseRecords.numberAndStatus(c, caseId).map(CaseRecords.NumberAndStatus::number).orElse("");
        List<CaseSafety.Action> actions = SafetyRecords.actions(c, caseId);
        Optional<String> lastDanger = FormRecords.lastDangerAt(c, caseId);
        boolean danger = lastDanger.isPresent() && actions.stream()
                .noneMatch(a -> !a.recordedAt().isBefore(Instant.parse(lastDanger.get())));
        Optional<CaseSafety.ReportDue> report = Optional.empty();
        if (rule.isPresent() && FormRecords.treatedAsChild(c, caseId)) {
            Optional<String> first = FormRecords.firstIndicatorAt(c, caseId);
            if (first.isPresent()) {
                report = Optional.of(new CaseSafety.ReportDue(rule.get(), Instant.parse(first.get()),
                        SafetyRecords.reports(c, caseId, rule.get().id())));
            }
        }
        return new CaseSafety(caseId, number, danger, actions, report);
    }
}
