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
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
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

    /**
     * The plural categories each plural argument of {@code pattern} writes a form for ("one",
     * "other", "=0"), one set per argument, in order.
     */
    static List<Set<String>> pluralSelectors(String pattern) {
        MessagePattern parsed = new MessagePattern(pattern);
        List<Set<String>> out = new ArrayList<>();
        for (int i = 0; i < parsed.countParts(); i++) {
            MessagePattern.Part part = parsed.getPart(i);
            if (part.getType() != MessagePattern.Part.Type.ARG_START || part.getArgType() != MessagePattern.ArgType.PLURAL) {
                continue;
            }
            Set<String> selectors = new TreeSet<>();
            int limit = parsed.getLimitPartIndex(i);
            for (int j = i + 1; j < limit; j++) {
                MessagePattern.Part inner = parsed.getPart(j);
                if (inner.getType() == MessagePattern.Part.Type.ARG_SELECTOR) {
                    selectors.add(parsed.getSubstring(inner));
                } else if (inner.getType() == MessagePattern.Part.Type.MSG_START) {
                    j = parsed.getLimitPartIndex(j);
                }
            }
            out.add(selectors);
        }
        return out;
    }

    /** The plural categories a language gives to the counts 0 to 10 000: the forms a count shown in Harbor can need. */
    static Set<String> categoriesInUse(String language) {
        PluralRules rules = PluralRules.forLocale(ULocale.forLanguageTag(language));
        Set<String> out = new TreeSet<>();
        for (int n = 0; n <= 10_000; n++) {
            out.add(rules.select(n));
        }
        return out;
    }

    @Test
    @DisplayName("every counted message of every shipped language is an ICU plural with exactly the categories of its language, and formats")
    void pluralCategoriesPerLanguage() throws IOException {
        Properties english = load("messages.properties");
        List<String> problems = new ArrayList<>();
        for (String language : I18n.SHIPPED) {
            Properties messages = language.equals("en") ? english : load("messages_" + language + ".properties");
            Set<String> needed = categoriesInUse(language);
            Set<String> known = new TreeSet<>(PluralRules.forLocale(ULocale.forLanguageTag(language)).getKeywords());
            I18n i18n = new I18n(Locale.of(language));
            for (String key : new TreeSet<>(english.stringPropertyNames())) {
                String value = messages.getProperty(key);
                if (value == null) {
                    continue; // consistent() reports it
                }
                List<Set<String>> englishPlurals = pluralSelectors(english.getProperty(key));
                List<Set<String>> plurals;
                try {
                    plurals = pluralSelectors(value);
                } catch (IllegalArgumentException e) {
                    problems.add(language + " " + key + ": not a valid ICU message: " + e.getMessage());
                    continue;
                }
                if (plurals.isEmpty() != englishPlurals.isEmpty()) {
                    problems.add(language + " " + key + ": " + plurals.size() + " plural arguments where English has "
                            + englishPlurals.size() + " (a count is written as an ICU plural in every language)");
                }
                for (Set<String> selectors : plurals) {
                    Set<String> categories = new TreeSet<>(selectors);
                    categories.removeIf(s -> s.startsWith("="));
                    Set<String> foreign = new TreeSet<>(categories);
                    foreign.removeAll(known);
                    Set<String> lacking = new TreeSet<>(needed);
                    lacking.removeAll(categories);
                    if (!foreign.isEmpty()) {
                        problems.add(language + " " + key + ": categories " + foreign + " are not plural categories of "
                                + language + " " + known);
                    }
                    if (!lacking.isEmpty()) {
                        problems.add(language + " " + key + ": no form for the categories " + lacking);
                    }
                }
                if (!plurals.isEmpty()) {
                    for (long n : new long[] {0, 1, 2, 3, 11, 100, 1_000_000}) {
                        Object[] args = new Object[placeholders(english.getProperty(key)).size()];
                        java.util.Arrays.fill(args, n);
                        try {
                            String text = i18n.get(key, args);
                            if (text.contains("{") || text.contains("}")) {
                                problems.add(language + " " + key + " for " + n + ": a brace left in " + text);
                            }
                        } catch (RuntimeException e) {
                            problems.add(language + " " + key + " for " + n + ": " + e);
                        }
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    @Test
    @DisplayName("dates and numbers in the locale of every shipped language: month names and digit grouping of the display language")
    void datesAndNumbersInTheLocale() {
        java.time.LocalDate day = java.time.LocalDate.of(2026, 12, 4);
        String english = java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                .withLocale(Locale.ENGLISH).format(day);
        for (String language : I18n.SHIPPED) {
            I18n i18n = new I18n(Locale.of(language));
            assertEquals(language, i18n.locale().getLanguage(), "a shipped language is used, not English");
            String date = java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                    .withLocale(i18n.locale()).format(day);
            if (!language.equals("en")) {
                assertTrue(!date.equals(english), language + ": the date is written in English: " + date);
            }
        }
        I18n fr = new I18n(Locale.of("fr"));
        assertEquals("4 décembre 2026", java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                .withLocale(fr.locale()).format(day));
        assertTrue(fr.get("attachments.pane.sizeKilobytes", 12345).matches("12[\\u202f\\u00a0]345 Ko"),
                fr.get("attachments.pane.sizeKilobytes", 12345));
        assertTrue(fr.get("cases.count", 2, 1234).matches("2 sur 1[\\u202f\\u00a0]234 dossiers affichés"), fr.get("cases.count", 2, 1234));
        I18n pt = new I18n(Locale.of("pt"));
        assertEquals("4 de dezembro de 2026", java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                .withLocale(pt.locale()).format(day));
        assertEquals("12.345 KB", pt.get("attachments.pane.sizeKilobytes", 12345));
        assertEquals("2 de 1.234 casos mostrados", pt.get("cases.count", 2, 1234));
        assertEquals("1 de 1 caso mostrado", pt.get("cases.count", 1, 1));
        assertEquals("Vous travaillez depuis 1 minute. Proposer une pause\u00a0?", fr.get("forms.care.break.offer", 1));
        assertEquals("Você está trabalhando há 25 minutos. Oferecer um intervalo?", pt.get("forms.care.break.offer", 25));
    }

    @Test
    @DisplayName("the plural check reads the categories of each plural argument")
    void pluralCheckReadsCategories() {
        assertEquals(List.of(Set.of("one", "other")), pluralSelectors("{0, plural, one {# minute} other {# minutes}} left"));
        assertEquals(List.of(Set.of("=0", "other"), Set.of("few", "other"), Set.of("few", "other")),
                pluralSelectors("{0, plural, =0 {none} other {{1, plural, few {a} other {b}} #}} and {2, plural, few {x} other {y}}"));
        assertEquals(Set.of("few", "many", "one", "other", "two", "zero"), categoriesInUse("ar"));
        assertEquals(Set.of("one", "other"), categoriesInUse("en"));
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
        i18n.use(Locale.of("de"));
        assertEquals(Locale.ENGLISH, i18n.locale(), "a language Harbor does not ship falls back to English");
    }
}
