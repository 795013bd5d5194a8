package org.harbor.accounts;

/** What a service checks before it acts; roles grant these. */
public enum Permission {
    MANAGE_USERS,
    CHANGE_SETTINGS,
    VIEW_AUDIT
}
