package org.harbor.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.harbor.crypto.Hashes;
import org.harbor.seal.PackageSignature;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 on loopback only: a real Helidon server on 127.0.0.1 with a real certificate, real field
 * vaults as clients (their outboxes, device keys and receipts), and the same import as a file
 * import behind the server.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SyncTest {

    private static final int SMALL_CHUNK = 2048;

    @TempDir
    Path dir;

    @Test
    @DisplayName("central serve: a released package is uploaded over TLS, imported with the file import's checks, and its receipt applied")
    void releasedPackageIsImportedAndItsReceiptApplied() throws Exception {
        try (SyncFixture f = new SyncFixture(dir)) {
            f.serve(SyncServer.Limits.DEFAULT);
            SyncFixture.Laptop laptop = f.laptop("1", true);
            String caseId = SyncFixture.sealedCase(laptop, "Alpha");
            Outbox.Item item = laptop.harbor().useCases().releaseToOutbox().release(laptop.supervisor(), List.of(caseId));
            assertEquals("released", item.state());
            Outbox.Sent sent = laptop.harbor().useCases().sendOutbox().send(laptop.supervisor(), f.url(), SyncFixture.quick(1),
                    SMALL_CHUNK, SyncClient.Progress.NONE);
            assertEquals(List.of(item.packageId()), sent.received());
            assertEquals(1, f.importedPackages());
            assertEquals(List.of(caseId), laptop.harbor().receipts().purgeable(laptop.supervisor()), "the receipt marked the case received");
            assertEquals("received", laptop.harbor().useCases().releaseToOutbox().items(laptop.supervisor()).getFirst().state());
            assertFalse(Files.exists(laptop.harbor().vault().home().dir().resolve("outbox").resolve(item.id() + ".harbor")));
        }
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    @DisplayName("50 laptops uploading at once: every package imported once, every receipt applied")
    void fiftyLaptopsAtOnce() throws Exception {
        int count = Integer.getInteger("harbor.sync.laptops", 50);
        try (SyncFixture f = new SyncFixture(dir)) {
            f.serve(SyncServer.Limits.DEFAULT);
            List<SyncFixture.Laptop> laptops = f.fleet(count);
            List<String> cases = new ArrayList<>();
            for (SyncFixture.Laptop laptop : laptops) {
                int i = cases.size();
                String caseId = SyncFixture.sealedCase(laptop, "Laptop" + i);
                laptop.harbor().useCases().releaseToOutbox().release(laptop.supervisor(), List.of(caseId));
                cases.add(caseId);
            }
            ExecutorService pool = Executors.newFixedThreadPool(count);
            List<Future<Outbox.Sent>> sending = new ArrayList<>();
            for (int i = 0; i < laptops.size(); i++) {
                SyncFixture.Laptop laptop = laptops.get(i);
                long seed = i;
                sending.add(pool.submit(() -> laptop.harbor().useCases().sendOutbox().send(laptop.supervisor(), f.url(),
                        SyncFixture.patient(seed), SMALL_CHUNK, SyncClient.Progress.NONE)));
            }
            Set<String> received = new HashSet<>();
            for (Future<Outbox.Sent> s : sending) {
                Outbox.Sent sent = s.get(90, TimeUnit.SECONDS);
                assertEquals(1, sent.received().size(), "each laptop's one package was received: " + sent);
                received.addAll(sent.received());
            }
            pool.shutdown();
            assertEquals(count, received.size());
            assertEquals(count, f.importedPackages(), "every package imported once");
            for (int i = 0; i < laptops.size(); i++) {
                SyncFixture.Laptop laptop = laptops.get(i);
                assertEquals(List.of(cases.get(i)), laptop.harbor().receipts().purgeable(laptop.supervisor()), "receipt applied on laptop " + i);
            }
        }
    }

    @Test
    @DisplayName("the connection cut at random points of an upload (20 runs, seeded): resumed, nothing lost or doubled")
    void cutConnectionsResume() throws Exception {
        try (SyncFixture f = new SyncFixture(dir)) {
            f.serve(SyncServer.Limits.DEFAULT);
            SyncFixture.Laptop laptop = f.laptop("cut", true);
            Random random = new Random(18);
            try (CuttingProxy proxy = new CuttingProxy(f.server.port())) {
                URI through = URI.create("https://127.0.0.1:" + proxy.port());
                List<String> cases = new ArrayList<>();
                for (int run = 0; run < 20; run++) {
                    String caseId = SyncFixture.sealedCase(laptop, "Run" + run);
                    cases.add(caseId);
                    Outbox.Item item = laptop.harbor().useCases().releaseToOutbox().release(laptop.supervisor(), List.of(caseId));
                    long size = item.bytes();
                    // The first connections of the run are cut at a random byte of what the client sends (the
                    // TLS handshake, headers and chunks together); later ones are left whole, so the run ends.
                    int cutsThisRun = 1 + random.nextInt(3);
                    long[] at = new long[cutsThisRun];
                    for (int k = 0; k < cutsThisRun; k++) {
                        at[k] = 1 + (long) (random.nextDouble() * (size + 4096));
                    }
                    proxy.cutAfter(n -> n < at.length ? at[n] : -1);
                    Outbox.Sent sent = laptop.harbor().useCases().sendOutbox().send(laptop.supervisor(), through, SyncFixture.quick(run),
                            SMALL_CHUNK, SyncClient.Progress.NONE);
                    assertEquals(List.of(item.packageId()), sent.received(), "run " + run + " was resumed to its receipt");
                    assertEquals(run + 1, f.importedPackages(), "run " + run + ": imported once");
                }
                assertTrue(proxy.cuts.get() >= 20, "connections were cut: " + proxy.cuts.get());
                assertEquals(new HashSet<>(cases), new HashSet<>(laptop.harbor().receipts().purgeable(laptop.supervisor())));
                try (var left = Files.list(dir.resolve("central").resolve("sync-uploads"))) {
                    assertTrue(left.noneMatch(p -> p.toString().endsWith(".harbor")), "no upload left half-done on the server");
                }
            }
        }
    }

    @Test
    @DisplayName("a wrong certificate is refused: the laptop sends nothing to a server its trust bundle does not pin")
    void wrongCertificateRefused() throws Exception {
        try (SyncFixture f = new SyncFixture(dir)) {
            f.serve(SyncServer.Limits.DEFAULT, SyncFixture.keyStore(dir.resolve("impostor.p12"), "harbor-central"));
            SyncFixture.Laptop laptop = f.laptop("1", true);
            laptop.harbor().useCases().releaseToOutbox().release(laptop.supervisor(), List.of(SyncFixture.sealedCase(laptop, "Beta")));
            Outbox.Sent sent = laptop.harbor().useCases().sendOutbox().send(laptop.supervisor(), f.url(), SyncFixture.quick(2),
                    SMALL_CHUNK, SyncClient.Progress.NONE);
            assertTrue(sent.received().isEmpty());
            assertEquals("certificate", sent.refused().getFirst().lastCheck());
            assertEquals(0, f.importedPackages());
        }
    }

    @Test
    @DisplayName("an unenrolled device is refused at the enrolment check, before any byte of its package is kept")
    void unenrolledDeviceRefused() throws Exception {
        try (SyncFixture f = new SyncFixture(dir)) {
            f.serve(SyncServer.Limits.DEFAULT);
            SyncFixture.Laptop laptop = f.laptop("stranger", false);
            laptop.harbor().useCases().releaseToOutbox().release(laptop.supervisor(), List.of(SyncFixture.sealedCase(laptop, "Gamma")));
            Outbox.Sent sent = laptop.harbor().useCases().sendOutbox().send(laptop.supervisor(), f.url(), SyncFixture.quick(3),
                    SMALL_CHUNK, SyncClient.Progress.NONE);
            assertEquals("enrolment", sent.refused().getFirst().lastCheck());
            assertEquals(0, f.importedPackages());
            try (var left = Files.list(dir.resolve("central").resolve("sync-uploads"))) {
                assertEquals(0, left.count(), "nothing of the stranger's package was kept");
            }
        }
    }

    @Test
    @DisplayName("a replayed upload request is refused at the replay check; an oversized package or body at the size check")
    void replayedAndOversizedRefused() throws Exception {
        try (SyncFixture f = new SyncFixture(dir)) {
            f.serve(SyncServer.Limits.DEFAULT.withMaxPackageBytes(64 << 10));
            SyncFixture.Laptop laptop = f.laptop("1", true);
            Outbox.Item item = laptop.harbor().useCases().releaseToOutbox().release(laptop.supervisor(),
                    List.of(SyncFixture.sealedCase(laptop, "Delta")));
            Path file = laptop.harbor().vault().home().dir().resolve("outbox").resolve(item.id() + ".harbor");
            byte[] signature = Files.readAllBytes(PackageSignature.beside(file));
            RawRequests raw = new RawRequests(f, laptop);

            HttpResponse<byte[]> first = raw.send("POST", SyncProtocol.UPLOADS, -1, Files.size(file), signature, null);
            assertEquals(201, first.statusCode());
            HttpResponse<byte[]> replayed = raw.resend();
            assertEquals(401, replayed.statusCode());
            assertEquals("replay", replayed.headers().firstValue(SyncProtocol.REFUSED).orElseThrow());

            HttpResponse<byte[]> oversized = raw.send("POST", SyncProtocol.UPLOADS, -1, 65L << 10, signature, null);
            assertEquals(413, oversized.statusCode());
            assertEquals("size", oversized.headers().firstValue(SyncProtocol.REFUSED).orElseThrow());

            HttpResponse<byte[]> tooBigBody = raw.send("POST", SyncProtocol.UPLOADS, -1, Files.size(file), new byte[8192], null);
            assertEquals(413, tooBigBody.statusCode());
            assertEquals("size", tooBigBody.headers().firstValue(SyncProtocol.REFUSED).orElseThrow());

            byte[] chunk = Files.readAllBytes(file);
            String path = SyncProtocol.UPLOADS + "/" + item.packageId();
            byte[] altered = chunk.clone();
            altered[altered.length / 2] ^= 1;
            HttpResponse<byte[]> tampered = raw.send("PATCH", path, 0, chunk.length, altered, Hashes.hex(Hashes.sha256(chunk)));
            assertEquals(400, tampered.statusCode());
            assertEquals("chunk", tampered.headers().firstValue(SyncProtocol.REFUSED).orElseThrow());
            assertEquals(0, f.importedPackages());
        }
    }

    @Test
    @DisplayName("nothing leaves without a supervisor's release: a sealed case not released is not sent")
    void nothingLeavesWithoutRelease() throws Exception {
        try (SyncFixture f = new SyncFixture(dir)) {
            f.serve(SyncServer.Limits.DEFAULT);
            SyncFixture.Laptop laptop = f.laptop("1", true);
            SyncFixture.sealedCase(laptop, "Epsilon");
            Outbox.Sent sent = laptop.harbor().useCases().sendOutbox().send(laptop.supervisor(), f.url(), SyncFixture.quick(4),
                    SMALL_CHUNK, SyncClient.Progress.NONE);
            assertTrue(sent.received().isEmpty());
            assertEquals(0, f.importedPackages());
        }
    }

    /** Signed requests made by hand, to send one twice or to send what the client never would. */
    private static final class RawRequests {
        private final SyncFixture f;
        private final SyncFixture.Laptop laptop;
        private final HttpClient http;
        private HttpRequest last;

        RawRequests(SyncFixture f, SyncFixture.Laptop laptop) {
            this.f = f;
            this.laptop = laptop;
            this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .sslContext(PinnedTls.client(f.certificate, new java.util.concurrent.atomic.AtomicBoolean())).build();
        }

        HttpResponse<byte[]> send(String method, String path, long offset, long length, byte[] body, String claimedHash) throws Exception {
            String hash = claimedHash != null ? claimedHash : Hashes.hex(Hashes.sha256(body));
            String nonce = java.util.HexFormat.of().formatHex(Hashes.sha256(java.util.UUID.randomUUID().toString().getBytes())).substring(0, 32);
            String time = f.clock.instant().toString();
            long signedLength = method.equals("PATCH") ? body.length : length;
            byte[] sig = laptop.harbor().trust().withDeviceKey(laptop.supervisor(),
                    (key, signing) -> signing.sign(SyncProtocol.message(method, path, offset, signedLength, hash, nonce, time)));
            HttpRequest.Builder r = HttpRequest.newBuilder(f.url().resolve(path)).timeout(Duration.ofSeconds(30))
                    .header(SyncProtocol.DEVICE, laptop.deviceId()).header(SyncProtocol.TIME, time).header(SyncProtocol.NONCE, nonce)
                    .header(SyncProtocol.BODY_HASH, hash).header(SyncProtocol.SIGNATURE, Base64.getEncoder().encodeToString(sig))
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
            if (offset >= 0) {
                r.header(SyncProtocol.OFFSET, Long.toString(offset));
            }
            if (length >= 0 && method.equals("POST")) {
                r.header(SyncProtocol.LENGTH, Long.toString(length));
            }
            last = r.build();
            return http.send(last, HttpResponse.BodyHandlers.ofByteArray());
        }

        HttpResponse<byte[]> resend() throws Exception {
            return http.send(last, HttpResponse.BodyHandlers.ofByteArray());
        }
    }
}
