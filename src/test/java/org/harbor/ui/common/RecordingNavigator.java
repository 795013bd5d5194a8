package org.harbor.ui.common;

import java.util.ArrayList;
import java.util.List;

/** A navigator for view-model tests: remembers where the view-model sent the user, in order. */
public final class RecordingNavigator implements Navigator {

    /** Where the user was sent, e.g. {@code home} or {@code case:<id>}. */
    public final List<String> visits = new ArrayList<>();
    /** The recovery key last sent to {@link #toNewRecoveryKey}, or null. */
    public String recoveryKey;

    /** Where the user was sent, e.g. {@code home} or {@code case:<id>}. */
    public List<String> visits() {
        return visits;
    }

    /** The last place the user was sent, or the empty string. */
    public String last() {
        return visits.isEmpty() ? "" : visits.getLast();
    }

    @Override
    public void toLogin() {
        visits.add("login");
    }

    @Override
    public void toOutbox() {
        visits.add("outbox");
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
        visits.add("form:" + caseSessionId + ":" + formId);
    }

    @Override
    public void toInterview(String caseSessionId) {
        visits.add("interview:" + caseSessionId);
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
