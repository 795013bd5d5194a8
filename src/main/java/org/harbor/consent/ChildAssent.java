package org.harbor.consent;

import java.util.Locale;

/** A child's own answer when asked for assent (DOMAIN.md R17): kept beside the adult's consent. */
public enum ChildAssent {
    YES, NO;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code null} for {@code null}; "yes" or "no" otherwise. */
    public static ChildAssent fromCode(String code) {
        if (code == null) {
            return null;
        }
        return switch (code.strip().toLowerCase(Locale.ROOT)) {
            case "yes" -> YES;
            case "no" -> NO;
            default -> throw new IllegalArgumentException("a child's assent is yes or no");
        };
    }
}
