package org.harbor.crypto;

import java.io.IOException;

/**
 * The one failure of the age API ({@link Age}): a file that opens with none of the identities
 * given (encrypted to others, or its header altered or cut short), or a recipient that is not an
 * age X25519 recipient. The message names the failed step, never a key. An {@link IOException}, so
 * that it travels with the stream failures of the same file; a chunk that fails authentication
 * while being read surfaces from {@code read} as an {@code IOException}, as the age library reports it.
 */
public final class AgeException extends IOException {

    private static final long serialVersionUID = 1L;

    AgeException(String message, Throwable cause) {
        super(message, cause);
    }
}
