package org.harbor.interview.profile;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.harbor.interview.coach.Classification;
import org.harbor.interview.coach.DisclosureTracker;
import org.harbor.interview.coach.Language;
import org.harbor.interview.coach.QuestionCoach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The suggested prompts hold to what they preach: the question coach, starting from an interview
 * in which nothing has been said yet, reads each one as an open invitation.
 */
@DisplayName("The suggested prompts of every profile")
class ProfilePromptsTest {

    private static final ProfileLibrary LIBRARY = ProfileLibrary.bundled();

    private static List<ProfileTexts.Labelled> allPrompts() {
        return LIBRARY.all().stream().flatMap(p -> ProfileTexts.prompts(p).stream()).toList();
    }

    private static void assertAllOpen(Language language) {
        QuestionCoach coach = new QuestionCoach(language);
        List<Executable> checks = allPrompts().stream().map(prompt -> (Executable) () -> {
            String text = prompt.text().exactly(language.code()).orElseThrow();
            Classification result = coach.classify(text, new DisclosureTracker(language));
            assertTrue(result.type().isOpen(), prompt.where() + " \"" + text + "\" is "
                    + result.type().code() + ": " + result.reason());
        }).toList();
        assertAll(checks);
    }

    @Nested
    @DisplayName("are open invitations (INV or CINV) to the question coach")
    class Open {

        @Test
        @DisplayName("in English")
        void english() {
            assertAllOpen(Language.EN);
        }

        @Test
        @DisplayName("in Spanish")
        void spanish() {
            assertAllOpen(Language.ES);
        }

        @Test
        @DisplayName("in Arabic (issue 19)")
        void arabic() {
            assertAllOpen(Language.AR);
        }
    }

    @Nested
    @DisplayName("come in the numbers the format promises")
    class Counts {

        @Test
        @DisplayName("two to four for every step held with the interviewee, none for planning and evaluation")
        void twoToFour() {
            List<Executable> checks = LIBRARY.all().stream().flatMap(p -> p.phases().stream()
                    .map(phase -> (Executable) () -> {
                        int n = phase.prompts().size();
                        String where = p.id() + " " + phase.id() + " has " + n + " prompts";
                        if (!phase.withInterviewee()) {
                            assertEquals(0, n, where);
                        } else if (!phase.optional()) {
                            assertTrue(n >= 2 && n <= 4, where);
                        }
                    })).toList();
            assertAll(checks);
        }
    }

    @Nested
    @DisplayName("supportive statements for a reluctant interviewee")
    class Supportive {

        /**
         * The coach's content words are people, places, objects and actions; a statement with
         * none of them cannot carry what the interviewee may have gone through.
         */
        private static void assertNoContent(Language language) {
            List<Executable> checks = LIBRARY.all().stream()
                    .flatMap(p -> p.reluctance().supportiveStatements().stream())
                    .map(statement -> (Executable) () -> {
                        String text = statement.exactly(language.code()).orElseThrow();
                        List<String> content = new DisclosureTracker(language).unmentionedContentWords(text);
                        assertTrue(content.isEmpty(), "\"" + text + "\" names " + content);
                    }).toList();
            assertAll(checks);
        }

        @Test
        @DisplayName("name no person, place, object or act, in English")
        void englishNoContent() {
            assertNoContent(Language.EN);
        }

        @Test
        @DisplayName("name no person, place, object or act, in Spanish")
        void spanishNoContent() {
            assertNoContent(Language.ES);
        }

        @Test
        @DisplayName("name no person, place, object or act, in Arabic (issue 19)")
        void arabicNoContent() {
            assertNoContent(Language.AR);
        }
    }
}
