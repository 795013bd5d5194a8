package org.harbor.crypto;

import com.exceptionfactory.jagged.RecipientStanzaReader;
import com.exceptionfactory.jagged.RecipientStanzaWriter;
import com.exceptionfactory.jagged.framework.stream.StandardDecryptingChannelFactory;
import com.exceptionfactory.jagged.framework.stream.StandardEncryptingChannelFactory;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaReaderFactory;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaWriterFactory;
import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams to and from age files (age-encryption.org/v1, X25519 recipients) via jagged: one API for
 * attachment blobs (one recipient) and packages to the central office (a primary and a backup
 * recipient). Identities are {@link AgeIdentity}; every failure of the API is an
 * {@link AgeException}. The payload is authenticated in 64 KiB chunks.
 */
public final class Age {


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

    /** The provider of the X25519 key agreements (for {@link AgeHeaders}). */
    static java.security.Provider provider() {
        return Curve.PROVIDER;
    }

    /**
     * An encrypting channel to {@code recipients} ({@code age1…}) over {@code target}: what is
     * written comes out as an age file that each recipient's identity opens. Closing it writes the
     * last chunk and closes {@code target}; closing it twice is harmless (jagged 1.0.0 would write a
     * second final chunk, which no reader accepts, when its target stays open).
     *
     * @throws AgeException if a recipient is not an age X25519 recipient
     */
    public static WritableByteChannel encrypting(WritableByteChannel target, List<String> recipients) throws IOException {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("an age file needs at least one recipient");
        }
        List<RecipientStanzaWriter> writers = new ArrayList<>();
        for (String recipient : recipients) {
            try {
                writers.add(X25519RecipientStanzaWriterFactory.newRecipientStanzaWriter(recipient, Curve.PROVIDER));
            } catch (GeneralSecurityException | RuntimeException e) {
                throw new AgeException("not an age X25519 recipient", e);
            }
        }
        try {
            return new CloseOnce(new StandardEncryptingChannelFactory().newEncryptingChannel(target, writers));
        } catch (GeneralSecurityException e) {
            throw new AgeException("age encryption cannot start", e);
        }
    }

    /**
     * A decrypting channel over {@code source}, an age file: reads give its plaintext. The header
     * is read here and opened with the first of {@code identities} it was encrypted to. Chunks are
     * authenticated as they are read; a damaged chunk throws an {@link IOException} from {@code read}.
     *
     * @throws AgeException when the file opens with none of the identities (encrypted to others,
     *     or its header was altered or cut short)
     */
    public static ReadableByteChannel decrypting(ReadableByteChannel source, List<AgeIdentity> identities) throws AgeException {
        return decryptor(identities).decrypting(source);
    }

    /**
     * Opens many age files with the same identities: the X25519 stanza readers (each derives its
     * identity's public key, a scalar multiplication) are made once here, not once per file. An
     * export opens every attachment blob with the vault's one identity (issue 16: the readers made
     * again for each blob were a sixth of an export's time).
     *
     * @throws AgeException if an identity is not a usable X25519 identity
     */
    public static Decryptor decryptor(List<AgeIdentity> identities) throws AgeException {
        try {
            List<RecipientStanzaReader> readers = new ArrayList<>();
            for (AgeIdentity identity : identities) {
                readers.add(X25519RecipientStanzaReaderFactory.newRecipientStanzaReader(identity.secret(), Curve.PROVIDER));
            }
            return new Decryptor(List.copyOf(readers));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new AgeException("the file cannot be decrypted with the keys held here", e);
        }
    }

    /** Decrypting channels for any number of age files, with the identities it was made with. */
    public static final class Decryptor {
        private final List<RecipientStanzaReader> readers;
        private final StandardDecryptingChannelFactory factory = new StandardDecryptingChannelFactory();

        private Decryptor(List<RecipientStanzaReader> readers) {
            this.readers = readers;
        }

        List<RecipientStanzaReader> readers() {
            return readers;
        }

        /** As {@link Age#decrypting(ReadableByteChannel, List)}, with this decryptor's identities. */
        public ReadableByteChannel decrypting(ReadableByteChannel source) throws AgeException {
            try {
                return factory.newDecryptingChannel(source, readers);
            } catch (GeneralSecurityException | IOException | RuntimeException e) {
                throw new AgeException("the file cannot be decrypted with the keys held here", e);
            }
        }
    }

    /** Whether {@code text} is a well-formed X25519 recipient ({@code age1…}). */
    public static boolean isRecipient(String text) {
        try {
            X25519RecipientStanzaWriterFactory.newRecipientStanzaWriter(text);
            return text.startsWith(AgeIdentity.RECIPIENT_PREFIX);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
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
}
