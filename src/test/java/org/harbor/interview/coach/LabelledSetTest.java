package org.harbor.interview.coach;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The question coach on the hand-labelled sets")
class LabelledSetTest {

    private static final double REQUIRED_MACRO_F1 = 0.85;

    /**
     * Runs the coach over a labelled file: "#reset" starts a fresh tracker, "#said: …" feeds it,
     * "LABEL<TAB>turn" is scored, other "#" lines are comments.
     */
    static Scorecard evaluate(Language language, String resource) throws IOException {
        QuestionCoach coach = new QuestionCoach(language);
        DisclosureTracker tracker = new DisclosureTracker(language);
        Scorecard scorecard = new Scorecard();
        try (InputStream in = Objects.requireNonNull(LabelledSetTest.class.getResourceAsStream(resource), resource);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                if (line.strip().equals("#reset")) {
                    tracker = new DisclosureTracker(language);
                } else if (line.startsWith("#said:")) {
                    tracker.heard(line.substring("#said:".length()).strip());
                } else if (!line.startsWith("#")) {
                    int tab = line.indexOf('\t');
                    if (tab < 0) {
                        throw new IllegalStateException(resource + ":" + number + " has no tab: " + line);
                    }
                    QuestionType expected = QuestionType.fromCode(line.substring(0, tab));
                    String turn = line.substring(tab + 1);
                    scorecard.add(number, expected, coach.classify(turn, tracker), turn);
                }
            }
        }
        return scorecard;
    }

    private static void assertWellCovered(Scorecard scorecard, int minimumTurns, int minimumPerType) {
        assertTrue(scorecard.total() >= minimumTurns,
                "the set must hold at least " + minimumTurns + " turns, has " + scorecard.total());
        for (QuestionType type : QuestionType.values()) {
            assertTrue(scorecard.support(type) >= minimumPerType,
                    type.code() + " needs at least " + minimumPerType + " examples, has " + scorecard.support(type));
        }
    }

    @Nested
    @DisplayName("in English")
    class English {

        @Test
        @DisplayName("the set covers every type with enough examples")
        void setIsLargeEnough() throws IOException {
            assertWellCovered(evaluate(Language.EN, "labelled-en.tsv"), 320, 15);
        }

        @Test
        @DisplayName("reaches a macro-F1 of at least 0.85")
        void macroF1() throws IOException {
            Scorecard scorecard = evaluate(Language.EN, "labelled-en.tsv");
            System.out.println(scorecard.table("Question coach, English TUNING set (labelled-en.tsv)"));
            assertTrue(scorecard.macroF1() >= REQUIRED_MACRO_F1, "macro-F1 " + scorecard.macroF1());
        }
    }

    /**
     * Turns written apart from the rules and never used for tuning (issue 12 grew them to at least
     * 100 English and 60 Spanish turns). Macro-F1 is reported here separately from the tuning set
     * and held to the same macro-F1 bar as the tuning set (0.85), with accuracy; the table is printed.
     */
    @Nested
    @DisplayName("on held-out turns, reported apart from the tuning set")
    class HeldOut {

        private static final double REQUIRED_ACCURACY = 0.85;
        private static final double REQUIRED_HELD_OUT_MACRO_F1 = 0.85;

        private static void check(Scorecard scorecard, int minimumTurns) {
            assertAll(() -> assertTrue(scorecard.total() >= minimumTurns,
                            "held-out turns: " + scorecard.total() + " < " + minimumTurns),
                    () -> assertTrue(scorecard.accuracy() >= REQUIRED_ACCURACY, "accuracy " + scorecard.accuracy()),
                    () -> assertTrue(scorecard.macroF1() >= REQUIRED_HELD_OUT_MACRO_F1, "macro-F1 " + scorecard.macroF1()));
        }

        @Test
        @DisplayName("in English: at least 100 turns, macro-F1 and accuracy of at least 0.85")
        void english() throws IOException {
            Scorecard scorecard = evaluate(Language.EN, "holdout-en.tsv");
            System.out.println(scorecard.table("Question coach, English HELD-OUT turns (not used for tuning)"));
            check(scorecard, 100);
        }

        @Test
        @DisplayName("in French: at least 80 turns, macro-F1 and accuracy of at least 0.85, written and committed before any French rule")
        void french() throws IOException {
            Scorecard scorecard = evaluate(Language.FR, "holdout-fr.tsv");
            System.out.println(scorecard.table("Question coach, French HELD-OUT turns (not used for tuning)"));
            check(scorecard, 80);
        }

        @Test
        @DisplayName("in Spanish: at least 60 turns, macro-F1 and accuracy of at least 0.85")
        void spanish() throws IOException {
            Scorecard scorecard = evaluate(Language.ES, "holdout-es.tsv");
            System.out.println(scorecard.table("Question coach, Spanish HELD-OUT turns (not used for tuning)"));
            check(scorecard, 60);
        }

        @Test
        @DisplayName("in Arabic: at least 80 turns held out from the rules, macro-F1 and accuracy of at least 0.85")
        void arabic() throws IOException {
            Scorecard scorecard = evaluate(Language.AR, "holdout-ar.tsv");
            System.out.println(scorecard.table("Question coach, Arabic HELD-OUT turns (not used for tuning)"));
            check(scorecard, 80);
        }
    }

    @Nested
    @DisplayName("in Spanish")
    class Spanish {

        @Test
        @DisplayName("the set covers every type with enough examples")
        void setIsLargeEnough() throws IOException {
            assertWellCovered(evaluate(Language.ES, "labelled-es.tsv"), 160, 8);
        }

        @Test
        @DisplayName("reaches a macro-F1 of at least 0.85")
        void macroF1() throws IOException {
            Scorecard scorecard = evaluate(Language.ES, "labelled-es.tsv");
            System.out.println(scorecard.table("Question coach, Spanish TUNING set (labelled-es.tsv)"));
            assertTrue(scorecard.macroF1() >= REQUIRED_MACRO_F1, "macro-F1 " + scorecard.macroF1());
        }
    }

    /** Issue 19: the question coach in Arabic, with a labelled set of at least 250 turns in all. */
    @Nested
    @DisplayName("in Arabic")
    class Arabic {

        @Test
        @DisplayName("the labelled set holds at least 250 turns with at least 80 held out, and covers every type")
        void setIsLargeEnough() throws IOException {
            Scorecard tuning = evaluate(Language.AR, "labelled-ar.tsv");
            Scorecard heldOut = evaluate(Language.AR, "holdout-ar.tsv");
            assertWellCovered(tuning, 170, 10);
            assertWellCovered(heldOut, 80, 5);
            assertTrue(tuning.total() + heldOut.total() >= 250,
                    "tuning and held-out turns together: " + (tuning.total() + heldOut.total()));
        }

        @Test
        @DisplayName("reaches a macro-F1 of at least 0.85 on the tuning set")
        void macroF1() throws IOException {
            Scorecard scorecard = evaluate(Language.AR, "labelled-ar.tsv");
            System.out.println(scorecard.table("Question coach, Arabic TUNING set (labelled-ar.tsv)"));
            assertTrue(scorecard.macroF1() >= REQUIRED_MACRO_F1, "macro-F1 " + scorecard.macroF1());
        }
    }

    @Nested
    @DisplayName("in French")
    class French {

        @Test
        @DisplayName("the tuning set covers every type with enough examples, and with the held-out turns makes at least 250")
        void setIsLargeEnough() throws IOException {
            Scorecard tuning = evaluate(Language.FR, "labelled-fr.tsv");
            assertWellCovered(tuning, 170, 8);
            int heldOut = evaluate(Language.FR, "holdout-fr.tsv").total();
            assertTrue(tuning.total() + heldOut >= 250, "French turns: " + tuning.total() + " + " + heldOut + " < 250");
        }

        @Test
        @DisplayName("reaches a macro-F1 of at least 0.85")
        void macroF1() throws IOException {
            Scorecard scorecard = evaluate(Language.FR, "labelled-fr.tsv");
            System.out.println(scorecard.table("Question coach, French TUNING set (labelled-fr.tsv)"));
            assertTrue(scorecard.macroF1() >= REQUIRED_MACRO_F1, "macro-F1 " + scorecard.macroF1());
        }
    }
}
