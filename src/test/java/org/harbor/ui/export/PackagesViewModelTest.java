package org.harbor.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.harbor.Harbor;
import org.harbor.accounts.Session;
import org.harbor.consent.ConsentGrant;
import org.harbor.consent.ConsentPurpose;
import org.harbor.consent.ConsentScope;
import org.harbor.seal.TrustBundle;
import org.harbor.seal.TrustService;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.harbor.ui.common.RecordingNavigator;
import org.harbor.ui.common.UiExecutor;
import org.harbor.vault.VaultKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: the package screen's view-model gets its use cases ({@code ExportPackage},
 * {@code ImportPackage}, the ones {@code harbor package} calls too) and a {@code UiExecutor}, not
 * Harbor or a ScreenContext; tested without the JavaFX toolkit on a real field and central vault.
 */
@DisplayName("View-models get their use cases and a UiExecutor: the package screen's view-model")
class PackagesViewModelTest {

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.atStart();
    private final RecordingNavigator navigator = new RecordingNavigator();
    private Harbor field;
    private Harbor central;
    private Session supervisor;
    private Session office;

    @BeforeEach
    void setUp() throws Exception {
        field = TestVaults.open(dir.resolve("field"), clock);
        central = TestVaults.open(dir.resolve("central"), clock);
        supervisor = field.accounts().setUp(VaultKind.FIELD, TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE).session();
        office = central.accounts().setUp(VaultKind.CENTRAL, "olga-central", "central office pass phrase".toCharArray()).session();
        TrustBundle bundle = central.trust().writeTrustBundle(office, dir.resolve("trust.json"));
        field.trust().importTrust(supervisor, TrustService.readBundle(dir.resolve("trust.json")), bundle.fingerprint());
        Path deviceFile = dir.resolve("device.pub");
        field.trust().writeDeviceKey(supervisor, deviceFile);
        central.trust().enrolDevice(office, Files.readString(deviceFile), "Field laptop 1");
    }

    @AfterEach
    void tearDown() {
        field.close();
        central.close();
    }

    private PackagesViewModel model(Harbor harbor, Session session) {
        return new PackagesViewModel(harbor.useCases().exportPackage(), harbor.useCases().importPackage(),
                harbor.useCases().importTrustBundle(), harbor.useCases().applyReceipt(), UiExecutor.direct(),
                navigator, harbor.i18n(), session);
    }

    private String sealedCase(String name) {
        String id = field.cases().create(supervisor, name, List.of()).id();
        field.consents().record(supervisor, id, ConsentGrant.builder(ConsentScope.of(ConsentPurpose.SERVICES))
                .bySurvivor(false).language("en").build());
        field.seals().sealCase(supervisor, id);
        return id;
    }

    @Test
    @DisplayName("a field vault with nothing sealed says there is nothing to export")
    void nothingToExport() {
        PackagesViewModel model = model(field, supervisor);
        model.refresh();
        assertFalse(model.centralProperty().get());
        assertEquals(List.of(), model.rows());
        assertEquals(field.i18n().get("packages.export.none"), model.messageProperty().get());
    }

    @Test
    @DisplayName("a field vault lists its sealed cases; export writes the chosen ones as a signed package and says so")
    void exportsTheChosenCases() throws Exception {
        String first = sealedCase("Synthetic One");
        sealedCase("Synthetic Two");
        PackagesViewModel model = model(field, supervisor);
        model.refresh();
        assertEquals(2, model.rows().size());
        assertFalse(model.canExportProperty().get(), "nothing chosen yet");
        model.rows().stream().filter(r -> r.caseId().equals(first)).findFirst().orElseThrow().selected().set(true);
        assertTrue(model.canExportProperty().get());

        Path out = dir.resolve("out.harbor");
        model.export(out);
        assertTrue(Files.exists(out) && Files.exists(Path.of(out + ".minisig")));
        assertFalse(model.workingProperty().get());
        assertEquals(1.0, model.progressProperty().get());
        assertTrue(model.messageProperty().get().startsWith(field.i18n().get("packages.export.done", 1, "out.harbor", 1)),
                model.messageProperty().get());
        assertEquals(2, model.rows().size(), "an exported case stays listed until the office confirms it");
    }

    @Test
    @DisplayName("a central vault imports a package, runs every check and says how many cases came; a second import changes nothing")
    void centralImports() throws Exception {
        sealedCase("Synthetic One");
        Path out = dir.resolve("out.harbor");
        field.useCases().exportPackage().export(supervisor, field.useCases().exportPackage().allSealed(supervisor),
                ConsentPurpose.SERVICES, out, org.harbor.seal.ExportListener.SILENT);

        PackagesViewModel model = model(central, office);
        model.refresh();
        assertTrue(model.centralProperty().get());
        assertEquals(List.of(), model.rows());
        model.importPackage(out);
        String checks = String.join(", ", java.util.stream.Stream.of("size", "signature", "sequence", "decrypt", "deviceId",
                "parse", "coverage", "store").map(c -> central.i18n().get("packages.check." + c)).toList());
        assertEquals(central.i18n().get("packages.import.done", checks, 1, 0L), model.messageProperty().get());

        model.importPackage(out);
        assertEquals(central.i18n().get("packages.import.already"), model.messageProperty().get());
    }

    @Test
    @DisplayName("a package whose signature does not match is refused, naming the failed check")
    void tamperedPackageIsRefused() throws Exception {
        sealedCase("Synthetic One");
        Path out = dir.resolve("out.harbor");
        field.useCases().exportPackage().export(supervisor, field.useCases().exportPackage().allSealed(supervisor),
                ConsentPurpose.SERVICES, out, org.harbor.seal.ExportListener.SILENT);
        byte[] bytes = Files.readAllBytes(out);
        bytes[bytes.length / 2] ^= 1;
        Files.write(out, bytes);

        PackagesViewModel model = model(central, office);
        model.importPackage(out);
        assertFalse(model.workingProperty().get());
        assertEquals(central.i18n().get("packages.import.refused", central.i18n().get("packages.check.signature"),
                central.i18n().get("packages.check.size")), model.messageProperty().get());
    }

    @Test
    @DisplayName("back goes home")
    void backGoesHome() {
        model(field, supervisor).back();
        assertEquals("home", navigator.last());
    }
}
