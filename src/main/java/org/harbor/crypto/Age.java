package org.harbor.crypto;

import com.exceptionfactory.jagged.RecipientStanzaReader;
import com.exceptionfactory.jagged.RecipientStanzaWriter;
import com.exceptionfactory.jagged.framework.stream.StandardDecryptingChannelFactory;
import com.exceptionfactory.jagged.framework.stream.StandardEncryptingChannelFactory;
import com.exceptionfactory.jagged.x25519.X25519KeyPairGenerator;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaReaderFactory;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaWriterFactory;
import java.io.IOException;
import java.nio.CharBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.security.auth.Destroyable;

/**
 * Streams to and from age files (age-encryption.org/v1, X25519 recipients) via jagged: attachment
 * blobs (one recipient, {@link AgeIdentity}) and packages to the central office (a primary and a
 * backup recipient, {@link Identity}). The payload is authenticated in 64 KiB chunks.
 */
public final class Age {

    public static final String RECIPIENT_PREFIX = "age1";
    public static final String IDENTITY_PREFIX = "AGE-SECRET-KEY-1";

    private Age() {
    }

    /**
     * The X25519 key agreements of age headers run on BouncyCastle's constant-time X25519 rather
     * than the JDK's: every attachment blob is its own age file, so an export opens one header per
     * attachment and an import writes one, and the JDK's generic field arithmetic made that a
     * third of an export's time. A private provider instance, not registered: nothing else in the
     * JVM changes providers. Made on first use, never on the way to the first window.
     */
    private static final class Curve {
        static final java.security.Provider PROVIDER = new org.bouncycastle.jce.provider.BouncyCastleProvider();
    }

    /**
     * Wraps {@code out}: what is written comes out as an age file to {@code recipient}. Closing
     * the returned channel writes the last chunk and closes {@code out}.
     */
    public static WritableByteChannel encrypting(WritableByteChannel out, String recipient) throws IOException {
        try {
            return new CloseOnce(new StandardEncryptingChannelFactory().newEncryptingChannel(out,
                    List.of(X25519RecipientStanzaWriterFactory.newRecipientStanzaWriter(recipient, Curve.PROVIDER))));
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
                    List.of(X25519RecipientStanzaReaderFactory.newRecipientStanzaReader(identity.secret(), Curve.PROVIDER)));
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

    /** A new X25519 identity. */
    public static Identity generate() {
        try {
            KeyPair pair = new X25519KeyPairGenerator().generateKeyPair();
            return new Identity(pair.getPublic().toString(), pair.getPrivate().toString().toCharArray());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 is not available", e);
        }
    }

    /** Whether {@code text} is a well-formed X25519 recipient ({@code age1…}). */
    public static boolean isRecipient(String text) {
        try {
            X25519RecipientStanzaWriterFactory.newRecipientStanzaWriter(text);
            return text.startsWith(RECIPIENT_PREFIX);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /**
     * An encrypting channel to {@code recipients} over {@code target}; closing it writes the last
     * chunk and closes {@code target}. Closing it twice is harmless (jagged 1.0.0 would write a second
     * final chunk, which no reader accepts, when its target stays open).
     */
    public static WritableByteChannel encrypting(WritableByteChannel target, List<String> recipients) throws IOException {
        try {
            List<RecipientStanzaWriter> writers = new ArrayList<>();
            for (String recipient : recipients) {
                writers.add(X25519RecipientStanzaWriterFactory.newRecipientStanzaWriter(recipient, Curve.PROVIDER));
            }
            return new CloseOnce(new StandardEncryptingChannelFactory().newEncryptingChannel(target, writers));
        } catch (GeneralSecurityException e) {
            throw new IOException("age encryption cannot start: " + e.getClass().getSimpleName());
        }
    }

    /**
     * A decrypting channel over {@code source}, trying each identity. The header is read here; a
     * file for none of the identities throws {@link DecryptionException}. Chunks are authenticated
     * as they are read; a damaged chunk throws an {@link IOException} from {@code read}.
     */
    public static ReadableByteChannel decrypting(ReadableByteChannel source, List<Identity> identities)
            throws DecryptionException {
        try {
            List<RecipientStanzaReader> readers = new ArrayList<>();
            for (Identity identity : identities) {
                readers.add(X25519RecipientStanzaReaderFactory.newRecipientStanzaReader(CharBuffer.wrap(identity.secret()), Curve.PROVIDER));
            }
            return new StandardDecryptingChannelFactory().newDecryptingChannel(source, readers);
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw new DecryptionException("the file cannot be decrypted with the keys held here");
        }
    }

    /** An X25519 identity (private key) and its recipient (public key). */
    public static final class Identity implements Destroyable, AutoCloseable {
        private final String recipient;
        private final char[] secret;
        private volatile boolean destroyed;

        private Identity(String recipient, char[] secret) {
            this.recipient = recipient;
            this.secret = secret;
        }

        /** Takes ownership of {@code secret} ({@code AGE-SECRET-KEY-1…}). */
        public static Identity of(String recipient, char[] secret) {
            if (!new String(secret, 0, Math.min(secret.length, IDENTITY_PREFIX.length())).equals(IDENTITY_PREFIX)) {
                throw new IllegalArgumentException("not an age X25519 identity");
            }
            return new Identity(recipient, secret);
        }

        public String recipient() {
            return recipient;
        }

        char[] secret() {
            if (destroyed) {
                throw new IllegalStateException("the identity was destroyed");
            }
            return secret;
        }

        /** A copy of the secret, for storage inside the encrypted database; the caller wipes it. */
        public char[] copySecret() {
            return secret().clone();
        }

        /** The identity in age's own key-file format, for {@code age -d -i FILE}. */
        public String toIdentityFile(String createdAt) {
            return "# created: " + createdAt + "\n# public key: " + recipient + "\n" + new String(secret()) + "\n";
        }

        public String fingerprint() {
            return Fingerprints.of(recipient);
        }

        @Override
        public void destroy() {
            Arrays.fill(secret, '\0');
            destroyed = true;
        }

        @Override
        public boolean isDestroyed() {
            return destroyed;
        }

        @Override
        public void close() {
            destroy();
        }

        @Override
        public String toString() {
            return "Age.Identity[" + recipient + "]";
        }
    }

    /** Closes the channel underneath once, whoever closes it how often. */
    private static final class CloseOnce implements WritableByteChannel {
        private final WritableByteChannel channel;
        private boolean closed;

        CloseOnce(WritableByteChannel channel) {
            this.channel = channel;
        }

        @Override
        public int write(java.nio.ByteBuffer src) throws IOException {
            if (closed) {
                throw new java.nio.channels.ClosedChannelException();
            }
            return channel.write(src);
        }

        @Override
        public boolean isOpen() {
            return !closed;
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                channel.close();
            }
        }
    }

    /** None of the identities opens the file, or its header is damaged. */
    public static final class DecryptionException extends Exception {
        private static final long serialVersionUID = 1L;

        public DecryptionException(String message) {
            super(message);
        }
    }
}
