package org.harbor.usecases;

import org.harbor.accounts.AccountService;

/** Whether the log-in found the audit log not known to be whole, so that the user is warned. */
public final class CheckAuditContinuity {

    private final AccountService accounts;

    public CheckAuditContinuity(AccountService accounts) {
        this.accounts = accounts;
    }

    public boolean brokenAtLogin() {
        return !accounts.continuityBreaksAtLogin().isEmpty();
    }
}
