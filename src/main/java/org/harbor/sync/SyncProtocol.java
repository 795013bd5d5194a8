package org.harbor.sync;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.harbor.crypto.Hashes;

/**
 * The wire of {@code harbor-sync/1} (ADR 0015): a resumable upload with byte offsets in the manner
 * of tus (create, PATCH at an offset, HEAD for the offset), every request signed by the device's
 * Ed25519 key over what it asks for. No password and no bearer token ever crosses the wire.
 *
 * <pre>
 * POST  /v1/uploads             body: the package's .minisig (at most 4 KiB); Upload-Length
 *                               → 201 Upload-Offset, Location /v1/uploads/ID   (ID: the package id)
 *                               → 200 the receipt, when this package was imported already
 * HEAD  /v1/uploads/ID          → 204 Upload-Offset, Upload-Length
 * PATCH /v1/uploads/ID          Upload-Offset: where this chunk starts; body: the chunk
 *                               → 204 Upload-Offset (the new one), or 200 the receipt after the last chunk
 * GET   /v1/uploads/ID/receipt  → 200 the receipt (a client that lost the answer to its last chunk)
 * GET   /v1/publications        → 200 one line per subject: sequence, subject, SHA-256 (forms and settings, ADR 0017)
 * GET   /v1/publications/N      → 200 publication N's signed file
 * </pre>
 *
 * Every request carries {@code Harbor-Device} (the minisign key id), {@code Harbor-Time} (ISO
 * instant), {@code Harbor-Nonce} (random, used once) and {@code Harbor-Signature}: Ed25519 over
 * SHA-256 of {@link #message}. A refusal answers with {@code Harbor-Refused: CHECK} (and, for the
 * import's checks, {@code Harbor-Import-Check: packages.check.*}).
 */
public final class SyncProtocol {

    public static final String VERSION = "harbor-sync/1";
    public static final String UPLOADS = "/v1/uploads";
    public static final String PUBLICATIONS = "/v1/publications";

    public static final String DEVICE = "Harbor-Device";
    public static final String TIME = "Harbor-Time";
    public static final String NONCE = "Harbor-Nonce";
    public static final String SIGNATURE = "Harbor-Signature";
    public static final String BODY_HASH = "Harbor-Body-Sha256";
    public static final String OFFSET = "Upload-Offset";
    public static final String LENGTH = "Upload-Length";
    public static final String REFUSED = "Harbor-Refused";
    public static final String IMPORT_CHECK = "Harbor-Import-Check";

    static final Pattern DEVICE_ID = Pattern.compile("[0-9A-F]{16}");
    static final Pattern NONCE_TEXT = Pattern.compile("[0-9a-f]{32}");
    static final Pattern UPLOAD_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private SyncProtocol() {
    }

    /**
     * What the device signs: SHA-256 of the protocol version, method, path, offset, length, body
     * hash, nonce and time, one per line. {@code offset} and {@code length} are -1 where a request has none.
     */
    public static byte[] message(String method, String path, long offset, long length, String bodySha256, String nonce, String time) {
        String text = VERSION + "\n" + method + "\n" + path + "\n" + offset + "\n" + length + "\n" + bodySha256 + "\n" + nonce + "\n" + time;
        return Hashes.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** SHA-256 of an empty body, in hex. */
    static final String EMPTY_HASH = Hashes.hex(Hashes.sha256(new byte[0]));
}
