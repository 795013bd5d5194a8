package org.harbor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 through the command line: a child's assent "no" is recorded and shown; a lawful basis is recorded, never assumed. */
@DisplayName("Consent through the harbor command")
class ConsentCliTest {

    static final String PASS = "field supervisor pass phrase";

    @TempDir
    Path dir;

    private String[] out(int code, String... args) {
        return outWith(code, "", args);
    }

    /** Runs a command with {@code input} after the passphrase line on standard input. */
    private String[] outWith(int code, String input, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--home", dir.toString(), "--user", "sasha"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int got = HarborCommand.run(all.toArray(String[]::new), new ByteArrayInputStream((PASS + "\n" + input).getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(err), p -> { });
        assertEquals(code, got, String.join(" ", args) + "\n" + out + err);
        return new String[] {out.toString(), err.toString()};
    }

    @Test
    @DisplayName("a child's assent \"no\" is shown wherever consent is shown (consent list, case show); a lawful basis then allows services")
    void assentNoShown() throws Exception {
        out(0, "init");
        String caseId = outWith(0, "Synthetic Child\n", "case", "new", "--survivor-file", "-")[0].split("\t")[0];
        outWith(0, "Synthetic Guardian\n", "consent", "record", "--case", caseId, "--purpose", "services", "--by-survivor", "--child",
                "--assent", "no", "--guardian-file", "-", "--language", "es");
        String list = out(0, "consent", "list", caseId)[0];
        assertTrue(list.contains("services\tnot allowed\tchild_said_no"), list);

        JsonNode shown = new ObjectMapper().readTree(out(0, "case", "show", "--json", caseId)[0]);
        JsonNode consent = shown.get("consents").get(0);
        assertEquals("services", consent.get("purpose").asText());
        assertEquals("given", consent.get("state").asText());
        assertEquals("no", consent.get("childAssent").asText());
        assertFalse(shown.get("sharing").get("services").get("allowed").asBoolean());
        assertEquals("child_said_no", shown.get("sharing").get("services").get("reason").asText());

        out(1, "consent", "basis", "--case", caseId, "--purpose", "research", "--basis", "child_protection", "--reference", "x");
        out(0, "consent", "basis", "--case", caseId, "--purpose", "services", "--basis", "child_protection",
                "--reference", "Safeguarding procedure, synthetic section 4");
        assertTrue(out(0, "consent", "list", caseId)[0].contains("services\tallowed\tchild_protection"));
    }
}
