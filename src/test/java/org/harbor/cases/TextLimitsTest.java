package org.harbor.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.harbor.Harbor;
import org.harbor.accounts.Session;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.harbor.usecases.CreateCase;
import org.harbor.vault.VaultKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Ask once: the same length limits everywhere, from one place (TextLimits)")
class TextLimitsTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("a name of TextLimits.NAME characters is taken when opening a case and adding a person; one more is refused by both")
    void sameNameLimitEverywhere() throws Exception {
        assertEquals(TextLimits.NAME, CreateCase.MAX_NAME_LENGTH, "the use case checks the same limit");
        try (Harbor harbor = TestVaults.open(dir, MutableClock.atStart())) {
            Session supervisor = harbor.accounts().setUp(VaultKind.FIELD, TestVaults.SUPERVISOR,
                    TestVaults.SUPERVISOR_PASSPHRASE).session();
            String longest = "S".repeat(TextLimits.NAME);
            String caseId = harbor.useCases().createCase().create(supervisor, longest, List.of()).id();
            harbor.cases().addPerson(supervisor, caseId, PersonRole.GUARDIAN, longest, List.of());
            assertThrows(RuntimeException.class,
                    () -> harbor.useCases().createCase().create(supervisor, longest + "S", List.of()));
            assertThrows(IllegalArgumentException.class,
                    () -> harbor.cases().addPerson(supervisor, caseId, PersonRole.GUARDIAN, longest + "S", List.of()));
        }
    }
}
