package org.harbor.accounts;

import java.util.Locale;
import org.harbor.i18n.Refusal;

/**
 * A service refused an action the session's role does not allow, or a record the session may not
 * see: the person is told "not allowed" ({@code generic.error.notAllowed}). {@link #detail()} names
 * the permission or the rule in English, for tests and diagnostics, never a record's content.
 */
public final class AccessDenied extends Refusal {

    private static final long serialVersionUID = 1L;
    private final transient Permission permission;
    private final String detail;

    public AccessDenied(Permission permission) {
        super("generic.error.notAllowed");
        this.permission = permission;
        this.detail = "this account's role does not allow " + permission.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    public AccessDenied(String detail) {
        super("generic.error.notAllowed");
        this.permission = null;
        this.detail = detail;
    }

    /** The permission the role lacks; null when the refusal is about a record, not a permission. */
    public Permission permission() {
        return permission;
    }

    /** What was refused, in English, e.g. {@code this account's role does not allow manage users}. */
    public String detail() {
        return detail;
    }
}
