package org.harbor.consent;

import java.util.Locale;

/** How a consent was given. */
public enum ConsentMethod {
    VERBAL, WRITTEN, OTHER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ConsentMethod fromCode(String code) {
        for (ConsentMethod m : values()) {
            if (m.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown method; use verbal, written or other");
    }
}
