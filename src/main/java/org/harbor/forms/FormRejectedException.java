package org.harbor.forms;

import org.harbor.i18n.Refusal;

/**
 * A form that Harbor will not load. The person is told {@code forms.error.rejected} with the
 * parser's reason, which names a rule of the form's structure and never its answers.
 */
public final class FormRejectedException extends Refusal {

    private static final long serialVersionUID = 1L;
    private final String reason;

    public FormRejectedException(String reason) {
        super("forms.error.rejected", reason);
        this.reason = reason;
    }

    /** Why, in English: what the parser or Harbor's checks found (a cycle, a DOCTYPE, a size). */
    public String reason() {
        return reason;
    }
}
