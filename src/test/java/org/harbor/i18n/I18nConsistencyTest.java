package org.harbor.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every shipped language has exactly the English keys, with the same placeholders; every key the
 * code or FXML uses exists. On failure it prints the lines to paste.
 */
@DisplayName("The message files")
class I18nConsistencyTest {

    static final Path I18N = Path.of("i18n");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    static Properties load(String file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(I18N.resolve(file), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    static Set<String> placeholders(String value) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(value);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    @DisplayName("every shipped language has a file with no missing, obsolete or placeholder-mismatched key")
    void consistent() throws IOException {
        Properties english = load("messages.properties");
        List<String> problems = new ArrayList<>();
        for (String language : I18n.SHIPPED) {
            if (language.equals("en")) {
                continue;
            }
            String file = "messages_" + language + ".properties";
            if (!Files.exists(I18N.resolve(file))) {
                problems.add("missing file " + file);
                continue;
            }
            Properties translated = load(file);
            for (String key : new TreeSet<>(english.stringPropertyNames())) {
                if (!translated.containsKey(key)) {
                    problems.add(file + " lacks: " + key + "=" + english.getProperty(key));
                } else if (!placeholders(english.getProperty(key)).equals(placeholders(translated.getProperty(key)))) {
                    problems.add(file + " placeholders differ for " + key);
                } else if (translated.getProperty(key).isBlank()) {
                    problems.add(file + " is empty for " + key);
                }
            }
            for (String key : new TreeSet<>(translated.stringPropertyNames())) {
                if (!english.containsKey(key)) {
                    problems.add(file + " has obsolete key: " + key);
                }
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    @Test
    @DisplayName("every key used in code or FXML exists in English, and every English key is used")
    void usedKeys() throws IOException {
        Properties english = load("messages.properties");
        Set<String> used = new TreeSet<>();
        Pattern fxml = Pattern.compile("\"%([a-zA-Z0-9.]+)\"");
        Pattern code = Pattern.compile("\"((?:[a-z][a-zA-Z0-9]*\\.)+[a-zA-Z0-9]+)\"");
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")), Files.walk(Path.of("src/main/resources")))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.toString();
                if (!name.endsWith(".java") && !name.endsWith(".fxml")) {
                    continue;
                }
                String text = Files.readString(file);
                Matcher m = (name.endsWith(".fxml") ? fxml : code).matcher(text);
                while (m.find()) {
                    if (english.containsKey(m.group(1)) || name.endsWith(".fxml")) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        // Keys handed to the message bundle from Java: i18n.get("…"), message keys of exceptions
        // and enum constants, and messageKey() methods.
        Pattern javaKey = Pattern.compile("(?:\\bget|Exception|\\b[A-Z_]+)\\(\\s*\"([a-z][a-zA-Z0-9]*(?:\\.[a-zA-Z0-9]+)+)\"|return \"([a-z]+\\.error\\.[a-zA-Z]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = javaKey.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
            }
        }
        List<String> missing = used.stream().filter(k -> !english.containsKey(k)).toList();
        assertEquals(List.of(), missing, "keys used in FXML or Java but missing from messages.properties");
        Set<String> dynamic = Set.of("language.name.", "role.", "coach.rule.", "case.status.", "case.person.role.",
                "case.session.kind.", "forms.title.", "consent.purpose.", "consent.status.", "consent.method.", "seal.pane.kind.",
                "consent.reason.", "consent.basis.",
                "central.status.", "central.queue.", "central.duplicates.kind.", "central.duplicates.decision.", "central.conflicts.",
                "central.stats.dimension.", "central.stats.gender.", "central.stats.exploitation_type.",
                "reports.rule.", "settings.reports.jurisdiction.");
        List<String> unused = english.stringPropertyNames().stream()
                .filter(k -> !used.contains(k))
                .filter(k -> dynamic.stream().noneMatch(k::startsWith))
                .sorted().toList();
        assertEquals(List.of(), unused, "keys in messages.properties that nothing uses");
    }

    @Test
    @DisplayName("the files on the class path are the ones in i18n/, and Arabic reads right to left")
    void onClassPath() throws IOException {
        try (InputStream in = I18nConsistencyTest.class.getResourceAsStream("/i18n/messages_ar.properties")) {
            assertTrue(in != null, "i18n/ must be on the class path");
        }
        I18n i18n = new I18n(Locale.of("ar"));
        assertTrue(i18n.rightToLeft());
        assertEquals("العربية", i18n.nativeName("ar"));
        i18n.use(Locale.of("fr"));
        assertEquals(Locale.ENGLISH, i18n.locale());
    }
}
