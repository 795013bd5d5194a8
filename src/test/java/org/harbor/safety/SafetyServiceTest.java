package org.harbor.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.harbor.accounts.Role;
import org.harbor.accounts.Session;
import org.harbor.cases.CaseSession;
import org.harbor.cases.SessionKind;
import org.harbor.forms.FormSession;
import org.harbor.seal.SealStatus;
import org.harbor.testing.Refusals;
import org.harbor.ui.common.FieldVault;
import org.harbor.usecases.CreateCase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, R3 and R18, on a real encrypted vault with the built-in forms. */
@DisplayName("Issue 14: safety first and mandatory-report rule packs")
class SafetyServiceTest {

    /** Record content that must never reach the audit log. */
    static final String ACTION = "Synthetic action: moved to the emergency shelter with the duty officer";
    static final String MADE_TO = "Synthetic Police Department, duty desk";
    static final String REFERENCE = "SYN-REF-0042";

    @TempDir
    Path dir;
    FieldVault vault;

    @BeforeEach
    void open() throws Exception {
        vault = new FieldVault(dir);
    }

    @AfterEach
    void close() {
        vault.close();
    }

    private String newCase(Session who) {
        return vault.useCases().createCase().create(who, "Synthetic Child", List.of()).id();
    }

    private FormSession form(Session who, String caseId, String formId) {
        CaseSession s = vault.harbor.cases().startSession(who, caseId, SessionKind.INTAKE, "en");
        return vault.harbor.forms().open(who, s.id(), formId);
    }

    private String auditText() {
        return vault.harbor.vault().transaction(c -> {
            StringBuilder all = new StringBuilder();
            try (Statement q = c.createStatement(); ResultSet rows = q.executeQuery("SELECT * FROM audit_log")) {
                int n = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    for (int i = 1; i <= n; i++) {
                        all.append(rows.getString(i)).append('|');
                    }
                    all.append('\n');
                }
            }
            return all.toString();
        });
    }

    @Test
    @DisplayName("safety first: a new case starts with an intake session whose first form is the safety form")
    void newCaseStartsWithSafetyForm() {
        CreateCase.Started started = vault.useCases().createCase().createAndStart(vault.supervisor, "Synthetic Child", List.of(), "es");
        assertEquals("harbor-safety", CreateCase.FIRST_FORM);
        CaseSession session = vault.harbor.cases().open(vault.supervisor, started.summary().id()).orElseThrow().sessions().getFirst();
        assertEquals(started.intakeSessionId(), session.id());
        assertEquals(SessionKind.INTAKE, session.kind());
        assertEquals("es", session.interviewLanguage());
        // The safety form opens in it.
        assertEquals(started.summary().id(), form(vault.supervisor, started.summary().id(), CreateCase.FIRST_FORM).caseId());
    }

    @Test
    @DisplayName("a yes to a danger question raises the banner; it stays until a supervisor records the action taken")
    void bannerStaysUntilSupervisorRecords() throws Exception {
        Session ivo = vault.signInAs("ivo", Role.INTERVIEWER);
        String caseId = newCase(ivo);
        CaseSession intake = vault.harbor.cases().startSession(ivo, caseId, SessionKind.INTAKE, "en");
        FormSession safety = vault.harbor.forms().open(ivo, intake.id(), "harbor-safety");
        assertFalse(vault.useCases().showCaseSafety().ofCase(ivo, caseId).danger());
        safety.answer("/data/danger/danger_now", "yes");
        assertTrue(vault.useCases().showCaseSafety().ofCase(ivo, caseId).danger());
        assertTrue(vault.useCases().showCaseSafety().ofSession(ivo, intake.id()).danger(), "the form's own screen sees it too");
        // An interviewer is told that a supervisor must record it.
        assertFalse(vault.useCases().recordSafetyAction().mayRecord(ivo));
        Refusals.assertRefused("safety.error.supervisorOnly", () -> vault.useCases().recordSafetyAction().record(ivo, caseId, ACTION));
        assertTrue(vault.useCases().showCaseSafety().ofCase(ivo, caseId).danger());

        Session sup = vault.signInSupervisor();
        Refusals.assertRefused("safety.error.actionEmpty", () -> vault.useCases().recordSafetyAction().record(sup, caseId, "  "));
        vault.clock.advance(Duration.ofMinutes(5));
        CaseSafety after = vault.useCases().recordSafetyAction().record(sup, caseId, ACTION);
        assertFalse(after.danger());
        assertEquals(ACTION, after.actions().getFirst().text());
        assertFalse(auditText().contains("moved to the emergency shelter"), "the action's text is never audited");
        assertTrue(auditText().contains("case.safety.actionRecorded"));
    }

    @Test
    @DisplayName("a new yes after the action recorded raises the banner again")
    void laterDangerRaisesAgain() throws Exception {
        String caseId = newCase(vault.supervisor);
        FormSession safety = form(vault.supervisor, caseId, "harbor-safety");
        safety.answer("/data/danger/danger_now", "yes");
        vault.clock.advance(Duration.ofMinutes(1));
        vault.useCases().recordSafetyAction().record(vault.supervisor, caseId, ACTION);
        assertFalse(vault.useCases().showCaseSafety().ofCase(vault.supervisor, caseId).danger());
        vault.clock.advance(Duration.ofMinutes(1));
        safety.answer("/data/danger/exploiter_nearby", "yes");
        assertTrue(vault.useCases().showCaseSafety().ofCase(vault.supervisor, caseId).danger());
    }

    @Test
    @DisplayName("rule packs: one data file per jurisdiction, each with its citation and source")
    void rulePacks() {
        assertEquals(List.of("us-federal", "uk-england-wales"), ReportRules.jurisdictions());
        ReportRule us = ReportRules.of("us-federal").orElseThrow();
        assertEquals(Duration.ofHours(24), us.within());
        assertTrue(us.statutory());
        assertTrue(us.citation().contains("42 U.S.C. 671(a)(34)(A)"), us.citation());
        assertTrue(us.citation().contains("113-183"), us.citation());
        ReportRule uk = ReportRules.of("uk-england-wales").orElseThrow();
        assertTrue(uk.citation().contains("Modern Slavery Act 2015 s.52"), uk.citation());
        assertFalse(uk.statutory(), "the Act sets no hours");
        assertTrue(uk.source().contains("legislation.gov.uk"));
    }

    @Test
    @DisplayName("a child (or age uncertain) with any trafficking indicator triggers the jurisdiction's rule, due 24 hours after the first indicator")
    void childWithIndicatorTriggers() throws Exception {
        String caseId = newCase(vault.supervisor);
        FormSession trafficking = form(vault.supervisor, caseId, "harbor-trafficking");
        trafficking.answer("/data/control/control_methods", "threats");
        Instant first = vault.clock.instant();
        assertTrue(vault.useCases().showCaseSafety().ofCase(vault.supervisor, caseId).report().isEmpty(),
                "no jurisdiction chosen: no rule applies");
        assertEquals(List.of(), vault.useCases().showCaseSafety().dueReports(vault.supervisor));
        vault.useCases().chooseReportJurisdiction().choose(vault.supervisor, "us-federal");
        CaseSafety.ReportDue due = vault.useCases().showCaseSafety().ofCase(vault.supervisor, caseId).report().orElseThrow();
        assertEquals("us-federal-24h", due.rule().id());
        assertEquals(first.plus(Duration.ofHours(24)), due.deadline());
        assertFalse(due.overdue(first.plus(Duration.ofHours(23))));
        assertTrue(due.overdue(first.plus(Duration.ofHours(25))));
        assertEquals(List.of(caseId), vault.useCases().showCaseSafety().dueReports(vault.supervisor).stream().map(CaseSafety::caseId).toList());
        // A case without any indicator does not trigger it.
        String other = newCase(vault.supervisor);
        assertTrue(vault.useCases().showCaseSafety().ofCase(vault.supervisor, other).report().isEmpty());
        Refusals.assertRefused("reports.error.notTriggered", () -> vault.useCases().logMandatoryReport()
                .log(vault.supervisor, other, first, MADE_TO, REFERENCE));
        Refusals.assertRefused("reports.error.jurisdiction", () -> vault.useCases().chooseReportJurisdiction()
                .choose(vault.supervisor, "atlantis"));
    }

    @Test
    @DisplayName("the report made (when, to whom, reference) is logged, audited without its content, and no longer due")
    void reportLogged() throws Exception {
        vault.useCases().chooseReportJurisdiction().choose(vault.supervisor, "uk-england-wales");
        String caseId = newCase(vault.supervisor);
        form(vault.supervisor, caseId, "harbor-trafficking").answer("/data/exploitation/exploitation_types", "labour");
        vault.clock.advance(Duration.ofHours(2));
        Instant made = vault.clock.instant().minus(Duration.ofMinutes(30));
        Refusals.assertRefused("reports.error.toEmpty", () -> vault.useCases().logMandatoryReport()
                .log(vault.supervisor, caseId, made, " ", REFERENCE));
        Refusals.assertRefused("reports.error.future", () -> vault.useCases().logMandatoryReport()
                .log(vault.supervisor, caseId, made.plus(Duration.ofHours(3)), MADE_TO, REFERENCE));
        CaseSafety logged = vault.useCases().logMandatoryReport().log(vault.supervisor, caseId, made, MADE_TO, REFERENCE);
        CaseSafety.ReportDue due = logged.report().orElseThrow();
        assertTrue(due.done());
        assertEquals(new CaseSafety.Report("uk-duty-to-notify", made, MADE_TO, REFERENCE, vault.clock.instant()), due.made().getFirst());
        assertEquals(List.of(), vault.useCases().showCaseSafety().dueReports(vault.supervisor));
        String audit = auditText();
        assertTrue(audit.contains("case.report.logged"));
        assertFalse(audit.contains("Synthetic Police") || audit.contains(REFERENCE), "to whom and the reference are never audited");
    }

    @Test
    @DisplayName("the report and the action are sealed with the case: the seal covers them, nothing is added after it, a change breaks it")
    void sealedWithTheCase() throws Exception {
        vault.useCases().chooseReportJurisdiction().choose(vault.supervisor, "us-federal");
        String caseId = newCase(vault.supervisor);
        form(vault.supervisor, caseId, "harbor-safety").answer("/data/danger/danger_now", "yes");
        form(vault.supervisor, caseId, "harbor-trafficking").answer("/data/control/control_methods", "threats");
        vault.clock.advance(Duration.ofHours(1));
        vault.useCases().recordSafetyAction().record(vault.supervisor, caseId, ACTION);
        vault.useCases().logMandatoryReport().log(vault.supervisor, caseId, vault.clock.instant(), MADE_TO, REFERENCE);
        SealStatus seal = vault.harbor.seals().sealCase(vault.supervisor, caseId);
        assertTrue(seal.verified());
        Refusals.assertRefused("seal.error.alreadySealed", () -> vault.useCases().logMandatoryReport()
                .log(vault.supervisor, caseId, vault.clock.instant(), MADE_TO, REFERENCE));
        // The vault itself refuses a change to a sealed report; with its guard removed, the seal no longer verifies.
        assertThrows(Exception.class, () -> vault.harbor.vault().transaction(c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE mandatory_reports SET made_to = 'Someone else' WHERE case_id = ?")) {
                u.setString(1, caseId);
                return u.executeUpdate();
            }
        }));
        vault.harbor.vault().transaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER mandatory_reports_no_update");
                s.executeUpdate("UPDATE mandatory_reports SET made_to = 'Someone else'");
            }
            return null;
        });
        assertFalse(vault.harbor.seals().verify(vault.supervisor, caseId).stream()
                .filter(s -> s.sealId().equals(seal.sealId())).findFirst().orElseThrow().verified(),
                "the case seal covers the logged report");
    }
}
