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

    @Test
    @DisplayName("export into a folder: a new package file is named there, and the files written are listed by name")
    void exportsIntoAFolder() throws Exception {
        sealedCase("Synthetic One");
        PackagesViewModel model = model(field, supervisor);
        model.refresh();
        model.rows().getFirst().selected().set(true);
        Path folder = Files.createDirectories(dir.resolve("usb"));
        model.exportTo(folder);
        assertEquals(2, model.written().size(), model.messageProperty().get());
        assertTrue(model.written().getFirst().matches("harbor-\\d{8}-\\d{6}\\.harbor"), model.written().getFirst());
        assertTrue(Files.isRegularFile(folder.resolve(model.written().getFirst())));
        assertTrue(Files.isRegularFile(folder.resolve(model.written().get(1))));
        model.rows().getFirst().selected().set(true);
        model.exportTo(folder);
        assertTrue(model.written().getFirst().endsWith("-2.harbor"), "a second package in the same second does not overwrite the first");
    }

    @Test
    @DisplayName("progress bars move during work: the export reports shares between 0 and 1 before it ends, never backwards")
    void progressMovesDuringExport() throws Exception {
        sealedCase("Synthetic One");
        sealedCase("Synthetic Two");
        sealedCase("Synthetic Three");
        PackagesViewModel model = model(field, supervisor);
        model.refresh();
        model.rows().forEach(row -> row.selected().set(true));
        java.util.List<Double> seen = new java.util.ArrayList<>();
        model.progressProperty().subscribe(value -> seen.add(value.doubleValue()));
        model.exportTo(Files.createDirectories(dir.resolve("usb")));
        assertEquals(2, model.written().size(), model.messageProperty().get());
        assertTrue(seen.stream().anyMatch(v -> v > 0 && v < 1), "a share between 0 and 1 was shown: " + seen);
        java.util.List<Double> afterStart = seen.subList(seen.lastIndexOf(0.0), seen.size());
        for (int i = 1; i < afterStart.size(); i++) {
            assertTrue(afterStart.get(i) >= afterStart.get(i - 1), "the bar never goes back: " + afterStart);
        }
        assertEquals(1.0, seen.getLast());
    }

    @Test
    @DisplayName("dates localized: the sealed cases show when they were sealed in the display language")
    void datesLocalized() {
        sealedCase("Synthetic One");
        field.i18n().use(java.util.Locale.of("es"));
        PackagesViewModel model = model(field, supervisor);
        model.refresh();
        String sealed = org.harbor.i18n.LocalizedDates.dateTime(clock.instant(), java.util.Locale.of("es"), java.time.ZoneId.systemDefault());
        assertTrue(model.rows().getFirst().label().contains(sealed), model.rows().getFirst().label());
        assertTrue(sealed.contains("nov"), sealed);
    }

    @Test
    @DisplayName("a file that is not a key bundle is refused at the check of its format; a wrong fingerprint at the fingerprint check")
    void trustRefusalsNameTheirCheck() throws Exception {
        PackagesViewModel model = model(field, supervisor);
        Path junk = Files.writeString(dir.resolve("junk.json"), "{\"format\":\"something else\"}");
        model.readBundle(junk);
        assertEquals(field.i18n().get("send.trust.refused", field.i18n().get("send.trust.check.format")), model.trustMessageProperty().get());
        assertEquals(null, model.bundleProperty().get());

        model.readBundle(dir.resolve("trust.json"));
        assertEquals(central.trust().centralKeys(office).fingerprint(), model.bundleFingerprintProperty().get());
        model.readOutProperty().set("ABCD ABCD ABCD ABCD ABCD ABCD ABCD ABCD");
        model.importBundle();
        assertEquals(field.i18n().get("send.trust.refused", field.i18n().get("send.trust.check.fingerprint")), model.trustMessageProperty().get());
        model.readOutProperty().set(model.bundleFingerprintProperty().get().replace(" ", ""));
        model.importBundle();
        assertEquals(field.i18n().get("send.trust.done"), model.trustMessageProperty().get());
    }

    @Test
    @DisplayName("a receipt applied offers the deletion of the cases it covered; Keep keeps them, the deletion deletes only those")
    void receiptThenPurge() throws Exception {
        String first = sealedCase("Synthetic One");
        String second = sealedCase("Synthetic Two");
        var export = field.useCases().exportPackage();
        Path out = export.export(supervisor, List.of(first), ConsentPurpose.SERVICES, dir.resolve("a.harbor"),
                org.harbor.seal.ExportListener.SILENT).exported().file();
        var imported = central.useCases().importPackage().importPackage(office, out, org.harbor.seal.ExportListener.SILENT);
        Path receipt = Files.writeString(dir.resolve("a.receipt"), imported.receipt().toFile());

        PackagesViewModel model = model(field, supervisor);
        model.applyReceipt(receipt);
        assertEquals(field.i18n().get("send.receipt.done", 1), model.receiptMessageProperty().get());
        assertTrue(model.purgeOfferedProperty().get());
        assertEquals(field.i18n().get("send.purge.body", 1), model.purgeQuestion());
        model.keepReceived();
        assertFalse(model.purgeOfferedProperty().get());
        assertEquals(List.of(first), field.receipts().purgeable(supervisor), "kept");

        model.applyReceipt(receipt);
        assertFalse(model.purgeOfferedProperty().get(), "nothing newly received, nothing offered");
        PackagesViewModel again = model(field, supervisor);
        Path out2 = export.export(supervisor, List.of(second), ConsentPurpose.SERVICES, dir.resolve("b.harbor"),
                org.harbor.seal.ExportListener.SILENT).exported().file();
        var imported2 = central.useCases().importPackage().importPackage(office, out2, org.harbor.seal.ExportListener.SILENT);
        again.applyReceipt(Files.writeString(dir.resolve("b.receipt"), imported2.receipt().toFile()));
        assertTrue(again.purgeOfferedProperty().get());
        again.purgeReceived();
        assertEquals(field.i18n().get("send.purge.done", 1), again.receiptMessageProperty().get());
        assertEquals(List.of(first), field.receipts().purgeable(supervisor), "only the case of this receipt was deleted");
    }
}
