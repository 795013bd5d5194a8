package org.harbor.interview.profile;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One step of a protocol profile.
 *
 * @param id                unique within the profile; a {@link PhaseKind} name where the step fits
 *                          the app phase model, otherwise the protocol's own (e.g. TOUCH_INQUIRY)
 * @param name              the step as the protocol calls it, in our words
 * @param goal              what the interviewer is after in this step
 * @param checklist         what to have done before moving on
 * @param prompts           suggested open prompts; none for steps without the interviewee
 * @param withInterviewee   false for planning and evaluation, which happen without the person
 * @param optional          whether the protocol makes the step optional
 * @param defaultEnabled    whether a new interview includes the step; only optional steps may be off
 * @param caution           why an optional step needs thought before it is switched on
 * @param clarificationOnly the step clarifies and never challenges the account; in PEACE it
 *                          takes the place of "challenge", which Harbor leaves out for survivors
 */
public record Phase(String id, LocalizedText name, LocalizedText goal, List<LocalizedText> checklist,
                    List<Prompt> prompts, boolean withInterviewee, boolean optional, boolean defaultEnabled,
                    Optional<LocalizedText> caution, boolean clarificationOnly) {

    static final int MIN_PROMPTS = 2;
    static final int MAX_PROMPTS = 4;
    private static final Pattern ID = Pattern.compile("[A-Z][A-Z_]*[A-Z]");

    public Phase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(goal, "goal");
        checklist = List.copyOf(checklist);
        prompts = List.copyOf(prompts);
        Objects.requireNonNull(caution, "caution");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("phase id '" + id + "' is not written LIKE_THIS");
        }
        if (checklist.isEmpty()) {
            throw problem(id, "has an empty checklist");
        }
        checkPromptCount(id, prompts.size(), withInterviewee, optional);
        if (optional && caution.isEmpty()) {
            throw problem(id, "is optional but has no caution");
        }
        if (!optional && !defaultEnabled) {
            throw problem(id, "is switched off by default but not marked optional");
        }
        if (clarificationOnly && !PhaseKind.CLARIFICATION.name().equals(id)) {
            throw problem(id, "is marked clarification-only but is not a CLARIFICATION phase");
        }
    }

    private static void checkPromptCount(String id, int count, boolean withInterviewee, boolean optional) {
        if (!withInterviewee && count > 0) {
            throw problem(id, "happens without the interviewee but has prompts");
        }
        int min = withInterviewee && !optional ? MIN_PROMPTS : 0;
        int max = withInterviewee ? MAX_PROMPTS : 0;
        if (count < min || count > max) {
            throw problem(id, "has " + count + " prompts; it needs " + min + " to " + max);
        }
    }

    private static IllegalArgumentException problem(String id, String what) {
        return new IllegalArgumentException("phase " + id + " " + what);
    }

    /** Where this step sits in the app phase model, if it has a counterpart there. */
    public Optional<PhaseKind> kind() {
        return PhaseKind.forId(id);
    }
}
