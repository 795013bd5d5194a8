package org.harbor.seal;

import java.util.Locale;
import org.harbor.i18n.Refusal;

/**
 * An import (or a verification) refused at one named check; nothing was written. The sentence names
 * the check; {@link #detail()} is the English one-liner of what failed there, for tests and
 * diagnostics, never shown as the sentence and never holding anything the package claims.
 */
public final class PackageRefused extends Refusal {

    private static final long serialVersionUID = 1L;
    private final ImportCheck check;
    private final String detail;

    public PackageRefused(ImportCheck check, String detail) {
        super("package.refused", new Term(check.messageKey()));
        this.check = check;
        this.detail = "refused at check \"" + check.label() + "\": " + detail;
    }

    public ImportCheck check() {
        return check;
    }

    /** What failed at the check, in English, e.g. {@code refused at check "decrypt": the package cannot be read}. */
    public String detail() {
        return detail;
    }

    @Override
    public String toString() {
        return "PackageRefused[" + check.name().toLowerCase(Locale.ROOT) + "]";
    }
}
