package org.harbor.interview.coach;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.BiFunction;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Issue 12, "Interview protocol and coach": promises, welfare turns, suggestive statements and
 * presuming wh- questions. Codes are compared as strings so that each test reads the same against
 * the coach before and after the types were added.
 */
@DisplayName("The question coach's blind spots (issue 12)")
class CoachBlindSpotsTest {

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

    private static Executable is(String code, Classification result, String turn) {
        return () -> assertEquals(code, result.type().code(), "\"" + turn + "\": " + result.reason());
    }

    private static List<Executable> all(String code, BiFunction<String, Void, Classification> coach, String... turns) {
        return List.of(turns).stream().map(t -> is(code, coach.apply(t, null), t)).toList();
    }

    @Nested
    @DisplayName("R21: the coach flags promises and guarantees as a distinct warning, EN and ES")
    class Promises {

        @Test
        @DisplayName("English promises and guarantees get their own label (PROM), with the promise as evidence")
        void english() {
            assertAll(all("PROM", (t, x) -> en(t),
                    "I promise everything will be okay.",
                    "You won't be deported.",
                    "Nobody will hurt you again.",
                    "I promise. Where did you sleep?",
                    "You will not be sent back, I guarantee it.",
                    "No one is going to hurt you anymore.",
                    "Don't worry, you won't go to jail.",
                    "Nothing bad is going to happen to you."));
            Classification result = en("Nobody will hurt you again.");
            assertAll(() -> assertEquals("promise", result.ruleId()),
                    () -> assertEquals(List.of("Nobody will hurt you again"), result.evidence()),
                    () -> assertTrue(result.rewrite().isEmpty(), "a promise has no open rewrite"));
        }

        @Test
        @DisplayName("Spanish promises and guarantees get their own label (PROM)")
        void spanish() {
            assertAll(all("PROM", (t, x) -> es(t),
                    "Te prometo que todo va a salir bien.",
                    "No te van a deportar.",
                    "Nadie te va a hacer daño otra vez.",
                    "Te lo prometo. ¿Dónde dormías?",
                    "Te garantizo que vas a estar a salvo.",
                    "No vas a ir a la cárcel."));
        }

        @Test
        @DisplayName("a promise is a warning that asks for a second Enter, not a focused question, and counts in the summary")
        void warningAndCounted() {
            QuestionType promise = QuestionType.fromCode("PROM");
            InterviewSummaryStats stats = InterviewSummaryStats.of(List.of(promise, QuestionType.INV, promise));
            assertAll(() -> assertTrue(promise.isWarning()),
                    () -> assertFalse(promise.wantsPairing()),
                    () -> assertEquals(2, stats.count(promise)),
                    () -> assertEquals(2, stats.promiseCount()));
        }

        @Test
        @DisplayName("but what may be said truthfully is no promise: no trouble, breaks, the worker's own role")
        void notPromises() {
            assertAll(() -> assertFalse(en("You're not in trouble.").type().code().equals("PROM")),
                    () -> assertFalse(en("We can take a break whenever you need one.").type().code().equals("PROM")),
                    () -> assertFalse(en("Did he promise you a job?").type().code().equals("PROM")),
                    () -> assertFalse(es("¿Te prometió un trabajo?").type().code().equals("PROM")),
                    () -> assertFalse(es("Podemos descansar cuando quieras.").type().code().equals("PROM")));
        }
    }

    @Nested
    @DisplayName("Welfare and procedural turns get their own label (not OP-YN): not counted as focused questions and no rewrite")
    class Welfare {

        @Test
        @DisplayName("English welfare checks are WELF, with no rewrite")
        void english() {
            List<String> turns = List.of("Would you like some water?", "Do you want a break?", "Are you warm enough?",
                    "Do you need the toilet?", "Do you want to take a break?", "Are you okay to keep going?",
                    "Are you hungry?", "Would you like a drink or a snack?");
            assertAll(turns.stream().map(t -> (Executable) () -> {
                Classification result = en(t);
                assertEquals("WELF", result.type().code(), t + ": " + result.reason());
                assertTrue(result.rewrite().isEmpty(), t + " gets no rewrite");
            }).toList());
        }

        @Test
        @DisplayName("Spanish welfare checks are WELF")
        void spanish() {
            assertAll(all("WELF", (t, x) -> es(t),
                    "¿Quieres un vaso de agua?", "¿Quieres descansar un rato?", "¿Necesitas ir al baño?",
                    "¿Tienes frío?", "¿Quieres hacer una pausa?", "¿Tienes hambre?"));
        }

        @Test
        @DisplayName("a welfare turn is not a focused question in the summary")
        void notFocused() {
            QuestionType welfare = QuestionType.fromCode("WELF");
            InterviewSummaryStats stats = InterviewSummaryStats.of(List.of(welfare, QuestionType.DIR, QuestionType.INV, welfare));
            assertAll(() -> assertEquals(1, stats.focusedCount()),
                    () -> assertEquals(2, stats.count(welfare)),
                    () -> assertFalse(welfare.wantsRewrite()),
                    () -> assertFalse(welfare.isWarning()));
        }

        @Test
        @DisplayName("but a question about the event stays what it is, even next to a welfare check")
        void eventQuestionsStay() {
            heardEn.heard("He gave us water once a day.");
            assertAll(() -> assertEquals("OP-YN", en("Did he give you water at night?").type().code()),
                    () -> assertEquals("DIR", en("Would you like some water? Where did he give you the water?").type().code()),
                    () -> assertEquals("OP-YN", en("Is it true that he gave you water?").type().code()));
        }
    }

    @Nested
    @DisplayName("Statements that slip in undisclosed content are suggestive; \"Who else was there?\" is no invitation; presuming wh- questions are flagged")
    class Presumption {

        @Test
        @DisplayName("a statement with undisclosed content is flagged as a suggestive statement")
        void suggestiveStatement() {
            Classification boss = en("The boss hit you.");
            assertAll(() -> assertEquals("SUG-PRES", boss.type().code()),
                    () -> assertEquals("suggestive-statement", boss.ruleId()),
                    () -> assertTrue(boss.evidence().contains("boss"), boss.evidence().toString()),
                    is("SUG-PRES", en("He took your passport. What happened next?"), "He took ..."),
                    is("SUG-PRES", es("El jefe te pegó."), "El jefe te pegó."),
                    is("SUG-PRES", es("Te quitaron el pasaporte."), "Te quitaron el pasaporte."));
        }

        @Test
        @DisplayName("the same statement echoing what was disclosed is a facilitator, and interviewer's own statements are not flagged")
        void disclosedStatement() {
            heardEn.heard("The boss hit me with a belt.");
            assertAll(is("FAC", en("The boss hit you with a belt."), "echo"),
                    is("FAC", new QuestionCoach(Language.EN).classify("Hi, I'm Dana. My job is to listen to young people.",
                            new DisclosureTracker(Language.EN)), "introduction"),
                    is("FAC", en("Take your time."), "Take your time."));
        }

        @Test
        @DisplayName("\"Who else was there?\" is a directive wh- question, not an invitation; \"What else?\" still invites")
        void whoElse() {
            heardEn.heard("We went to a big house with my aunt.");
            heardEs.heard("Fuimos a una casa grande con mi tía.");
            assertAll(is("DIR", en("Who else was there?"), "Who else was there?"),
                    is("DIR", es("¿Quién más estaba?"), "¿Quién más estaba?"),
                    is("INV", en("What else?"), "What else?"),
                    is("INV", es("¿Qué más pasó?"), "¿Qué más pasó?"));
        }

        @Test
        @DisplayName("a wh- question presuming a person nobody has mentioned is presumptive")
        void presumedPerson() {
            assertAll(is("SUG-PRES", en("What did he say?"), "What did he say?"),
                    is("SUG-PRES", en("Where did they take you?"), "Where did they take you?"),
                    is("SUG-PRES", es("¿Qué te dijo él?"), "¿Qué te dijo él?"));
            heardEn.heard("A man came to the door.");
            heardEs.heard("Vino un señor a la puerta.");
            assertAll(is("DIR", en("What did he say?"), "after a man was mentioned"),
                    is("DIR", es("¿Qué te dijo él?"), "después de mencionar a un señor"));
        }
    }
}
