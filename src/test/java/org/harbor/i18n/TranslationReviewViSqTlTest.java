package org.harbor.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The register and glossary of the Vietnamese, Albanian and Tagalog translations (issue 19), as a
 * reviewer reads them, over the message files and the built-in forms' itext. docs/translating.md
 * holds the rules and glossaries these tests enforce.
 *
 * <p>Which form texts the survivor hears is read from the Spanish, whose register already tells
 * it: a text in tú is read to the survivor, and {@link TranslationReviewTest} keeps the Spanish so.
 */
@DisplayName("The Vietnamese, Albanian and Tagalog translations, as a reviewer reads them")
class TranslationReviewViSqTlTest {

    static final List<String> LANGUAGES = List.of("vi", "sq", "tl");
    static final List<String> COUNTED = List.of("vault.error.throttled", "forms.care.break.offer", "forms.repeat.prompt",
            "packages.export.done", "packages.import.done", "cases.count", "attachments.pane.attached");
    /** Double-quoted examples inside a staff message ("Tell me more about that.") are said to the survivor. */
    static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|«[^»]*»");

    /** One text a person reads in one language, with its English and Spanish beside it. */
    record Text(String where, String en, String es, String value) {
        boolean hint() {
            return where.endsWith(":hint") || where.endsWith(":constraintMsg");
        }

        /** Read aloud to the survivor: the Spanish says tú. */
        boolean toSurvivor() {
            return !hint() && !where.startsWith("messages ")
                    && TranslationReviewTest.TU.matcher(TranslationReviewTest.QUOTED.matcher(es).replaceAll("")).find();
        }
    }

    static List<Text> messages(String language) throws IOException {
        Properties en = TranslationReviewTest.messages("messages.properties");
        Properties es = TranslationReviewTest.messages("messages_es.properties");
        Properties tr = TranslationReviewTest.messages("messages_" + language + ".properties");
        return en.stringPropertyNames().stream().sorted().filter(k -> !k.startsWith("language.name."))
                .map(k -> new Text("messages " + k, en.getProperty(k), es.getProperty(k, ""), tr.getProperty(k, "")))
                .toList();
    }

    static List<Text> forms(String language) throws Exception {
        List<Text> out = new ArrayList<>();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (Stream<Path> files = Files.list(TranslationReviewTest.FORMS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
                Document doc = factory.newDocumentBuilder().parse(file.toFile());
                Map<String, Map<String, String>> byId = new LinkedHashMap<>();
                NodeList translations = doc.getElementsByTagNameNS("http://www.w3.org/2002/xforms", "translation");
                for (int i = 0; i < translations.getLength(); i++) {
                    Element translation = (Element) translations.item(i);
                    NodeList texts = translation.getElementsByTagNameNS("http://www.w3.org/2002/xforms", "text");
                    for (int j = 0; j < texts.getLength(); j++) {
                        Element text = (Element) texts.item(j);
                        byId.computeIfAbsent(text.getAttribute("id"), k -> new LinkedHashMap<>())
                                .put(translation.getAttribute("lang"), text.getTextContent().strip());
                    }
                }
                byId.forEach((id, v) -> out.add(new Text(file.getFileName() + " " + id, v.getOrDefault("en", ""),
                        v.getOrDefault("es", ""), v.getOrDefault(language, ""))));
            }
        }
        return out;
    }

    static List<Text> staff(String language) throws Exception {
        List<Text> out = new ArrayList<>(messages(language));
        forms(language).stream().filter(Text::hint).forEach(out::add);
        return out;
    }

    /** Lines "where: «match» in text" for every text in which {@code pattern} finds something outside quotes. */
    static List<String> found(List<Text> texts, Pattern pattern) {
        List<String> out = new ArrayList<>();
        for (Text t : texts) {
            Matcher m = pattern.matcher(QUOTED.matcher(t.value()).replaceAll(""));
            if (m.find()) {
                out.add(t.where() + ": «" + m.group() + "» in " + t.value());
            }
        }
        return out;
    }

    /** Texts whose English matches {@code english} but whose translation lacks {@code term}. */
    static List<String> missingTerm(List<Text> texts, Pattern english, Pattern term) {
        return texts.stream().filter(t -> english.matcher(t.en()).find() && !term.matcher(t.value()).find())
                .map(t -> t.where() + ": no «" + term.pattern() + "» in " + t.value()).toList();
    }

    static List<Text> everything(String language) throws Exception {
        List<Text> all = new ArrayList<>(messages(language));
        all.addAll(forms(language));
        return all;
    }

    static final Pattern CONSENT = Pattern.compile("(?i)\\bconsent");
    /** "form" as a questionnaire, not "a form of exploitation" or "the expected form". */
    static final Pattern FORM = Pattern.compile("(?i)(?<!another |expected )\\bforms?\\b(?! of)");
    static final Pattern CASE = Pattern.compile("(?i)\\bcases?\\b");

    // ---- Vietnamese --------------------------------------------------------------------------

    @Test
    @DisplayName("Vietnamese register: polite address to staff (never em, mày, tao), em to the child (never bạn as the address, never mày)")
    void vietnameseRegister() throws Exception {
        // "em" is the child's pronoun; in "trẻ em" (children) it is part of a noun.
        List<String> problems = new ArrayList<>(found(staff("vi"), Pattern.compile("(?iU)(?<!trẻ )\\bem\\b|\\bmày\\b|\\btao\\b")));
        List<Text> survivor = forms("vi").stream().filter(Text::toSurvivor).toList();
        problems.addAll(found(survivor, Pattern.compile("(?iU)\\bbạn\\b(?! (bè|trai|gái|nhỏ|trẻ|đời))|\\bmày\\b|\\bquý vị\\b")));
        assertEquals(List.of(), problems);
        long withEm = survivor.stream().filter(t -> Pattern.compile("(?iU)\\bem\\b").matcher(t.value()).find()).count();
        assertTrue(withEm > 40, "the questions read to the survivor say em: " + withEm + " of " + survivor.size());
    }

    @Test
    @DisplayName("Vietnamese glossary: consent is đồng ý, a form biểu mẫu, a case hồ sơ (never vụ án, a criminal case), a break nghỉ giải lao and a pause tạm dừng")
    void vietnameseGlossary() throws Exception {
        List<Text> all = everything("vi");
        List<String> problems = new ArrayList<>(missingTerm(all, CONSENT, Pattern.compile("đồng ý|chấp thuận")));
        problems.addAll(missingTerm(messages("vi"), FORM, Pattern.compile("(?i)biểu mẫu")));
        problems.addAll(missingTerm(messages("vi"), CASE, Pattern.compile("(?i)hồ sơ|trường hợp")));
        problems.addAll(found(all, Pattern.compile("(?i)vụ án|mẫu đơn")));
        problems.addAll(missingTerm(messages("vi"), TranslationReviewTest.BREAK, Pattern.compile("(?iu)nghỉ giải lao|giờ nghỉ")));
        problems.addAll(missingTerm(messages("vi"), TranslationReviewTest.PAUSE, Pattern.compile("(?i)tạm dừng")));
        assertEquals(List.of(), problems);
        assertEquals("Cơ quan thực thi pháp luật", I18nOf("vi").get("consent.purpose.law_enforcement"));
    }

    // ---- Albanian ----------------------------------------------------------------------------

    /** Forms of "ti" (you, singular): its pronouns, possessives and the verbs "you have / you are". */
    static final Pattern TI = Pattern.compile("(?iU)\\b(ti|ty|yt|jote|tënd|tënde|tëndin|tënden|sate|ke|je)\\b(?!-)");
    /** Forms of "ju" (you, plural and polite). */
    static final Pattern JU = Pattern.compile("(?iU)\\b(ju|juaj|juve|jeni|keni|tuaj)\\b");

    @Test
    @DisplayName("Albanian register: ju to staff, ti to the child, and both genders for people and roles")
    void albanianRegister() throws Exception {
        List<String> problems = new ArrayList<>(found(staff("sq"), TI));
        List<Text> survivor = forms("sq").stream().filter(Text::toSurvivor).toList();
        problems.addAll(found(survivor, JU));
        // Roles are named in both genders ("Intervistues/e"); a person described in a sentence too.
        Properties sq = TranslationReviewTest.messages("messages_sq.properties");
        sq.stringPropertyNames().stream().filter(k -> k.startsWith("role.") || k.startsWith("interview.present.role."))
                .filter(k -> !sq.getProperty(k).contains("/e")).forEach(k -> problems.add(k + ": one gender: " + sq.getProperty(k)));
        problems.addAll(found(messages("sq"), Pattern.compile("(?iU)\\bnjë (mbikëqyrës|intervistues|punonjës)\\b(?! ose|/e)")));
        assertEquals(List.of(), problems);
        assertTrue(survivor.size() > 40, "texts read to the survivor: " + survivor.size());
        assertTrue(survivor.stream().filter(t -> TI.matcher(t.value()).find()).count() > 20, "the survivor is addressed with ti");
    }

    @Test
    @DisplayName("Albanian glossary: consent is pëlqim, a form formular, a case rast (never çështje, a court matter), a break pushim and a pause pauzë")
    void albanianGlossary() throws Exception {
        List<Text> all = everything("sq");
        List<String> problems = new ArrayList<>(missingTerm(all, CONSENT, Pattern.compile("(?i)pëlqim|miratim")));
        problems.addAll(missingTerm(messages("sq"), FORM, Pattern.compile("(?i)formular")));
        problems.addAll(missingTerm(messages("sq"), CASE, Pattern.compile("(?i)rast")));
        problems.addAll(found(all, Pattern.compile("(?iU)\\bçështj")));
        problems.addAll(missingTerm(messages("sq"), TranslationReviewTest.BREAK, Pattern.compile("(?i)pushim")));
        problems.addAll(missingTerm(messages("sq"), TranslationReviewTest.PAUSE, Pattern.compile("(?i)pauz")));
        assertEquals(List.of(), problems);
    }

    // ---- Tagalog -----------------------------------------------------------------------------

    /** The familiar "you" of Tagalog, kept for the survivor. */
    static final Pattern FAMILIAR = Pattern.compile("(?iU)\\b(mo|ka|ikaw|iyo|iyong)\\b");
    /** The polite markers and pronouns for staff. */
    static final Pattern POLITE = Pattern.compile("(?iU)\\b(po|opo|ho|kayo|ninyo|inyo|inyong)\\b");

    @Test
    @DisplayName("Tagalog register: po and kayo/ninyo to staff (never the familiar mo, ka, ikaw), plain warm ka/mo to the child (no po)")
    void tagalogRegister() throws Exception {
        List<String> problems = new ArrayList<>(found(staff("tl"), FAMILIAR));
        List<Text> survivor = forms("tl").stream().filter(Text::toSurvivor).toList();
        problems.addAll(found(survivor, POLITE));
        assertEquals(List.of(), problems);
        long polite = messages("tl").stream().filter(t -> Pattern.compile("(?iU)\\bpo\\b").matcher(t.value()).find()).count();
        assertTrue(polite > 60, "messages to staff say po: " + polite);
        assertTrue(survivor.stream().filter(t -> FAMILIAR.matcher(t.value()).find()).count() > 40, "the survivor is addressed with ka/mo");
    }

    @Test
    @DisplayName("Tagalog glossary: consent is pahintulot, a case kaso, a break pahinga and a pause pause, never pahinga")
    void tagalogGlossary() throws Exception {
        List<Text> all = everything("tl");
        List<String> problems = new ArrayList<>(missingTerm(all, CONSENT, Pattern.compile("(?i)pahintulot|pagsang-ayon")));
        problems.addAll(missingTerm(messages("tl"), CASE, Pattern.compile("(?i)kaso|case manager")));
        problems.addAll(missingTerm(messages("tl"), TranslationReviewTest.BREAK, Pattern.compile("(?i)pahinga")));
        problems.addAll(messages("tl").stream()
                .filter(t -> TranslationReviewTest.PAUSE.matcher(t.en()).find() && !TranslationReviewTest.BREAK.matcher(t.en()).find())
                .filter(t -> !t.value().toLowerCase(Locale.ROOT).contains("pause") || t.value().contains("pahinga"))
                .map(t -> t.where() + ": a pause is «pause»: " + t.value()).toList());
        assertEquals(List.of(), problems);
    }

    // ---- Plurals -----------------------------------------------------------------------------

    static I18n I18nOf(String language) {
        return new I18n(Locale.of(language));
    }

    /** The plural keywords a message uses, from "{n, plural, one {…} other {…}}". */
    static Set<String> keywords(String message) {
        Set<String> out = new TreeSet<>();
        Matcher block = Pattern.compile("plural,((?:[^{}]|\\{[^{}]*\\})*)\\}").matcher(message);
        while (block.find()) {
            Matcher kw = Pattern.compile("(\\w+)\\s*\\{").matcher(block.group(1));
            while (kw.find()) {
                out.add(kw.group(1));
            }
        }
        return out;
    }

    @Test
    @DisplayName("every message with a count uses the CLDR plural categories of Albanian and Tagalog (one, other) and Vietnamese (one, other, written alike: its nouns never change), and renders")
    void pluralCategoriesFollowCldr() throws IOException {
        // Vietnamese nouns never change with the number: its "one" and "other" forms read the same
        // (ICU4J 79's data gives Vietnamese both categories, and I18nConsistencyTest asks for each).
        Map<String, Set<String>> written = Map.of("vi", Set.of("one", "other"), "sq", Set.of("one", "other"), "tl", Set.of("one", "other"));
        List<String> problems = new ArrayList<>();
        for (String language : LANGUAGES) {
            Set<String> icu = PluralRules.forLocale(ULocale.forLanguageTag(language)).getKeywords();
            assertTrue(icu.containsAll(written.get(language)), language + " " + icu);
            assertEquals(written.get(language), icu, language);
            Properties p = TranslationReviewTest.messages("messages_" + language + ".properties");
            for (String key : COUNTED) {
                if (!keywords(p.getProperty(key)).equals(written.get(language))) {
                    problems.add(language + " " + key + ": " + keywords(p.getProperty(key)) + " in " + p.getProperty(key));
                }
            }
        }
        assertEquals(List.of(), problems);
        assertEquals("Bạn đã làm việc được 1 phút. Đề nghị nghỉ giải lao?", I18nOf("vi").get("forms.care.break.offer", 1));
        assertEquals("Bạn đã làm việc được 25 phút. Đề nghị nghỉ giải lao?", I18nOf("vi").get("forms.care.break.offer", 25));
        assertEquals("Po punoni prej 1 minute. Të propozohet një pushim?", I18nOf("sq").get("forms.care.break.offer", 1));
        assertEquals("Po punoni prej 25 minutash. Të propozohet një pushim?", I18nOf("sq").get("forms.care.break.offer", 25));
        assertEquals("Shfaqen 1 nga 1 rast", I18nOf("sq").get("cases.count", 1, 1));
        // Tagalog: "one" is 1, 2, 3, 5, 7, 8, 10, 11…; "other" the numbers ending in 4, 6 or 9. The noun does not change.
        assertEquals("one", PluralRules.forLocale(ULocale.forLanguageTag("tl")).select(11));
        assertEquals("other", PluralRules.forLocale(ULocale.forLanguageTag("tl")).select(4));
        assertEquals("4 minuto na po kayong nagtatrabaho. Mag-alok ng pahinga?", I18nOf("tl").get("forms.care.break.offer", 4));
        assertEquals("Subukan po ulit pagkalipas ng 1 segundo.", I18nOf("tl").get("vault.error.throttled", 1L).split("\\. ", 2)[1]);
        for (String language : LANGUAGES) {
            String text = I18nOf(language).get("packages.import.done", "x", 2, 3);
            assertFalse(text.contains("{") || text.contains("plural"), language + ": " + text);
        }
    }

    @Test
    @DisplayName("the register checks find what they look for (a staff text in ti, em or mo, and a survivor question with ju or po)")
    void theChecksCanFail() {
        Text staffSq = new Text("messages x", "Choose", "Elija", "Zgjidh atë që ke.");
        Text staffVi = new Text("messages x", "Choose", "Elija", "Em hãy chọn.");
        Text staffTl = new Text("messages x", "Choose", "Elija", "Pumili ka.");
        assertEquals(1, found(List.of(staffSq), TI).size());
        assertEquals(1, found(List.of(staffVi), Pattern.compile("(?iU)(?<!trẻ )\\bem\\b")).size());
        assertEquals(0, found(List.of(new Text("m", "", "", "Dịch vụ bảo vệ trẻ em")), Pattern.compile("(?iU)(?<!trẻ )\\bem\\b")).size());
        assertEquals(1, found(List.of(staffTl), FAMILIAR).size());
        Text survivor = new Text("consent.xml /data/x:label", "Are you OK?", "¿Estás bien?", "A jeni mirë?");
        assertTrue(survivor.toSurvivor());
        assertEquals(1, found(List.of(survivor), JU).size());
        assertFalse(new Text("consent.xml /data/x:hint", "", "¿Estás bien?", "").toSurvivor());
        assertEquals(Set.of("one", "other"), keywords("{0, plural, one {# a} other {# b}}"));
        Predicate<String> none = s -> keywords(s).isEmpty();
        assertTrue(none.test("no count"));
    }
}
