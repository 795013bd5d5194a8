package org.harbor.interview.profile;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.harbor.i18n.I18n;
import org.harbor.ui.common.Messages;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A profile file")
class ProfileReaderTest {

    /** A small valid profile; each malformed case below breaks exactly one thing in it. */
    private static final String VALID = """
            {
              "id": "test",
              "version": "1",
              "name": {"en": "Test", "es": "Prueba", "ar": "اختبار"},
              "audience": "adult",
              "sources": [{"tag": "S1", "reference": "Lamb et al. 2007"}],
              "phases": [
                {
                  "id": "RAPPORT",
                  "name": {"en": "Rapport", "es": "Rapport", "ar": "بناء الألفة"},
                  "goal": {"en": "Get to know each other.", "es": "Conocerse.", "ar": "التعارف."},
                  "checklist": [{"en": "Talked", "es": "Hablaron", "ar": "تحدّثتما"}],
                  "prompts": [
                    {"text": {"en": "Tell me about yourself.", "es": "Cuéntame sobre ti.", "ar": "احكِ لي عن نفسك."}, "source": "S1"},
                    {"text": {"en": "Tell me more about that.", "es": "Cuéntame más sobre eso.", "ar": "احكِ لي المزيد."}, "source": "S1"}
                  ]
                }
              ],
              "reluctance": {
                "returnToPhase": "RAPPORT",
                "scheduleSecondSession": true,
                "note": {"en": "End on rapport.", "es": "Termine en rapport.", "ar": "اختم ببناء الألفة."},
                "supportiveStatements": [],
                "source": "S1"
              }
            }
            """;

    @TempDir
    Path folder;

    private Path write(String name, String json) throws IOException {
        return Files.writeString(folder.resolve(name), json);
    }

    private ProfileException refused(String json) throws IOException {
        Path file = write("test.json", json);
        return assertThrows(ProfileException.class, () -> ProfileReader.read(file));
    }

    private static String duplicatePhase() {
        int start = VALID.indexOf("    {\n      \"id\": \"RAPPORT\"");
        int end = VALID.indexOf("  ],\n  \"reluctance\"");
        String phase = VALID.substring(start, end).stripTrailing();
        return VALID.substring(0, end) + "," + phase.substring(phase.indexOf('{') - 4) + "\n" + VALID.substring(end);
    }

    @Test
    @DisplayName("that is well formed loads")
    void validLoads() throws IOException {
        ProtocolProfile profile = ProfileReader.read(write("test.json", VALID));
        assertAll(() -> assertEquals("test", profile.id()),
                () -> assertEquals("بناء الألفة", profile.phases().getFirst().name().exactly("ar").orElseThrow()));
    }

    @Nested
    @DisplayName("that is malformed is refused with one line naming the file and the problem")
    class Malformed {

        @Test
        @DisplayName("when it is not JSON")
        void notJson() throws IOException {
            ProfileException e = refused(VALID.substring(0, VALID.length() / 2));
            assertAll(() -> assertEquals("test.json", e.file()),
                    () -> assertTrue(e.describe(new I18n(Locale.ENGLISH)).startsWith("The protocol profile test.json cannot be used: "), e.describe(new I18n(Locale.ENGLISH))),
                    () -> assertTrue(e.problem().contains("not valid JSON at line"), e.problem()));
        }

        @Test
        @DisplayName("when it is empty")
        void empty() throws IOException {
            assertTrue(refused("").problem().contains("empty"));
        }

        @Test
        @DisplayName("when a text lacks its Arabic version")
        void missingArabic() throws IOException {
            ProfileException e = refused(VALID.replace(", \"ar\": \"التعارف.\"", ""));
            assertEquals("phases[0].goal: has no Arabic (ar) text", e.problem());
        }

        @Test
        @DisplayName("when a text is blank")
        void blankText() throws IOException {
            ProfileException e = refused(VALID.replace("\"es\": \"Hablaron\"", "\"es\": \"  \""));
            assertEquals("phases[0].checklist[0]: the Spanish (es) text is blank or not a text", e.problem());
        }

        @Test
        @DisplayName("when two phases share an id")
        void duplicatePhaseId() throws IOException {
            assertEquals("phase id RAPPORT appears twice", refused(duplicatePhase()).problem());
        }

        @Test
        @DisplayName("when a field is missing")
        void missingField() throws IOException {
            ProfileException e = refused(VALID.replace("\"version\": \"1\",", ""));
            assertEquals("the field 'version' is missing", e.problem());
        }

        @Test
        @DisplayName("when a field name is misspelt")
        void unknownField() throws IOException {
            ProfileException e = refused(VALID.replace("\"checklist\"", "\"defaultEnable\": false, \"checklist\""));
            assertEquals("phases[0]: unknown field 'defaultEnable'", e.problem());
        }

        @Test
        @DisplayName("when a step is switched off without being optional")
        void offButNotOptional() throws IOException {
            ProfileException e = refused(VALID.replace("\"checklist\"", "\"defaultEnabled\": false, \"checklist\""));
            assertEquals("phase RAPPORT is switched off by default but not marked optional", e.problem());
        }

        @Test
        @DisplayName("when an optional step has no caution")
        void optionalWithoutCaution() throws IOException {
            ProfileException e = refused(VALID.replace("\"checklist\"",
                    "\"optional\": true, \"defaultEnabled\": false, \"checklist\""));
            assertEquals("phase RAPPORT is optional but has no caution", e.problem());
        }

        @Test
        @DisplayName("when a prompt cites a source the profile does not list")
        void uncitedSource() throws IOException {
            ProfileException e = refused(VALID.replace("\"source\": \"S1\"}", "\"source\": \"S9\"}"));
            assertEquals("a prompt of phase RAPPORT cites S9, which is not among the profile's sources", e.problem());
        }

        @Test
        @DisplayName("when the id does not match the file name")
        void idMismatch() throws IOException {
            Path file = write("other.json", VALID);
            ProfileException e = assertThrows(ProfileException.class, () -> ProfileReader.read(file));
            assertEquals("its id 'test' does not match the file name", e.problem());
        }

        @Test
        @DisplayName("and the person is told which profile and why, no longer 'unexpected' (issue 13, one refusal type)")
        void toldAsASentence() throws IOException {
            ProfileException e = refused("");
            I18n english = new I18n(Locale.ENGLISH);
            assertEquals("The protocol profile test.json cannot be used: " + e.problem(), Messages.of(e, english));
            assertFalse(Messages.of(e, english).equals(english.get("generic.error.unexpected")));
        }

        @Test
        @DisplayName("and the message is a single line, with no stack trace in it")
        void oneLine() throws IOException {
            String message = refused(VALID.substring(0, 40)).describe(new I18n(Locale.ENGLISH));
            assertAll(() -> assertFalse(message.contains("\n"), message),
                    () -> assertFalse(message.contains("Exception"), message));
        }
    }
}
