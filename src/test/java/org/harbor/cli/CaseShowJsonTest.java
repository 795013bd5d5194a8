package org.harbor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.harbor.Harbor;
import org.harbor.accounts.Session;
import org.harbor.cases.SessionKind;
import org.harbor.crypto.Hashes;
import org.harbor.forms.FormSession;
import org.harbor.forms.NonResponse;
import org.harbor.forms.StopReason;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13, CLI: {@code case show --json} shows the whole case, on a real vault with a real built-in form. */
@DisplayName("harbor case show --json")
class CaseShowJsonTest {

    static final String PASS = "supervisor pass phrase words";

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    Result ok(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--home", dir.resolve("home").toString(), "--user", "sasha"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = HarborCommand.run(all.toArray(String[]::new), new ByteArrayInputStream((PASS + "\n").getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(err), p -> { });
        assertEquals(0, code, all + "\n" + out + err);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    @DisplayName("case show --json includes forms, answers (with non-response kinds), consents, attachments and seals")
    void wholeCase() throws Exception {
        ok("init");
        String caseId = ok("case", "new").out().split("\t")[0];
        String declined;
        try (Harbor harbor = TestVaults.open(dir.resolve("home"), MutableClock.atStart())) {
            Session sasha = harbor.accounts().login("sasha", PASS.toCharArray());
            String caseSession = harbor.cases().startSession(sasha, caseId, SessionKind.INTAKE, "en").id();
            FormSession form = harbor.forms().open(sasha, caseSession, "harbor-intake");
            declined = form.page().questions().getFirst().id();
            form.markNonResponse(declined, NonResponse.DECLINED, null);
            form.stop(StopReason.OUT_OF_TIME);
            harbor.accounts().lock("test");
        }
        ok("consent", "record", "--case", caseId, "--purpose", "services", "--by-survivor", "--language", "en");
        byte[] letter = "synthetic referral letter".getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("letter.txt"), letter);
        ok("case", "attach", caseId, file.toString());
        ok("seal", "--case", caseId);

        JsonNode shown = new ObjectMapper().readTree(ok("case", "show", "--json", caseId).out());

        JsonNode form = shown.path("forms").path(0);
        assertEquals("harbor-intake", form.path("form").asText(), shown.toPrettyString());
        JsonNode answer = null;
        for (JsonNode a : form.path("answers")) {
            if (a.path("path").asText().equals(declined)) {
                answer = a;
            }
        }
        assertTrue(answer != null, "the declined question is listed: " + form);
        assertEquals("declined", answer.path("nonResponse").asText(), answer.toString());
        assertTrue(answer.path("value").isNull(), "a non-response is not a value: " + answer);

        JsonNode consent = shown.path("consents").path(0);
        assertEquals("services", consent.path("purpose").asText(), shown.path("consents").toString());
        assertTrue(shown.path("sharing").path("services").path("allowed").asBoolean(), shown.path("sharing").toString());

        JsonNode attachment = shown.path("attachments").path(0);
        assertEquals(Hashes.hex(Hashes.sha256(letter)), attachment.path("sha256").asText(), shown.path("attachments").toString());
        assertEquals(letter.length, attachment.path("size").asLong());

        List<String> kinds = new ArrayList<>();
        for (JsonNode seal : shown.path("seals")) {
            kinds.add(seal.path("kind").asText());
            assertTrue(seal.path("verified").asBoolean(), seal.toString());
        }
        assertEquals(List.of("case"), kinds, "the case seal");
    }
}
