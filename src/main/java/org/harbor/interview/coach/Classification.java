package org.harbor.interview.coach;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the coach decided about one interviewer turn, and why.
 *
 * @param type     the single type given to the turn
 * @param ruleId   the id of the rule that decided, stable for i18n keys ({@code coach.rule.<ruleId>})
 * @param reason   a short English explanation of the rule, for logs and tests
 * @param evidence the words or phrases of the turn (as typed) that decided it
 * @param rewrite  an open alternative, offered for option-posing, suggestive and faux turns
 */
public record Classification(QuestionType type, String ruleId, String reason, List<String> evidence,
                             Optional<String> rewrite) {

    public Classification {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(reason, "reason");
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(rewrite, "rewrite");
    }

    /** The i18n key under which the UI can localise the reason. */
    public String reasonKey() {
        return "coach.rule." + ruleId;
    }
}
