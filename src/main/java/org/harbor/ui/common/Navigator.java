package org.harbor.ui.common;

/** Where a view-model may send the user; the window shell carries it out. */
public interface Navigator {

    void toLogin();

    void toHome();

    void toSettings();

    void toUsers();

    void toChangePassphrase();

    void toRecovery();

    /**
     * Shows a recovery key that replaced one never confirmed as written down; continuing confirms
     * it and goes home.
     */
    void toNewRecoveryKey(String recoveryKey);

    /** The case list. */
    void toCases();

    /** One case. */
    void toCase(String caseId);

    /** Fills or resumes a form in a case session. */
    void toForm(String caseSessionId, String formId);

    /** Runs or resumes a forensic interview in a case session. */
    void toInterview(String caseSessionId);

    /** Per-interviewer question-type statistics (supervisors). */
    void toInterviewerStats();

    /** Export (field vault) or import (central vault) of sealed packages (supervisors). */
    void toPackages();

    /** The outbox: sealed cases released for sending, and their sending (field vault, supervisors; issue 18). */
    default void toOutbox() {
    }

    /** The central office: cases of all devices, review queue, duplicates, conflicts, statistics (central vaults). */
    default void toCentralOffice() {
    }

    /** Hides everything behind a neutral screen and locks the vault. */
    void quickHide();

    /** Locks the vault and returns to the login screen. */
    void lock();
}
