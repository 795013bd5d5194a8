package org.harbor.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.harbor.accounts.EmergencyContact;
import org.harbor.accounts.Role;
import org.harbor.accounts.Session;
import org.harbor.audit.AuditLog;
import org.harbor.ui.common.FieldVault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Issue 14: organisation-set emergency contacts edited by a supervisor in Settings, the country's hotlines as editable defaults (R2)")
class EmergencyContactsViewModelTest {

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

    private EmergencyContactsViewModel model(Session session) {
        return new EmergencyContactsViewModel(vault.useCases().editEmergencyContacts(), vault.harbor.i18n(), vault.ui, session);
    }

    private static List<String> numbers(EmergencyContactsViewModel model) {
        return model.rows().stream().map(r -> r.number.get()).toList();
    }

    private List<AuditLog.Entry> audit() {
        List<AuditLog.Entry> out = new ArrayList<>();
        vault.harbor.vault().transaction(c -> {
            AuditLog.forEach(c, out::add);
            return null;
        });
        return out;
    }

    @Test
    @DisplayName("choosing the country fills in its child and trafficking hotlines; a supervisor edits one, removes one, adds the organisation's own, saves")
    void supervisorEditsDefaults() {
        EmergencyContactsViewModel model = model(vault.supervisor);
        assertTrue(model.mayEdit());
        assertTrue(model.countries().containsAll(List.of("", "US", "GB")));
        assertEquals("United Kingdom", model.countryName("GB"));
        model.chooseCountry("US");
        assertEquals(List.of("1-888-373-7888", "233733", "1-800-422-4453"), numbers(model));
        model.rows().get(2).when.set("Abuse of a child at home");
        model.remove(model.rows().get(1));
        EmergencyContactsViewModel.Row own = model.addRow();
        own.name.set("Duty supervisor (Ana)");
        own.number.set("+1 555 0100");
        own.when.set("Any danger to the child, day or night");
        model.save();
        assertEquals(vault.says("settings.emergency.saved"), model.messageProperty().get());
        assertEquals(Optional.of("US"), vault.harbor.settings().organisationCountry());
        List<EmergencyContact> saved = vault.harbor.settings().emergencyContacts().orElseThrow();
        assertEquals(List.of("1-888-373-7888", "1-800-422-4453", "+1 555 0100"), saved.stream().map(EmergencyContact::number).toList());
        assertEquals("Abuse of a child at home", saved.get(1).whenToCall());
        assertEquals(numbers(model), numbers(model(vault.supervisor)), "read back as saved");

        model.addDefaults();
        assertEquals(List.of("1-888-373-7888", "1-800-422-4453", "+1 555 0100", "233733"), numbers(model),
                "adding the hotlines again brings back only the one removed");
    }

    @Test
    @DisplayName("the change is audited by key, never with a name or number, and the vault holds it (not a file beside it)")
    void auditedWithoutContent() throws Exception {
        EmergencyContactsViewModel model = model(vault.supervisor);
        EmergencyContactsViewModel.Row own = model.addRow();
        own.name.set("Duty supervisor Zebedee");
        own.number.set("+1 555 0199");
        model.save();
        List<AuditLog.Entry> changes = audit().stream().filter(e -> "emergency.contacts".equals(e.target())).toList();
        assertEquals(1, changes.size());
        for (AuditLog.Entry e : audit()) {
            assertFalse(String.valueOf(e.details()).contains("Zebedee") || String.valueOf(e.details()).contains("0199"), e.toString());
            assertFalse(String.valueOf(e.target()).contains("Zebedee"), e.toString());
        }
        try (var files = java.nio.file.Files.walk(vault.harbor.home().dir())) {
            for (Path f : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                assertFalse(new String(java.nio.file.Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1).contains("Zebedee"),
                        "stored encrypted, nowhere in clear: " + f);
            }
        }
    }

    @Test
    @DisplayName("validation and length limits: an empty name, a number without digits, a too long text, a line break; nothing is saved")
    void validation() {
        EmergencyContactsViewModel model = model(vault.supervisor);
        EmergencyContactsViewModel.Row row = model.addRow();
        row.number.set("0800 1111");
        model.save();
        assertEquals(vault.says("emergency.contact.nameInvalid", 1, EmergencyContact.MAX_NAME), model.messageProperty().get());
        row.name.set("Childline");
        row.number.set("call us");
        model.save();
        assertEquals(vault.says("emergency.contact.numberInvalid", 1, EmergencyContact.MAX_NUMBER), model.messageProperty().get());
        row.number.set("0800 1111");
        row.when.set("x".repeat(EmergencyContact.MAX_WHEN + 1));
        model.save();
        assertEquals(vault.says("emergency.contact.whenInvalid", 1, EmergencyContact.MAX_WHEN), model.messageProperty().get());
        row.when.set("one\nline");
        model.save();
        assertEquals(vault.says("emergency.contact.whenInvalid", 1, EmergencyContact.MAX_WHEN), model.messageProperty().get());
        row.name.set("n".repeat(EmergencyContact.MAX_NAME + 1));
        row.when.set("");
        model.save();
        assertEquals(vault.says("emergency.contact.nameInvalid", 1, EmergencyContact.MAX_NAME), model.messageProperty().get());
        for (int i = 0; i < EmergencyContact.MAX_CONTACTS; i++) {
            model.addRow();
        }
        model.save();
        assertEquals(vault.says("emergency.contacts.tooMany", EmergencyContact.MAX_CONTACTS), model.messageProperty().get());
        assertEquals(Optional.empty(), vault.harbor.settings().emergencyContacts());
    }

    @Test
    @DisplayName("an interviewer sees the contacts but may not change them")
    void interviewerRefused() throws Exception {
        Session ivo = vault.signInAs("ivo", Role.INTERVIEWER);
        EmergencyContactsViewModel model = model(ivo);
        assertFalse(model.mayEdit());
        model.chooseCountry("GB");
        model.save();
        assertEquals(vault.says("generic.error.notAllowed"), model.messageProperty().get());
        assertEquals(Optional.empty(), vault.harbor.settings().emergencyContacts());
    }
}
