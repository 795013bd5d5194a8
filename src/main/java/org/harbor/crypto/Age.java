package org.harbor.crypto;

import com.exceptionfactory.jagged.framework.stream.StandardDecryptingChannelFactory;
import com.exceptionfactory.jagged.framework.stream.StandardEncryptingChannelFactory;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaReaderFactory;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaWriterFactory;
import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.security.GeneralSecurityException;
import java.util.List;

/**
 * Streams to and from age files (age-encryption.org/v1, X25519 recipients) via jagged. The
 * payload is authenticated in 64 KiB chunks, so a reader never gets bytes that were altered.
 */
public final class Age {

    private Age() {
    }

    /**
     * Wraps {@code out}: what is written comes out as an age file to {@code recipient}. Closing
     * the returned channel writes the last chunk and closes {@code out}.
     */
    public static WritableByteChannel encrypting(WritableByteChannel out, String recipient) throws IOException {
        try {
            return new StandardEncryptingChannelFactory().newEncryptingChannel(out,
                    List.of(X25519RecipientStanzaWriterFactory.newRecipientStanzaWriter(recipient)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an age X25519 recipient", e);
        }
    }

    /**
     * Wraps {@code in}, an age file: reads give its plaintext.
     *
     * @throws NotReadableException when the header does not open with {@code identity} (another
     *     identity, or the header was altered)
     */
    public static ReadableByteChannel decrypting(ReadableByteChannel in, AgeIdentity identity) throws IOException {
        try {
            return new StandardDecryptingChannelFactory().newDecryptingChannel(in,
                    List.of(X25519RecipientStanzaReaderFactory.newRecipientStanzaReader(identity.secret())));
        } catch (GeneralSecurityException e) {
            throw new NotReadableException(e);
        }
    }

    /** The age file does not open with the identity, or its header was altered. */
    public static final class NotReadableException extends IOException {
        private static final long serialVersionUID = 1L;

        NotReadableException(Throwable cause) {
            super("the age file does not open with this identity or was altered", cause);
        }
    }
}
