package org.harbor.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.harbor.accounts.AccessDenied;
import org.harbor.accounts.Session;
import org.harbor.testing.TestVaults;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Importing XForms")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormImportTest {

    FormFixture fx;
    Session supervisor;

    @BeforeAll
    void vault(@TempDir Path dir) throws Exception {
        fx = FormFixture.create(dir);
        supervisor = fx.current();
    }

    int walked;

    @AfterAll
    void close() throws Exception {
        fx.close();
        assertTrue(walked >= 15, "only " + walked + " ODK forms were walked");
    }

    static String form(String id, String version, String binds, String instanceExtra, String body) {
        return """
                <?xml version="1.0"?>
                <h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml"
                        xmlns:jr="http://openrosa.org/javarosa">
                  <h:head><h:title>Synthetic</h:title>
                    <model><instance><data id="%s" version="%s"><q1/><n/>%s</data></instance>
                    %s</model>
                  </h:head>
                  <h:body>%s</h:body>
                </h:html>
                """.formatted(id, version, instanceExtra, binds, body).strip();
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> hostile() {
        String label = "<input ref=\"/data/q1\"><label>Q</label></input>";
        return Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("bad XML", "<h:html><h:head><model>", ""),
                org.junit.jupiter.params.provider.Arguments.of("unknown function",
                        form("hostile-fn", "1", "<bind nodeset=\"/data/q1\" type=\"string\" calculate=\"no_such_function(1)\"/>", "", label),
                        "no_such_function"),
                org.junit.jupiter.params.provider.Arguments.of("huge repeat count",
                        form("hostile-repeat", "1", "<bind nodeset=\"/data/r/a\" type=\"string\"/><bind nodeset=\"/data/n\" type=\"int\"/>",
                                "<r><a/></r>", "<group ref=\"/data/r\"><repeat nodeset=\"/data/r\" jr:count=\" /data/n \">"
                                        + "<input ref=\"/data/r/a\"><label>A</label></input></repeat></group>")
                                .replace("<n/>", "<n>100000000</n>"), "repeat"),
                org.junit.jupiter.params.provider.Arguments.of("external entity",
                        "<?xml version=\"1.0\"?><!DOCTYPE h:html [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                                + form("hostile-xxe", "1", "", "", "<input ref=\"/data/q1\"><label>&x;</label></input>")
                                .replaceFirst("<\\?xml version=\"1.0\"\\?>", ""), "DOCTYPE"),
                org.junit.jupiter.params.provider.Arguments.of("no version", form("hostile-noversion", "", "", "", label), "version"),
                org.junit.jupiter.params.provider.Arguments.of("DOCTYPE after 64 KB of comment", lateDoctype(), "DOCTYPE"),
                org.junit.jupiter.params.provider.Arguments.of("40 chained concat(x, x)", explodingForm(40), "could grow to more than"));
    }

    /** A form whose calculations double a value {@code levels} times: 2^40 characters for 40. */
    static String explodingForm(int levels) {
        StringBuilder binds = new StringBuilder("<bind nodeset=\"/data/x0\" type=\"string\" calculate=\"'ab'\"/>");
        StringBuilder nodes = new StringBuilder("<x0/>");
        for (int i = 1; i <= levels; i++) {
            binds.append("<bind nodeset=\"/data/x").append(i).append("\" type=\"string\" calculate=\"concat(/data/x")
                    .append(i - 1).append(", ../x").append(i - 1).append(")\"/>");
            nodes.append("<x").append(i).append("/>");
        }
        return form("hostile-explode", "1", "<bind nodeset=\"/data/q1\" type=\"string\"/>" + binds, nodes.toString(),
                "<input ref=\"/data/q1\"><label>Q</label></input>");
    }

    /** An internal entity declared after 64 KB of comment, where a search of the file's start does not look. */
    static String lateDoctype() {
        return "<?xml version=\"1.0\"?><!--" + " ".repeat(70 * 1024) + "--><!DOCTYPE h:html [<!ENTITY x \"entity text\">]>"
                + form("hostile-late-doctype", "1", "", "", "<input ref=\"/data/q1\"><label>&x;</label></input>")
                .replaceFirst("<\\?xml version=\"1.0\"\\?>", "");
    }

    @Test
    @DisplayName("form check: an XForm whose calculations explode (40 chained concat(x,x)) is refused with a reason in bounded"
            + " time and memory (a 64 MB heap, 60 s), not an OutOfMemoryError")
    void explodingCalculationsAreRefusedInBoundedTimeAndMemory(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("explode.xml");
        Files.writeString(file, explodingForm(40));
        ProcessBuilder builder = org.harbor.testing.ChildJvm.builder(org.harbor.app.Main.class, "form", "check", file.toString());
        builder.command().add(1, "-Xmx64m");
        builder.redirectErrorStream(true);
        long start = System.nanoTime();
        Process child = builder.start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), output);
        assertEquals(1, child.exitValue(), output);
        assertTrue(output.startsWith("invalid: the calculation of /data/x"), output);
        assertFalse(output.contains("Error") || output.contains("Exception") || output.contains("\tat "), output);
        assertTrue(System.nanoTime() - start < 60_000_000_000L);
    }

    @Test
    @DisplayName("a form with a few calculations joined into a summary is not refused by the calculation budget")
    void ordinaryCalculationsLoad() throws Exception {
        LoadedForm loaded = new FormLoader().load(explodingForm(6).getBytes(StandardCharsets.UTF_8));
        assertEquals("hostile-explode", loaded.formId());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    @DisplayName("a malformed or hostile form is refused with a clear message, and nothing is stored")
    void refused(String what, String xml, String reasonContains) throws Exception {
        int forms = fx.harbor.forms().forms(supervisor).size();
        long audit = fx.harbor.audit().checkpoint().entries();
        FormRejectedException e = assertThrows(FormRejectedException.class,
                () -> fx.harbor.forms().importForm(supervisor, xml.getBytes(StandardCharsets.UTF_8)));
        assertFalse(e.reason().isBlank());
        assertTrue(e.reason().contains(reasonContains), e.reason());
        assertEquals(forms, fx.harbor.forms().forms(supervisor).size());
        assertEquals(audit, fx.harbor.audit().checkpoint().entries());
    }

    @Test
    @DisplayName("a new version is registered beside the old one; the same version with other content is refused")
    void versions() throws Exception {
        String label = "<input ref=\"/data/q1\"><label>Q</label></input>";
        byte[] v1 = form("versioned", "1", "<bind nodeset=\"/data/q1\" type=\"string\"/>", "", label).getBytes(StandardCharsets.UTF_8);
        byte[] v2 = form("versioned", "2", "<bind nodeset=\"/data/q1\" type=\"int\"/>", "", label).getBytes(StandardCharsets.UTF_8);
        byte[] v1changed = form("versioned", "1", "<bind nodeset=\"/data/q1\" type=\"int\"/>", "", label).getBytes(StandardCharsets.UTF_8);
        assertEquals("1", fx.harbor.forms().importForm(supervisor, v1).version());
        assertEquals("1", fx.harbor.forms().importForm(supervisor, v1).version(), "the same file again is accepted");
        assertThrows(FormRejectedException.class, () -> fx.harbor.forms().importForm(supervisor, v1changed));
        assertEquals("2", fx.harbor.forms().importForm(supervisor, v2).version());
        assertEquals("2", fx.harbor.forms().forms(supervisor).stream().filter(d -> d.formId().equals("versioned"))
                .findFirst().orElseThrow().version());
    }

    @Test
    @DisplayName("only a supervisor imports forms")
    void onlySupervisors() throws Exception {
        byte[] xml = FormFixture.testForm(FormFixture.SAFETY);
        Session ivo = fx.as("ivo");
        try {
            assertThrows(AccessDenied.class, () -> fx.harbor.forms().importForm(ivo, xml));
        } finally {
            supervisor = fx.as(TestVaults.SUPERVISOR);
        }
    }

    @Test
    @DisplayName("a repeat count typed as an answer above the limit is refused; a small one makes that many entries")
    void countAnswer() throws Exception {
        byte[] xml = form("counted", "1", "<bind nodeset=\"/data/r/a\" type=\"string\"/><bind nodeset=\"/data/n\" type=\"int\"/>",
                "<r><a/></r>", "<input ref=\"/data/n\"><label>N</label></input><group ref=\"/data/r\"><repeat nodeset=\"/data/r\" jr:count=\" /data/n \">"
                        + "<input ref=\"/data/r/a\"><label>A</label></input></repeat></group>").getBytes(StandardCharsets.UTF_8);
        fx.harbor.forms().importForm(supervisor, xml);
        FormSession form = fx.harbor.forms().open(supervisor, fx.newCaseSession(supervisor, "en"), "counted");
        assertEquals(AnswerOutcome.Status.INVALID, form.answer("/data/n", "100000000").status());
        assertTrue(form.answer("/data/n", "2").isSaved());
        assertEquals("/data/r[1]/a", form.next().questions().get(0).id());
        assertEquals("/data/r[2]/a", form.next().questions().get(0).id());
        assertEquals(FormPage.Type.END, form.next().type());
    }

    /** The forms of ODK Collect's test suite, copied from {@code ../shared/xforms} (Apache 2.0, licence beside them). */
    static final Path COPY = copy();

    /** The shared folder DESIGN.md names: Harbor must load every form in it. */
    static final Path SHARED = Path.of("..", "shared", "xforms");

    private static Path copy() {
        try {
            return Path.of(FormImportTest.class.getResource("odk/basic.xml").toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Path> odkForms() throws Exception {
        try (Stream<Path> files = Files.list(COPY)) {
            return files.filter(p -> p.toString().endsWith(".xml")).sorted().toList().stream();
        }
    }

    @Test
    @DisplayName("the ODK forms walked are those of ../shared/xforms, byte for byte; without the folder CI fails, not skips")
    void copyIsTheSharedFolder() throws Exception {
        if (!Files.isDirectory(SHARED)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                org.junit.jupiter.api.Assertions.fail("CI=true and " + SHARED.toAbsolutePath() + " is missing");
            }
            org.junit.jupiter.api.Assumptions.abort(SHARED.toAbsolutePath() + " is missing; the copy under test resources was walked");
        }
        List<String> shared;
        try (Stream<Path> files = Files.list(SHARED)) {
            shared = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        List<String> copied;
        try (Stream<Path> files = Files.list(COPY)) {
            copied = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(shared, copied, "copy ../shared/xforms into src/test/resources/org/harbor/forms/odk again");
        for (String name : shared) {
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(SHARED.resolve(name)), Files.readAllBytes(COPY.resolve(name))),
                    name + " differs from ../shared/xforms");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("odkForms")
    @DisplayName("every form of ODK Collect's test suite that loads can be walked from start to end without an error")
    void odkFormsWalk(Path file) throws Exception {
        byte[] xml = Files.readAllBytes(file);
        LoadedForm loaded;
        try {
            loaded = new FormLoader().load(xml);
        } catch (FormRejectedException e) {
            // the one invalid form of the suite is refused; FormLoaderTest checks the reason
            assertEquals("invalid-form.xml", file.getFileName().toString(), e.getMessage());
            return;
        }
        String version = loaded.version().isBlank() ? "1" : loaded.version();
        String text = new String(xml, StandardCharsets.UTF_8);
        if (loaded.version().isBlank()) {
            text = text.replaceFirst("id=\"" + java.util.regex.Pattern.quote(loaded.formId()) + "\"",
                    "id=\"" + loaded.formId() + "\" version=\"" + version + "\"");
        }
        try {
            fx.harbor.forms().importForm(supervisor, text.getBytes(StandardCharsets.UTF_8));
        } catch (FormRejectedException e) {
            if (e.reason().contains("version")) {
                return; // a form whose root we could not give a version: nothing to walk
            }
            throw e;
        }
        FormSession form = fx.harbor.forms().open(supervisor, fx.newCaseSession(supervisor, "en"), loaded.formId());
        FormPage page = form.page();
        for (int i = 0; i < 500 && page.type() != FormPage.Type.END; i++) {
            for (PageQuestion q : page.questions()) {
                if (q.required() && !q.answered() && !q.readOnly()) {
                    form.markNonResponse(q.id(), NonResponse.NOT_ASKED, NotAskedReason.NOT_APPLICABLE);
                }
            }
            page = form.next();
        }
        assertEquals(FormPage.Type.END, page.type(), "reached the end of " + file.getFileName());
        walked++;
        assertTrue(List.of(FormPage.Type.QUESTIONS, FormPage.Type.REPEAT_PROMPT, FormPage.Type.END).contains(form.back().type()));
    }
}
