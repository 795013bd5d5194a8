package org.harbor.interview.profile;

import java.util.Optional;

/**
 * The app phase model of DOMAIN.md section 1.6, in its order. Profiles enable, rename and order
 * these; a protocol step with no counterpart here (RATAC's anatomy identification, say) keeps its
 * own id and has no kind.
 */
public enum PhaseKind {
    PLAN,
    INTRO,
    GROUND_RULES,
    RAPPORT,
    NARRATIVE_PRACTICE,
    TRANSITION,
    FREE_RECALL,
    FOCUSED_FOLLOWUP,
    CLARIFICATION,
    BREAK,
    CLOSURE,
    EVALUATION;

    /** The kind whose name is this phase id, if any. */
    public static Optional<PhaseKind> forId(String phaseId) {
        for (PhaseKind kind : values()) {
            if (kind.name().equals(phaseId)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
