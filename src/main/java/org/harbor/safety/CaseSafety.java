package org.harbor.safety;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a case's screens show about its safety (R3) and its mandatory report (R18).
 *
 * @param danger       a safety answer raised the danger flag and no supervisor has recorded the
 *                     action taken since: the banner shows on every screen of the case
 * @param actions      the actions recorded, oldest first
 * @param report       the report the organisation's jurisdiction asks for, when the case triggers its rule
 */
public record CaseSafety(String caseId, String caseNumber, boolean danger, List<Action> actions, Optional<ReportDue> report) {

    public CaseSafety {
        actions = List.copyOf(actions);
    }

    /** An action a supervisor recorded; the text is record content. */
    public record Action(String text, Instant recordedAt) {
    }

    /** A report as logged: when it was made, to whom, with what reference. */
    public record Report(String ruleId, Instant madeAt, String madeTo, String reference, Instant recordedAt) {
    }

    /**
     * A report a rule asks for: triggered when the case first had both a child (or an uncertain
     * age) and an indicator; due {@code rule.within()} later; done once one is logged.
     */
    public record ReportDue(ReportRule rule, Instant triggeredAt, List<Report> made) {

        public ReportDue {
            made = List.copyOf(made);
        }

        public Instant deadline() {
            return triggeredAt.plus(rule.within());
        }

        public boolean done() {
            return !made.isEmpty();
        }

        /** Time left until the deadline at {@code now}; negative when overdue. */
        public Duration left(Instant now) {
            return Duration.between(now, deadline());
        }

        public boolean overdue(Instant now) {
            return !done() && now.isAfter(deadline());
        }
    }
}
