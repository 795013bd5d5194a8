package org.harbor.seal;

/** An import (or a verification) refused at one named check; nothing was written. */
public final class PackageRefused extends SealException {

    private static final long serialVersionUID = 1L;
    private final ImportCheck check;

    public PackageRefused(ImportCheck check, String detail) {
        super("package.refused." + check.name().toLowerCase(java.util.Locale.ROOT), "refused at check \"" + check.label() + "\": " + detail);
        this.check = check;
    }

    public ImportCheck check() {
        return check;
    }
}
