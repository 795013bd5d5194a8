package org.harbor.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.harbor.accounts.PassphrasePolicy;
import org.harbor.consent.ConsentPurpose;
import org.harbor.consent.ConsentStatus;
import org.harbor.seal.ImportCheck;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, "one refusal type": every message key a {@link Refusal} is made with in src/main, and
 * every key it passes as a {@link Refusal.Term}, has an English sentence (I18nConsistencyTest then
 * holds Spanish and Arabic to the English keys). A key the sentence lacks would show the user the
 * raw key instead of a sentence.
 */
@DisplayName("Refusal keys")
class RefusalKeysTest {

    /**
     * {@code new Refusal("key"}, {@code new CentralException("key"} (the one subclass whose first
     * argument is the key), {@code new Refusal.Term("key"} (a whole literal), and a Refusal
     * subclass's {@code super("key"}.
     */
    static final Pattern LITERAL = Pattern.compile("new\\s+(?:Refusal|CentralException)\\(\\s*\"([^\"]+)\"|new\\s+(?:Refusal\\.)?Term\\(\\s*\"([^\"]+)\"\\s*\\)");
    static final Pattern SUPER = Pattern.compile("\\bsuper\\(\\s*\"([^\"]+)\"");
    /** Every {@code new Refusal(} or {@code new CentralException(} whose first argument is not a string literal. */
    static final Pattern COMPUTED = Pattern.compile("new\\s+(?:Refusal|CentralException)\\(\\s*(?!\")([\\w.]+(?:\\(\\))?(?:\\.\\w+\\(\\))*)");
    /** The computed keys the scan knows how to enumerate (below); any other is a failure to look at. */
    static final Set<String> ENUMERATED = Set.of("problem.get().messageKey()");

    /** The literal keys of one source file's refusals. */
    static Set<String> keysIn(String source) {
        Set<String> keys = new TreeSet<>();
        Matcher m = LITERAL.matcher(source);
        while (m.find()) {
            keys.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        if (source.matches("(?s).*\\bextends\\s+Refusal\\b.*")) {
            Matcher s = SUPER.matcher(source);
            while (s.find()) {
                keys.add(s.group(1));
            }
        }
        return keys;
    }

    /** The first arguments of refusals made with a computed key. */
    static List<String> computedIn(String source) {
        List<String> out = new ArrayList<>();
        Matcher m = COMPUTED.matcher(source);
        while (m.find()) {
            out.add(m.group(1).strip());
        }
        return out;
    }

    static Properties english() throws IOException {
        return I18nConsistencyTest.load("messages.properties");
    }

    @Test
    @DisplayName("every key a Refusal is constructed with in src/main exists in messages.properties")
    void everyRefusalKeyHasASentence() throws IOException {
        Set<String> keys = new TreeSet<>();
        List<String> unknownComputed = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                keys.addAll(keysIn(source));
                computedIn(source).stream().filter(c -> !ENUMERATED.contains(c)).map(c -> file.getFileName() + ": " + c)
                        .forEach(unknownComputed::add);
            }
        }
        assertTrue(keys.size() >= 60, "the scan finds the refusals (found " + keys.size() + ")");
        assertEquals(List.of(), unknownComputed, "refusals with a key the scan cannot enumerate; add their values below");
        for (PassphrasePolicy.Problem problem : PassphrasePolicy.Problem.values()) {
            keys.add(problem.messageKey());
        }
        for (ImportCheck check : ImportCheck.values()) {
            keys.add(check.messageKey());
        }
        for (ConsentPurpose purpose : ConsentPurpose.values()) {
            keys.add("consent.purpose." + purpose.code());
        }
        for (ConsentStatus.Reason reason : ConsentStatus.Reason.values()) {
            keys.add("consent.reason." + reason.code());
        }
        Properties english = english();
        assertEquals(List.of(), keys.stream().filter(k -> !english.containsKey(k)).toList(),
                "refusal keys without a sentence in messages.properties");
    }

    @Test
    @DisplayName("the scan reports a refusal whose key has no sentence, and a computed key it cannot enumerate")
    void theScanCanFail() throws IOException {
        String planted = """
                final class Planted extends Refusal {
                    Planted() {
                        super("planted.error.subclass");
                    }
                    void refuse(String key) {
                        throw new Refusal("planted.error.noSuchSentence", new Refusal.Term("planted.term"));
                        throw new Refusal(key);
                        throw new CentralException("planted.error.central", "the central store refused");
                        throw new CentralException(key, "computed");
                    }
                }
                """;
        Set<String> found = keysIn(planted);
        assertEquals(Set.of("planted.error.subclass", "planted.error.noSuchSentence", "planted.term", "planted.error.central"), found);
        Properties english = english();
        assertEquals(4, found.stream().filter(k -> !english.containsKey(k)).count());
        assertEquals(List.of("key", "key"), computedIn(planted));
    }
}
