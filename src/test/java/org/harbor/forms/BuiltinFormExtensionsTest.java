package org.harbor.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.javarosa.core.model.Constants;
import org.javarosa.core.model.FormDef;
import org.javarosa.core.model.QuestionDef;
import org.javarosa.core.model.SelectChoice;
import org.javarosa.core.model.instance.TreeElement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Harbor extension attributes of the built-in forms, as JavaRosa hands them to the engine. */
@DisplayName("The built-in forms' Harbor attributes")
class BuiltinFormExtensionsTest {

    static final String NS = "urn:harbor";
    static final Set<String> PURPOSES = Set.of("services", "referral", "law_enforcement", "national_referral",
            "research", "recording");
    /** The keys the shared contract names; the forms must use each of them. */
    static final Set<String> CONTRACT_KEYS = Set.of("survivor.name", "survivor.aliases", "survivor.claimed_age",
            "survivor.date_of_birth", "survivor.dob_uncertain", "survivor.assessed_age_min",
            "survivor.assessed_age_max", "survivor.age_method", "survivor.treated_as_child", "survivor.gender",
            "survivor.nationality", "survivor.languages", "survivor.interpreter_needed", "survivor.phone",
            "safety.danger_now");

    record Bound(String form, String path, TreeElement node) {
        String attr(String name) {
            return node.getBindAttributeValue(NS, name);
        }
    }

    static List<Bound> bound() {
        List<Bound> out = new ArrayList<>();
        for (String name : BuiltinForms.index()) {
            FormDef form = BuiltinForms.load(name).definition();
            BuiltinForms.walkInstance(form.getMainInstance().getRoot(),
                    e -> out.add(new Bound(name, e.getRef().toString(false), e)));
        }
        return out;
    }

    /** The keys in the table of the "Fact keys" section of docs/forms.md. */
    static Set<String> documentedKeys() throws IOException {
        String doc = Files.readString(Path.of("docs", "forms.md"), StandardCharsets.UTF_8);
        int start = doc.indexOf("\n## Fact keys");
        int end = doc.indexOf("\n## ", start + 1);
        assertTrue(start >= 0 && end > start, "docs/forms.md has no Fact keys section");
        Set<String> keys = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\| `([a-z]+\\.[a-z0-9_]+)` \\|").matcher(doc.substring(start, end));
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    @Test
    @DisplayName("use only fact keys listed in docs/forms.md, every listed key, and every key of the contract")
    void factKeysAreDocumented() throws IOException {
        Set<String> documented = documentedKeys();
        Set<String> used = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (Bound b : bound()) {
            String fact = b.attr("fact");
            if (fact != null) {
                used.add(fact);
                if (!documented.contains(fact)) {
                    problems.add(b.form() + " " + b.path() + ": fact " + fact + " is not in docs/forms.md");
                }
                if (!fact.matches("[a-z]+\\.[a-z0-9_]+")) {
                    problems.add(b.form() + " " + b.path() + ": fact " + fact + " is not area.snake_case");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertEquals(documented, used, "docs/forms.md lists keys no form uses, or the reverse");
        Set<String> missing = new TreeSet<>(CONTRACT_KEYS);
        missing.removeAll(used);
        assertTrue(missing.isEmpty(), "missing contract keys: " + missing);
    }

    @Test
    @DisplayName("give each fact one data type wherever it is asked")
    void factTypesAgree() {
        // A calculated fact (text) may meet the same fact asked as a select-one: both hold "yes"/"no".
        Set<Integer> textLike = Set.of(Constants.DATATYPE_TEXT, Constants.DATATYPE_CHOICE);
        Map<String, Set<Integer>> types = new TreeMap<>();
        for (Bound b : bound()) {
            String fact = b.attr("fact");
            if (fact != null) {
                types.computeIfAbsent(fact, k -> new TreeSet<>()).add(b.node().getDataType());
            }
        }
        List<String> problems = new ArrayList<>();
        types.forEach((fact, set) -> {
            if (set.size() > 1 && !textLike.containsAll(set)) {
                problems.add(fact + " has data types " + set);
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    @DisplayName("tag values only with the six purposes")
    void purposes() {
        List<String> problems = new ArrayList<>();
        int tagged = 0;
        for (Bound b : bound()) {
            String purposes = b.attr("purpose");
            if (purposes != null) {
                tagged++;
                for (String p : purposes.strip().split("\\s+")) {
                    if (!PURPOSES.contains(p)) {
                        problems.add(b.form() + " " + b.path() + ": unknown purpose " + p);
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(tagged > 40, "only " + tagged + " values carry purposes");
    }

    @Test
    @DisplayName("record consent only in the consent form, one yes/no question per purpose, referral in a repeat")
    void consentQuestions() {
        Set<String> purposes = new TreeSet<>();
        for (Bound b : bound()) {
            String purpose = b.attr("consent");
            if (purpose != null) {
                assertEquals("consent.xml", b.form(), b.path());
                assertTrue(PURPOSES.contains(purpose), purpose);
                assertTrue(purposes.add(purpose), "two questions for " + purpose);
                assertEquals(Set.of("yes", "no"), choices(b), b.path());
            }
        }
        assertEquals(new TreeSet<>(PURPOSES), purposes);
    }

    @Test
    @DisplayName("mark as danger only yes/no questions, among them the safety form's danger questions")
    void dangerQuestions() {
        Set<String> danger = new TreeSet<>();
        for (Bound b : bound()) {
            String safety = b.attr("safety");
            if (safety != null) {
                assertEquals("danger", safety, b.path());
                assertTrue(choices(b).contains("yes"), b.path() + " has no yes");
                if (b.form().equals("safety.xml")) {
                    danger.add(b.path());
                }
            }
        }
        assertTrue(danger.containsAll(Set.of("/data/danger/danger_now", "/data/danger/exploiter_nearby",
                "/data/danger/exploiter_contact", "/data/health/self_harm", "/data/health/medical_urgent")), danger.toString());
    }

    @Test
    @DisplayName("restrict the trafficking form, and only it")
    void sensitivity() {
        for (String name : BuiltinForms.index()) {
            TreeElement root = BuiltinForms.load(name).definition().getMainInstance().getRoot();
            String sensitivity = root.getAttributeValue(NS, "sensitivity");
            assertEquals(name.equals("trafficking.xml") ? "trafficking-history" : null, sensitivity, name);
        }
    }

    @Test
    @DisplayName("give every question a hint")
    void hints() {
        List<String> missing = new ArrayList<>();
        for (String name : BuiltinForms.index()) {
            for (QuestionDef q : BuiltinForms.questions(BuiltinForms.load(name).definition())) {
                if (q.getHelpTextID() == null) {
                    missing.add(name + " " + q.getBind().getReference());
                }
            }
        }
        assertTrue(missing.isEmpty(), "questions without a hint:\n" + String.join("\n", missing));
    }

    private static Set<String> choices(Bound b) {
        FormDef form = BuiltinForms.load(b.form()).definition();
        for (QuestionDef q : BuiltinForms.questions(form)) {
            if (q.getBind().getReference().toString().equals(b.path()) && q.getChoices() != null) {
                Set<String> values = new TreeSet<>();
                for (SelectChoice c : q.getChoices()) {
                    values.add(c.getValue());
                }
                return values;
            }
        }
        return Set.of();
    }
}
