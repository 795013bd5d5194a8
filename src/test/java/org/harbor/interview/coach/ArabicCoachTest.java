package org.harbor.interview.coach;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Issue 19: the question coach in Arabic (Modern Standard Arabic, to a boy and to a girl). */
@DisplayName("The question coach in Arabic")
class ArabicCoachTest {

    private final QuestionCoach coach = new QuestionCoach(Language.AR);
    private DisclosureTracker heard;

    @BeforeEach
    void freshInterview() {
        heard = new DisclosureTracker(Language.AR);
    }

    private String label(String turn) {
        return coach.classify(turn, heard).type().code();
    }

    private static List<String> folded(String text) {
        return Words.tokenize(text).stream().filter(Words.Token::isWord).map(Words.Token::folded).toList();
    }

    @Test
    @DisplayName("Language.AR comes from the code ar and has its own lexicon")
    void languageAr() {
        assertAll(() -> assertEquals(Language.AR, Language.fromCode("ar")),
                () -> assertEquals(Language.AR, Language.fromCode(" AR ")),
                () -> assertEquals(Language.AR, coach.language()),
                () -> assertEquals(ArabicLexicon.INSTANCE, Lexicon.of(Language.AR)));
    }

    @Nested
    @DisplayName("normalises Arabic text")
    class Normalisation {

        @Test
        @DisplayName("alef forms (أ إ آ ٱ) fold to ا")
        void alefForms() {
            assertAll(() -> assertEquals("اخبرني", Words.fold("أخبرني")),
                    () -> assertEquals("الي", Words.fold("إلى")),
                    () -> assertEquals("امن", Words.fold("آمن")),
                    () -> assertEquals("الله", Words.fold("ٱلله")));
        }

        @Test
        @DisplayName("ta marbuta folds to ha and alef maqsura to ya")
        void taMarbutaAndAlefMaqsura() {
            assertAll(() -> assertEquals(Words.fold("مره"), Words.fold("مرة")),
                    () -> assertEquals(Words.fold("متي"), Words.fold("متى")),
                    () -> assertEquals(Words.fold("علي"), Words.fold("على")));
        }

        @Test
        @DisplayName("tatweel and harakat are stripped")
        void tatweelAndHarakat() {
            assertAll(() -> assertEquals("اخبرني", Words.fold("أخْبِرْنِـــي")),
                    () -> assertEquals("مالا", Words.fold("مالًا")),
                    () -> assertEquals(List.of("احك", "لي"), folded("احْكِ لِي")));
        }

        @Test
        @DisplayName("a turn typed with harakat and tatweel is labelled like one typed without")
        void sameLabelWithOrWithoutMarks() {
            assertAll(() -> assertEquals("INV", label("أخْبِرْنـــي بِكُلِّ مَا حَدَثَ.")),
                    () -> assertEquals("INV", label("اخبرني بكل ما حدث.")));
        }

        @Test
        @DisplayName("the Arabic question mark, comma and semicolon are punctuation")
        void arabicPunctuation() {
            List<Words.Kind> kinds = Words.tokenize("حسنًا، ماذا حدث؛ ثم؟").stream().map(Words.Token::kind).toList();
            assertEquals(List.of(Words.Kind.WORD, Words.Kind.COMMA, Words.Kind.WORD, Words.Kind.WORD,
                    Words.Kind.COMMA, Words.Kind.WORD, Words.Kind.QUESTION), kinds);
        }
    }

    @Nested
    @DisplayName("handles attached prefixes (و، ف، ب، ل، ال)")
    class Prefixes {

        @Test
        @DisplayName("و and ف before a particle or a tell verb become their own word")
        void conjunctions() {
            assertAll(() -> assertEquals(List.of("و", "ماذا", "حدث"), folded("وماذا حدث")),
                    () -> assertEquals(List.of("ف", "هل"), folded("فهل")),
                    () -> assertEquals(List.of("و", "احك", "لي"), folded("واحكِ لي")),
                    () -> assertEquals(List.of("و", "الي", "اين"), folded("وإلى أين")));
        }

        @Test
        @DisplayName("ب and ل before an interrogative are split, but لماذا stays one word")
        void prepositions() {
            assertAll(() -> assertEquals(List.of("و", "ل", "من"), folded("ولمن")),
                    () -> assertEquals(List.of("ب", "ماذا"), folded("بماذا")),
                    () -> assertEquals(List.of("لماذا"), folded("لماذا")));
        }

        @Test
        @DisplayName("a word that only starts with the same letter is never split")
        void contentWordsStayWhole() {
            assertEquals(List.of("ولد", "فتاه", "بيت", "وعدك", "فهم", "وصف"), folded("ولد فتاة بيت وعدك فهم وصف"));
        }

        @Test
        @DisplayName("the article and attached prepositions and pronouns meet in one stem")
        void stems() {
            Lexicon ar = Lexicon.of(Language.AR);
            String car = ar.stem(Words.fold("السيارة"));
            assertAll(() -> assertEquals(car, ar.stem(Words.fold("سيارتي"))),
                    () -> assertEquals(car, ar.stem(Words.fold("بالسيارة"))),
                    () -> assertEquals(car, ar.stem(Words.fold("وسيارتك"))),
                    () -> assertEquals(ar.stem(Words.fold("ضربني")), ar.stem(Words.fold("يضربك"))),
                    () -> assertEquals(ar.stem(Words.fold("أخي")), ar.stem(Words.fold("أخوك"))));
        }

        @Test
        @DisplayName("so a detail the child said with the article is heard when asked about with a preposition")
        void disclosureAcrossPrefixes() {
            heard.heard("كان الرجل يأخذنا بالشاحنة كل صباح.");
            assertAll(() -> assertEquals("DIR", label("أين كانت الشاحنة تأخذكم؟")),
                    () -> assertEquals("SUG-PRES", label("أين كان الرجل يخبئ السكين؟")));
        }

        @Test
        @DisplayName("an attached و joining two questions makes them two (MULT)")
        void attachedAndSplitsQuestions() {
            heard.heard("كنت أعمل في مطعم مع رجل.");
            assertEquals("MULT", label("أين كان المطعم ومن كان يعمل معك؟"));
        }
    }

    @Nested
    @DisplayName("handles the interrogative particles")
    class Interrogatives {

        @BeforeEach
        void disclosed() {
            heard.heard("رجل أغلق الباب وأخذ هاتفي. كنت في غرفة صغيرة في الليل.");
        }

        @Test
        @DisplayName("هل and the attached أ ask yes/no questions (OP-YN)")
        void yesNo() {
            assertAll(() -> assertEquals("OP-YN", label("هل كان الباب مقفلًا؟")),
                    () -> assertEquals("OP-YN", label("أكان الباب مقفلًا؟")),
                    () -> assertEquals(List.of("ا", "كان"), folded("أكان")));
        }

        @Test
        @DisplayName("ماذا، لماذا، كيف، متى، أين، من، كم، أي ask for a detail (DIR)")
        void whWords() {
            for (String turn : List.of("ماذا كان في الغرفة؟", "لماذا أغلق الرجل الباب؟", "كيف أغلق الرجل الباب؟",
                    "متى أخذ الرجل هاتفك؟", "أين كانت الغرفة؟", "من كان في الغرفة؟", "كم رجلًا كان في الغرفة؟",
                    "أي باب أغلق الرجل؟")) {
                assertEquals("DIR", label(turn), turn);
            }
        }

        @Test
        @DisplayName("ماذا حدث and ما الذي حدث invite (INV), so does وماذا بعد")
        void whatHappened() {
            assertAll(() -> assertEquals("INV", label("ماذا حدث بعد ذلك؟")),
                    () -> assertEquals("INV", label("ما الذي حدث بعد ذلك؟")),
                    () -> assertEquals("INV", label("وماذا بعد؟")));
        }

        @Test
        @DisplayName("أو and أم offer a choice (OP-FC)")
        void choice() {
            assertAll(() -> assertEquals("OP-FC", label("هل كان ذلك في الليل أم في النهار؟")),
                    () -> assertEquals("OP-FC", label("هل كانت الغرفة صغيرة أو كبيرة؟")));
        }

        @Test
        @DisplayName("ألم، أليس، لم open a negative question (SUG-NEG); أليس كذلك ends a tag (SUG-TAG), with or without ، and ؟")
        void negativeAndTags() {
            assertAll(() -> assertEquals("SUG-NEG", label("ألم يغلق الرجل الباب؟")),
                    () -> assertEquals("SUG-NEG", label("أليس الرجل هو الذي أخذ هاتفك؟")),
                    () -> assertEquals("SUG-TAG", label("الرجل أخذ هاتفك، أليس كذلك؟")),
                    () -> assertEquals("SUG-TAG", label("الرجل أخذ هاتفك أليس كذلك")));
        }
    }

    @Nested
    @DisplayName("speaks to a boy and to a girl")
    class Genders {

        @Test
        @DisplayName("masculine and feminine imperatives invite alike (احكِ/احكي، أخبرني/أخبريني، صِف/صفي)")
        void bothImperatives() {
            for (String turn : List.of("احكِ لي كل ما حدث.", "احكي لي كل ما حدث.", "أخبرني عن كل شيء.",
                    "أخبريني عن كل شيء.", "هل يمكنك أن تحكي لي المزيد؟", "هل تستطيعين أن تحكي لي المزيد؟")) {
                assertEquals("INV", label(turn), turn);
            }
        }

        @Test
        @DisplayName("welfare checks and promises are recognised in both genders")
        void welfareAndPromises() {
            assertAll(() -> assertEquals("WELF", label("هل تريد بعض الماء؟")),
                    () -> assertEquals("WELF", label("هل تريدين بعض العصير؟")),
                    () -> assertEquals("PROM", label("أعدك أن كل شيء سيكون بخير.")),
                    () -> assertEquals("PROM", label("لن يرحلك أحد.")));
        }

        @Test
        @DisplayName("the open rewrite offers both forms")
        void rewriteBothForms() {
            String rewrite = coach.classify("هل كان ذلك في الليل أم في النهار؟", heard).rewrite().orElseThrow();
            assertTrue(rewrite.contains("احكِ") && rewrite.contains("احكي"), rewrite);
        }
    }
}
