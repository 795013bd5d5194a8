package org.harbor.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.harbor.Harbor;
import org.harbor.accounts.Session;
import org.harbor.central.CentralStores;
import org.harbor.central.PgTestServer;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.harbor.ui.common.FieldVault;
import org.harbor.ui.common.UiExecutor;
import org.harbor.vault.VaultKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Issue 17: desktop central mode on PostgreSQL — a central vault's settings choose the store (address, role, password file, as --db)")
class CentralStoreViewModelTest {

    @TempDir
    Path dir;
    Harbor central;
    Session olga;

    private void openCentral() {
        central = TestVaults.open(dir.resolve("central"), MutableClock.atStart());
        var setup = central.accounts().setUp(VaultKind.CENTRAL, "olga-central", "central office pass phrase".toCharArray());
        olga = setup.session();
    }

    @AfterEach
    void close() {
        if (central != null) {
            central.close();
        }
    }

    private CentralStoreViewModel model() {
        return new CentralStoreViewModel(central.useCases().chooseCentralStore(), central.i18n(), UiExecutor.direct(), olga);
    }

    @Test
    @DisplayName("a field vault has no central store section")
    void fieldVaultHasNone() throws Exception {
        try (FieldVault field = new FieldVault(dir.resolve("field"))) {
            CentralStoreViewModel model = new CentralStoreViewModel(field.useCases().chooseCentralStore(), field.harbor.i18n(),
                    field.ui, field.supervisor);
            assertFalse(model.shown());
            assertFalse(model.mayChange());
        }
    }

    @Test
    @DisplayName("a new central vault keeps imported cases in itself; an incomplete or unreachable server is refused and changes nothing")
    void refusedServerChangesNothing() throws Exception {
        openCentral();
        CentralStoreViewModel model = model();
        assertTrue(model.shown());
        assertTrue(model.mayChange());
        assertEquals(central.i18n().get("settings.central.embedded"), model.currentProperty().get());

        model.urlProperty().set("jdbc:postgresql://127.0.0.1:1/harbor");
        model.connect();
        assertEquals(central.i18n().get("central.error.serverIncomplete"), model.messageProperty().get());

        java.nio.file.Path password = dir.resolve("password");
        java.nio.file.Files.writeString(password, "not the password");
        java.nio.file.Files.setPosixFilePermissions(password, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        model.userProperty().set("harbor");
        model.passwordFileProperty().set(password.toString());
        model.connect();
        assertEquals(central.i18n().get("central.error.unavailable"), model.messageProperty().get());
        assertFalse(model.busyProperty().get());
        assertEquals(Optional.empty(), CentralStores.configured(central.vault()));
        assertEquals(central.i18n().get("settings.central.embedded"), model().currentProperty().get());
    }

    @Test
    @DisplayName("the PostgreSQL server is tried with the central keys and kept; the office then opens it, and 'keep them in this central vault' goes back")
    void connectsToThePostgresServer() throws Exception {
        PgTestServer pg = PgTestServer.require();
        pg.reset();
        openCentral();
        CentralStoreViewModel model = model();
        model.urlProperty().set(pg.url);
        model.userProperty().set(pg.user);
        model.passwordFileProperty().set(pg.passwordFile.toString());
        model.connect();
        assertEquals(central.i18n().get("settings.central.connected"), model.messageProperty().get());
        assertEquals(central.i18n().get("settings.central.onServer", pg.url), model.currentProperty().get());
        assertEquals(pg.url, CentralStores.configured(central.vault()).orElseThrow().url());
        try (var office = central.useCases().openCentralOffice().open(olga)) {
            assertEquals("postgresql", office.store().kind());
        }
        CentralStoreViewModel again = model();
        assertEquals(pg.url, again.urlProperty().get(), "read back");
        assertEquals(pg.passwordFile.toString(), again.passwordFileProperty().get());

        again.useEmbedded();
        assertEquals(central.i18n().get("settings.central.embeddedChosen"), again.messageProperty().get());
        assertEquals(Optional.empty(), CentralStores.configured(central.vault()));
        try (var office = central.useCases().openCentralOffice().open(olga)) {
            assertEquals("sqlite", office.store().kind());
        }
    }
}
