package org.harbor.sync;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import org.harbor.crypto.Hashes;
import org.harbor.crypto.Minisign;
import org.harbor.seal.PackageRefused;
import org.harbor.seal.PackageSignature;
import org.harbor.vault.AtomicFiles;

/**
 * {@code harbor central serve}: the office's HTTPS receiver of packages (Helidon SE), in front of
 * the same import as {@code harbor import} (issue 18, ADR 0015). Each request is checked in this
 * order before its body is kept: device headers and signature ({@link SyncCheck#AUTH}), enrolment,
 * clock, nonce (replay), rate; a new upload's signature file must announce a package signed by the
 * sending device ({@link SyncCheck#SIGNATURE}) before a byte of the package is kept, and its length
 * must be under the cap. Chunks are kept only when their bytes are the ones the device signed. The
 * last chunk runs the import ({@link Office#importPackage}) and the answer is the signed receipt.
 *
 * <p>Uploads in progress live in {@code spool} ({@code ID.harbor} growing, {@code ID.harbor.minisig},
 * {@code ID.meta} with the device, length and the offset verified so far; {@code ID.receipt} once
 * imported): they are still encrypted to the office's keys, and survive a restart of the server.
 */
public final class SyncServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SyncServer.class.getName());

    /** What the server asks of the office: who is enrolled, and the import. */
    public interface Office {
        Optional<Minisign.PublicKey> enrolledKey(String deviceId);

        /**
         * Imports {@code file} (its signature beside it) with every check of a file import.
         *
         * @return the receipt file's text
         * @throws PackageRefused naming the check that refused it
         */
        String importPackage(Path file);

        /** The newest publication of each subject (forms and settings downstream, ADR 0017); none by default. */
        default java.util.List<Publications.Listed> publications() {
            return java.util.List.of();
        }

        /** The signed file of publication {@code sequence}. */
        default Optional<byte[]> publication(long sequence) {
            return Optional.empty();
        }
    }

    /**
     * @param maxPackageBytes       the largest package accepted
     * @param maxChunkBytes         the largest body of one PATCH
     * @param maxConcurrentUploads  chunks being received or imported at once
     * @param maxRequestsPerMinute  per device
     * @param maxOpenUploadsPerDevice uploads started and not finished, per device
     * @param clockSkew             how far a request's time may be from the server's
     */
    public record Limits(long maxPackageBytes, int maxChunkBytes, int maxConcurrentUploads, int maxRequestsPerMinute,
                         int maxOpenUploadsPerDevice, Duration clockSkew) {
        public static final Limits DEFAULT = new Limits(4L << 30, 16 << 20, 16, 600, 8, Duration.ofMinutes(5));

        public Limits withMaxPackageBytes(long bytes) {
            return new Limits(bytes, maxChunkBytes, maxConcurrentUploads, maxRequestsPerMinute, maxOpenUploadsPerDevice, clockSkew);
        }

        public Limits withMaxRequestsPerMinute(int n) {
            return new Limits(maxPackageBytes, maxChunkBytes, maxConcurrentUploads, n, maxOpenUploadsPerDevice, clockSkew);
        }
    }

    static final int MAX_SIGNATURE_BODY = 4096;

    private final Office office;
    private final Path spool;
    private final Limits limits;
    private final Clock clock;
    private final WebServer server;
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    private final Map<String, Instant> nonces = new ConcurrentHashMap<>();
    private final Map<String, long[]> rates = new ConcurrentHashMap<>();
    private final Semaphore slots;
    private final ReentrantLock importing = new ReentrantLock();

    private SyncServer(Office office, Path spool, Limits limits, Clock clock, String host, int port, SSLContext tls) throws IOException {
        this.office = office;
        this.spool = spool;
        this.limits = limits;
        this.clock = clock;
        this.slots = new Semaphore(limits.maxConcurrentUploads());
        Files.createDirectories(spool);
        load();
        this.server = WebServer.builder()
                .host(host)
                .port(port)
                .shutdownHook(false)
                .maxPayloadSize(limits.maxChunkBytes() + 1024L)
                .maxConcurrentRequests(Math.max(64, limits.maxConcurrentUploads() * 8))
                .tls(t -> t.sslContext(tls))
                .routing(r -> r
                        .post(SyncProtocol.UPLOADS, this::create)
                        .head(SyncProtocol.UPLOADS + "/{id}", this::head)
                        .patch(SyncProtocol.UPLOADS + "/{id}", this::patch)
                        .get(SyncProtocol.UPLOADS + "/{id}/receipt", this::receipt)
                        .get(SyncProtocol.PUBLICATIONS, this::publications)
                        .get(SyncProtocol.PUBLICATIONS + "/{sequence}", this::publication))
                .build()
                .start();
    }

    /** Starts the server on {@code host:port} (port 0: any free port) with the office's TLS key and certificate. */
    public static SyncServer start(Office office, Path spool, Limits limits, Clock clock, String host, int port, SSLContext tls)
            throws IOException {
        return new SyncServer(office, spool, limits, clock, host, port, tls);
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
    }

    // --- the routes ---------------------------------------------------------------------------

    private void create(ServerRequest req, ServerResponse res) {
        handle(res, () -> {
            long declared = req.headers().contentLength().orElse(-1);
            if (declared < 0 || declared > MAX_SIGNATURE_BODY) {
                throw new SyncRefused(SyncCheck.SIZE);
            }
            long length = longHeader(req, SyncProtocol.LENGTH);
            Device device = authenticate(req, "POST", SyncProtocol.UPLOADS, -1, length);
            byte[] body = readAll(req.content().inputStream(), MAX_SIGNATURE_BODY);
            checkBody(req, body);
            if (length < 1 || length > limits.maxPackageBytes()) {
                throw new SyncRefused(SyncCheck.SIZE);
            }
            String signatureText = new String(body, StandardCharsets.UTF_8);
            PackageSignature.Signed announced;
            try {
                announced = PackageSignature.announced(signatureText, device.key());
            } catch (PackageRefused e) {
                throw new SyncRefused(SyncCheck.SIGNATURE);
            }
            String id = announced.packageId();
            if (!SyncProtocol.UPLOAD_ID.matcher(id).matches()) {
                throw new SyncRefused(SyncCheck.SIGNATURE);
            }
            Path receipt = spool.resolve(id + ".receipt");
            if (Files.exists(receipt)) {
                sendReceipt(res, Files.readAllBytes(receipt));
                return;
            }
            Upload upload = uploads.get(id);
            if (upload == null) {
                long open = uploads.values().stream().filter(u -> u.deviceId.equals(device.id())).count();
                if (open >= limits.maxOpenUploadsPerDevice()) {
                    throw new SyncRefused(SyncCheck.RATE);
                }
                upload = newUpload(id, device.id(), length, body);
            } else if (!upload.deviceId.equals(device.id()) || upload.length != length) {
                throw new SyncRefused(SyncCheck.UPLOAD);
            }
            res.status(201);
            res.header("Location", SyncProtocol.UPLOADS + "/" + id);
            res.header(SyncProtocol.OFFSET, Long.toString(upload.offset()));
            res.send();
        });
    }

    private void head(ServerRequest req, ServerResponse res) {
        handle(res, () -> {
            String id = uploadId(req);
            String path = SyncProtocol.UPLOADS + "/" + id;
            Device device = authenticate(req, "HEAD", path, -1, -1);
            Path receipt = spool.resolve(id + ".receipt");
            Upload upload = uploads.get(id);
            if (upload == null && Files.exists(receipt)) {
                res.status(204);
                res.header(SyncProtocol.OFFSET, "-1");
                res.send();
                return;
            }
            if (upload == null || !upload.deviceId.equals(device.id())) {
                throw new SyncRefused(SyncCheck.UPLOAD);
            }
            res.status(204);
            res.header(SyncProtocol.OFFSET, Long.toString(upload.offset()));
            res.header(SyncProtocol.LENGTH, Long.toString(upload.length));
            res.send();
        });
    }

    private void receipt(ServerRequest req, ServerResponse res) {
        handle(res, () -> {
            String id = uploadId(req);
            authenticate(req, "GET", SyncProtocol.UPLOADS + "/" + id + "/receipt", -1, -1);
            Path receipt = spool.resolve(id + ".receipt");
            if (!Files.exists(receipt)) {
                throw new SyncRefused(SyncCheck.UPLOAD);
            }
            sendReceipt(res, Files.readAllBytes(receipt));
        });
    }

    /** The newest publication of each subject, one line each: sequence, subject, SHA-256 of the file (ADR 0017). */
    private void publications(ServerRequest req, ServerResponse res) {
        handle(res, () -> {
            authenticate(req, "GET", SyncProtocol.PUBLICATIONS, -1, -1);
            StringBuilder out = new StringBuilder();
            for (Publications.Listed p : office.publications()) {
                out.append(p.sequence()).append(' ').append(p.subject()).append(' ').append(p.sha256()).append('\n');
            }
            res.status(200);
            res.header("Content-Type", "text/plain; charset=utf-8");
            res.send(out.toString().getBytes(StandardCharsets.UTF_8));
        });
    }

    /** One publication's signed file, as the office made it: the laptop checks it against its trust bundle. */
    private void publication(ServerRequest req, ServerResponse res) {
        handle(res, () -> {
            String text = req.path().pathParameters().get("sequence");
            if (!text.matches("[1-9][0-9]{0,17}")) {
                throw new SyncRefused(SyncCheck.UPLOAD);
            }
            authenticate(req, "GET", SyncProtocol.PUBLICATIONS + "/" + text, -1, -1);
            byte[] file = office.publication(Long.parseLong(text)).orElseThrow(() -> new SyncRefused(SyncCheck.UPLOAD));
            res.status(200);
            res.header("Content-Type", "application/json");
            res.send(file);
        });
    }

    private void patch(ServerRequest req, ServerResponse res) {
        handle(res, () -> {
            String id = uploadId(req);
            long offset = longHeader(req, SyncProtocol.OFFSET);
            OptionalLong declared = req.headers().contentLength();
            if (declared.isEmpty() || declared.getAsLong() < 1) {
                throw new SyncRefused(SyncCheck.CHUNK);
            }
            if (declared.getAsLong() > limits.maxChunkBytes()) {
                throw new SyncRefused(SyncCheck.SIZE);
            }
            Device device = authenticate(req, "PATCH", SyncProtocol.UPLOADS + "/" + id, offset, declared.getAsLong());
            Upload upload = uploads.get(id);
            if (upload == null || !upload.deviceId.equals(device.id())) {
                throw new SyncRefused(SyncCheck.UPLOAD);
            }
            if (!slots.tryAcquire()) {
                throw new SyncRefused(SyncCheck.BUSY);
            }
            try {
                if (!upload.lock.tryLock()) {
                    throw new SyncRefused(SyncCheck.OFFSET); // another request of the same upload is running
                }
                try {
                    if (offset != upload.offset() || offset + declared.getAsLong() > upload.length) {
                        res.header(SyncProtocol.OFFSET, Long.toString(upload.offset()));
                        throw new SyncRefused(SyncCheck.OFFSET);
                    }
                    receiveChunk(req, upload, offset, declared.getAsLong());
                    if (upload.offset() < upload.length) {
                        res.status(204);
                        res.header(SyncProtocol.OFFSET, Long.toString(upload.offset()));
                        res.send();
                        return;
                    }
                    sendReceipt(res, finish(upload));
                } finally {
                    upload.lock.unlock();
                }
            } finally {
                slots.release();
            }
        });
    }

    // --- the checks --------------------------------------------------------------------------

    private record Device(String id, Minisign.PublicKey key) {
    }

    /** Device headers → enrolment → signature → clock → nonce → rate, in this order; nothing of the body is read before. */
    private Device authenticate(ServerRequest req, String method, String path, long offset, long length) {
        String deviceId = header(req, SyncProtocol.DEVICE).orElseThrow(() -> new SyncRefused(SyncCheck.AUTH));
        String time = header(req, SyncProtocol.TIME).orElseThrow(() -> new SyncRefused(SyncCheck.AUTH));
        String nonce = header(req, SyncProtocol.NONCE).orElseThrow(() -> new SyncRefused(SyncCheck.AUTH));
        String bodyHash = header(req, SyncProtocol.BODY_HASH).orElse(SyncProtocol.EMPTY_HASH);
        String signature = header(req, SyncProtocol.SIGNATURE).orElseThrow(() -> new SyncRefused(SyncCheck.AUTH));
        if (!SyncProtocol.DEVICE_ID.matcher(deviceId).matches() || !SyncProtocol.NONCE_TEXT.matcher(nonce).matches()
                || bodyHash.length() != 64 || time.length() > 40 || signature.length() > 100) {
            throw new SyncRefused(SyncCheck.AUTH);
        }
        Minisign.PublicKey key = office.enrolledKey(deviceId).orElseThrow(() -> new SyncRefused(SyncCheck.ENROLMENT));
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw new SyncRefused(SyncCheck.AUTH);
        }
        if (!key.key().verifies(SyncProtocol.message(method, path, offset, length, bodyHash, nonce, time), sig)) {
            throw new SyncRefused(SyncCheck.AUTH);
        }
        Instant at;
        try {
            at = Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new SyncRefused(SyncCheck.AUTH);
        }
        Instant now = clock.instant();
        if (Duration.between(at, now).abs().compareTo(limits.clockSkew()) > 0) {
            throw new SyncRefused(SyncCheck.CLOCK);
        }
        forgetOldNonces(now);
        if (nonces.putIfAbsent(deviceId + ":" + nonce, at) != null) {
            throw new SyncRefused(SyncCheck.REPLAY);
        }
        long minute = now.getEpochSecond() / 60;
        long[] rate = rates.compute(deviceId, (k, v) -> v == null || v[0] != minute ? new long[] {minute, 1} : new long[] {minute, v[1] + 1});
        if (rate[1] > limits.maxRequestsPerMinute()) {
            throw new SyncRefused(SyncCheck.RATE);
        }
        return new Device(deviceId, key);
    }

    /** A nonce is remembered as long as its request's time could still pass the clock check. */
    private void forgetOldNonces(Instant now) {
        if (nonces.size() < 1024) {
            return;
        }
        Instant horizon = now.minus(limits.clockSkew()).minus(limits.clockSkew());
        nonces.values().removeIf(at -> at.isBefore(horizon));
    }

    private static void checkBody(ServerRequest req, byte[] body) {
        String declared = header(req, SyncProtocol.BODY_HASH).orElse(SyncProtocol.EMPTY_HASH);
        if (!MessageDigest.isEqual(Hashes.hex(Hashes.sha256(body)).getBytes(StandardCharsets.US_ASCII),
                declared.getBytes(StandardCharsets.US_ASCII))) {
            throw new SyncRefused(SyncCheck.CHUNK);
        }
    }

    /**
     * Writes the chunk at {@code offset}, hashing as it goes; the offset moves (and is recorded) only
     * when every declared byte came and their hash is the signed one. Otherwise the file is cut back.
     */
    private void receiveChunk(ServerRequest req, Upload upload, long offset, long length) throws IOException {
        String declared = header(req, SyncProtocol.BODY_HASH).orElseThrow(() -> new SyncRefused(SyncCheck.CHUNK));
        MessageDigest sha = Hashes.sha256();
        long got = 0;
        boolean ok = false;
        try (FileChannel out = FileChannel.open(upload.file, StandardOpenOption.WRITE);
             InputStream in = req.content().inputStream()) {
            out.position(offset);
            byte[] buf = new byte[256 << 10];
            for (int n; (n = in.read(buf, 0, (int) Math.min(buf.length, length - got + 1))) > 0; ) {
                got += n;
                if (got > length) {
                    break;
                }
                sha.update(buf, 0, n);
                ByteBuffer b = ByteBuffer.wrap(buf, 0, n);
                while (b.hasRemaining()) {
                    out.write(b);
                }
            }
            ok = got == length && MessageDigest.isEqual(Hashes.hex(sha.digest()).getBytes(StandardCharsets.US_ASCII),
                    declared.getBytes(StandardCharsets.US_ASCII));
            if (ok) {
                out.force(false);
            } else {
                out.truncate(offset);
            }
        } catch (IOException | RuntimeException e) {
            try (FileChannel out = FileChannel.open(upload.file, StandardOpenOption.WRITE)) {
                out.truncate(offset);
            }
            if (e instanceof IOException io) {
                throw io;
            }
            throw (RuntimeException) e;
        }
        if (!ok) {
            throw new SyncRefused(SyncCheck.CHUNK);
        }
        upload.advance(offset + length);
        writeMeta(upload);
    }

    /** The whole package is here: the import of a file, then the receipt kept for a client that lost the answer. */
    private byte[] finish(Upload upload) throws IOException {
        String receipt;
        importing.lock();
        try {
            receipt = office.importPackage(upload.file);
        } catch (PackageRefused e) {
            discard(upload);
            throw new SyncRefused(e.check().messageKey());
        } finally {
            importing.unlock();
        }
        byte[] bytes = receipt.getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(spool.resolve(upload.id + ".receipt"), bytes);
        discard(upload);
        return bytes;
    }

    private void discard(Upload upload) throws IOException {
        uploads.remove(upload.id);
        Files.deleteIfExists(upload.file);
        Files.deleteIfExists(PackageSignature.beside(upload.file));
        Files.deleteIfExists(spool.resolve(upload.id + ".meta"));
    }

    // --- uploads on disk ---------------------------------------------------------------------

    private static final class Upload {
        final String id;
        final String deviceId;
        final long length;
        final Path file;
        final ReentrantLock lock = new ReentrantLock();
        private volatile long offset;

        Upload(String id, String deviceId, long length, Path file, long offset) {
            this.id = id;
            this.deviceId = deviceId;
            this.length = length;
            this.file = file;
            this.offset = offset;
        }

        long offset() {
            return offset;
        }

        void advance(long to) {
            offset = to;
        }
    }

    private synchronized Upload newUpload(String id, String deviceId, long length, byte[] signature) throws IOException {
        Upload existing = uploads.get(id);
        if (existing != null) {
            return existing;
        }
        Path file = spool.resolve(id + ".harbor");
        AtomicFiles.write(PackageSignature.beside(file), signature);
        Files.deleteIfExists(file);
        Files.createFile(file);
        Upload upload = new Upload(id, deviceId, length, file, 0);
        writeMeta(upload);
        uploads.put(id, upload);
        return upload;
    }

    private void writeMeta(Upload upload) throws IOException {
        AtomicFiles.write(spool.resolve(upload.id + ".meta"),
                (upload.deviceId + " " + upload.length + " " + upload.offset() + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    /** Uploads left by an earlier run: each resumes at its last verified offset (a chunk cut by the stop is dropped). */
    private void load() throws IOException {
        try (var files = Files.list(spool)) {
            for (Path meta : files.filter(p -> p.getFileName().toString().endsWith(".meta")).toList()) {
                String id = meta.getFileName().toString().replace(".meta", "");
                String[] f = Files.readString(meta).strip().split(" ");
                Path file = spool.resolve(id + ".harbor");
                if (f.length != 3 || !SyncProtocol.UPLOAD_ID.matcher(id).matches() || !Files.exists(file)) {
                    continue;
                }
                long offset = Long.parseLong(f[2]);
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    ch.truncate(offset);
                }
                uploads.put(id, new Upload(id, f[0], Long.parseLong(f[1]), file, offset));
            }
        }
    }

    // --- plumbing ----------------------------------------------------------------------------

    private interface Work {
        void run() throws IOException;
    }

    private void handle(ServerResponse res, Work work) {
        try {
            work.run();
        } catch (SyncRefused e) {
            res.status(e.check().status());
            res.header(SyncProtocol.REFUSED, e.check().wire());
            if (e.importCheckKey() != null) {
                res.header(SyncProtocol.IMPORT_CHECK, e.importCheckKey());
            }
            res.send();
        } catch (IOException | RuntimeException e) {
            // No request content in the log: the class of the failure only.
            LOG.log(Level.WARNING, "sync request failed: {0}", e.getClass().getSimpleName());
            if (!res.isSent()) {
                res.status(500);
                res.send();
            }
        }
    }

    private static void sendReceipt(ServerResponse res, byte[] receipt) {
        res.status(200);
        res.header("Content-Type", "application/json");
        res.send(receipt);
    }

    private static String uploadId(ServerRequest req) {
        String id = req.path().pathParameters().get("id");
        if (!SyncProtocol.UPLOAD_ID.matcher(id).matches()) {
            throw new SyncRefused(SyncCheck.UPLOAD);
        }
        return id;
    }

    private static Optional<String> header(ServerRequest req, String name) {
        HeaderName h = HeaderNames.create(name);
        return req.headers().first(h);
    }

    private static long longHeader(ServerRequest req, String name) {
        try {
            return Long.parseLong(header(req, name).orElseThrow(() -> new SyncRefused(SyncCheck.AUTH)));
        } catch (NumberFormatException e) {
            throw new SyncRefused(SyncCheck.AUTH);
        }
    }

    private static byte[] readAll(InputStream in, int max) throws IOException {
        try (in) {
            byte[] all = in.readNBytes(max + 1);
            if (all.length > max) {
                throw new SyncRefused(SyncCheck.SIZE);
            }
            return all;
        }
    }
}
