package org.harbor.interview.profile;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

@DisplayName("The bundled protocol profiles")
class ProfileLibraryTest {

    private static final ProfileLibrary LIBRARY = ProfileLibrary.bundled();

    private static int indexOf(ProtocolProfile profile, PhaseKind kind) {
        List<Phase> phases = profile.phases();
        for (int i = 0; i < phases.size(); i++) {
            if (phases.get(i).kind().orElse(null) == kind) {
                return i;
            }
        }
        throw new AssertionError(profile.id() + " has no " + kind + " phase");
    }

    @Nested
    @DisplayName("load")
    class Loading {

        @Test
        @DisplayName("every profile listed in the index, in its order")
        void everyProfileLoads() {
            // Named here, not read back from the index the library was loaded from: a profile dropped from
            // the index, or loaded out of order, fails.
            assertEquals(List.of("nichd-revised", "ncac", "uk-abe", "peace", "ratac"), LIBRARY.ids());
            assertEquals(ProfileLibrary.bundledIds(), LIBRARY.ids());
        }

        @Test
        @DisplayName("each with a version, sources and phases")
        void eachIsComplete() {
            assertEquals(5, LIBRARY.all().size(), "the checks below run over every bundled profile, not over none");
            assertAll(LIBRARY.all().stream().map(p -> (Executable) () -> assertAll(p.id(),
                    () -> assertFalse(p.version().isBlank()),
                    () -> assertFalse(p.sources().isEmpty()),
                    () -> assertFalse(p.phases().isEmpty()))));
        }

        @Test
        @DisplayName("and refuse an id that is not bundled")
        void unknownId() {
            assertThrows(IllegalArgumentException.class, () -> LIBRARY.get("cognitive-interview"));
        }
    }

    @Nested
    @DisplayName("are localised")
    class Localised {

        @Test
        @DisplayName("every name, goal, caution, checklist item, prompt and note has English, Spanish and Arabic text")
        void everyTextInEveryLanguage() {
            List<Executable> checks = LIBRARY.all().stream()
                    .flatMap(p -> ProfileTexts.of(p).stream())
                    .flatMap(t -> LocalizedText.PROFILE_LANGUAGES.stream().map(language -> (Executable) () ->
                            assertFalse(t.text().exactly(language).orElse("").isBlank(),
                                    t.where() + " has no " + language + " text")))
                    .toList();
            // Not vacuous: every profile gives its name, each phase's name and goal, and the reluctance note.
            int atLeast = LIBRARY.all().stream().mapToInt(p -> 2 + 2 * p.phases().size()).sum();
            assertEquals(5, LIBRARY.all().size());
            assertTrue(checks.size() >= atLeast * LocalizedText.PROFILE_LANGUAGES.size(),
                    checks.size() + " checks for at least " + atLeast + " texts");
            assertAll(checks);
        }

        @Test
        @DisplayName("the interview protocol profiles' prompts in every shipped language, paraphrased and cited: prompts, supportive statements, names and the reluctance note in every language of PROMPT_LANGUAGES")
        void promptsInEveryShippedLanguage() {
            assertTrue(LocalizedText.PROMPT_LANGUAGES.containsAll(org.harbor.i18n.I18n.SHIPPED),
                    "a shipped display language without profile prompts: " + org.harbor.i18n.I18n.SHIPPED);
            List<String> problems = new ArrayList<>();
            int prompts = 0;
            for (ProtocolProfile p : LIBRARY.all()) {
                List<Map.Entry<String, LocalizedText>> texts = new ArrayList<>();
                texts.add(Map.entry(p.id() + " name", p.name()));
                texts.add(Map.entry(p.id() + " reluctance note", p.reluctance().note()));
                p.reluctance().supportiveStatements().forEach(s -> texts.add(Map.entry(p.id() + " supportive statement", s)));
                for (Phase phase : p.phases()) {
                    texts.add(Map.entry(p.id() + " " + phase.id() + " name", phase.name()));
                    for (Prompt prompt : phase.prompts()) {
                        texts.add(Map.entry(p.id() + " " + phase.id() + " prompt", prompt.text()));
                        prompts++;
                        if (p.sources().stream().noneMatch(c -> c.tag().equals(prompt.source()))) {
                            problems.add(p.id() + " " + phase.id() + ": a prompt cites " + prompt.source()
                                    + ", which the profile's sources do not list");
                        }
                    }
                }
                for (Map.Entry<String, LocalizedText> t : texts) {
                    for (String language : LocalizedText.PROMPT_LANGUAGES) {
                        String text = t.getValue().exactly(language).orElse("");
                        if (text.isBlank()) {
                            problems.add(t.getKey() + " has no " + language + " text");
                        } else if (!language.equals("en") && text.equals(t.getValue().exactly("en").orElseThrow())
                                && !text.contains("(ABE)") && !text.equals("Clarification")) {
                            problems.add(t.getKey() + ": the " + language + " text is the English one");
                        }
                    }
                }
            }
            assertTrue(prompts > 40, "only " + prompts + " prompts checked");
            assertEquals(List.of(), problems);
        }

        @Test
        @DisplayName("profile goals and checklists in every shipped language: every goal, caution and checklist item of every profile has its own text in every language of I18n.SHIPPED")
        void goalsAndChecklistsInEveryShippedLanguage() {
            List<String> problems = new ArrayList<>();
            int texts = 0;
            for (ProtocolProfile p : LIBRARY.all()) {
                for (Phase phase : p.phases()) {
                    List<Map.Entry<String, LocalizedText>> guidance = new ArrayList<>();
                    guidance.add(Map.entry(p.id() + " " + phase.id() + " goal", phase.goal()));
                    phase.caution().ifPresent(c -> guidance.add(Map.entry(p.id() + " " + phase.id() + " caution", c)));
                    phase.checklist().forEach(item -> guidance.add(Map.entry(p.id() + " " + phase.id() + " checklist item", item)));
                    for (Map.Entry<String, LocalizedText> t : guidance) {
                        texts++;
                        String english = t.getValue().exactly("en").orElseThrow();
                        for (String language : org.harbor.i18n.I18n.SHIPPED) {
                            String text = t.getValue().exactly(language).orElse("");
                            if (text.isBlank()) {
                                problems.add(t.getKey() + " has no " + language + " text");
                            } else if (!language.equals("en") && text.equals(english)) {
                                problems.add(t.getKey() + ": the " + language + " text is the English one");
                            } else if (language.equals("fr") && text.contains("'")) {
                                problems.add(t.getKey() + ": the French text has a straight apostrophe, not ’");
                            }
                        }
                    }
                }
            }
            // Not vacuous: every phase has a goal and most have a checklist.
            assertTrue(texts > 150, "only " + texts + " goals, cautions and checklist items checked");
            assertTrue(org.harbor.i18n.I18n.SHIPPED.size() >= 8, "the shipped languages: " + org.harbor.i18n.I18n.SHIPPED);
            assertEquals(List.of(), problems);
        }

        @Test
        @DisplayName("Arabic text is written in Arabic script")
        void arabicIsArabic() {
            List<Executable> checks = LIBRARY.all().stream()
                    .flatMap(p -> ProfileTexts.of(p).stream())
                    .map(t -> (Executable) () -> assertTrue(
                            t.text().exactly("ar").orElse("").codePoints().anyMatch(c ->
                                    Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC),
                            t.where() + " has no Arabic letters in its Arabic text"))
                    .toList();
            assertAll(checks);
        }

        @Test
        @DisplayName("a text falls back to English for a language it lacks")
        void fallsBackToEnglish() {
            LocalizedText text = new LocalizedText(Map.of("en", "Closure", "es", "Cierre"));
            assertAll(() -> assertEquals("Cierre", text.get(Locale.of("es", "MX"))),
                    () -> assertEquals("Closure", text.get(Locale.of("fr"))));
        }
    }

    @Nested
    @DisplayName("choose a default")
    class Defaults {

        @Test
        @DisplayName("NICHD-revised when the case is treated as a child's")
        void childDefault() {
            ProtocolProfile profile = LIBRARY.defaultFor(true);
            assertAll(() -> assertEquals("nichd-revised", profile.id()),
                    () -> assertEquals(Audience.CHILD, profile.audience()));
        }

        @Test
        @DisplayName("PEACE for an adult")
        void adultDefault() {
            ProtocolProfile profile = LIBRARY.defaultFor(false);
            assertAll(() -> assertEquals("peace", profile.id()),
                    () -> assertEquals(Audience.ADULT, profile.audience()));
        }
    }

    @Nested
    @DisplayName("NICHD-revised")
    class NichdRevised {

        private final ProtocolProfile nichd = LIBRARY.get("nichd-revised");

        @Test
        @DisplayName("NICHD revised protocol phase order: introduction, rapport BEFORE the ground rules, narrative practice, transition, free recall, then focused questions (Hershkowitz, Lamb & Katz 2014; Lamb et al. 2018)")
        void presubstantivePhasesInOrder() {
            List<Integer> order = List.of(
                    indexOf(nichd, PhaseKind.INTRO),
                    indexOf(nichd, PhaseKind.RAPPORT),
                    indexOf(nichd, PhaseKind.GROUND_RULES),
                    indexOf(nichd, PhaseKind.NARRATIVE_PRACTICE),
                    indexOf(nichd, PhaseKind.TRANSITION),
                    indexOf(nichd, PhaseKind.FREE_RECALL),
                    indexOf(nichd, PhaseKind.FOCUSED_FOLLOWUP));
            assertEquals(order.stream().sorted().toList(), order, "phase positions " + order);
        }

        @Test
        @DisplayName("NICHD revised protocol phase order is cited to the revised protocol's sources in the profile")
        void phaseOrderCited() {
            List<String> references = nichd.sources().stream().map(Citation::reference).toList();
            assertAll(() -> assertTrue(references.stream().anyMatch(r -> r.contains("Hershkowitz, Lamb & Katz 2014")), references::toString),
                    () -> assertTrue(references.stream().anyMatch(r -> r.contains("Tell Me What Happened, 2nd ed.")), references::toString));
        }

        @Test
        @DisplayName("the narrative-practice prompt does not ask about today until you got here (for a trafficked child that is often the raid), in en/es/ar")
        void narrativePracticeAvoidsTheJourneyHere() {
            Phase practice = nichd.phases().get(indexOf(nichd, PhaseKind.NARRATIVE_PRACTICE));
            List<Executable> checks = new ArrayList<>();
            for (Prompt prompt : practice.prompts()) {
                String en = prompt.text().exactly("en").orElseThrow().toLowerCase(Locale.ROOT);
                String es = prompt.text().exactly("es").orElseThrow().toLowerCase(Locale.ROOT);
                String ar = prompt.text().exactly("ar").orElseThrow();
                checks.add(() -> assertFalse(List.of("today", "came here", "got here", "woke up").stream().anyMatch(en::contains), en));
                checks.add(() -> assertFalse(List.of("hoy", "llegaste", "despertaste").stream().anyMatch(es::contains), es));
                checks.add(() -> assertFalse(List.of("وصولك", "استيقاظك").stream().anyMatch(ar::contains), ar));
            }
            assertAll(checks);
        }

        @Test
        @DisplayName("ends with closure")
        void closureLast() {
            assertEquals(PhaseKind.CLOSURE, nichd.phases().getLast().kind().orElseThrow());
        }

        @Test
        @DisplayName("practises each ground rule: don't know, don't understand, correct me, truth")
        void groundRulesChecklist() {
            assertTrue(nichd.phase("GROUND_RULES").orElseThrow().checklist().size() >= 4);
        }

        @Test
        @DisplayName("offers supportive statements and a reluctance path that ends on rapport and schedules a second session")
        void reluctancePath() {
            ReluctancePath path = nichd.reluctance();
            assertAll(() -> assertEquals("RAPPORT", path.returnToPhase()),
                    () -> assertTrue(path.scheduleSecondSession()),
                    () -> assertFalse(path.supportiveStatements().isEmpty()));
        }
    }

    @Nested
    @DisplayName("PEACE")
    class Peace {

        private final ProtocolProfile peace = LIBRARY.get("peace");

        @Test
        @DisplayName("has no challenge phase")
        void noChallenge() {
            assertTrue(peace.phases().stream().noneMatch(p -> p.id().contains("CHALLENGE")));
        }

        @Test
        @DisplayName("has a clarification phase marked clarification-only")
        void clarificationOnly() {
            Phase clarification = peace.phase("CLARIFICATION").orElseThrow();
            assertTrue(clarification.clarificationOnly());
        }

        @Test
        @DisplayName("plans before it engages and evaluates last, neither with the person present")
        void planAndEvaluate() {
            assertAll(() -> assertEquals("PLAN", peace.phases().getFirst().id()),
                    () -> assertEquals("EVALUATION", peace.phases().getLast().id()),
                    () -> assertFalse(peace.phases().getFirst().withInterviewee()),
                    () -> assertFalse(peace.phases().getLast().withInterviewee()));
        }
    }

    @Nested
    @DisplayName("optional steps")
    class OptionalSteps {

        @Test
        @DisplayName("are switched off by default and carry a caution")
        void offWithCaution() {
            List<Executable> checks = LIBRARY.all().stream()
                    .flatMap(p -> p.phases().stream().filter(Phase::optional)
                            .map(phase -> (Executable) () -> assertAll(p.id() + " " + phase.id(),
                                    () -> assertFalse(phase.defaultEnabled()),
                                    () -> assertTrue(phase.caution().isPresent()),
                                    () -> assertFalse(p.enabledByDefault().contains(phase)))))
                    .toList();
            assertAll(checks);
        }

        @Test
        @DisplayName("include RATAC's anatomy identification and touch inquiry, for which Harbor suggests no wording")
        void ratacAnatomyAndTouch() {
            ProtocolProfile ratac = LIBRARY.get("ratac");
            assertAll(List.of("ANATOMY_IDENTIFICATION", "TOUCH_INQUIRY").stream().map(id -> (Executable) () -> {
                Phase phase = ratac.phase(id).orElseThrow();
                assertAll(id, () -> assertTrue(phase.optional()),
                        () -> assertFalse(phase.defaultEnabled()),
                        () -> assertTrue(phase.caution().isPresent()),
                        () -> assertTrue(phase.prompts().isEmpty()));
            }));
        }

        @Test
        @DisplayName("every phase that is not optional is on by default")
        void requiredStepsOn() {
            assertTrue(LIBRARY.all().stream().flatMap(p -> p.phases().stream())
                    .filter(phase -> !phase.optional()).allMatch(Phase::defaultEnabled));
        }
    }
}
