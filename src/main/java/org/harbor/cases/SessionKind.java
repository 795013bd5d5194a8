package org.harbor.cases;

import java.util.Locale;

/** The kinds of session a case has. */
public enum SessionKind {
    INTAKE, SCREENING, INTERVIEW, FOLLOW_UP;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SessionKind fromCode(String code) {
        return valueOf(code.strip().toUpperCase(Locale.ROOT));
    }
}
