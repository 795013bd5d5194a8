package org.harbor.sync;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.harbor.crypto.Ed25519;
import org.harbor.crypto.Hashes;
import org.harbor.crypto.Minisign;
import org.harbor.seal.PackageSignature;

/**
 * {@code bench/sync.sh} (issue 18): two measurements on loopback, bounded, stopping by themselves.
 *
 * <p><b>Upload throughput</b>: one 200 MB package file sent to the same Helidon {@link SyncServer}
 * over the same TLS, by Harbor's {@link SyncClient} and by {@code curl}, alternating, medians of
 * {@code rounds}. Like with like: both create the upload with the same signed POST and then PATCH
 * the same 8 MiB chunks to the same path, each chunk signed by the device key, checked (SHA-256)
 * and fsynced by the server; both end on the server's answer to the last chunk. curl gets every
 * chunk's signed headers computed beforehand and the chunks as files (neither timed), so Harbor's
 * time also holds its reading, hashing and signing: the ratio favours curl. The server's office
 * answers the last chunk with a fixed receipt instead of importing, so the import's decrypting is
 * not timed for either.
 *
 * <p><b>50 laptops at once</b>: real field vaults with real sealed cases, released to their
 * outboxes, sending at once to a real central vault that imports each package; each laptop's time
 * from start of sending to its receipt applied, p50/p95/max.
 */
public final class SyncBenchmark {

    private static final int CHUNK = 8 << 20;

    public static void main(String[] args) throws Exception {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int laptops = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        Path dir = Files.createTempDirectory("harbor-sync-bench");
        try {
            throughput(dir.resolve("throughput"), megabytes, rounds);
            concurrent(dir.resolve("laptops"), laptops);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    // --- throughput ------------------------------------------------------------------------

    private static void throughput(Path dir, int megabytes, int rounds) throws Exception {
        Files.createDirectories(dir);
        Path keyStore = SyncFixture.keyStore(dir.resolve("server.p12"), "harbor-bench");
        byte[] certificate = PinnedTls.certificate(keyStore, SyncFixture.STORE_PASS);
        Path pem = dir.resolve("server.pem");
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certificate) + "\n-----END CERTIFICATE-----\n");
        Ed25519.SigningKey device = Ed25519.generate();
        Minisign.PublicKey deviceKey = new Minisign.PublicKey(Minisign.newKeyId(), device.publicKey());
        SyncServer.Office office = new SyncServer.Office() {
            @Override
            public Optional<Minisign.PublicKey> enrolledKey(String deviceId) {
                return deviceId.equals(deviceKey.keyIdHex()) ? Optional.of(deviceKey) : Optional.empty();
            }

            @Override
            public String importPackage(Path file) {
                return "{\"bench\":\"no import\"}\n";
            }
        };
        Path data = dir.resolve("package.bin");
        writeRandom(data, (long) megabytes << 20);
        Path chunks = dir.resolve("chunks");
        List<Path> chunkFiles = split(data, chunks);
        SyncClient.Signer signer = new SyncClient.Signer() {
            @Override
            public String deviceId() {
                return deviceKey.keyIdHex();
            }

            @Override
            public byte[] sign(byte[] message) {
                return device.sign(message);
            }
        };
        SyncServer.Limits limits = SyncServer.Limits.DEFAULT.withMaxRequestsPerMinute(100_000);
        long size = Files.size(data);
        List<Double> harbor = new ArrayList<>();
        List<Double> curl = new ArrayList<>();
        try (SyncServer server = SyncServer.start(office, dir.resolve("spool"), limits, Clock.systemUTC(), "127.0.0.1", 0,
                PinnedTls.server(keyStore, SyncFixture.STORE_PASS))) {
            URI url = URI.create("https://127.0.0.1:" + server.port());
            SyncClient client = new SyncClient(url, certificate, signer, CHUNK,
                    new SyncClient.Backoff(3, Duration.ofMillis(100), Duration.ofSeconds(1), 1), Clock.systemUTC());
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .sslContext(PinnedTls.client(certificate, new AtomicBoolean())).build();
            for (int round = 0; round <= rounds; round++) {
                // Harbor's client: a link to the same bytes beside a new signature (a new package id).
                Path file = dir.resolve("harbor-" + round + ".harbor");
                Files.deleteIfExists(file);
                Files.createSymbolicLink(file, data);
                Files.writeString(PackageSignature.beside(file), signature(device, deviceKey, round * 2L + 1));
                long t0 = System.nanoTime();
                client.upload(file, SyncClient.Progress.NONE);
                double h = (System.nanoTime() - t0) / 1e9;
                // curl: the same server and path, the same chunks, headers signed beforehand.
                String id = UUID.randomUUID().toString();
                String sig = signature(device, deviceKey, round * 2L + 2, id);
                byte[] body = sig.getBytes(StandardCharsets.UTF_8);
                HttpRequest.Builder create = HttpRequest.newBuilder(url.resolve(SyncProtocol.UPLOADS))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header(SyncProtocol.LENGTH, Long.toString(size));
                signed(create, signer, "POST", SyncProtocol.UPLOADS, -1, size, Hashes.hex(Hashes.sha256(body)));
                HttpResponse<Void> created = http.send(create.build(), HttpResponse.BodyHandlers.discarding());
                if (created.statusCode() != 201) {
                    throw new IllegalStateException("the bench upload was not created: " + created.statusCode());
                }
                Path config = curlConfig(dir.resolve("curl-" + round + ".cfg"), url, id, chunkFiles, signer, pem);
                long t1 = System.nanoTime();
                Process p = new ProcessBuilder("curl", "--silent", "--show-error", "--config", config.toString())
                        .redirectErrorStream(true).start();
                String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(10, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("curl did not finish");
                }
                double c = (System.nanoTime() - t1) / 1e9;
                List<String> codes = said.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
                if (codes.size() != chunkFiles.size() || !codes.getLast().equals("200")
                        || !codes.subList(0, codes.size() - 1).stream().allMatch("204"::equals)) {
                    throw new IllegalStateException("curl's upload did not go through: " + codes);
                }
                Files.delete(PackageSignature.beside(file));
                Files.delete(file);
                if (round == 0) {
                    continue; // a warm-up round for both
                }
                harbor.add(h);
                curl.add(c);
                System.out.printf(Locale.ROOT, "round %d: harbor %.2f s, curl %.2f s%n", round, h, c);
            }
        } finally {
            device.destroy();
        }
        double mb = size / 1e6;
        double h = median(harbor);
        double c = median(curl);
        System.out.printf(Locale.ROOT, "upload of a %.0f MB package over loopback TLS, 8 MiB signed chunks, medians of %d rounds:%n", mb, rounds);
        System.out.printf(Locale.ROOT, "  harbor SyncClient %.1f MB/s (%.2f s)%n", mb / h, h);
        System.out.printf(Locale.ROOT, "  curl              %.1f MB/s (%.2f s)%n", mb / c, c);
        System.out.printf(Locale.ROOT, "  ratio harbor/curl %.2f (budget >= 0.80)%n", c / h);
    }

    private static String signature(Ed25519.SigningKey device, Minisign.PublicKey key, long sequence) {
        return signature(device, key, sequence, UUID.randomUUID().toString());
    }

    /** A signature file announcing package {@code id} from the device (the server checks the announcement at creation). */
    private static String signature(Ed25519.SigningKey device, Minisign.PublicKey key, long sequence, String id) {
        String comment = "harbor-package id=" + id + " device=" + key.keyIdHex() + " sequence=" + sequence + " time="
                + Clock.systemUTC().instant();
        return Minisign.sign(device, key.keyId(), new byte[64], "bench", comment);
    }

    private static void signed(HttpRequest.Builder r, SyncClient.Signer signer, String method, String path, long offset, long length,
                               String bodyHash) {
        Headers h = headers(signer, method, path, offset, length, bodyHash);
        r.header(SyncProtocol.DEVICE, signer.deviceId()).header(SyncProtocol.TIME, h.time).header(SyncProtocol.NONCE, h.nonce)
                .header(SyncProtocol.BODY_HASH, bodyHash).header(SyncProtocol.SIGNATURE, h.signature);
    }

    private record Headers(String time, String nonce, String signature) {
    }

    private static final SecureRandom NONCES = new SecureRandom();

    private static Headers headers(SyncClient.Signer signer, String method, String path, long offset, long length, String bodyHash) {
        byte[] n = new byte[16];
        NONCES.nextBytes(n);
        String nonce = HexFormat.of().formatHex(n);
        String time = Clock.systemUTC().instant().toString();
        String signature = Base64.getEncoder().encodeToString(signer.sign(SyncProtocol.message(method, path, offset, length, bodyHash, nonce, time)));
        return new Headers(time, nonce, signature);
    }

    /** One curl run: a PATCH per chunk on one connection, each with its signed headers; prints each status. */
    private static Path curlConfig(Path config, URI url, String id, List<Path> chunks, SyncClient.Signer signer, Path pem) throws IOException {
        String path = SyncProtocol.UPLOADS + "/" + id;
        StringBuilder out = new StringBuilder();
        long offset = 0;
        for (int i = 0; i < chunks.size(); i++) {
            Path chunk = chunks.get(i);
            long length = Files.size(chunk);
            String hash = Hashes.hex(sha256(chunk));
            Headers h = headers(signer, "PATCH", path, offset, length, hash);
            if (i > 0) {
                out.append("next\n");
            }
            out.append("url = \"").append(url.resolve(path)).append("\"\n")
                    .append("request = \"PATCH\"\n")
                    .append("cacert = \"").append(pem).append("\"\n")
                    .append("http1.1\n")
                    .append("header = \"Expect:\"\n")
                    .append("header = \"Content-Type: application/offset+octet-stream\"\n")
                    .append("header = \"").append(SyncProtocol.DEVICE).append(": ").append(signer.deviceId()).append("\"\n")
                    .append("header = \"").append(SyncProtocol.TIME).append(": ").append(h.time).append("\"\n")
                    .append("header = \"").append(SyncProtocol.NONCE).append(": ").append(h.nonce).append("\"\n")
                    .append("header = \"").append(SyncProtocol.BODY_HASH).append(": ").append(hash).append("\"\n")
                    .append("header = \"").append(SyncProtocol.SIGNATURE).append(": ").append(h.signature).append("\"\n")
                    .append("header = \"").append(SyncProtocol.OFFSET).append(": ").append(offset).append("\"\n")
                    .append("data-binary = \"@").append(chunk).append("\"\n")
                    .append("output = \"/dev/null\"\n")
                    .append("write-out = \"%{http_code}\\n\"\n");
            offset += length;
        }
        Files.writeString(config, out.toString());
        return config;
    }

    private static byte[] sha256(Path file) throws IOException {
        return Hashes.sha256(Files.readAllBytes(file));
    }

    private static void writeRandom(Path file, long bytes) throws IOException {
        Random random = new Random(18);
        byte[] buf = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = bytes; left > 0; left -= buf.length) {
                random.nextBytes(buf);
                out.write(buf, 0, (int) Math.min(buf.length, left));
            }
        }
    }

    private static List<Path> split(Path data, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        byte[] all = new byte[CHUNK];
        try (var in = Files.newInputStream(data)) {
            for (int i = 0; ; i++) {
                int n = in.readNBytes(all, 0, CHUNK);
                if (n == 0) {
                    break;
                }
                Path chunk = dir.resolve(String.format(Locale.ROOT, "chunk-%04d", i));
                Files.write(chunk, n == CHUNK ? all : java.util.Arrays.copyOf(all, n));
                out.add(chunk);
            }
        }
        return out;
    }

    // --- 50 laptops at once ----------------------------------------------------------------

    private static void concurrent(Path dir, int count) throws Exception {
        Files.createDirectories(dir);
        try (SyncFixture f = new SyncFixture(dir)) {
            f.serve(SyncServer.Limits.DEFAULT);
            List<SyncFixture.Laptop> laptops = f.fleet(count);
            for (int i = 0; i < laptops.size(); i++) {
                SyncFixture.Laptop laptop = laptops.get(i);
                String caseId = SyncFixture.sealedCase(laptop, "Laptop" + i);
                laptop.harbor().useCases().releaseToOutbox().release(laptop.supervisor(), List.of(caseId));
            }
            ExecutorService pool = Executors.newFixedThreadPool(count);
            List<Future<Double>> sending = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < laptops.size(); i++) {
                SyncFixture.Laptop laptop = laptops.get(i);
                long seed = i;
                sending.add(pool.submit(() -> {
                    long t0 = System.nanoTime();
                    Outbox.Sent sent = laptop.harbor().useCases().sendOutbox().send(laptop.supervisor(), f.url(), SyncFixture.patient(seed),
                            org.harbor.usecases.SendOutbox.CHUNK, SyncClient.Progress.NONE);
                    if (sent.received().size() != 1) {
                        throw new IllegalStateException("a laptop's package was not received: " + sent);
                    }
                    return (System.nanoTime() - t0) / 1e9;
                }));
            }
            List<Double> times = new ArrayList<>();
            for (Future<Double> s : sending) {
                times.add(s.get(5, TimeUnit.MINUTES));
            }
            double all = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            if (f.importedPackages() != count) {
                throw new IllegalStateException("not every package was imported once");
            }
            Collections.sort(times);
            long bytes = 0;
            for (SyncFixture.Laptop l : laptops) {
                bytes += l.harbor().useCases().releaseToOutbox().items(l.supervisor()).getFirst().bytes();
            }
            System.out.printf(Locale.ROOT, "%d laptops sending at once (one sealed case each, %d KB per package on average), each imported once:%n",
                    count, bytes / count / 1024);
            System.out.printf(Locale.ROOT, "  time to receipt applied: p50 %.2f s, p95 %.2f s, max %.2f s; all done in %.2f s%n",
                    percentile(times, 50), percentile(times, 95), times.getLast(), all);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
