package org.harbor.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.javarosa.core.model.FormDef;
import org.javarosa.core.model.GroupDef;
import org.javarosa.core.model.QuestionDef;
import org.javarosa.core.model.SelectChoice;
import org.javarosa.core.services.locale.Localizer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The built-in forms")
class BuiltinFormsTest {

    @Test
    @DisplayName("are listed in the index in the agreed order, with their ids and a version")
    void index() {
        assertEquals(List.of("consent.xml", "safety.xml", "intake.xml", "trafficking.xml", "referrals.xml"),
                BuiltinForms.index());
        for (String name : BuiltinForms.index()) {
            LoadedForm form = BuiltinForms.load(name);
            assertEquals("harbor-" + name.replace(".xml", ""), form.formId(), name);
            assertTrue(form.version().matches("\\d{10}"), name + " version " + form.version());
        }
    }

    @Test
    @DisplayName("load through FormLoader with every question supported")
    void load() {
        for (String name : BuiltinForms.index()) {
            LoadedForm form = BuiltinForms.load(name);
            assertTrue(form.fullySupported(), name + " has unsupported questions: " + form.notAvailable());
            assertTrue(form.questions().size() > 5, name);
        }
    }

    @ParameterizedTest(name = "in {0}")
    @org.junit.jupiter.params.provider.FieldSource("org.harbor.i18n.I18n#SHIPPED")
    @DisplayName("read every label, hint and choice label")
    void everyTextReads(String language) {
        List<String> problems = new ArrayList<>();
        for (String name : BuiltinForms.index()) {
            FormDef form = BuiltinForms.load(name).definition();
            Localizer localizer = form.getLocalizer();
            assertTrue(localizer.hasLocale(language), name + " has no " + language);
            localizer.setLocale(language);
            BuiltinForms.walk(form, element -> {
                String where = name + " " + element.getBind().getReference();
                check(localizer, element.getTextID(), where + " label", problems);
                if (element instanceof QuestionDef q) {
                    check(localizer, q.getHelpTextID(), where + " hint", problems);
                    if (q.getChoices() != null) {
                        for (SelectChoice choice : q.getChoices()) {
                            check(localizer, choice.getTextID(), where + " choice " + choice.getValue(), problems);
                        }
                    }
                } else if (!(element instanceof GroupDef)) {
                    problems.add(where + " is neither a group nor a question");
                }
            });
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static void check(Localizer localizer, String textId, String where, List<String> problems) {
        if (textId == null) {
            problems.add(where + ": not an itext reference");
            return;
        }
        String text = localizer.getText(textId);
        if (text == null || text.isBlank()) {
            problems.add(where + ": no text for " + textId + " in " + localizer.getLocale());
        }
    }
}
