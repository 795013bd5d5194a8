package org.harbor.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.harbor.accounts.Session;
import org.harbor.testing.FileScan;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The canary scan, with markers typed as form answers")
class FormCanaryTest {

    private static String marker(List<String> markers) {
        String m = "CANARY" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        markers.add(m);
        return m;
    }

    @Test
    @DisplayName("finds no free-text, name, repeat-entry or correction marker outside the encrypted database, nor in the logs")
    void noMarkerOutsideTheDatabase(@TempDir Path dir) throws Exception {
        java.time.Instant started = java.time.Instant.now().minusSeconds(2);
        List<String> markers = new ArrayList<>();
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream tee = new PrintStream(logs, true, StandardCharsets.UTF_8);
        System.setOut(tee);
        System.setErr(tee);
        Path home = dir.resolve("home");
        try (FormFixture fx = FormFixture.create(home)) {
            Session ivo = fx.as("ivo");
            for (int c = 0; c < 3; c++) {
                String caseSession = fx.newCaseSession(ivo, c == 0 ? "ar" : "es");
                FormSession form = fx.harbor.forms().open(ivo, caseSession, FormFixture.INTAKE);
                form.answer("/data/name", marker(markers) + " Synthetic");
                form.answer("/data/notes", "free text " + marker(markers));
                assertEquals(AnswerOutcome.Status.INVALID, form.answer("/data/age", marker(markers)).status());
                IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                        () -> form.answer("/data/no_such_question", markers.get(0)));
                assertFalse(unknown.getMessage().contains("CANARY"));
                FormPage prompt = FormSessionTest.toRepeatPrompt(form);
                assertEquals(FormPage.Type.REPEAT_PROMPT, prompt.type());
                for (int g = 0; g < 2; g++) {
                    FormPage entry = form.addRepeat();
                    form.answer(entry.questions().get(0).id(), marker(markers));
                    FormSessionTest.toRepeatPrompt(form);
                }
                FormSession safety = fx.harbor.forms().open(ivo, fx.newSession(ivo, form.caseId(), "en"), FormFixture.SAFETY);
                safety.correct("/data/name", marker(markers), "reason " + marker(markers));
                byte[] xml = fx.harbor.forms().exportInstanceXml(ivo, form.submissionId());
                assertTrue(new String(xml, StandardCharsets.UTF_8).contains(markers.get(markers.size() - 3)),
                        "the export (in memory) holds the answers");
                assertEquals(1, fx.harbor.cases().list(ivo, org.harbor.cases.CaseQuery.all()
                        .withSearch(markers.get(markers.size() - 6))).size());
            }
            assertTrue(fx.harbor.audit().verify().intact());
            assertEquals(List.of(), FileScan.findMarkers(List.of(home, tempDir()), markers, started));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertEquals(List.of(), FileScan.findMarkers(List.of(home, tempDir()), markers, started));
        String captured = logs.toString(StandardCharsets.UTF_8);
        for (String m : markers) {
            assertFalse(captured.contains(m), "a marker reached the log output");
        }
    }

    private static Path tempDir() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }
}
