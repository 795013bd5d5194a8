package org.harbor.accounts;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The four roles of DESIGN.md section 4 and what each may do. */
public enum Role {
    INTERVIEWER(EnumSet.of(Permission.WORK_ON_CASES, Permission.INTERVIEW, Permission.SEAL)),
    INTAKE(EnumSet.of(Permission.WORK_ON_CASES)),
    SUPERVISOR(EnumSet.of(Permission.MANAGE_USERS, Permission.CHANGE_SETTINGS, Permission.VIEW_AUDIT,
            Permission.WORK_ON_CASES, Permission.SEE_ALL_CASES, Permission.INTERVIEW, Permission.SEAL, Permission.CO_SIGN,
            Permission.EXPORT_PACKAGES, Permission.PURGE, Permission.MANAGE_ATTACHMENTS, Permission.REVIEW_INTERVIEWERS)),
    CENTRAL(EnumSet.of(Permission.MANAGE_USERS, Permission.CHANGE_SETTINGS, Permission.VIEW_AUDIT,
            Permission.SEE_ALL_CASES, Permission.IMPORT_PACKAGES));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    public boolean can(Permission permission) {
        return permissions.contains(permission);
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
        throw new IllegalArgumentException("unknown role; use interviewer, intake, supervisor or central");
    }
}
