package org.harbor.forms;

import java.util.Locale;

/** Session-care events of a form session, logged with who and when. */
public enum SessionEvent {
    OPENED, BREAK_OFFERED, BREAK_TAKEN, BREAK_DECLINED, BREAK_END, PAUSE, RESUME, STOP, COMPLETE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
