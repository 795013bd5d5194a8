package org.harbor.ui.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.harbor.Harbor;
import org.harbor.accounts.Role;
import org.harbor.accounts.Session;
import org.harbor.seal.SealKind;
import org.harbor.seal.SealStatus;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.harbor.ui.common.UiExecutor;
import org.harbor.vault.VaultKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: the seal pane's view-model gets its use cases ({@code SealCase}, {@code VerifySeals},
 * the ones {@code harbor seal} calls too) and a {@link UiExecutor}; tested without the JavaFX toolkit.
 */
@DisplayName("Use cases between the faces and the services: the seal pane has a view-model that calls SealCase")
class SealViewModelTest {

    @TempDir
    Path dir;
    private Harbor harbor;
    private Session supervisor;
    private String caseId;
    private final AtomicInteger sealed = new AtomicInteger();
    private SealViewModel model;

    @BeforeEach
    void setUp() throws Exception {
        harbor = TestVaults.open(dir, MutableClock.atStart());
        supervisor = harbor.accounts().setUp(VaultKind.FIELD, TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE).session();
        caseId = harbor.cases().create(supervisor, "Synthetic Person", List.of()).id();
        model = model(supervisor);
        model.load();
    }

    private SealViewModel model(Session session) {
        return new SealViewModel(harbor.useCases().sealCase(), harbor.useCases().verifySeals(), UiExecutor.direct(), harbor.i18n(),
                session, caseId, sealed::incrementAndGet);
    }

    @AfterEach
    void tearDown() {
        harbor.close();
    }

    @Test
    @DisplayName("an unsealed case shows no seal and may be sealed")
    void unsealed() {
        assertEquals(List.of(), model.sealsProperty().get());
        assertFalse(model.caseSealedProperty().get());
        assertTrue(model.maySeal());
    }

    @Test
    @DisplayName("sealing shows the case seal, tells the case view, and is not offered twice; checking again verifies it")
    void sealAndVerify() throws Exception {
        model.sealCase();
        assertEquals(1, sealed.get(), "the case view reloads once");
        assertTrue(model.caseSealedProperty().get());
        List<SealStatus> seals = model.sealsProperty().get();
        assertEquals(1, seals.size());
        assertEquals(SealKind.CASE, seals.getFirst().kind());
        model.verify();
        assertTrue(model.sealsProperty().get().getFirst().verified());
        assertEquals("sealed", harbor.cases().open(supervisor, caseId).orElseThrow().summary().status().code());
    }

    @Test
    @DisplayName("sealing twice is refused in words, and the case view is not told again")
    void sealTwice() {
        model.sealCase();
        model.sealCase();
        assertEquals(1, sealed.get());
        assertEquals(harbor.i18n().get("seal.error.alreadySealed"), model.messageProperty().get());
    }

    @Test
    @DisplayName("an account that may not seal is not offered the action")
    void intakeMayNotSeal() throws Exception {
        harbor.accounts().addUser(supervisor, "ines-intake", Role.INTAKE, "temporary quartz meadow sail".toCharArray());
        harbor.accounts().lock("test");
        Session intake = harbor.accounts().login("ines-intake", "temporary quartz meadow sail".toCharArray());
        assertFalse(model(intake).maySeal());
    }
}
