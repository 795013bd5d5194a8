package org.harbor.ui.home;

import org.harbor.Harbor;
import org.harbor.accounts.Permission;
import org.harbor.accounts.Session;
import org.harbor.ui.common.Navigator;

/** The home screen: who is logged in and where features start. Later features add their entries here. */
public final class HomeViewModel {

    private final Harbor harbor;
    private final Navigator navigator;
    private final Session session;

    public HomeViewModel(Harbor harbor, Navigator navigator, Session session) {
        this.harbor = harbor;
        this.navigator = navigator;
        this.session = session;
    }

    /** The greeting, followed by a warning when the log-in found the audit log not known to be whole. */
    public String greeting() {
        String greeting = harbor.i18n().get("home.greeting", session.user().username(),
                harbor.i18n().get("role." + session.role().code()));
        if (!harbor.accounts().continuityBreaksAtLogin().isEmpty()) {
            greeting = greeting + "\n\n" + harbor.i18n().get("home.auditBreak");
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

    /** A central vault's staff work in the central office (issue 17). */
    public boolean canUseCentralOffice() {
        try {
            return harbor.accounts().vaultKind() == org.harbor.vault.VaultKind.CENTRAL;
        } catch (org.harbor.vault.VaultException e) {
            return false;
        }
    }

    public void openCentralOffice() {
        navigator.toCentralOffice();
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
