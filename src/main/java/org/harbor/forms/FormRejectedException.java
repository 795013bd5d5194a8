package org.harbor.forms;

/** A form that Harbor will not load, with the parser's reason (never the form's answers). */
public final class FormRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    public FormRejectedException(String reason) {
        super(reason, null, false, false);
    }
}
