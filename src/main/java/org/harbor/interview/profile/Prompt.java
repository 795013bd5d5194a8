package org.harbor.interview.profile;

import java.util.Objects;

/**
 * A suggested open prompt, in our own words, with the source whose prompt it paraphrases.
 *
 * @param text   what the interviewer may say
 * @param source the tag of a {@link Citation} of the same profile, e.g. {@code "S2"}
 */
public record Prompt(LocalizedText text, String source) {

    public Prompt {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
    }
}
