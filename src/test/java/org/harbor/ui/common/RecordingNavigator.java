package org.harbor.ui.common;

import java.util.ArrayList;
import java.util.List;

/** A {@link Navigator} for view-model tests: remembers where it was sent, in order ("home", "case:ID", ...). */
public final class RecordingNavigator implements Navigator {

    public final List<String> visits = new ArrayList<>();
    /** The recovery key last sent to {@link #toNewRecoveryKey}, or null. */
    public String recoveryKey;

    public String last() {
        return visits.isEmpty() ? null : visits.getLast();
    }

    @Override
    public void toLogin() {
        visits.add("login");
    }

    @Override
    public void toHome() {
        visits.add("home");
    }

    @Override
    public void toSettings() {
        visits.add("settings");
    }

    @Override
    public void toUsers() {
        visits.add("users");
    }

    @Override
    public void toChangePassphrase() {
        visits.add("changePassphrase");
    }

    @Override
    public void toRecovery() {
        visits.add("recovery");
    }

    @Override
    public void toNewRecoveryKey(String recoveryKey) {
        visits.add("newRecoveryKey");
        this.recoveryKey = recoveryKey;
    }

    @Override
    public void toCases() {
        visits.add("cases");
    }

    @Override
    public void toCase(String caseId) {
        visits.add("case:" + caseId);
    }

    @Override
    public void toForm(String caseSessionId, String formId) {
        visits.add("form:" + formId);
    }

    @Override
    public void toInterview(String caseSessionId) {
        visits.add("interview");
    }

    @Override
    public void toInterviewerStats() {
        visits.add("interviewerStats");
    }

    @Override
    public void toPackages() {
        visits.add("packages");
    }

    @Override
    public void quickHide() {
        visits.add("quickHide");
    }

    @Override
    public void lock() {
        visits.add("lock");
    }
}
