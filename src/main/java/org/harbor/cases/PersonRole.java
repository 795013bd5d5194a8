package org.harbor.cases;

import java.util.Locale;

/** A person's place in a case. */
public enum PersonRole {
    SURVIVOR, GUARDIAN, CONTACT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PersonRole fromCode(String code) {
        return valueOf(code.strip().toUpperCase(Locale.ROOT));
    }
}
