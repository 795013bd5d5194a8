package org.harbor.ui.central;

import java.time.Clock;
import org.harbor.accounts.Permission;
import org.harbor.accounts.Role;
import org.harbor.central.CentralAccess;
import org.harbor.central.CentralStore;
import org.harbor.ui.common.UiExecutor;

/**
 * What every central screen's view-model works with: the central store, the worker thread, who
 * acts (their user name, recorded with each decision, and their role, asked before each action)
 * and the clock. Narrow on purpose: no {@code Harbor}, no navigator; plain JUnit tests pass a real
 * store and {@link UiExecutor#direct()}.
 */
public record CentralWork(CentralStore store, UiExecutor executor, String actor, Role role, Clock clock) {

    CentralStore.Act act(String reason) {
        return new CentralStore.Act(actor, clock.instant(), reason == null || reason.isBlank() ? null : reason.strip());
    }

    boolean can(Permission permission) {
        return role.can(permission);
    }

    /** @throws org.harbor.accounts.AccessDenied when the role lacks the permission (nothing is done) */
    void require(Permission permission) {
        CentralAccess.require(role, permission);
    }

    void requireStatusChange(String caseId) {
        CentralAccess.requireStatusChange(role, actor, store, caseId);
    }
}
