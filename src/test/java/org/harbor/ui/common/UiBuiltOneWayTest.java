package org.harbor.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, "UI built one way": style classes as constants ({@link Styles}, each defined in
 * harbor.css); no style class written as a string in UI code; no fully qualified names inline.
 */
@DisplayName("UI built one way")
class UiBuiltOneWayTest {

    private static final Path MAIN = Path.of("src/main/java/org/harbor");
    private static final Path CSS = Path.of("src/main/resources/org/harbor/ui/common/harbor.css");
    private static final Path FXML = Path.of("src/main/resources/org/harbor/ui");

    /** Files exempt from the scan: none since the redesign of issue 13 landed whole. The list only shrinks. */
    private static final Set<String> REWRITTEN_ELSEWHERE = Set.of();

    private static Set<String> constants() throws IllegalAccessException {
        Set<String> out = new TreeSet<>();
        for (Field f : Styles.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                out.add((String) f.get(null));
            }
        }
        return out;
    }

    private static Set<String> cssClasses() throws IOException {
        String css = Files.readString(CSS).replaceAll("(?s)/\\*.*?\\*/", "");
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("\\.([a-zA-Z][\\w-]*)(?=[^{}]*\\{)").matcher(css);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static List<Path> sources(String... packages) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String p : packages) {
            try (Stream<Path> files = Files.walk(MAIN.resolve(p))) {
                files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    /** The code of a source file without comments and with every string literal emptied. */
    private static String code(Path file) throws IOException {
        String s = Files.readString(file).replaceAll("(?s)/\\*.*?\\*/", "");
        s = s.replaceAll("//[^\\n]*", "");
        return s;
    }

    @Test
    @DisplayName("style classes as constants: every constant of Styles is a class harbor.css defines")
    void everyConstantIsInTheStylesheet() throws Exception {
        Set<String> missing = new TreeSet<>(constants());
        missing.removeAll(cssClasses());
        assertEquals(Set.of(), missing, "Styles names classes harbor.css does not define");
    }

    @Test
    @DisplayName("style classes as constants: no style class is written as a string in ui or app code")
    void noStringStyleClasses() throws Exception {
        Pattern literal = Pattern.compile("getStyleClass\\(\\)\\s*\\.\\s*\\w+\\([^;]*\"|setStyle\\(|spokenText\\([^;]*\"");
        List<String> found = new ArrayList<>();
        for (Path file : sources("ui", "app")) {
            String[] lines = code(file).split("\n");
            for (int i = 0; i < lines.length; i++) {
                boolean inlineStyleInShell = file.startsWith(MAIN.resolve("app")) && lines[i].contains("setStyle(");
                if (literal.matcher(lines[i]).find() && !inlineStyleInShell) {
                    found.add(MAIN.relativize(file) + ":" + (i + 1) + ": " + lines[i].strip());
                }
            }
        }
        assertEquals(List.of(), found, "use a Styles constant (and a rule in harbor.css)");
    }

    @Test
    @DisplayName("sentences that wrap are Paragraphs: no control asks JavaFX to soft-wrap (it throws on right-to-left text)")
    void noSoftWrapOutsideParagraph() throws Exception {
        List<String> found = new ArrayList<>();
        for (Path file : sources("ui", "app")) {
            if (file.endsWith("Paragraph.java")) {
                continue;
            }
            String[] lines = code(file).split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].contains("setWrapText(true)")) {
                    found.add(MAIN.relativize(file) + ":" + (i + 1) + ": " + lines[i].strip());
                }
            }
        }
        try (Stream<Path> files = Files.walk(FXML)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".fxml")).toList()) {
                if (Files.readString(file).contains("wrapText=\"true\"")) {
                    found.add(file.getFileName() + ": wrapText=\"true\"");
                }
            }
        }
        assertEquals(List.of(), found, "use ui.common.Paragraph for text that wraps");
    }

    @Test
    @DisplayName("style classes as constants: every style class in FXML is one of the Styles constants")
    void fxmlUsesTheConstants() throws Exception {
        Set<String> known = constants();
        List<String> unknown = new ArrayList<>();
        try (Stream<Path> files = Files.walk(FXML)) {
            for (Path fxml : files.filter(f -> f.toString().endsWith(".fxml")).sorted().toList()) {
                Matcher m = Pattern.compile("styleClass=\"([^\"]*)\"").matcher(Files.readString(fxml));
                while (m.find()) {
                    for (String c : m.group(1).trim().split("\\s+")) {
                        if (!known.contains(c)) {
                            unknown.add(fxml.getFileName() + ": " + c);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), unknown);
    }

    private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w.\"])(?:java|javax|javafx|org|com|picocli)\\.(?:[a-z0-9_]+\\.)+[A-Z]\\w*");

    /** The inline fully-qualified names of one source's code (comments stripped), as "name:line: qualified name". */
    static List<String> inlineNames(String name, String code) {
        List<String> found = new ArrayList<>();
        String[] lines = code.replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\"").split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("import ") || line.startsWith("package ")) {
                continue;
            }
            Matcher m = QUALIFIED.matcher(line);
            if (m.find()) {
                found.add(name + ":" + (i + 1) + ": " + m.group());
            }
        }
        return found;
    }

    @Test
    @DisplayName("no fully qualified names inline in ui, app and cli code: classes are imported")
    void noInlineQualifiedNames() throws Exception {
        List<String> found = new ArrayList<>();
        int scanned = 0;
        for (Path file : sources("ui", "app", "cli")) {
            String name = MAIN.relativize(file).toString().replace('\\', '/');
            if (REWRITTEN_ELSEWHERE.contains(name)) {
                continue;
            }
            scanned++;
            found.addAll(inlineNames(name, code(file)));
        }
        assertTrue(scanned > 40, "scanned " + scanned + " files");
        assertEquals(List.of(), found, "import the class instead");
    }

    @Test
    @DisplayName("no fully qualified names inline: the scan finds a planted inline name, and not one in an import, a comment or a string")
    void inlineNameScanCanFail() {
        String planted = """
                package org.harbor.cli;

                import java.util.List;

                final class Planted {
                    // java.util.Locale in a comment is fine
                    String said = "see java.util.Locale";
                    String lower(String s) {
                        return s.toLowerCase(java.util.Locale.ROOT);
                    }
                }
                """.replaceAll("//[^\\n]*", "");
        assertEquals(List.of("cli/Planted.java:9: java.util.Locale"), inlineNames("cli/Planted.java", planted));
    }

    /** ADR 0012: the screens around the record are FXML; the log-in form is code for start-up time (ADR 0007). */
    private static final Set<String> AROUND_THE_RECORD = Set.of("setup", "login", "home", "settings", "users", "export",
            "outbox");
    private static final Set<String> CODE_FOR_START_UP = Set.of("login/LoginView");

    @Test
    @DisplayName("screens built in code or FXML by one stated rule (ADR 0012): FXML around the record, code for the record")
    void screensFollowTheRule() throws Exception {
        List<String> wrong = new ArrayList<>();
        int views = 0;
        for (Path file : sources("ui")) {
            String name = MAIN.resolve("ui").relativize(file).toString().replace('\\', '/').replace(".java", "");
            if (!name.endsWith("View") || name.startsWith("common/")) {
                continue;
            }
            views++;
            String pkg = name.substring(0, name.indexOf('/'));
            boolean fxml = Files.exists(FXML.resolve(name + ".fxml"));
            boolean shouldBeFxml = AROUND_THE_RECORD.contains(pkg) && !CODE_FOR_START_UP.contains(name);
            if (fxml != shouldBeFxml) {
                wrong.add(name + (fxml ? " is FXML but shows the record" : " is code but is a screen around the record"));
            }
        }
        try (Stream<Path> files = Files.walk(FXML)) {
            for (Path fxml : files.filter(f -> f.toString().endsWith(".fxml")).toList()) {
                String name = FXML.relativize(fxml).toString().replace('\\', '/').replace(".fxml", "");
                if (!Files.exists(MAIN.resolve("ui").resolve(name + ".java"))) {
                    wrong.add(name + ".fxml has no view class beside it");
                }
            }
        }
        assertTrue(views >= 12, "found " + views + " views");
        assertEquals(List.of(), wrong);
    }
}
