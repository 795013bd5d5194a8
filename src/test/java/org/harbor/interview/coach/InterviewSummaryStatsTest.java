package org.harbor.interview.coach;

import static org.harbor.interview.coach.QuestionType.CINV;
import static org.harbor.interview.coach.QuestionType.DIR;
import static org.harbor.interview.coach.QuestionType.FAC;
import static org.harbor.interview.coach.QuestionType.INV;
import static org.harbor.interview.coach.QuestionType.OP_FC;
import static org.harbor.interview.coach.QuestionType.OP_YN;
import static org.harbor.interview.coach.QuestionType.SUG_TAG;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The interview summary")
class InterviewSummaryStatsTest {

    @Nested
    @DisplayName("counts")
    class Counts {

        private final InterviewSummaryStats stats = InterviewSummaryStats.of(List.of(INV, INV, DIR, FAC, CINV));

        @Test
        @DisplayName("turns per type, zero for types never asked")
        void perType() {
            assertAll(() -> assertEquals(5, stats.total()),
                    () -> assertEquals(2, stats.count(INV)),
                    () -> assertEquals(0, stats.count(SUG_TAG)),
                    () -> assertEquals(QuestionType.values().length, stats.counts().size()));
        }

        @Test
        @DisplayName("shares of all turns")
        void shares() {
            assertEquals(0.4, stats.share(INV), 1e-9);
        }

        @Test
        @DisplayName("the share of open prompts (INV and CINV)")
        void openShare() {
            assertEquals(0.6, stats.openShare(), 1e-9);
        }

        @Test
        @DisplayName("nothing for an empty session, without dividing by zero")
        void empty() {
            InterviewSummaryStats none = InterviewSummaryStats.of(List.of());
            assertAll(() -> assertEquals(0, none.total()),
                    () -> assertEquals(0.0, none.openShare()),
                    () -> assertEquals(0.0, none.share(DIR)));
        }
    }

    @Nested
    @DisplayName("pairs focused questions with open follow-ups")
    class Pairing {

        @Test
        @DisplayName("an invitation right after a directive pairs it")
        void immediateFollowUp() {
            assertEquals(OptionalDouble.of(1.0), InterviewSummaryStats.of(List.of(DIR, INV)).pairingRate());
        }

        @Test
        @DisplayName("an invitation two turns later still pairs it")
        void withinTwoTurns() {
            assertEquals(1, InterviewSummaryStats.of(List.of(OP_YN, FAC, CINV)).pairedCount());
        }

        @Test
        @DisplayName("an invitation three turns later does not")
        void tooLate() {
            assertEquals(0, InterviewSummaryStats.of(List.of(OP_FC, FAC, FAC, INV)).pairedCount());
        }

        @Test
        @DisplayName("a focused question at the end stays unpaired")
        void lastTurn() {
            InterviewSummaryStats stats = InterviewSummaryStats.of(List.of(DIR, INV, OP_YN));
            assertAll(() -> assertEquals(2, stats.focusedCount()),
                    () -> assertEquals(OptionalDouble.of(0.5), stats.pairingRate()));
        }

        @Test
        @DisplayName("suggestive questions are not counted as focused")
        void suggestiveNotFocused() {
            assertEquals(0, InterviewSummaryStats.of(List.of(SUG_TAG, INV)).focusedCount());
        }

        @Test
        @DisplayName("no rate at all when no focused question was asked")
        void noFocusedQuestions() {
            assertTrue(InterviewSummaryStats.of(List.of(INV, FAC)).pairingRate().isEmpty());
        }
    }

    @Test
    @DisplayName("can be built from the coach's classifications")
    void fromClassifications() {
        Classification directive = new Classification(DIR, "wh-question", "A wh- question.", List.of("Where"),
                Optional.empty());
        Classification invitation = new Classification(INV, "invitation", "An invitation.", List.of("Tell me"),
                Optional.empty());
        assertEquals(OptionalDouble.of(1.0),
                InterviewSummaryStats.ofClassifications(List.of(directive, invitation)).pairingRate());
    }
}
