package org.harbor.central;

import org.harbor.i18n.Refusal;

/**
 * Why a central store refused or failed: a {@link Refusal} whose key is the sentence people are
 * shown (in the CLI's language too), with an English one-liner for diagnostics, neither with record
 * content. Unchecked, so that it leaves a transaction and rolls it back. It is a subclass only so
 * that the central store's callers can tell its refusals from the rest; it adds no key accessor.
 */
public class CentralException extends Refusal {

    private static final long serialVersionUID = 1L;
    private final String detail;

    public CentralException(String key, String detail) {
        this(key, detail, null);
    }

    public CentralException(String key, String detail, Throwable cause) {
        super(key, cause);
        this.detail = detail;
    }

    /** The English one-liner for a developer reading a trace; never shown as the user's sentence. */
    public String detail() {
        return detail;
    }

    @Override
    public String toString() {
        return getClass().getName() + ": " + key() + " (" + detail + ")";
    }
}
