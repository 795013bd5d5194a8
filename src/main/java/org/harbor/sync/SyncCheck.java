package org.harbor.sync;

/**
 * The checks of the sync server, in the order a request meets them (ADR 0015). A refusal names one;
 * after {@link #CHUNK} the import's own checks ({@code ImportCheck}) follow, run by the same code as
 * a file import.
 */
public enum SyncCheck {
    /** The request's device headers are missing or malformed, or its signature does not verify. */
    AUTH("sync.check.auth", 401, false),
    /** The sending device is not enrolled at this office. */
    ENROLMENT("sync.check.enrolment", 403, false),
    /** The request's time is too far from the server's clock. */
    CLOCK("sync.check.clock", 401, false),
    /** The request (its nonce) was seen before. */
    REPLAY("sync.check.replay", 401, false),
    /** Too many requests from this device in a minute. */
    RATE("sync.check.rate", 429, true),
    /** Too many uploads at once; try again later. */
    BUSY("sync.check.busy", 503, true),
    /** The package or the request body is above the server's cap. */
    SIZE("sync.check.size", 413, false),
    /** The signature file does not announce a package signed by the sending device. */
    SIGNATURE("sync.check.signature", 403, false),
    /** The request's offset is not where the upload stands (the client asks again and resumes). */
    OFFSET("sync.check.offset", 409, true),
    /** The body is not the one the request signed (cut short or altered on the way). */
    CHUNK("sync.check.chunk", 400, true),
    /** No such upload (or another device's). */
    UPLOAD("sync.check.upload", 404, false),
    /** Client side: the server's certificate is not the one pinned by the trust bundle. */
    CERTIFICATE("sync.check.certificate", 0, false),
    /** Client side: no sync server in the trust bundle. */
    NO_SERVER("sync.check.noServer", 0, false),
    /** Client side: the server could not be reached, or answered outside the protocol, after every retry. */
    UNREACHABLE("sync.check.unreachable", 0, true),
    /** The package was refused by the import's checks (the refusal names the import check). */
    IMPORT("sync.check.import", 422, false);

    private final String messageKey;
    private final int status;
    private final boolean retryable;

    SyncCheck(String messageKey, int status, boolean retryable) {
        this.messageKey = messageKey;
        this.status = status;
        this.retryable = retryable;
    }

    public String messageKey() {
        return messageKey;
    }

    /** The HTTP status the server answers with (0: a check of the client). */
    public int status() {
        return status;
    }

    /** Whether the same request may succeed later (the client backs off and retries). */
    public boolean retryable() {
        return retryable;
    }

    /** The name on the wire ({@code Harbor-Refused} header). */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static SyncCheck fromWire(String wire) {
        for (SyncCheck c : values()) {
            if (c.wire().equals(wire)) {
                return c;
            }
        }
        return null;
    }
}
