package org.harbor.central;

import org.harbor.accounts.AccessDenied;
import org.harbor.accounts.Permission;
import org.harbor.accounts.Role;
import org.harbor.i18n.Refusal;

/**
 * What a central staff member's role allows (issue 17): every central action, on the command line
 * and on the desktop, asks here first. A refusal changes nothing: it comes before the store is
 * touched. Supervisors ({@link Role#CENTRAL}) may do everything; case managers read cases, decide
 * duplicates and conflicts and change the status of cases assigned to them; analysts see
 * aggregate statistics only.
 */
public final class CentralAccess {

    private CentralAccess() {
    }

    /** @throws AccessDenied when {@code role} lacks {@code permission} */
    public static void require(Role role, Permission permission) {
        if (role == null || !role.can(permission)) {
            throw new AccessDenied(permission);
        }
    }

    /**
     * A supervisor changes any case's status; a case manager only a case assigned to them.
     *
     * @throws AccessDenied when the role may change no status
     * @throws Refusal {@code central.error.notAssignedToYou} for another's or an unassigned case
     */
    public static void requireStatusChange(Role role, String actor, CentralStore store, String caseId) {
        if (role != null && role.can(Permission.ASSIGN_CENTRAL_CASES)) {
            return;
        }
        require(role, Permission.CHANGE_CENTRAL_STATUS);
        String assignedTo = store.show(caseId).map(v -> v.summary().assignedTo()).orElse(null);
        if (assignedTo == null || !assignedTo.equals(actor)) {
            throw new Refusal("central.error.notAssignedToYou");
        }
    }
}
