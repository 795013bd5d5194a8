package org.harbor.interview.session;

import java.util.Locale;

/** Who may be in the room during an interview. */
public enum PresentRole {
    INTERVIEWER, SECOND_INTERVIEWER, INTERPRETER, GUARDIAN, ADVOCATE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
