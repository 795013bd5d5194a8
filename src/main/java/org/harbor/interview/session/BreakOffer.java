package org.harbor.interview.session;

import java.util.Locale;

/**
 * What became of a break offered at the organisation's interval (R14): audited like the forms'
 * break offer, with the same event codes, and nothing else in the detail.
 */
public enum BreakOffer {
    BREAK_OFFERED, BREAK_TAKEN, BREAK_DECLINED;

    /** The code in the audit detail ({@code event}), the same as the forms' session events. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
