package org.harbor.usecases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.harbor.Harbor;
import org.harbor.accounts.Session;
import org.harbor.cases.CaseQuery;
import org.harbor.cases.SessionKind;
import org.harbor.consent.Consent;
import org.harbor.testing.ConsentFormAnswers;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.harbor.vault.VaultKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: the form-filling of {@code harbor case import} is a use case, and it completes forms
 * through {@link CompleteForm}, as the form window does: an imported consent form records consents.
 */
@DisplayName("Use cases between the faces and the services: ImportCase fills forms and completes them through CompleteForm")
class ImportCaseTest {

    @TempDir
    Path dir;
    private Harbor harbor;
    private Session supervisor;

    @BeforeEach
    void setUp() throws Exception {
        harbor = TestVaults.open(dir, MutableClock.atStart());
        supervisor = harbor.accounts().setUp(VaultKind.FIELD, TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE).session();
    }

    @AfterEach
    void tearDown() {
        harbor.close();
    }

    private static ImportCase.Plan plan(String formId, Map<String, String> answers) {
        return new ImportCase.Plan("Synthetic Person", List.of(), List.of(),
                List.of(new ImportCase.SessionPlan(SessionKind.INTAKE, "en", List.of(new ImportCase.FormPlan(formId, answers)))));
    }

    @Test
    @DisplayName("an imported consent form, completed, records one consent per purpose decided")
    void importedConsentFormRecordsConsents() throws Exception {
        ImportCase.Imported imported = harbor.useCases().importCase().run(supervisor, plan("harbor-consent", ConsentFormAnswers.servicesOnly()));
        assertEquals(1, imported.forms().size());
        assertTrue(imported.forms().getFirst().completed(), String.valueOf(imported.forms()));
        List<Consent> consents = harbor.consents().list(supervisor, imported.created().id());
        assertEquals(5, consents.size());
    }

    @Test
    @DisplayName("a key no question matches refuses the whole import, names the key, and leaves no case behind")
    void refusedImportLeavesNothing() throws Exception {
        ImportCase.Refused refused = assertThrows(ImportCase.Refused.class, () -> harbor.useCases().importCase()
                .run(supervisor, plan("harbor-intake", Map.of("/data/no/such/field", "Synthetic"))));
        assertEquals("cases.import.refused", refused.key());
        ImportCase.Problem problem = refused.problems().getFirst();
        assertEquals(ImportCase.Problem.Kind.NOTHING_MATCHED, problem.kind());
        assertEquals(List.of("/data/no/such/field"), problem.fields());
        assertFalse(refused.getMessage().contains("Synthetic"), "no record content in the exception");
        assertEquals(0, harbor.cases().count(supervisor, CaseQuery.all()));
    }
}
