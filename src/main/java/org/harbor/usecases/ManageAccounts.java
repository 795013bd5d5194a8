package org.harbor.usecases;

import java.util.Arrays;
import java.util.List;
import org.harbor.accounts.AccountService;
import org.harbor.accounts.Role;
import org.harbor.accounts.Session;
import org.harbor.accounts.User;
import org.harbor.vault.VaultKind;

/** A supervisor lists the accounts and adds one with a temporary passphrase. */
public final class ManageAccounts {

    private final AccountService accounts;

    public ManageAccounts(AccountService accounts) {
        this.accounts = accounts;
    }

    /** The roles an account of this vault may have: central staff on a central vault, field roles on a field one. */
    public List<Role> assignableRoles() {
        return accounts.vaultKind() == VaultKind.CENTRAL ? List.of(Role.CENTRAL_CASE_MANAGER, Role.CENTRAL, Role.ANALYST)
                : List.of(Role.INTERVIEWER, Role.INTAKE, Role.SUPERVISOR);
    }

    public List<User> list(Session supervisor) {
        return accounts.listUsers(supervisor);
    }

    /**
     * Adds an account that must change its temporary passphrase at first log-in. The passphrase
     * and its confirmation are wiped whatever happens.
     */
    public User add(Session supervisor, String username, Role role, char[] passphrase, char[] confirmation) {
        try {
            PassphraseRule.require(passphrase, confirmation, username);
            return accounts.addUser(supervisor, username, role, passphrase);
        } finally {
            Arrays.fill(passphrase, '\0');
            Arrays.fill(confirmation, '\0');
        }
    }
}
