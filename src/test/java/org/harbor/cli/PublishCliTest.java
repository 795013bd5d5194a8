package org.harbor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code harbor central publish form|settings|list} (issue 18, ADR 0017) through the harbor command. */
class PublishCliTest {

    static final String CENTRAL_PASS = "central office pass phrase";

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--home", dir.resolve("central").toString(), "--user", "olga")).toArray(String[]::new);
        int code = HarborCommand.run(all, new ByteArrayInputStream((CENTRAL_PASS + "\n").getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(err), p -> { });
        return new Result(code, out.toString(), err.toString());
    }

    /** A synthetic XForm with one text question. */
    static byte[] form(String id, String version) {
        return ("<?xml version=\"1.0\"?><h:html xmlns=\"http://www.w3.org/2002/xforms\" xmlns:h=\"http://www.w3.org/1999/xhtml\">"
                + "<h:head><h:title>Office follow-up</h:title><model><instance><data id=\"" + id + "\" version=\"" + version
                + "\"><q1/></data></instance><bind nodeset=\"/data/q1\" type=\"string\"/></model></h:head>"
                + "<h:body><input ref=\"/data/q1\"><label>Q</label></input></h:body></h:html>").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("central publish: a form and the settings are published and listed; an older form version and out-of-range settings are refused")
    void publishFormAndSettings() throws Exception {
        Result init = run("init", "--central");
        assertEquals(0, init.code(), init.out() + init.err());
        Path v2 = dir.resolve("followup-2.xml");
        Files.write(v2, form("office-followup", "2"));
        Path v1 = dir.resolve("followup-1.xml");
        Files.write(v1, form("office-followup", "1"));
        Path settings = dir.resolve("settings.json");
        Files.writeString(settings, "{\"breakMinutes\": 30}");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"breakMinutes\": 3}");

        Result form = run("central", "publish", "form", v2.toString());
        assertEquals(0, form.code(), form.out() + form.err());
        assertEquals("published form:office-followup version 2 as publication 1", form.out().strip());
        Result set = run("central", "publish", "settings", settings.toString());
        assertEquals(0, set.code(), set.out() + set.err());
        assertEquals("published settings as publication 2", set.out().strip());

        Result older = run("central", "publish", "form", v1.toString());
        assertEquals(1, older.code(), older.out() + older.err());
        assertTrue(older.err().contains("newer than the version held"), older.err());
        Result range = run("central", "publish", "settings", bad.toString());
        assertEquals(1, range.code(), range.out() + range.err());

        Result list = run("central", "publish", "list");
        assertEquals(0, list.code(), list.out() + list.err());
        assertEquals(2, list.out().lines().count(), list.out());
        assertTrue(list.out().startsWith("1\tform:office-followup\t"), list.out());
    }
}
