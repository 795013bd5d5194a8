package org.harbor.sync;

import org.harbor.i18n.Refusal;

/** A publication refused by a laptop at one named check ({@code downstream.refused}); nothing of it was applied. */
public final class PublicationRefused extends Refusal {

    private static final long serialVersionUID = 1L;
    private final PublicationCheck check;

    public PublicationRefused(PublicationCheck check) {
        super("downstream.refused", new Term(check.messageKey()));
        this.check = check;
    }

    public PublicationCheck check() {
        return check;
    }

    @Override
    public String toString() {
        return "PublicationRefused[" + check.wire() + "]";
    }
}
