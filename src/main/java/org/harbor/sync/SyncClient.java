package org.harbor.sync;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLHandshakeException;
import org.harbor.crypto.Hashes;
import org.harbor.seal.PackageSignature;

/**
 * The field side of {@code harbor-sync/1} ({@link SyncProtocol}): uploads one package (the file and
 * its {@code .minisig}) in chunks, resumes from the server's offset after a cut, backs off between
 * attempts, and returns the receipt. Speaks only to the server whose certificate the trust bundle
 * pins; every request is signed by the device key ({@link Signer}).
 */
public final class SyncClient {

    /** The device key: its id and a signature of a request's message. */
    public interface Signer {
        String deviceId();

        byte[] sign(byte[] message);
    }

    /** Reports how far an upload has come. */
    public interface Progress {
        Progress NONE = (sent, total) -> {
        };

        void sent(long bytes, long total);
    }

    /**
     * Retries: at most {@code attempts} connections per upload; the wait doubles from {@code first}
     * up to {@code max}, with random jitter (seeded in tests).
     */
    public record Backoff(int attempts, Duration first, Duration max, long seed) {
        public static final Backoff DEFAULT = new Backoff(12, Duration.ofSeconds(1), Duration.ofMinutes(2), new SecureRandom().nextLong());

        Duration delay(int attempt, Random random) {
            long base = Math.min(max.toMillis(), first.toMillis() << Math.min(20, attempt));
            return Duration.ofMillis(base / 2 + (long) (random.nextDouble() * base / 2));
        }
    }

    private final URI server;
    private final Signer signer;
    private final int chunkBytes;
    private final Backoff backoff;
    private final Clock clock;
    private final HttpClient http;
    private final AtomicBoolean wrongCertificate = new AtomicBoolean();
    private final SecureRandom nonces = new SecureRandom();

    public SyncClient(URI server, byte[] pinnedCertificate, Signer signer, int chunkBytes, Backoff backoff, Clock clock) {
        this.server = server;
        this.signer = signer;
        this.chunkBytes = chunkBytes;
        this.backoff = backoff;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(PinnedTls.client(pinnedCertificate, wrongCertificate))
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Uploads {@code file} until the server answers with its receipt.
     *
     * @return the receipt file's bytes
     * @throws SyncRefused at the check that refused it, or {@link SyncCheck#UNREACHABLE} after the last attempt
     */
    public byte[] upload(Path file, Progress progress) throws InterruptedException {
        byte[] signature;
        long length;
        try {
            signature = Files.readAllBytes(PackageSignature.beside(file));
            length = Files.size(file);
        } catch (IOException e) {
            throw new SyncRefused(SyncCheck.UPLOAD);
        }
        Random jitter = new Random(backoff.seed());
        String path = null;
        for (int attempt = 0; ; attempt++) {
            try {
                long offset;
                if (path == null) {
                    HttpResponse<byte[]> created = send("POST", SyncProtocol.UPLOADS, -1, length, signature);
                    if (created.statusCode() == 200) {
                        return created.body();
                    }
                    expect(created, 201);
                    path = created.headers().firstValue("Location").orElseThrow(() -> new IOException("no upload location"));
                    if (!path.startsWith(SyncProtocol.UPLOADS + "/")) {
                        throw new IOException("an unexpected upload location");
                    }
                    offset = offsetOf(created);
                } else {
                    HttpResponse<byte[]> head = send("HEAD", path, -1, -1, null);
                    if (head.statusCode() == 404) {
                        path = null; // the server no longer knows it: start again
                        continue;
                    }
                    expect(head, 204);
                    offset = offsetOf(head);
                }
                if (offset >= 0) {
                    progress.sent(Math.min(offset, length), length); // where a resumed upload starts
                }
                if (offset < 0) {
                    HttpResponse<byte[]> receipt = send("GET", path + "/receipt", -1, -1, null);
                    expect(receipt, 200);
                    return receipt.body();
                }
                try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                    while (true) {
                        int n = (int) Math.min(chunkBytes, length - offset);
                        byte[] chunk = new byte[n];
                        ByteBuffer b = ByteBuffer.wrap(chunk);
                        while (b.hasRemaining()) {
                            if (in.read(b, offset + b.position()) < 0) {
                                throw new SyncRefused(SyncCheck.UPLOAD); // the file shrank under us
                            }
                        }
                        HttpResponse<byte[]> sent = send("PATCH", path, offset, n, chunk);
                        if (sent.statusCode() == 200) {
                            progress.sent(length, length);
                            return sent.body();
                        }
                        if (sent.statusCode() == SyncCheck.OFFSET.status()) {
                            offset = offsetOf(sent);
                            continue;
                        }
                        expect(sent, 204);
                        offset = offsetOf(sent);
                        progress.sent(offset, length);
                        attempt = 0; // progress was made: the next cut gets a fresh budget
                        if (offset >= length) {
                            throw new IOException("the server holds the whole package but sent no receipt");
                        }
                    }
                }
            } catch (SyncRefused e) {
                if (!e.check().retryable() || attempt + 1 >= backoff.attempts()) {
                    throw e;
                }
            } catch (SSLHandshakeException e) {
                if (wrongCertificate.get()) {
                    throw new SyncRefused(SyncCheck.CERTIFICATE);
                }
                if (attempt + 1 >= backoff.attempts()) {
                    throw new SyncRefused(SyncCheck.UNREACHABLE);
                }
            } catch (IOException e) {
                if (wrongCertificate.get()) {
                    throw new SyncRefused(SyncCheck.CERTIFICATE);
                }
                if (attempt + 1 >= backoff.attempts()) {
                    throw new SyncRefused(SyncCheck.UNREACHABLE);
                }
            }
            Thread.sleep(backoff.delay(attempt, jitter).toMillis());
        }
    }

    /**
     * The office's publications, newest of each subject (ADR 0017): one try, no retries (the next
     * sync asks again).
     *
     * @throws SyncRefused at the check that refused the request, {@link SyncCheck#CERTIFICATE}, or {@link SyncCheck#UNREACHABLE}
     */
    public java.util.List<Publications.Listed> publications() throws InterruptedException {
        byte[] body = get(SyncProtocol.PUBLICATIONS, 1 << 20);
        java.util.List<Publications.Listed> out = new java.util.ArrayList<>();
        for (String line : utf8(body).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(" ");
            if (f.length != 3 || !f[0].matches("[1-9][0-9]{0,17}") || !Publication.SUBJECT.matcher(f[1]).matches()
                    || !f[2].matches("[0-9a-f]{64}")) {
                throw new SyncRefused(SyncCheck.UNREACHABLE); // outside the protocol
            }
            out.add(new Publications.Listed(Long.parseLong(f[0]), f[1], f[2]));
        }
        return out;
    }

    /** Publication {@code sequence}'s signed file, as the server holds it; the caller verifies it. */
    public byte[] publication(long sequence) throws InterruptedException {
        return get(SyncProtocol.PUBLICATIONS + "/" + sequence, Publication.MAX_FILE);
    }

    private byte[] get(String path, int max) throws InterruptedException {
        try {
            HttpResponse<byte[]> response = send("GET", path, -1, -1, null);
            expect(response, 200);
            if (response.body().length > max) {
                throw new IOException("an answer above its cap");
            }
            return response.body();
        } catch (IOException e) {
            throw new SyncRefused(wrongCertificate.get() ? SyncCheck.CERTIFICATE : SyncCheck.UNREACHABLE);
        }
    }

    private HttpResponse<byte[]> send(String method, String path, long offset, long length, byte[] body)
            throws IOException, InterruptedException {
        String bodyHash = body == null ? SyncProtocol.EMPTY_HASH : Hashes.hex(Hashes.sha256(body));
        byte[] n = new byte[16];
        nonces.nextBytes(n);
        String nonce = HexFormat.of().formatHex(n);
        String time = clock.instant().toString();
        long signedLength = method.equals("PATCH") ? body.length : length;
        byte[] signature = signer.sign(SyncProtocol.message(method, path, offset, signedLength, bodyHash, nonce, time));
        HttpRequest.Builder r = HttpRequest.newBuilder(server.resolve(path))
                .timeout(Duration.ofMinutes(2))
                .header(SyncProtocol.DEVICE, signer.deviceId())
                .header(SyncProtocol.TIME, time)
                .header(SyncProtocol.NONCE, nonce)
                .header(SyncProtocol.BODY_HASH, bodyHash)
                .header(SyncProtocol.SIGNATURE, Base64.getEncoder().encodeToString(signature));
        if (offset >= 0) {
            r.header(SyncProtocol.OFFSET, Long.toString(offset));
        }
        if (method.equals("POST")) {
            r.header(SyncProtocol.LENGTH, Long.toString(length));
        }
        r.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<byte[]> response = http.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
        refusal(response);
        return response;
    }

    /** A refusal the server named becomes a {@link SyncRefused}; a 409 (offset) is handled by the caller. */
    private static void refusal(HttpResponse<byte[]> response) {
        String check = response.headers().firstValue(SyncProtocol.REFUSED).orElse(null);
        if (check == null || response.statusCode() == SyncCheck.OFFSET.status()) {
            return;
        }
        SyncCheck named = SyncCheck.fromWire(check);
        if (named == SyncCheck.IMPORT) {
            String key = response.headers().firstValue(SyncProtocol.IMPORT_CHECK).orElse("packages.check.store");
            if (!key.matches("packages\\.check\\.[A-Za-z]{1,20}")) {
                key = "packages.check.store";
            }
            throw new SyncRefused(key);
        }
        throw new SyncRefused(named == null ? SyncCheck.UNREACHABLE : named);
    }

    private static void expect(HttpResponse<byte[]> response, int status) throws IOException {
        if (response.statusCode() != status) {
            throw new IOException("the server answered " + response.statusCode());
        }
    }

    private static long offsetOf(HttpResponse<byte[]> response) throws IOException {
        try {
            return Long.parseLong(response.headers().firstValue(SyncProtocol.OFFSET).orElseThrow(() -> new IOException("no offset")));
        } catch (NumberFormatException e) {
            throw new IOException("a malformed offset");
        }
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
