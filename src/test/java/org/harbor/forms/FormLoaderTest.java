package org.harbor.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Loading XForms")
class FormLoaderTest {

    static final Path ODK = Path.of("..", "shared", "xforms");
    final FormLoader loader = new FormLoader();

    static String form(String binds, String body) {
        return """
                <?xml version="1.0"?>
                <h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml"
                        xmlns:jr="http://openrosa.org/javarosa">
                  <h:head><h:title>Synthetic</h:title>
                    <model><instance><data id="synthetic" version="3"><q1/><n>100000000</n><r><a/></r></data></instance>
                    %s</model>
                  </h:head>
                  <h:body>%s</h:body>
                </h:html>
                """.formatted(binds, body);
    }

    @Nested
    @DisplayName("the forms from ODK Collect's test suite")
    class OdkForms {

        /** What Harbor cannot render in each form; every other form renders fully. */
        static final Map<String, Set<String>> NOT_AVAILABLE = Map.of(
                "all-widgets.xml", Set.of("audio", "barcode", "file", "geo", "image", "range", "rank", "signature", "video"),
                "fieldlist-updates.xml", Set.of("audio", "image", "range"));

        @Test
        @DisplayName("all load, except the invalid one, which is refused with the parser's reason")
        void everyFormLoads() throws Exception {
            List<Path> files;
            try (Stream<Path> list = Files.list(ODK)) {
                files = list.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
            }
            assertTrue(files.size() >= 16, "the shared forms are missing: " + files);
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.equals("invalid-form.xml")) {
                    FormRejectedException e = assertThrows(FormRejectedException.class, () -> loader.load(file));
                    assertTrue(e.reason().contains("Cycle detected"), e.reason());
                    continue;
                }
                LoadedForm form = loader.load(file);
                assertEquals(NOT_AVAILABLE.getOrDefault(name, Set.of()), new TreeSet<>(form.notAvailable()), name);
                assertFalse(form.questions().isEmpty(), name);
            }
        }

        @Test
        @DisplayName("know the supported question types of all-widgets")
        void kinds() throws Exception {
            Set<QuestionKind> kinds = new TreeSet<>();
            loader.load(ODK.resolve("all-widgets.xml")).questions().forEach(q -> kinds.add(q.kind()));
            assertTrue(kinds.containsAll(Set.of(QuestionKind.TEXT, QuestionKind.INTEGER, QuestionKind.DECIMAL,
                    QuestionKind.DATE, QuestionKind.SELECT_ONE, QuestionKind.SELECT_MANY, QuestionKind.NOTE,
                    QuestionKind.ACKNOWLEDGE)), kinds.toString());
        }
    }

    @Nested
    @DisplayName("a malformed or hostile form")
    class Hostile {

        @Test
        @DisplayName("with bad XML is refused with the parser's reason")
        void badXml() {
            FormRejectedException e = assertThrows(FormRejectedException.class,
                    () -> loader.load("<h:html><h:head><model>".getBytes(StandardCharsets.UTF_8)));
            assertFalse(e.reason().isBlank());
        }

        @Test
        @DisplayName("declaring an external entity is refused before parsing")
        void externalEntity() {
            String xml = "<?xml version=\"1.0\"?><!DOCTYPE h:html [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                    + form("", "<input ref=\"/data/q1\"><label>&x;</label></input>");
            FormRejectedException e = assertThrows(FormRejectedException.class,
                    () -> loader.load(xml.replaceFirst("<\\?xml version=\"1.0\"\\?>\\s*<\\?xml version=\"1.0\"\\?>", "<?xml version=\"1.0\"?>")
                            .getBytes(StandardCharsets.UTF_8)));
            assertTrue(e.reason().contains("DOCTYPE"), e.reason());
        }

        @Test
        @DisplayName("calling an unknown function is refused")
        void unknownFunction() {
            String xml = form("<bind nodeset=\"/data/q1\" type=\"string\" calculate=\"no_such_function(1)\"/>",
                    "<input ref=\"/data/q1\"><label>Q</label></input>");
            FormRejectedException e = assertThrows(FormRejectedException.class,
                    () -> loader.load(xml.strip().getBytes(StandardCharsets.UTF_8)));
            assertTrue(e.reason().contains("no_such_function"), e.reason());
        }

        @Test
        @DisplayName("asking for a huge repeat count is refused")
        void hugeRepeat() {
            String xml = form("<bind nodeset=\"/data/r/a\" type=\"string\"/><bind nodeset=\"/data/n\" type=\"int\"/>",
                    "<group ref=\"/data/r\"><repeat nodeset=\"/data/r\" jr:count=\" /data/n \">"
                            + "<input ref=\"/data/r/a\"><label>A</label></input></repeat></group>");
            FormRejectedException e = assertThrows(FormRejectedException.class,
                    () -> loader.load(xml.strip().getBytes(StandardCharsets.UTF_8)));
            assertTrue(e.reason().contains("repeat"), e.reason());
        }

        @Test
        @DisplayName("larger than the size cap is refused")
        void tooLarge() {
            byte[] big = new byte[FormLoader.MAX_BYTES + 1];
            FormRejectedException e = assertThrows(FormRejectedException.class,
                    () -> loader.load(new java.io.ByteArrayInputStream(big)));
            assertTrue(e.reason().contains("larger than"), e.reason());
        }
    }

    @Test
    @DisplayName("reads the form id and version")
    void idAndVersion() throws Exception {
        LoadedForm form = loader.load(form("<bind nodeset=\"/data/q1\" type=\"int\"/>",
                "<input ref=\"/data/q1\"><label>Q</label></input>").strip().getBytes(StandardCharsets.UTF_8));
        assertEquals("synthetic", form.formId());
        assertEquals("3", form.version());
        assertEquals(QuestionKind.INTEGER, form.questions().getFirst().kind());
    }
}
