package org.harbor.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.harbor.crypto.Age;
import org.harbor.crypto.AgeException;
import org.harbor.crypto.AgeIdentity;
import org.harbor.i18n.Refusal;
import org.harbor.testing.FileScan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Packages from a field vault to the central office")
class PackageFlowTest {

    @TempDir
    Path dir;
    PackageFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new PackageFixture(dir);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    @DisplayName("export → import → receipt → receipt apply → purge; the case's markers are then in no file of the field vault")
    void wholeFlow() throws Exception {
        String caseId = f.sealedCase("CANARYflow01", true);
        ExportService.Exported exported = f.export(List.of(caseId), "first.harbor");
        try (var blobs = Files.list(dir.resolve("field").resolve("blobs"))) {
            assertEquals(1, blobs.count(), "the attachment's blob");
        }
        assertTrue(Files.exists(exported.file()));
        assertTrue(Files.exists(exported.signature()));
        assertEquals(1, exported.sequence());
        assertEquals("exported", status(caseId));

        ImportService.ImportResult result = f.central.imports().importPackage(f.office, exported.file(), ExportListener.SILENT);
        assertFalse(result.alreadyImported());
        assertTrue(result.custodyReport().contains("Entries: 4,"), "case.json, audit.jsonl, the intake form and the attachment: " + result.custodyReport());
        assertEquals(List.of(new ImportService.ImportedCase(caseId, result.cases().getFirst().number(), ImportService.CaseOutcome.NEW)),
                result.cases());
        assertTrue(result.custodyReport().contains("case sealed by sam-supervisor"), result.custodyReport());
        assertTrue(result.custodyReport().contains("Exported 2026-11-28T09:00:00Z by sam-supervisor"), result.custodyReport());

        String before = f.centralDatabaseHash();
        ImportService.ImportResult again = f.central.imports().importPackage(f.office, exported.file(), ExportListener.SILENT);
        assertTrue(again.alreadyImported());
        assertEquals(before, f.centralDatabaseHash(), "re-importing the same package changes nothing");

        Path receipt = dir.resolve("receipt.json");
        Files.writeString(receipt, result.receipt().toFile());
        assertEquals(List.of(), f.field.receipts().purgeReceived(f.supervisor), "nothing is received before the receipt");
        ReceiptService.Applied applied = f.field.receipts().apply(f.supervisor, receipt);
        assertEquals(List.of(caseId), applied.received());
        assertEquals("received", status(caseId));

        assertEquals(List.of(caseId), f.field.receipts().purgeReceived(f.supervisor));
        assertTrue(f.field.cases().open(f.supervisor, caseId).isEmpty());
        try (var blobs = Files.list(dir.resolve("field").resolve("blobs"))) {
            assertEquals(0, blobs.filter(p -> !p.getFileName().toString().startsWith(".")).count(), "the attachment's blob is gone");
        }
        List<String> markers = List.of("CANARYflow01");
        f.close();
        assertEquals(List.of(), FileScan.findMarkers(List.of(dir.resolve("field")), markers));
    }

    @Test
    @DisplayName("a receipt not signed by the central office is refused and marks nothing")
    void forgedReceipt() throws Exception {
        String caseId = f.sealedCase("CANARYflow02");
        ExportService.Exported exported = f.export(List.of(caseId), "p.harbor");
        try (org.harbor.crypto.Ed25519.SigningKey other = org.harbor.crypto.Ed25519.generate()) {
            org.harbor.crypto.Minisign.PublicKey key = new org.harbor.crypto.Minisign.PublicKey(
                    f.bundle.receiptKey().keyId(), other.publicKey());
            Receipt forged = Receipt.sign(exported.packageId(), exported.manifestHash(), List.of(caseId), "2026-11-28T10:00:00Z", key, other);
            Path file = dir.resolve("forged.json");
            Files.writeString(file, forged.toFile());
            Refusal e = assertThrows(Refusal.class, () -> f.field.receipts().apply(f.supervisor, file));
            assertEquals("receipt.error.signature", e.key());
        }
        assertEquals("exported", status(caseId));
        assertEquals(List.of(), f.field.receipts().purgeReceived(f.supervisor), "only received cases are purged");
    }

    @Test
    @DisplayName("the field vault cannot decrypt its own package with any key it holds")
    void fieldCannotDecrypt() throws Exception {
        String caseId = f.sealedCase("CANARYflow03");
        ExportService.Exported exported = f.export(List.of(caseId), "own.harbor");
        Connection c = f.field.vault().connection();
        List<String> secrets = new ArrayList<>();
        List<String> recipients = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT seed FROM signing_keys");
             ResultSet row = q.executeQuery()) {
            while (row.next()) {
                secrets.add(java.util.HexFormat.of().formatHex(row.getBytes(1)));
            }
        }
        try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM age_identities");
             ResultSet row = q.executeQuery()) {
            row.next();
            assertEquals(0, row.getInt(1), "a field vault holds no age identity");
        }
        try (PreparedStatement q = c.prepareStatement("SELECT primary_recipient, backup_recipient FROM central_trust");
             ResultSet row = q.executeQuery()) {
            row.next();
            recipients.add(row.getString(1));
            recipients.add(row.getString(2));
        }
        c.rollback();
        assertFalse(secrets.isEmpty());
        // Every private key the field vault holds (user, device), tried as an X25519 identity
        for (String seedHex : secrets) {
            byte[] seed = java.util.HexFormat.of().parseHex(seedHex);
            try (AgeIdentity identity = X25519Keys.identityFromScalar(seed)) {
                assertThrows(AgeException.class, () -> decrypt(exported.file(), identity));
            }
        }
        // …and a fresh identity, for good measure; none is any of the recipients
        try (AgeIdentity fresh = AgeIdentity.generate()) {
            assertFalse(recipients.contains(fresh.recipient()));
            assertThrows(AgeException.class, () -> decrypt(exported.file(), fresh));
        }
        // The central office can, with what it holds.
        assertFalse(f.central.imports().importPackage(f.office, exported.file(), ExportListener.SILENT).alreadyImported());
    }

    private static void decrypt(Path file, AgeIdentity identity) throws Exception {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
             InputStream in = Channels.newInputStream(Age.decrypting(ch, List.of(identity)))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    @Test
    @DisplayName("a second version of a case already imported is kept as a conflict; a person resolves it")
    void conflict() throws Exception {
        String caseId = f.sealedCase("CANARYflow04");
        ExportService.Exported first = f.export(List.of(caseId), "v1.harbor");
        f.central.imports().importPackage(f.office, first.file(), ExportListener.SILENT);
        String sealId = f.field.seals().status(f.supervisor, caseId).getFirst().sealId();
        f.field.seals().addendum(f.supervisor, sealId, "a date was wrong", "The date is the 3rd, not the 4th.");
        ExportService.Exported second = f.export(List.of(caseId), "v2.harbor");
        assertEquals(2, second.sequence());
        ImportService.ImportResult result = f.central.imports().importPackage(f.office, second.file(), ExportListener.SILENT);
        assertEquals(ImportService.CaseOutcome.CONFLICT, result.cases().getFirst().outcome());
        List<ImportService.CaseVersion> versions = f.central.imports().conflicts(f.office);
        assertEquals(2, versions.size());
        f.central.imports().resolve(f.office, caseId, versions.get(1).versionHash());
        assertTrue(f.central.imports().conflicts(f.office).isEmpty());
    }

    @Test
    @DisplayName("a case without a seal cannot be exported; an export without a trust bundle is refused")
    void refusals() throws Exception {
        String open = f.field.cases().create(f.supervisor, "CANARYflow05", List.of()).id();
        Refusal e = assertThrows(Refusal.class, () -> f.export(List.of(open), "x.harbor"));
        assertEquals("export.error.notSealed", e.key());
        assertFalse(Files.exists(dir.resolve("out/x.harbor")));
    }

    @Test
    @DisplayName("a consent check that blocks a case stops the export with its reason, and nothing is written")
    void consentBlocks() throws Exception {
        String caseId = f.sealedCase("CANARYflow06");
        java.util.Map<org.harbor.consent.ConsentPurpose, org.harbor.consent.Sharing.Standing> none = new java.util.EnumMap<>(
                org.harbor.consent.ConsentPurpose.class);
        for (org.harbor.consent.ConsentPurpose p : org.harbor.consent.ConsentPurpose.values()) {
            none.put(p, new org.harbor.consent.Sharing.Standing(false, null, org.harbor.consent.ConsentStatus.Reason.REVOKED));
        }
        ExportService blocked = new ExportService(f.field.vault(), f.field.accounts(), f.field.audit(), f.clock, CaseExtras.NONE,
                (c, id) -> new org.harbor.consent.Sharing(none));
        Refusal e = assertThrows(Refusal.class,
                () -> blocked.export(f.supervisor, List.of(caseId), dir.resolve("out/c.harbor"), ExportListener.SILENT));
        assertEquals("export.error.consentMissing", e.key());
        assertEquals(new Refusal.Term("consent.reason.revoked"), e.args()[2], "the reason is named");
        assertFalse(Files.exists(dir.resolve("out/c.harbor")));
        assertEquals("sealed", status(caseId));
    }

    @Test
    @DisplayName("a cancelled export leaves no file and marks nothing exported")
    void cancel() throws Exception {
        String caseId = f.sealedCase("CANARYflow07");
        ExportListener cancelling = new ExportListener() {
            @Override
            public boolean cancelled() {
                return true;
            }
        };
        assertThrows(java.io.IOException.class,
                () -> f.field.exports().export(f.supervisor, List.of(caseId), dir.resolve("out/k.harbor"), cancelling));
        try (var files = Files.list(dir.resolve("out"))) {
            assertEquals(List.of(), files.toList());
        }
        assertEquals("sealed", status(caseId));
    }

    String status(String caseId) throws Exception {
        return f.field.cases().open(f.supervisor, caseId).orElseThrow().summary().status().code();
    }
}
