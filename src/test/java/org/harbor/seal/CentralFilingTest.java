package org.harbor.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.harbor.central.CentralKeys;
import org.harbor.central.CentralStore;
import org.harbor.crypto.Age;
import org.harbor.crypto.AgeIdentity;
import org.harbor.crypto.Minisign;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real package, end to end: a field vault seals a case (survivor, intake form answer, interview,
 * attachment) and exports it; the central side runs the import checks' reading path and files the
 * verified contents in the central store, which shows them back as relational rows.
 */
class CentralFilingTest {

    @Test
    @DisplayName("import: a real field package's case is filed with its person, sessions, answers, interview, attachment, seals and custody")
    void realPackageFiled(@TempDir Path dir) throws Exception {
        try (PackageFixture f = new PackageFixture(dir)) {
            String caseId = f.sealedCase("CANARYE2E", true);
            ExportService.Exported exported = f.export(List.of(caseId), "p.harbor");
            VerifiedPackage verified = read(f, exported);

            try (CentralKeys keys = CentralKeys.of(f.central.vault());
                 CentralStore store = CentralStore.sqlite(f.central.vault(), keys)) {
                var outcome = store.importPackage(verified, new CentralStore.ImportContext(Instant.now(), "user:1", null));
                assertEquals(List.of(new CentralStore.CaseOutcome(caseId, CentralStore.Outcome.NEW)), outcome.cases());
                CentralStore.CaseView view = store.show(caseId).orElseThrow();
                assertEquals("CANARYE2E Survivor", view.summary().survivorName());
                assertEquals(List.of("CANARYE2EAlias"), view.persons().getFirst().aliases());
                assertEquals(f.device.deviceId(), view.summary().deviceId());
                assertEquals(java.util.Set.of("intake", "interview"),
                        view.sessions().stream().map(CentralStore.SessionView::kind).collect(java.util.stream.Collectors.toSet()));
                assertTrue(view.sessions().stream().filter(s -> s.kind().equals("interview")).findFirst().orElseThrow()
                        .interviewJson().contains("We went to CANARYE2E by bus."));
                var answer = view.submissions().stream().flatMap(s -> s.answers().stream())
                        .filter(a -> a.path().equals("/data/origin/nationality")).findFirst().orElseThrow();
                assertEquals("CANARYE2E nationality", answer.value());
                assertTrue(view.submissions().getFirst().instanceXml().contains("CANARYE2E nationality"));
                assertEquals(1, view.attachments().size());
                assertTrue(verified.manifest().entries().containsKey(view.attachments().getFirst().entryName()));
                assertTrue(view.seals().stream().anyMatch(s -> s.kind().equals("case")));
                assertFalse(view.custody().isEmpty());
                assertEquals(1, store.searchByName("canarye2e survivor", CentralStore.CaseFilter.ALL, 0, 10).total());
                assertTrue(store.findByNumber(view.summary().number()).isPresent());
            }
        }
    }

    /** The import's reading path (signature, decryption, device id, caps, hashes, seals) without storing anything. */
    static VerifiedPackage read(PackageFixture f, ExportService.Exported exported) throws Exception {
        Minisign.Signature signature = PackageSignature.read(exported.signature());
        Minisign.PublicKey key = f.central.vault().transaction(c -> TrustService.enrolled(c, signature.keyIdHex())).orElseThrow();
        PackageSignature.Signed signed = PackageSignature.verify(exported.file(), signature, key);
        List<AgeIdentity> identities = f.central.vault().transaction(TrustService::identities);
        try (FileChannel source = FileChannel.open(exported.file(), StandardOpenOption.READ);
             InputStream in = Channels.newInputStream(Age.decrypting(source, identities))) {
            return VerifiedPackage.of(PackageReader.read(in, signed.deviceId(), key.key(), PackageLimits.DEFAULT), signed.fileHash());
        } finally {
            identities.forEach(AgeIdentity::destroy);
        }
    }
}
