package org.harbor.attachments;

import java.io.IOException;

/**
 * Thrown by a verified stream when the blob does not decrypt, or its plaintext does not match the
 * SHA-256 and size recorded when it was attached. A reader that sees it must discard everything it
 * read from that stream.
 */
public final class AlteredBlobException extends IOException {

    private static final long serialVersionUID = 1L;

    AlteredBlobException(String what, Throwable cause) {
        super(what, cause);
    }
}
