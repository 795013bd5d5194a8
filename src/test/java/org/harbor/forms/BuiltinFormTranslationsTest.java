package org.harbor.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.harbor.i18n.I18n;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The itext of every built-in form, read as XML: every text id has a value in every shipped language
 * ({@link I18n#SHIPPED}), none empty, none left in English, with the same placeholders.
 */
@DisplayName("The built-in forms' translations")
class BuiltinFormTranslationsTest {

    static final String XFORMS = "http://www.w3.org/2002/xforms";
    static final Pattern OUTPUT = Pattern.compile("<output value=\"([^\"]*)\"/>");
    static final Pattern ARABIC_LETTER = Pattern.compile("\\p{IsArabic}");
    /** Names that Spanish writes as English does: brand names of apps, and the words "No" and "Visa". */
    static final Set<String> SAME_IN_SPANISH = Set.of("choice.yes_no.no", "choice.reads.no", "choice.doc_type.visa",
            "choice.platform.facebook", "choice.platform.instagram", "choice.platform.whatsapp",
            "choice.platform.telegram", "choice.platform.tiktok", "choice.platform.snapchat", "choice.platform.viber");
    /**
     * Text ids that a language from a catalog (tools/forms/catalog/LANG.json) writes as English does,
     * besides the brand names of apps ({@code choice.platform.*}): a word both languages share.
     */
    static final Map<String, Set<String>> SAME_AS_ENGLISH = Map.of(
            "fr", Set.of("choice.doc_type.visa", "choice.relation.parent", "choice.labour.agriculture",
                    "choice.labour.construction", "choice.labour.transportation", "choice.polaris.construction",
                    "choice.sex.prostitution", "/data/exploitation:label", "/data/referrals/organisation:label",
                    "/data/referrals/service:label"),
            "pt", Set.of());

    /** text id → (language → value with its placeholders as markup). */
    static Map<String, Map<String, String>> itext(String name) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        Document doc = builder.parse(new ByteArrayInputStream(BuiltinForms.bytes(name)));
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        NodeList translations = doc.getElementsByTagNameNS(XFORMS, "translation");
        for (int i = 0; i < translations.getLength(); i++) {
            Element translation = (Element) translations.item(i);
            String lang = translation.getAttribute("lang");
            NodeList texts = translation.getElementsByTagNameNS(XFORMS, "text");
            for (int j = 0; j < texts.getLength(); j++) {
                Element text = (Element) texts.item(j);
                Element value = (Element) text.getElementsByTagNameNS(XFORMS, "value").item(0);
                out.computeIfAbsent(text.getAttribute("id"), k -> new LinkedHashMap<>()).put(lang, markup(value));
            }
        }
        return out;
    }

    /** The value's text with each {@code <output value="..."/>} written back as markup. */
    static String markup(Element value) {
        StringBuilder sb = new StringBuilder();
        for (Node child = value == null ? null : value.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE && "output".equals(child.getLocalName())) {
                sb.append("<output value=\"").append(((Element) child).getAttribute("value")).append("\"/>");
            } else {
                sb.append(child.getTextContent());
            }
        }
        return sb.toString();
    }

    static Set<String> placeholders(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = OUTPUT.matcher(text);
        while (m.find()) {
            out.add(m.group(1).replaceAll("'[^']*'", "'…'")); // string literals in an output are text, translated
        }
        return out;
    }

    @Test
    @DisplayName("every text id has a value in every shipped language, none empty, none left untranslated, same placeholders")
    void complete() throws Exception {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (String name : BuiltinForms.index()) {
            Map<String, Map<String, String>> texts = itext(name);
            assertTrue(texts.size() > 20, name + " has almost no itext");
            for (Map.Entry<String, Map<String, String>> entry : texts.entrySet()) {
                String id = name + " " + entry.getKey();
                Map<String, String> values = entry.getValue();
                if (!values.keySet().equals(Set.copyOf(I18n.SHIPPED))) {
                    problems.add(id + ": languages " + values.keySet());
                    continue;
                }
                String en = values.get("en");
                String es = values.get("es");
                String ar = values.get("ar");
                for (Map.Entry<String, String> v : values.entrySet()) {
                    if (v.getValue().isBlank()) {
                        problems.add(id + ": empty in " + v.getKey());
                    }
                    if (!placeholders(v.getValue()).equals(placeholders(en))) {
                        problems.add(id + ": placeholders differ in " + v.getKey());
                    }
                }
                if (es.equals(en) && !SAME_IN_SPANISH.contains(entry.getKey())) {
                    problems.add(id + ": Spanish is the English text");
                }
                if (ar.equals(en) || !ARABIC_LETTER.matcher(OUTPUT.matcher(ar).replaceAll("")).find()) {
                    problems.add(id + ": Arabic is not written in Arabic");
                }
                for (String language : I18n.SHIPPED) {
                    if (List.of("en", "es", "ar").contains(language) || !values.get(language).equals(en)) {
                        continue;
                    }
                    boolean shared = entry.getKey().startsWith("choice.platform.")
                            || !OUTPUT.matcher(en).replaceAll("").matches("(?s).*\\p{L}.*")
                            || SAME_AS_ENGLISH.getOrDefault(language, Set.of()).contains(entry.getKey());
                    if (!shared) {
                        problems.add(id + ": " + language + " is the English text");
                    }
                }
                checked++;
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(checked > 400, "only " + checked + " texts");
    }

    @Test
    @DisplayName("the placeholder check notices a missing output")
    void placeholderCheckWorks() {
        assertEquals(Set.of("/data/x"), placeholders("Count: <output value=\"/data/x\"/>"));
        assertTrue(placeholders("Count:").isEmpty());
    }
}
