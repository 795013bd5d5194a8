package org.harbor.interview.coach;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Question-type figures for the end-of-session summary. Protocols set no quota, so these are
 * reported, never enforced (DOMAIN.md section 2).
 *
 * <p>A focused question (DIR, OP-YN, OP-FC) counts as paired when one of the next
 * {@value #PAIRING_WINDOW} interviewer turns is an open invitation (INV or CINV).
 */
public final class InterviewSummaryStats {

    /** How many following interviewer turns may carry the open follow-up. */
    public static final int PAIRING_WINDOW = 2;

    private final Map<QuestionType, Integer> counts;
    private final int total;
    private final int focused;
    private final int paired;

    private InterviewSummaryStats(Map<QuestionType, Integer> counts, int total, int focused, int paired) {
        this.counts = Collections.unmodifiableMap(counts);
        this.total = total;
        this.focused = focused;
        this.paired = paired;
    }

    /** Figures for the interviewer turns of one session, in the order they were asked. */
    public static InterviewSummaryStats of(List<QuestionType> turns) {
        Objects.requireNonNull(turns, "turns");
        Map<QuestionType, Integer> counts = new EnumMap<>(QuestionType.class);
        for (QuestionType type : QuestionType.values()) {
            counts.put(type, 0);
        }
        int focused = 0;
        int paired = 0;
        for (int i = 0; i < turns.size(); i++) {
            QuestionType type = Objects.requireNonNull(turns.get(i), "turn type");
            counts.merge(type, 1, Integer::sum);
            if (type.wantsPairing()) {
                focused++;
                if (followedByOpenPrompt(turns, i)) {
                    paired++;
                }
            }
        }
        return new InterviewSummaryStats(counts, turns.size(), focused, paired);
    }

    /** Same, from the coach's classifications. */
    public static InterviewSummaryStats ofClassifications(List<Classification> classifications) {
        return of(classifications.stream().map(Classification::type).toList());
    }

    private static boolean followedByOpenPrompt(List<QuestionType> turns, int i) {
        for (int k = i + 1; k <= i + PAIRING_WINDOW && k < turns.size(); k++) {
            if (turns.get(k).isOpen()) {
                return true;
            }
        }
        return false;
    }

    public int total() {
        return total;
    }

    public int count(QuestionType type) {
        return counts.get(type);
    }

    /** Counts per type, every type present (zero if never asked). */
    public Map<QuestionType, Integer> counts() {
        return counts;
    }

    /** Share of all turns of this type, 0 when there are no turns. */
    public double share(QuestionType type) {
        return total == 0 ? 0.0 : (double) count(type) / total;
    }

    /** Share of open prompts (INV + CINV) among all turns, 0 when there are no turns. */
    public double openShare() {
        return total == 0 ? 0.0 : (double) (count(QuestionType.INV) + count(QuestionType.CINV)) / total;
    }

    /** Number of focused questions (DIR, OP-YN, OP-FC). */
    public int focusedCount() {
        return focused;
    }

    /** Number of promises and guarantees (R21), each of which the coach warned about. */
    public int promiseCount() {
        return count(QuestionType.PROM);
    }

    /** Number of welfare and procedural checks; they are not focused questions. */
    public int welfareCount() {
        return count(QuestionType.WELF);
    }

    public int pairedCount() {
        return paired;
    }

    /** Share of focused questions paired with an open follow-up; empty when none was asked. */
    public OptionalDouble pairingRate() {
        return focused == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) paired / focused);
    }
}
