package org.harbor.ui.interview;

import org.harbor.i18n.I18n;
import org.harbor.ui.common.Messages;

/** The interview service's refusals as sentences in the display language; never a stack trace. */
final class InterviewMessages {

    private InterviewMessages() {
    }

    static String of(Exception e, I18n i18n) {
        if (e instanceof IllegalArgumentException) {
            return i18n.get("interview.error.invalid");
        }
        return Messages.of(e, i18n);
    }
}
