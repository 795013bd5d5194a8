package org.harbor.accounts;

/** A service refused an action the session's role does not allow. Names the permission only. */
public final class AccessDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient Permission permission;

    public AccessDeniedException(Permission permission) {
        super("this account's role does not allow " + permission.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        this.permission = permission;
    }

    public AccessDeniedException(String what) {
        super(what);
        this.permission = null;
    }

    public Permission permission() {
        return permission;
    }
}
