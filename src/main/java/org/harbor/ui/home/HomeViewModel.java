package org.harbor.ui.home;

import org.harbor.accounts.Permission;
import org.harbor.accounts.Session;
import org.harbor.i18n.I18n;
import org.harbor.ui.common.Navigator;
import org.harbor.usecases.CheckAuditContinuity;

/** The home screen: who is logged in and where features start. Later features add their entries here. */
public final class HomeViewModel {

    private final CheckAuditContinuity audit;
    private final I18n i18n;
    private final Navigator navigator;
    private final Session session;
    private final boolean centralVault;

    public HomeViewModel(CheckAuditContinuity audit, I18n i18n, Navigator navigator, Session session) {
        this(audit, i18n, navigator, session, false);
    }

    /** @param centralVault whether the vault is a central office's (its staff get the central office's screens) */
    public HomeViewModel(CheckAuditContinuity audit, I18n i18n, Navigator navigator, Session session, boolean centralVault) {
        this.centralVault = centralVault;
        this.audit = audit;
        this.i18n = i18n;
        this.navigator = navigator;
        this.session = session;
    }

    /** The greeting, followed by a warning when the log-in found the audit log not known to be whole. */
    public String greeting() {
        String greeting = i18n.get("home.greeting", session.user().username(),
                i18n.get("role." + session.role().code()));
        if (audit.brokenAtLogin()) {
            greeting = greeting + "\n\n" + i18n.get("home.auditBreak");
        }
        return greeting;
    }

    public boolean canManageUsers() {
        return session.role().can(Permission.MANAGE_USERS);
    }

    public boolean canSeeCases() {
        return session.role().can(Permission.WORK_ON_CASES) || session.role().can(Permission.SEE_ALL_CASES);
    }

    public void openCases() {
        navigator.toCases();
    }

    /** Supervisors see each interviewer's question types over time, for coaching. */
    public boolean canReviewInterviewers() {
        return session.role().can(Permission.REVIEW_INTERVIEWERS);
    }

    public void openInterviewerStats() {
        navigator.toInterviewerStats();
    }

    /** A field vault's supervisor releases sealed cases for sending and follows them in the outbox (issue 18). */
    public boolean canUseOutbox() {
        return !centralVault && session.role().can(Permission.EXPORT_PACKAGES);
    }

    public void openOutbox() {
        navigator.toOutbox();
    }

    /** A central vault's staff work in the central office (issue 17). */
    public boolean canUseCentralOffice() {
        return centralVault;
    }

    public void openCentralOffice() {
        navigator.toCentralOffice();
    }

    /** A field vault's supervisor sends sealed cases to the central office, takes its keys and receipts (issue 14). */
    public boolean canSendToCentralOffice() {
        return !centralVault && session.role().can(Permission.EXPORT_PACKAGES);
    }

    public void openSendToCentralOffice() {
        navigator.toPackages();
    }

    public void openSettings() {
        navigator.toSettings();
    }

    public void openUsers() {
        navigator.toUsers();
    }

    public void changePassphrase() {
        navigator.toChangePassphrase();
    }

    public void lock() {
        navigator.lock();
    }

    public void dispose() {
        // holds no copies of record content
    }
}
