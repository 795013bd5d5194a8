package org.harbor.seal;

import java.util.Locale;

/** What a seal covers: one session, a whole case, or an addendum to an earlier seal. */
public enum SealKind {
    SESSION, CASE, ADDENDUM;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SealKind fromCode(String code) {
        for (SealKind k : values()) {
            if (k.code().equals(code)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown seal kind");
    }
}
