package org.harbor.ui.emergency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.harbor.accounts.EmergencyContact;
import org.harbor.ui.common.FieldVault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Issue 14: the emergency panel's view-model shows the organisation's contacts and the country's hotlines (R2)")
class EmergencyViewModelTest {

    @TempDir
    Path dir;
    FieldVault vault;

    @BeforeEach
    void open() throws Exception {
        vault = new FieldVault(dir);
    }

    @AfterEach
    void close() {
        vault.close();
    }

    private EmergencyViewModel model() {
        return new EmergencyViewModel(vault.useCases().showEmergencyContacts(), vault.harbor.i18n(), vault.ui);
    }

    private static List<String> numbers(EmergencyViewModel model) {
        return model.contacts().stream().map(EmergencyContact::number).toList();
    }

    @Test
    @DisplayName("nothing set and no country: the panel says a supervisor adds contacts in Settings")
    void noneSet() {
        EmergencyViewModel model = model();
        model.load();
        assertTrue(model.contacts().isEmpty());
        assertEquals(vault.says("emergency.none"), model.messageProperty().get());
    }

    @Test
    @DisplayName("a country chosen but no contacts saved: the country's child and trafficking hotlines, when-to-call in the display language")
    void countryDefaults() {
        vault.harbor.settings().setOrganisationCountry(vault.supervisor, "GB");
        EmergencyViewModel model = model();
        model.load();
        assertEquals(List.of("08000 121 700", "0800 1111"), numbers(model));
        assertEquals(vault.says("emergency.hotline.trafficking.when"), model.contacts().getFirst().whenToCall());
        vault.harbor.i18n().use(Locale.of("ar"));
        model.load();
        assertEquals(vault.says("emergency.hotline.child.when"), model.contacts().get(1).whenToCall());
        assertTrue(model.contacts().get(1).whenToCall().matches(".*[\\u0600-\\u06FF].*"), "in Arabic");
    }

    @Test
    @DisplayName("saved contacts replace the defaults; an empty list saved on purpose shows none")
    void savedEmptyList() {
        vault.harbor.settings().setEmergencyContacts(vault.supervisor, "GB", List.of());
        EmergencyViewModel model = model();
        model.load();
        assertEquals(List.of(), numbers(model));
        assertEquals(vault.says("emergency.none"), model.messageProperty().get());
    }

    @Test
    @DisplayName("the organisation's own contacts are shown as saved, read again each time the panel opens")
    void savedContacts() {
        vault.harbor.settings().setEmergencyContacts(vault.supervisor, "US",
                List.of(new EmergencyContact("Duty supervisor", "+1 555 0100", "Any danger to the child")));
        EmergencyViewModel model = model();
        model.load();
        assertEquals(List.of("+1 555 0100"), numbers(model));
        assertEquals(vault.says("emergency.when", "Any danger to the child"), model.when(model.contacts().getFirst()));
        assertTrue(model.accessibleText(model.contacts().getFirst()).contains("+1 555 0100"));
        assertEquals("", model.messageProperty().get());
        model.dispose();
        assertTrue(model.contacts().isEmpty(), "nothing stays in memory after the panel closes");
    }

    @Test
    @DisplayName("text in every shipped language: the panel's title and the hotlines' when-to-call in Spanish and Arabic")
    void everyLanguage() {
        for (String language : org.harbor.i18n.I18n.SHIPPED) {
            vault.harbor.i18n().use(Locale.of(language));
            EmergencyViewModel model = model();
            assertEquals(vault.says("emergency.title"), model.title());
            assertTrue(!model.title().equals("emergency.title"));
            assertTrue(!vault.says("emergency.hotline.traffickingText.when").startsWith("emergency."));
        }
    }
}
