package org.harbor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("harbor form check")
class FormCommandTest {

    static final Path ODK = Path.of("..", "shared", "xforms");

    static String[] run(int expectedCode, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = HarborCommand.run(args, new ByteArrayInputStream(new byte[0]), new PrintWriter(out),
                new PrintWriter(err), home -> { });
        assertEquals(expectedCode, code, out + "" + err);
        return out.toString().lines().toArray(String[]::new);
    }

    @Test
    @DisplayName("prints ok for a form Harbor renders fully")
    void ok() {
        assertEquals(List.of("ok"), List.of(run(0, "form", "check", ODK.resolve("basic.xml").toString())));
    }

    @Test
    @DisplayName("names the question types that are not available")
    void notAvailable() {
        assertEquals(List.of("ok, not available: audio, image, range"),
                List.of(run(0, "form", "check", ODK.resolve("fieldlist-updates.xml").toString())));
    }

    @Test
    @DisplayName("prints invalid with the parser's reason, one line per file, and exits 1")
    void invalid() {
        String[] lines = run(1, "form", "check", ODK.resolve("basic.xml").toString(), ODK.resolve("invalid-form.xml").toString());
        assertEquals(2, lines.length);
        assertTrue(lines[0].endsWith("basic.xml: ok"), lines[0]);
        assertTrue(lines[1].contains("invalid-form.xml: invalid: Cycle detected"), lines[1]);
    }

    @Test
    @DisplayName("without a file is a usage error")
    void usage() {
        run(2, "form", "check");
    }
}
