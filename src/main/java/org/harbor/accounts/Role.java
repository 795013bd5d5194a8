package org.harbor.accounts;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The four roles of DESIGN.md section 4 and what each may do. */
public enum Role {
    INTERVIEWER(EnumSet.noneOf(Permission.class)),
    INTAKE(EnumSet.noneOf(Permission.class)),
    SUPERVISOR(EnumSet.of(Permission.MANAGE_USERS, Permission.CHANGE_SETTINGS, Permission.VIEW_AUDIT)),
    CENTRAL(EnumSet.of(Permission.MANAGE_USERS, Permission.CHANGE_SETTINGS, Permission.VIEW_AUDIT));

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
