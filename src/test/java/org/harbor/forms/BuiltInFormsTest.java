package org.harbor.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.harbor.accounts.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Built-in forms")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BuiltInFormsTest {

    FormFixture fx;
    Session supervisor;

    @BeforeAll
    void vault(@TempDir Path dir) throws Exception {
        fx = FormFixture.create(dir);
        supervisor = fx.current();
    }

    @AfterAll
    void close() {
        fx.close();
    }

    private FormService withTestBuiltIns() {
        return new FormService(fx.harbor.vault(), fx.harbor.accounts(), fx.harbor.cases(), fx.harbor.audit(), fx.clock,
                () -> "en", "/org/harbor/forms/testbuiltin/");
    }

    @Test
    @DisplayName("the forms of the built-in index are registered once, versioned, and their ids cannot be imported over")
    void registered() throws Exception {
        FormService service = withTestBuiltIns();
        FormDefinition builtIn = service.forms(supervisor).stream().filter(d -> d.formId().equals("test-builtin-safety"))
                .findFirst().orElseThrow();
        assertTrue(builtIn.builtIn());
        assertEquals("7", builtIn.version());
        long entries = fx.harbor.audit().checkpoint().entries();
        withTestBuiltIns().forms(supervisor);
        assertEquals(entries, fx.harbor.audit().checkpoint().entries(), "a second start registers nothing again");
        byte[] imposter = new String(FormFixture.testForm(FormFixture.SAFETY), StandardCharsets.UTF_8)
                .replace("id=\"test-safety\" version=\"1\"", "id=\"test-builtin-safety\" version=\"8\"").getBytes(StandardCharsets.UTF_8);
        FormRejectedException e = assertThrows(FormRejectedException.class, () -> service.importForm(supervisor, imposter));
        assertTrue(e.reason().contains("built-in"), e.reason());
    }

    @Test
    @DisplayName("every form of Harbor's own index registers and opens in English, Spanish and Arabic")
    void shipped() throws Exception {
        List<String> names = FormService.builtInNames();
        Set<String> registered = fx.harbor.forms().forms(supervisor).stream().filter(FormDefinition::builtIn)
                .map(FormDefinition::formId).filter(id -> !id.equals("test-builtin-safety")).collect(Collectors.toSet());
        assertEquals(names.size(), registered.size(), "one registered form per file of the index");
        for (String id : registered) {
            for (String language : org.harbor.i18n.I18n.SHIPPED) {
                FormSession form = fx.harbor.forms().open(supervisor, fx.newCaseSession(supervisor, language), id);
                FormPage page = form.page();
                assertTrue(page.type() == FormPage.Type.QUESTIONS && !page.questions().isEmpty(), id + " opens on a question");
                for (PageQuestion q : page.questions()) {
                    assertFalse(q.text().isBlank(), id + " has a label in " + language);
                    if (!language.equals("en")) {
                        assertTrue(q.textUi() != null, id + " shows the display language beneath " + language);
                    }
                }
            }
        }
    }
}
