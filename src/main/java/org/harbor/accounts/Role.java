package org.harbor.accounts;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The roles of DESIGN.md section 4 and what each may do: three on a field vault, three on a central
 * vault (issue 17). {@link #CENTRAL} is the central supervisor (its code predates the other two).
 */
public enum Role {
    INTERVIEWER(EnumSet.of(Permission.WORK_ON_CASES, Permission.INTERVIEW, Permission.SEAL)),
    INTAKE(EnumSet.of(Permission.WORK_ON_CASES)),
    SUPERVISOR(EnumSet.of(Permission.MANAGE_USERS, Permission.CHANGE_SETTINGS, Permission.VIEW_AUDIT,
            Permission.WORK_ON_CASES, Permission.SEE_ALL_CASES, Permission.INTERVIEW, Permission.SEAL, Permission.CO_SIGN,
            Permission.EXPORT_PACKAGES, Permission.PURGE, Permission.MANAGE_ATTACHMENTS, Permission.REVIEW_INTERVIEWERS,
            Permission.RECORD_SAFETY_ACTIONS)),
    /** The central supervisor: everything at the central office, accounts and assignment included. */
    CENTRAL(EnumSet.of(Permission.MANAGE_USERS, Permission.CHANGE_SETTINGS, Permission.VIEW_AUDIT,
            Permission.SEE_ALL_CASES, Permission.IMPORT_PACKAGES, Permission.DECIDE_CENTRAL_MATCHES, Permission.CHANGE_CENTRAL_STATUS,
            Permission.ASSIGN_CENTRAL_CASES, Permission.CENTRAL_STATISTICS)),
    /** Reads imported cases, decides duplicates and conflicts, changes the status of cases assigned to them. */
    CENTRAL_CASE_MANAGER(EnumSet.of(Permission.SEE_ALL_CASES, Permission.DECIDE_CENTRAL_MATCHES, Permission.CHANGE_CENTRAL_STATUS)),
    /** Aggregate statistics only: no case content, no names. */
    ANALYST(EnumSet.of(Permission.CENTRAL_STATISTICS));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    public boolean can(Permission permission) {
        return permissions.contains(permission);
    }

    /** A role of a central vault's staff; a field vault has only the others, a central vault only these. */
    public boolean central() {
        return this == CENTRAL || this == CENTRAL_CASE_MANAGER || this == ANALYST;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the allowed codes */
    public static Role fromCode(String code) {
        for (Role role : values()) {
            if (role.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role; use interviewer, intake or supervisor (field), central, central_case_manager or analyst (central)");
    }
}
