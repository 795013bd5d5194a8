package org.harbor.interview.coach;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The question coach")
class QuestionCoachTest {

    private final QuestionCoach english = new QuestionCoach(Language.EN);
    private final QuestionCoach spanish = new QuestionCoach(Language.ES);
    private DisclosureTracker heardEn;
    private DisclosureTracker heardEs;

    @BeforeEach
    void freshInterview() {
        heardEn = new DisclosureTracker(Language.EN);
        heardEs = new DisclosureTracker(Language.ES);
    }

    private Classification en(String turn) {
        return english.classify(turn, heardEn);
    }

    private Classification es(String turn) {
        return spanish.classify(turn, heardEs);
    }

    @Nested
    @DisplayName("is built for a language")
    class Languages {

        @Test
        @DisplayName("from the codes en, es and fr, in any case")
        void knownCodes() {
            assertAll(() -> assertEquals(Language.EN, Language.fromCode("en")),
                    () -> assertEquals(Language.ES, Language.fromCode("ES")),
                    () -> assertEquals(Language.FR, Language.fromCode(" fr ")));
        }

        @Test
        @DisplayName("and refuses an unknown language code")
        void unknownCode() {
            assertThrows(IllegalArgumentException.class, () -> Language.fromCode("tl"));
        }

        @Test
        @DisplayName("and says, without an exception, which languages it covers: Tagalog, Vietnamese, Albanian not; French yes")
        void coverageIsAQuestion() {
            assertAll(() -> assertEquals(java.util.Optional.of(Language.FR), Language.covered("fr")),
                    () -> assertEquals(java.util.Optional.of(Language.ES), Language.covered("ES")),
                    () -> assertEquals(java.util.Optional.empty(), Language.covered("tl")),
                    () -> assertEquals(java.util.Optional.empty(), Language.covered("vi")),
                    () -> assertEquals(java.util.Optional.empty(), Language.covered("sq")),
                    () -> assertEquals(java.util.Optional.empty(), Language.covered("")),
                    () -> assertEquals(java.util.Optional.empty(), Language.covered(null)));
        }

        @Test
        @DisplayName("and refuses a tracker of another language")
        void trackerOfAnotherLanguage() {
            assertThrows(IllegalArgumentException.class, () -> english.classify("Okay.", heardEs));
        }
    }

    @Nested
    @DisplayName("flags suggestive forms")
    class Suggestive {

        @Test
        @DisplayName("a tag question, with the tag as evidence")
        void tag() {
            Classification c = en("He hurt you, didn't he?");
            assertAll(() -> assertEquals(QuestionType.SUG_TAG, c.type()),
                    () -> assertEquals(List.of("didn't he"), c.evidence()),
                    () -> assertEquals("tag-question", c.ruleId()));
        }

        @Test
        @DisplayName("a Spanish tag after a negative statement")
        void spanishTagAfterNegativeStatement() {
            assertEquals(QuestionType.SUG_TAG, es("No te pagaba nada, ¿verdad?").type());
        }

        @Test
        @DisplayName("a question that starts with a negative")
        void negativeStart() {
            Classification c = en("Didn't she take your passport?");
            assertAll(() -> assertEquals(QuestionType.SUG_NEG, c.type()),
                    () -> assertEquals(List.of("Didn't"), c.evidence()));
        }

        @Test
        @DisplayName("a Spanish question that starts with ¿No")
        void spanishNegativeStart() {
            assertEquals(QuestionType.SUG_NEG, es("¿No te quitó el pasaporte?").type());
        }

        @Test
        @DisplayName("but not a Spanish reassurance that starts with No")
        void spanishReassurance() {
            assertEquals(QuestionType.FAC, es("No pasa nada si no te acuerdas.").type());
        }
    }

    @Nested
    @DisplayName("tracks presumption")
    class Presumption {

        @Test
        @DisplayName("a wh- question about an undisclosed act is presumptive, with the new words as evidence")
        void presumptiveBeforeDisclosure() {
            Classification c = en("Who locked the door?");
            assertAll(() -> assertEquals(QuestionType.SUG_PRES, c.type()),
                    () -> assertEquals(List.of("locked", "door"), c.evidence()));
        }

        @Test
        @DisplayName("the same question is directive once the survivor has said it")
        void directiveAfterDisclosure() {
            heardEn.heard("Then he locked the door.");
            assertEquals(QuestionType.DIR, en("Who locked the door?").type());
        }

        @Test
        @DisplayName("a yes/no question may introduce the act it asks about")
        void yesNoAsksRatherThanPresumes() {
            assertEquals(QuestionType.OP_YN, en("Did he hit you?").type());
        }

        @Test
        @DisplayName("but \"again\" presumes the act happened before")
        void againPresumes() {
            assertEquals(QuestionType.SUG_PRES, en("Did he hit you again?").type());
        }

        @Test
        @DisplayName("a when-clause presumes what it describes")
        void whenClausePresumes() {
            assertEquals(QuestionType.SUG_PRES, en("Did you cry when he took your passport?").type());
        }

        @Test
        @DisplayName("\"you said\" about something never said is a misquote")
        void misquote() {
            Classification c = en("You said he took your phone. Tell me more about that.");
            assertAll(() -> assertEquals(QuestionType.SUG_PRES, c.type()),
                    () -> assertEquals("misquotes-survivor", c.ruleId()));
        }

        @Test
        @DisplayName("in Spanish, an unheard object, then the same after it was said")
        void spanishFlip() {
            assertEquals(QuestionType.SUG_PRES, es("¿De qué color era la camioneta?").type());
            heardEs.heard("Un hombre vino en una camioneta.");
            assertEquals(QuestionType.DIR, es("¿De qué color era la camioneta?").type());
        }
    }

    @Nested
    @DisplayName("tells invitations from faux invitations")
    class Invitations {

        @Test
        @DisplayName("\"tell me everything that happened\" is an invitation")
        void invitation() {
            assertEquals(QuestionType.INV, en("Tell me everything that happened.").type());
        }

        @Test
        @DisplayName("a polite \"can you tell me what happened\" is still an invitation")
        void politeInvitation() {
            assertEquals(QuestionType.INV, en("Can you tell me what happened?").type());
        }

        @Test
        @DisplayName("\"can you tell me if\" wraps a yes/no question")
        void politeFaux() {
            assertEquals(QuestionType.FAUX, en("Can you tell me if he hit you?").type());
        }

        @Test
        @DisplayName("\"tell me who\" wraps a wh- question")
        void tellMeWho() {
            assertEquals(QuestionType.FAUX, en("Tell me who was there.").type());
        }

        @Test
        @DisplayName("a ground rule \"tell me if I get something wrong\" is no faux invitation")
        void groundRule() {
            assertEquals(QuestionType.OP_YN, en("Will you tell me if I get something wrong?").type());
        }

        @Test
        @DisplayName("an invitation pointing back to the survivor's words is cued")
        void cued() {
            heardEn.heard("A man came in a van.");
            assertEquals(QuestionType.CINV, en("You mentioned the van. Tell me everything about the van.").type());
        }

        @Test
        @DisplayName("\"¿Y después?\" asks the survivor to go on")
        void spanishContinuation() {
            assertEquals(QuestionType.INV, es("¿Y después?").type());
        }
    }

    @Nested
    @DisplayName("recognises closed and multiple questions")
    class Closed {

        @Test
        @DisplayName("a forced choice, with the options as evidence")
        void forcedChoice() {
            Classification c = en("Was it day or night?");
            assertAll(() -> assertEquals(QuestionType.OP_FC, c.type()),
                    () -> assertEquals(List.of("day or night"), c.evidence()));
        }

        @Test
        @DisplayName("\"or not\" is no choice")
        void orNot() {
            assertEquals(QuestionType.OP_YN, en("Did he pay you or not?").type());
        }

        @Test
        @DisplayName("two wh- questions joined by \"and\"")
        void coordinated() {
            assertEquals(QuestionType.MULT, en("Who was there and what did they do?").type());
        }

        @Test
        @DisplayName("two question marks")
        void twoQuestionMarks() {
            assertEquals(QuestionType.MULT, es("¿Dónde estabas? ¿Con quién estabas?").type());
        }

        @Test
        @DisplayName("a Spanish yes/no question has no auxiliary")
        void spanishYesNo() {
            assertEquals(QuestionType.OP_YN, es("¿Estaba cerrada la puerta?").type());
        }

        @Test
        @DisplayName("a generic wh- question is directive")
        void directive() {
            assertEquals(QuestionType.DIR, en("Where were you?").type());
        }
    }

    @Nested
    @DisplayName("treats facilitators as neutral")
    class Facilitators {

        @Test
        @DisplayName("a minimal encourager")
        void encourager() {
            Classification c = en("Mm-hmm.");
            assertAll(() -> assertEquals(QuestionType.FAC, c.type()),
                    () -> assertEquals("minimal-encourager", c.ruleId()));
        }

        @Test
        @DisplayName("an echo of the survivor's last words, even with a question mark")
        void echo() {
            heardEn.heard("We went in a bus with dark windows.");
            Classification c = en("The bus?");
            assertAll(() -> assertEquals(QuestionType.FAC, c.type()),
                    () -> assertEquals("echo", c.ruleId()));
        }
    }

    @Nested
    @DisplayName("offers rewrites")
    class Rewrites {

        @Test
        @DisplayName("for a yes/no question, in the survivor's own words")
        void yesNoRewriteUsesSurvivorWords() {
            heardEn.heard("He kept my passport in his drawer.");
            assertEquals(Optional.of("You mentioned your passport. Tell me everything about your passport."),
                    en("Did he give your passport back?").rewrite());
        }

        @Test
        @DisplayName("turning \"a van\" into \"the van\" on the second mention")
        void secondMentionIsDefinite() {
            heardEn.heard("They took us in a van.");
            assertEquals(Optional.of("You mentioned a van. Tell me everything about the van."),
                    en("Was the van white or grey?").rewrite());
        }

        @Test
        @DisplayName("in Spanish")
        void spanishRewrite() {
            heardEs.heard("Nos llevó en una camioneta.");
            assertEquals(Optional.of("Mencionaste una camioneta. Cuéntame todo sobre la camioneta."),
                    es("¿La camioneta era blanca?").rewrite());
        }

        @Test
        @DisplayName("never repeating a presumed word")
        void presumptiveRewriteAvoidsNewWords() {
            Classification c = en("What did he do with the gun?");
            assertAll(() -> assertEquals(QuestionType.SUG_PRES, c.type()),
                    () -> assertEquals(Optional.of("Tell me everything that happened."), c.rewrite()));
        }

        @Test
        @DisplayName("but none for open prompts, directives or facilitators")
        void noRewriteWhereNotWanted() {
            assertAll(() -> assertTrue(en("Tell me more about that.").rewrite().isEmpty()),
                    () -> assertTrue(en("Where were you?").rewrite().isEmpty()),
                    () -> assertTrue(en("Okay.").rewrite().isEmpty()));
        }
    }

    @Nested
    @DisplayName("explains itself")
    class Explanations {

        @Test
        @DisplayName("with an i18n key built from the rule id")
        void reasonKey() {
            assertEquals("coach.rule.tag-question", en("It was at night, right?").reasonKey());
        }

        @Test
        @DisplayName("with an English reason quoting the evidence")
        void reasonQuotesEvidence() {
            assertTrue(en("Was it day or night?").reason().contains("day or night"));
        }

        @Test
        @DisplayName("and gives the same answer every time")
        void deterministic() {
            heardEn.heard("He took my phone.");
            assertEquals(en("Where did he put your phone?"), en("Where did he put your phone?"));
        }

        @Test
        @DisplayName("an empty turn is a facilitator, not an error")
        void emptyTurn() {
            assertEquals(QuestionType.FAC, en("   ").type());
        }
    }

    @Test
    @DisplayName("classifies a turn in well under a millisecond")
    void fast() {
        heardEn.heard("He took my passport at the airport and drove me to the salon.");
        List<String> turns = List.of("Tell me everything about the salon.", "Where was the airport?",
                "Did he hit you, or did he push you?", "He was angry, wasn't he?",
                "Who locked the door and what did he say when the police came?", "Mm-hmm.");
        for (int i = 0; i < 2_000; i++) {
            en(turns.get(i % turns.size()));
        }
        int runs = 6_000;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            en(turns.get(i % turns.size()));
        }
        double millisPerTurn = (System.nanoTime() - start) / 1e6 / runs;
        System.out.printf(java.util.Locale.ROOT, "Question coach: %.4f ms per turn%n", millisPerTurn);
        assertFalse(millisPerTurn >= 1.0, "took " + millisPerTurn + " ms per turn");
    }
}
