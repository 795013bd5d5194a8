package org.harbor.interview.profile;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A source a profile paraphrases, from the source list of DOMAIN.md.
 *
 * @param tag       the short tag used on prompts, e.g. {@code "S1"}
 * @param reference the reference as DOMAIN.md gives it, e.g. "Lamb et al. 2007, Child Abuse Negl 31:1201"
 */
public record Citation(String tag, String reference) {

    private static final Pattern TAG = Pattern.compile("S[1-9][0-9]*");

    public Citation {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(reference, "reference");
        if (!TAG.matcher(tag).matches()) {
            throw new IllegalArgumentException("source tag '" + tag + "' is not of the form S<number>");
        }
        if (reference.isBlank()) {
            throw new IllegalArgumentException("source " + tag + " has no reference");
        }
    }

    @Override
    public String toString() {
        return tag + " " + reference;
    }
}
