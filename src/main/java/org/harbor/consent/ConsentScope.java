package org.harbor.consent;

import java.util.Locale;
import java.util.Objects;

/**
 * A purpose, and for a referral the organisation it names. Two scopes are the same when their
 * purposes are and their organisations match ignoring case and spacing.
 *
 * @param purpose what the consent is for
 * @param target the organisation of a referral; {@code null} for every other purpose
 */
public record ConsentScope(ConsentPurpose purpose, String target) {

    public static final int MAX_TARGET = 200;

    public ConsentScope {
        Objects.requireNonNull(purpose, "purpose");
        if (purpose == ConsentPurpose.REFERRAL) {
            if (target == null || target.isBlank() || target.strip().length() > MAX_TARGET) {
                throw new IllegalArgumentException("a referral consent names its organisation (1 to 200 characters)");
            }
            target = target.strip().replaceAll("\\s+", " ");
        } else if (target != null) {
            throw new IllegalArgumentException("only a referral consent names an organisation");
        }
    }

    /** Any purpose but a referral. */
    public static ConsentScope of(ConsentPurpose purpose) {
        return new ConsentScope(purpose, null);
    }

    public static ConsentScope referral(String organisation) {
        return new ConsentScope(ConsentPurpose.REFERRAL, organisation);
    }

    /** What two spellings of one organisation have in common: "" for purposes without one. */
    public String targetKey() {
        return target == null ? "" : target.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConsentScope s && s.purpose == purpose && s.targetKey().equals(targetKey());
    }

    @Override
    public int hashCode() {
        return Objects.hash(purpose, targetKey());
    }

    @Override
    public String toString() {
        // The organisation is record content: never in logs or messages.
        return "ConsentScope[" + purpose.code() + (target == null ? "" : ", organisation") + "]";
    }
}
