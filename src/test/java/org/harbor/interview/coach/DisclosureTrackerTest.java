package org.harbor.interview.coach;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The disclosure tracker")
class DisclosureTrackerTest {

    @Nested
    @DisplayName("in English")
    class English {

        private final DisclosureTracker tracker = new DisclosureTracker(Language.EN);

        @Test
        @DisplayName("knows nothing before the survivor speaks")
        void emptyAtStart() {
            assertFalse(tracker.mentioned("passport"));
        }

        @Test
        @DisplayName("remembers a word once it was said")
        void remembers() {
            tracker.heard("He kept my passport.");
            assertTrue(tracker.mentioned("passport"));
        }

        @Test
        @DisplayName("matches plurals and verb endings")
        void foldsInflections() {
            tracker.heard("He locked the door.");
            assertAll(() -> assertTrue(tracker.mentioned("lock")),
                    () -> assertTrue(tracker.mentioned("locking")),
                    () -> assertTrue(tracker.mentioned("doors")));
        }

        @Test
        @DisplayName("matches irregular forms")
        void irregular() {
            tracker.heard("He took my phone and drove away.");
            assertAll(() -> assertTrue(tracker.mentioned("take")),
                    () -> assertTrue(tracker.mentioned("drive")));
        }

        @Test
        @DisplayName("ignores case and curly apostrophes")
        void caseAndApostrophes() {
            tracker.heard("Madam’s husband came.");
            assertTrue(tracker.mentioned("MADAM"));
        }

        @Test
        @DisplayName("needs every word of a phrase")
        void phrase() {
            tracker.heard("A white van came.");
            assertAll(() -> assertTrue(tracker.mentioned("white van")),
                    () -> assertFalse(tracker.mentioned("red van")));
        }

        @Test
        @DisplayName("does not track function words")
        void functionWords() {
            tracker.heard("It was the one.");
            assertFalse(tracker.mentioned("the"));
        }

        @Test
        @DisplayName("does not match synonyms (a known limit)")
        void noSynonyms() {
            tracker.heard("He had a car.");
            assertFalse(tracker.mentioned("vehicle"));
        }

        @Test
        @DisplayName("lists the content words of a question that were never said")
        void unmentionedContentWords() {
            tracker.heard("He took our phones.");
            assertEquals(List.of("hide", "locked", "van"),
                    tracker.unmentionedContentWords("Where did he hide the phones after he locked the van?"));
        }

        @Test
        @DisplayName("keeps the content words heard, in order")
        void contentWordsInOrder() {
            tracker.heard("The boss kept the money in a box.");
            assertEquals(List.of("boss", "kept", "money", "box"), List.copyOf(tracker.contentWords()));
        }
    }

    @Nested
    @DisplayName("in Spanish")
    class Spanish {

        private final DisclosureTracker tracker = new DisclosureTracker(Language.ES);

        @Test
        @DisplayName("matches other tenses of a verb, with or without accents")
        void tenses() {
            tracker.heard("Me encerró en la bodega.");
            assertAll(() -> assertTrue(tracker.mentioned("encerraba")),
                    () -> assertTrue(tracker.mentioned("encerro")),
                    () -> assertTrue(tracker.mentioned("BODEGA")));
        }

        @Test
        @DisplayName("matches plural and gender endings")
        void pluralAndGender() {
            tracker.heard("Había una niña.");
            assertTrue(tracker.mentioned("niñas"));
        }

        @Test
        @DisplayName("matches irregular verbs")
        void irregular() {
            tracker.heard("Me dijo que me callara.");
            assertTrue(tracker.mentioned("decir"));
        }

        @Test
        @DisplayName("lists what a question adds")
        void unmentioned() {
            tracker.heard("Me quitó el teléfono.");
            assertEquals(List.of("pasaporte"), tracker.unmentionedContentWords("¿Te quitó el pasaporte?"));
        }
    }
}
