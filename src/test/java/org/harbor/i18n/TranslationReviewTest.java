package org.harbor.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.harbor.ui.cases.CaseView;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The points a reviewer of the Spanish and Arabic translations found (issue 12, "Translations (es,
 * ar)"), one test each, over every text a person reads: the message files, the built-in forms'
 * itext and the interview profiles. docs/translating.md holds the glossary these tests enforce.
 */
@DisplayName("The translations, as a reviewer reads them")
class TranslationReviewTest {

    static final Path FORMS = Path.of("src/main/resources/org/harbor/forms/builtin");
    static final Path PROFILES = Path.of("src/main/resources/org/harbor/interview/profiles");

    /** One text a person reads: where it is, its English, Spanish and Arabic, and its other languages by code. */
    record Text(String where, String en, String es, String ar, Map<String, String> others) {
        Text(String where, String en, String es, String ar) {
            this(where, en, es, ar, Map.of());
        }

        /** The text in {@code language}; empty when it has none. */
        String in(String language) {
            return switch (language) {
                case "en" -> en;
                case "es" -> es;
                case "ar" -> ar;
                default -> others.getOrDefault(language, "");
            };
        }

        String fr() {
            return in("fr");
        }

        String pt() {
            return in("pt");
        }

        boolean hint() {
            return where.endsWith(":hint") || where.endsWith(":constraintMsg");
        }

        boolean choice() {
            return where.contains(" choice.");
        }
    }

    static Properties messages(String file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("i18n", file), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    static List<Text> messageTexts() throws IOException {
        Properties en = messages("messages.properties");
        Properties es = messages("messages_es.properties");
        Properties ar = messages("messages_ar.properties");
        Map<String, Properties> others = new LinkedHashMap<>();
        for (String language : I18n.SHIPPED) {
            if (!List.of("en", "es", "ar").contains(language)) {
                others.put(language, messages("messages_" + language + ".properties"));
            }
        }
        return en.stringPropertyNames().stream().sorted()
                .map(k -> {
                    Map<String, String> more = new LinkedHashMap<>();
                    others.forEach((language, p) -> more.put(language, p.getProperty(k, "")));
                    return new Text("messages " + k, en.getProperty(k), es.getProperty(k, ""), ar.getProperty(k, ""), more);
                })
                .toList();
    }

    static List<Text> formTexts() throws Exception {
        List<Text> out = new ArrayList<>();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (Stream<Path> files = Files.list(FORMS)) {
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
                byId.forEach((id, v) -> out.add(new Text(file.getFileName() + " " + id,
                        v.getOrDefault("en", ""), v.getOrDefault("es", ""), v.getOrDefault("ar", ""), Map.copyOf(v))));
            }
        }
        return out;
    }

    static List<Text> profileTexts() throws IOException {
        List<Text> out = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(PROFILES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                collect(file.getFileName().toString(), json.readTree(file.toFile()), out);
            }
        }
        return out;
    }

    private static void collect(String where, JsonNode node, List<Text> out) {
        if (node.isObject() && node.has("en") && node.has("es") && node.get("en").isTextual()) {
            Map<String, String> all = new LinkedHashMap<>();
            node.properties().forEach(e -> all.put(e.getKey(), e.getValue().asText()));
            out.add(new Text(where, node.get("en").asText(), node.get("es").asText(),
                    node.has("ar") ? node.get("ar").asText() : "", all));
            return;
        }
        node.forEach(child -> collect(where, child, out));
    }

    static List<Text> everything() throws Exception {
        List<Text> all = new ArrayList<>(messageTexts());
        all.addAll(formTexts());
        all.addAll(profileTexts());
        return all;
    }

    static Text form(String file, String id) throws Exception {
        return formTexts().stream().filter(t -> t.where().equals(file + " " + id)).findFirst()
                .orElseThrow(() -> new AssertionError("no text " + id + " in " + file));
    }

    /** Lines "where: text" for every text in which {@code pattern} finds something. */
    static List<String> found(List<Text> texts, java.util.function.Function<Text, String> language, Pattern pattern) {
        List<String> out = new ArrayList<>();
        for (Text t : texts) {
            Matcher m = pattern.matcher(language.apply(t));
            if (m.find()) {
                out.add(t.where() + ": «" + m.group() + "» in " + language.apply(t));
            }
        }
        return out;
    }

    // ---- Polaris and HTCDS terms -------------------------------------------------------------

    @Test
    @DisplayName("Polaris outdoor solicitation is not called recruitment (\"Captación en la calle\") in Spanish or luring in Arabic")
    void outdoorSolicitationIsNotRecruitment() throws Exception {
        Text t = form("trafficking.xml", "choice.polaris.outdoor_solicitation");
        assertFalse(t.es().toLowerCase(Locale.ROOT).contains("captación"), t.es());
        assertTrue(t.es().contains("vía pública"), "Spanish names the sale of sex in public places: " + t.es());
        assertFalse(t.ar().contains("استدراج"), t.ar());
        assertTrue(t.ar().contains("الشوارع"), t.ar());
    }

    @Test
    @DisplayName("Polaris residential says brothels in private homes, not \"Residencial\"")
    void residentialNamesTheBrothels() throws Exception {
        Text t = form("trafficking.xml", "choice.polaris.residential");
        assertFalse(t.es().equalsIgnoreCase("Residencial"), t.es());
        assertTrue(t.es().contains("prostíbulo") || t.es().contains("Prostíbulo"), t.es());
        assertTrue(t.ar().contains("دعارة"), t.ar());
    }

    @Test
    @DisplayName("\"Uses children\" says that the exploiter uses the person's own children to control them, in Spanish and Arabic")
    void usesChildrenMeansThePersonsOwnChildrenAsLeverage() throws Exception {
        Text t = form("trafficking.xml", "choice.control.uses_children");
        assertFalse(t.es().startsWith("Utiliza a niños"), t.es());
        assertTrue(t.es().contains("hijos") && t.es().contains("de la persona") && t.es().contains("control"), t.es());
        assertFalse(t.ar().contains("استغلال الأطفال"), t.ar());
        assertTrue(t.ar().contains("أطفال الشخص") && t.ar().contains("سيطرة"), t.ar());
    }

    @Test
    @DisplayName("Polaris bars and cantinas: no \"الكانتينات\" in Arabic")
    void noCantinasTransliterated() throws Exception {
        assertEquals(List.of(), found(everything(), Text::ar, Pattern.compile("كانتين")));
    }

    // ---- One Spanish register ----------------------------------------------------------------

    /** Peninsular words and forms, each with its Latin-American replacement in docs/translating.md. */
    static final Pattern PENINSULAR = Pattern.compile("(?iu)\\b(cribado|vosotr[oa]s|vuestr[oa]s?|os\\s+(?:pedimos|damos)"
            + "|visado|partida de nacimiento|ordenador|móvil|vídeo|añad\\w*|hostelería|sanitari[oa]s?|pulse|intro"
            + "|coger|fichero|zumo|coche|vale\\.)\\b");
    /** Forms of "tú", outside quoted example prompts. */
    static final Pattern TU = Pattern.compile("(?iuU)(?<![-\\w])(tú|tu|tus|te|ti|contigo|puedes|quieres|tienes|estás|necesitas)(?![-\\w])");
    /** Forms of "usted". */
    static final Pattern USTED = Pattern.compile("(?iu)\\b(usted|ustedes)\\b");
    static final Pattern QUOTED = Pattern.compile("«[^»]*»");

    @Test
    @DisplayName("one Spanish register: Latin-American words (visa, acta de nacimiento, no cribado, vosotros or peninsular vocabulary); usted to workers, tú to the survivor")
    void oneLatinAmericanSpanishRegister() throws Exception {
        List<String> problems = new ArrayList<>(found(everything(), Text::es, PENINSULAR));
        // Everything staff read (the application's messages, the forms' hints) says usted; a quoted
        // example prompt for the survivor («Cuéntame más») keeps its tú.
        List<Text> staff = new ArrayList<>(messageTexts());
        formTexts().stream().filter(Text::hint).forEach(staff::add);
        for (Text t : staff) {
            if (t.where().startsWith("messages language.name.")) {
                continue; // each language's own name ("Tiếng Việt"), not Spanish
            }
            Matcher m = TU.matcher(QUOTED.matcher(t.es()).replaceAll(""));
            if (m.find()) {
                problems.add(t.where() + ": tú («" + m.group() + "») in text for staff: " + t.es());
            }
        }
        // What is read to the survivor in the forms says tú, never usted.
        problems.addAll(found(formTexts().stream().filter(t -> !t.hint()).toList(), Text::es, USTED));
        assertEquals(List.of(), problems);
        assertEquals("Visa", form("intake.xml", "choice.doc_type.visa").es());
        assertEquals("Acta de nacimiento", form("intake.xml", "choice.doc_type.birth_certificate").es());
    }

    @Test
    @DisplayName("no masculine-only address or reference where Spanish offers both, and Arabic asks the survivor without a masculine adjective")
    void noMasculineOnlyAddress() throws Exception {
        Pattern masculine = Pattern.compile("(?u)\\b(un|el|del|al|los|por un|para un) (entrevistador|trabajador|supervisor|profesional"
                + "|tutor|menor|médico)\\b(?! o (la|una|el|un)\\b)(?!/a)");
        List<String> problems = new ArrayList<>(found(everything(), Text::es, masculine));
        problems.addAll(found(everything(), Text::es, Pattern.compile("(?u)\\b(Vinculado|conocida como|cómodo)\\b(?! o )")));
        // Read to the survivor: a question like "are you willing" has a masculine adjective (موافق)
        // or verb (توافق) in Arabic; the forms ask "is it acceptable to you", which is written the
        // same for a girl and a boy.
        problems.addAll(found(formTexts().stream().filter(t -> !t.hint() && !t.choice()).toList(), Text::ar,
                Pattern.compile("هل توافق|هل أنت موافق|هل تشعر|هل تحتاج|هل تريد|أنت مصاب|بأنك غير آمن|تحمل جنسيته")));
        assertEquals(List.of(), problems);
    }

    // ---- Pause and break ---------------------------------------------------------------------

    static final Pattern BREAK = Pattern.compile("(?i)\\bbreaks?\\b");
    static final Pattern PAUSE = Pattern.compile("(?i)\\bpaus(e|ed|es|ing)\\b");

    @Test
    @DisplayName("pause of a form and break for the person: one Spanish word per concept (pausa, descanso) and one Arabic word per concept")
    void pauseAndBreakAreTwoConceptsWithOneWordEach() throws Exception {
        List<String> problems = new ArrayList<>();
        List<Text> screens = new ArrayList<>(messageTexts());
        screens.addAll(formTexts());
        for (Text t : everything()) {
            boolean isBreak = BREAK.matcher(t.en()).find();
            boolean isPause = PAUSE.matcher(t.en()).find();
            String es = t.es().toLowerCase(Locale.ROOT);
            if (isBreak && !es.contains("descans")) {
                problems.add(t.where() + ": a break is «descanso»: " + t.es());
            }
            if (isBreak && !isPause && es.contains("pausa")) {
                problems.add(t.where() + ": «pausa» is a form's pause, not a break: " + t.es());
            }
            if (isPause && !isBreak && (es.contains("descans") || !es.contains("pausa"))) {
                problems.add(t.where() + ": a pause is «pausa»: " + t.es());
            }
            if (!isBreak && !isPause && (es.contains("descans") || es.contains("pausa"))) {
                problems.add(t.where() + ": «descanso» or «pausa» for something else: " + t.es());
            }
        }
        for (Text t : screens) {
            boolean isBreak = BREAK.matcher(t.en()).find();
            boolean isPause = PAUSE.matcher(t.en()).find();
            if (isBreak && !t.ar().contains("استراح")) {
                problems.add(t.where() + ": a break is «استراحة»: " + t.ar());
            }
            if (isPause && !isBreak && (t.ar().contains("استراح") || !t.ar().contains("مؤقت"))) {
                problems.add(t.where() + ": a pause is «إيقاف مؤقت»: " + t.ar());
            }
        }
        assertEquals(List.of(), problems);
    }

    // ---- French ------------------------------------------------------------------------------

    /** Forms of "tu", outside quoted example prompts. */
    static final Pattern FR_TU = Pattern.compile("(?iU)(?<![-\\w’])(tu|te|toi|ton|ta|tes|t’)(?![-\\w])|(?<![-\\w])t’(?=\\w)");
    static final Pattern FR_VOUS = Pattern.compile("(?iU)(?<![-\\w])(vous)(?![-\\w])");
    static final Pattern FR_QUOTED = Pattern.compile("«[^»]*»");
    static final Pattern STAFF_OBSERVATION_FR = Pattern.compile("^Observation de l’équipe, à ne pas lire à voix haute");

    @Test
    @DisplayName("one French register: vous to staff, tu to the survivor; the typographic apostrophe ’ throughout")
    void oneFrenchRegister() throws Exception {
        List<String> problems = new ArrayList<>();
        List<Text> staff = new ArrayList<>(messageTexts());
        formTexts().stream().filter(Text::hint).forEach(staff::add);
        for (Text t : staff) {
            Matcher m = FR_TU.matcher(FR_QUOTED.matcher(t.fr()).replaceAll(""));
            if (m.find()) {
                problems.add(t.where() + ": tu («" + m.group() + "») in text for staff: " + t.fr());
            }
        }
        problems.addAll(found(formTexts().stream().filter(t -> !t.hint() && !t.choice())
                .filter(t -> !STAFF_OBSERVATION_FR.matcher(t.fr()).find()).toList(), Text::fr, FR_VOUS));
        // MessageFormat reads a straight apostrophe as a quote and drops it; French writes ’.
        problems.addAll(found(everything(), Text::fr, Pattern.compile("'(?![^<]*\"/>)")));
        assertEquals(List.of(), problems);
        assertEquals("Comment tu t’appelles\u00a0?", form("intake.xml", "/data/names/name:label").fr());
    }

    @Test
    @DisplayName("French glossary: formulaire for a form, dossier for a case; a break is «pause» and the worker's pause «suspension»; Polaris and HTCDS terms")
    void frenchGlossary() throws Exception {
        List<String> problems = new ArrayList<>(found(everything(), Text::fr, Pattern.compile("(?iU)\\bformules?\\b")));
        List<Text> screens = new ArrayList<>(messageTexts());
        screens.addAll(formTexts());
        for (Text t : screens) {
            boolean isBreak = BREAK.matcher(t.en()).find();
            boolean isPause = PAUSE.matcher(t.en()).find();
            String fr = t.fr().toLowerCase(Locale.ROOT);
            if (isBreak && !fr.contains("pause")) {
                problems.add(t.where() + ": a break is «pause»: " + t.fr());
            }
            if (isPause && !isBreak && (fr.contains("pause") || !fr.contains("suspen"))) {
                problems.add(t.where() + ": the worker's pause is «suspendre», «suspension»: " + t.fr());
            }
            if (!isBreak && !isPause && fr.contains("pause")) {
                problems.add(t.where() + ": «pause» for something else: " + t.fr());
            }
            if (Pattern.compile("(?i)\\bcases?\\b").matcher(t.en()).find() && !t.where().contains("choice.")
                    && Pattern.compile("(?iU)\\b(le|un|du|ce|des|les|aux?) cas\\b(?! (où|de|d’))").matcher(t.fr()).find()) {
                problems.add(t.where() + ": a case is «dossier»: " + t.fr());
            }
        }
        problems.addAll(found(everything(), Text::fr, Pattern.compile("(?U)\\b(un|le|du|au) (superviseur|intervieweur|tuteur|"
                + "travailleur social|enquêteur|mineur)\\b(?!/)(?![^.;:]{0,30}\\b(superviseure|intervieweuse|tutrice|travailleuse|enquêtrice"
                + "|mineure)\\b)")));
        assertEquals(List.of(), problems);
        assertTrue(form("trafficking.xml", "choice.polaris.outdoor_solicitation").fr().contains("rue"));
        assertTrue(form("trafficking.xml", "choice.polaris.residential").fr().contains("Maisons closes"));
        assertTrue(form("trafficking.xml", "choice.control.uses_children").fr().contains("enfants de la personne"));
        assertEquals("Servitude pour dettes", form("trafficking.xml", "choice.control.debt_bondage").fr());
    }

    // ---- Portuguese (Brazilian) -------------------------------------------------------------

    /** European Portuguese words and forms, each with its Brazilian counterpart in docs/translating.md. */
    static final Pattern EUROPEAN_PT = Pattern.compile("(?iU)\\b(ficheiros?|ecrã|telemóve(l|is)|utilizador(es|as?)?|registar|registad[oa]s?"
            + "|equipa|contactos?|contactar|facto|receção|autocarro|comboio|camião|rapariga|casa de banho|pequeno-almoço"
            + "|tu|teus?|tuas?|contigo|vós|vosso|vossa)\\b");

    @Test
    @DisplayName("one Portuguese register: Brazilian words and você throughout (no tu, vós or European Portuguese vocabulary)")
    void oneBrazilianPortugueseRegister() throws Exception {
        List<String> problems = new ArrayList<>(found(everything(), Text::pt, EUROPEAN_PT));
        // MessageFormat reads a straight apostrophe as a quote and drops it.
        problems.addAll(found(messageTexts(), Text::pt, Pattern.compile("'")));
        assertEquals(List.of(), problems);
        assertEquals("Qual é o seu nome?", form("intake.xml", "/data/names/name:label").pt());
        assertEquals("Certidão de nascimento", form("intake.xml", "choice.doc_type.birth_certificate").pt());
    }

    @Test
    @DisplayName("Portuguese glossary: a break is «intervalo» and the worker's pause «pausa»; both genders or a neutral wording; Polaris and HTCDS terms")
    void portugueseGlossary() throws Exception {
        List<String> problems = new ArrayList<>();
        List<Text> screens = new ArrayList<>(messageTexts());
        screens.addAll(formTexts());
        for (Text t : screens) {
            boolean isBreak = BREAK.matcher(t.en()).find();
            boolean isPause = PAUSE.matcher(t.en()).find();
            String pt = t.pt().toLowerCase(Locale.ROOT);
            if (isBreak && !pt.contains("intervalo")) {
                problems.add(t.where() + ": a break is «intervalo»: " + t.pt());
            }
            if (isPause && !isBreak && (pt.contains("intervalo") || !pt.contains("paus"))) {
                problems.add(t.where() + ": the worker's pause is «pausa»: " + t.pt());
            }
            if (!isBreak && !isPause && (pt.contains("intervalo") || pt.contains("pausa"))) {
                problems.add(t.where() + ": «intervalo» or «pausa» for something else: " + t.pt());
            }
        }
        problems.addAll(found(everything(), Text::pt, Pattern.compile("(?U)\\b(um|o|do|ao|pelo) (supervisor|entrevistador|tutor|aliciador|"
                + "trabalhador|menor)\\b(?!/)(?![^.;:]{0,30}\\b(supervisora|entrevistadora|tutora|aliciadora|trabalhadora)\\b)")));
        problems.addAll(found(everything(), Text::pt, Pattern.compile("(?iU)\\bBem-vind[oa]\\b")));
        assertEquals(List.of(), problems);
        assertTrue(form("trafficking.xml", "choice.polaris.outdoor_solicitation").pt().contains("rua"));
        assertEquals("Prostíbulos em casas particulares", form("trafficking.xml", "choice.polaris.residential").pt());
        assertTrue(form("trafficking.xml", "choice.control.uses_children").pt().contains("filhos ou filhas da pessoa"));
        assertEquals("Servidão por dívida", form("trafficking.xml", "choice.control.debt_bondage").pt());
    }

    // ---- Arabic ------------------------------------------------------------------------------

    @Test
    @DisplayName("Arabic for a child: no \"نوعك الاجتماعي\" (your gender) and no \"قضيتك\" (your legal case) in what the survivor hears")
    void arabicSurvivorFacingWording() throws Exception {
        List<String> problems = new ArrayList<>(found(everything(), Text::ar, Pattern.compile("نوعك الاجتماعي")));
        // A case is «حالة» everywhere; «قضية» is a lawsuit.
        problems.addAll(found(everything(), Text::ar, Pattern.compile("قضي(ة|ت|تك)|القضية|قضايا")));
        assertEquals(List.of(), problems);
        assertTrue(form("intake.xml", "/data/gender/gender:label").ar().contains("ولد"),
                "the question asks a child in a child's words");
    }

    @Test
    @DisplayName("one Arabic word for \"form\": استمارة, never نموذج")
    void oneArabicWordForForm() throws Exception {
        List<Text> screens = new ArrayList<>(messageTexts());
        screens.addAll(formTexts());
        assertEquals(List.of(), found(screens, Text::ar, Pattern.compile("نموذج|النموذج|نماذج")));
        long withForm = screens.stream().filter(t -> Pattern.compile("(?i)\\bforms?\\b").matcher(t.en()).find())
                .filter(t -> t.ar().contains("استمار")).count();
        assertTrue(withForm > 10, "استمارة is used for forms: " + withForm);
    }

    // ---- Plurals -----------------------------------------------------------------------------

    @Test
    @DisplayName("Arabic plural categories render correctly for 0, 1, 2, 3, 11 and 100 minutes via ICU")
    void arabicMinutesUseIcuPluralCategories() {
        I18n ar = new I18n(Locale.of("ar"));
        Map<Integer, String> expected = new LinkedHashMap<>();
        expected.put(0, "0 دقيقة");
        expected.put(1, "دقيقة واحدة");
        expected.put(2, "دقيقتين");
        expected.put(3, "3 دقائق");
        expected.put(11, "11 دقيقة");
        expected.put(100, "100 دقيقة");
        expected.forEach((n, words) -> {
            String text = ar.get("forms.care.break.offer", n);
            assertTrue(text.contains(words), n + " → " + text);
            assertFalse(text.contains("{") || text.contains("plural"), text);
        });
        assertFalse(ar.get("forms.care.break.offer", 2).contains("2"), "two is said with the dual, not the digit");
        assertFalse(ar.get("forms.care.break.offer", 3).contains("دقيقة"), "3 to 10 take the plural دقائق");
        // Arabic "few" is 3 to 10 and 103 to 110, "many" 11 to 99 and 111 to 199.
        assertTrue(ar.get("forms.care.break.offer", 103).contains("103 دقائق"));
        assertTrue(ar.get("forms.care.break.offer", 111).contains("111 دقيقة"));
    }

    @Test
    @DisplayName("every message with a count has plural forms in every shipped language, and they render")
    void countedMessagesArePluralInEveryLanguage() throws IOException {
        List<String> counted = List.of("vault.error.throttled", "forms.care.break.offer", "forms.repeat.prompt",
                "packages.export.done", "packages.import.done", "cases.count", "attachments.pane.attached",
                "outbox.release.body", "outbox.purge.body", "outbox.purged");
        for (String language : I18n.SHIPPED) {
            String file = language.equals("en") ? "messages.properties" : "messages_" + language + ".properties";
            Properties p = messages(file);
            for (String key : counted) {
                assertTrue(p.getProperty(key).contains("plural,"), file + " " + key + " has no plural forms");
            }
        }
        I18n en = new I18n(Locale.ENGLISH);
        assertEquals("You have been working for 1 minute. Offer a break?", en.get("forms.care.break.offer", 1));
        assertEquals("You have been working for 25 minutes. Offer a break?", en.get("forms.care.break.offer", 25));
        assertEquals("Too many failed attempts. Try again in 1 second.", en.get("vault.error.throttled", 1L));
        I18n es = new I18n(Locale.of("es"));
        assertEquals("Lleva 1 minuto trabajando. ¿Ofrecer un descanso?", es.get("forms.care.break.offer", 1));
        assertEquals("Lleva 25 minutos trabajando. ¿Ofrecer un descanso?", es.get("forms.care.break.offer", 25));
        assertEquals("Se muestra 1 de 1 caso", es.get("cases.count", 1, 1));
        I18n ar = new I18n(Locale.of("ar"));
        assertTrue(ar.get("vault.error.throttled", 2L).contains("ثانيتين"), ar.get("vault.error.throttled", 2L));
        assertTrue(ar.get("cases.count", 5, 12).contains("12 حالة"), ar.get("cases.count", 5, 12));
        assertTrue(ar.get("packages.export.done", 3, "x.age", 7).contains("3 حالات"), ar.get("packages.export.done", 3, "x.age", 7));
    }

    @Test
    @DisplayName("a message without a count is formatted as before, without ICU")
    void plainMessagesStayJavaMessageFormat() {
        I18n es = new I18n(Locale.of("es"));
        assertEquals("Caso 7", es.get("case.titleWithNumber", 7));
        assertFalse(PluralMessages.needsIcu(es.bundle().getString("case.titleWithNumber")));
        assertTrue(PluralMessages.needsIcu("{0, plural, one {#} other {#}}"));
    }

    /** A class loader of its own for Harbor's classes and ICU4J, which notes every class asked of it. */
    static final class Recording extends URLClassLoader {
        final Set<String> asked = ConcurrentHashMap.newKeySet();

        Recording(URL... urls) {
            super(urls, ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            asked.add(name);
            return super.loadClass(name, resolve);
        }

        boolean icu() {
            return asked.stream().anyMatch(n -> n.startsWith("com.ibm.icu."));
        }
    }

    @Test
    @DisplayName("ICU4J loads only when a message with a count is formatted, not on the way to the first window (ADR 0007)")
    void icuLoadsOnlyForPluralMessages() throws Exception {
        URL harbor = I18n.class.getProtectionDomain().getCodeSource().getLocation();
        URL icu = com.ibm.icu.text.MessageFormat.class.getProtectionDomain().getCodeSource().getLocation();
        try (Recording loader = new Recording(harbor, icu)) {
            Class<?> type = Class.forName(I18n.class.getName(), true, loader);
            Object i18n = type.getConstructor(Locale.class).newInstance(Locale.of("ar"));
            Method get = type.getMethod("get", String.class, Object[].class);
            get.invoke(i18n, "case.titleWithNumber", new Object[] {7});
            get.invoke(i18n, "login.title", new Object[0]);
            type.getMethod("languageName", String.class).invoke(i18n, "es");
            assertFalse(loader.icu(), "ICU was loaded for messages without a count");
            assertTrue(((String) get.invoke(i18n, "forms.care.break.offer", new Object[] {3})).contains("3 دقائق"));
            assertTrue(loader.icu(), "the plural message went through ICU");
        }
    }

    // ---- Language names ----------------------------------------------------------------------

    @Test
    @DisplayName("language names inside a sentence are in the display language (no \"Acogida en English\")")
    void languageNamesInTheDisplayLanguage() {
        I18n es = new I18n(Locale.of("es"));
        assertEquals("inglés", es.languageName("en"));
        assertEquals("Inglés", es.languageLabel("en"));
        assertEquals("Admisión en inglés, iniciada el 3 dic 2026", CaseView.sessionTitle(es, "intake", "en", "3 dic 2026"));
        I18n ar = new I18n(Locale.of("ar"));
        assertEquals("الاستقبال باللغة الإسبانية، بدأت في x", CaseView.sessionTitle(ar, "intake", "es", "x"));
        I18n en = new I18n(Locale.ENGLISH);
        assertEquals("Forensic interview in Arabic, started x", CaseView.sessionTitle(en, "interview", "ar", "x"));
        // The display-language picker keeps each language's own name, so that a person finds theirs.
        assertEquals("English", es.nativeName("en"));
        assertEquals("العربية", en.nativeName("ar"));
    }
}
