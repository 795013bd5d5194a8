package org.harbor.cases;

import java.util.Locale;

/** Where a case stands, from first contact to the central office's receipt. */
public enum CaseStatus {
    OPEN, IN_REVIEW, SEALED, EXPORTED, RECEIVED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CaseStatus fromCode(String code) {
        for (CaseStatus s : values()) {
            if (s.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown status; use open, in_review, sealed, exported or received");
    }
}
