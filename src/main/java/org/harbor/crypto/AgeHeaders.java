package org.harbor.crypto;

import com.exceptionfactory.jagged.FileKey;
import com.exceptionfactory.jagged.RecipientStanza;
import com.exceptionfactory.jagged.RecipientStanzaReader;
import com.exceptionfactory.jagged.RecipientStanzaWriter;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaWriterFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Gives an age file a new header without touching its payload (package format 2, ADR 0016). An age
 * file is a text header — recipient stanzas each wrapping the 16-byte file key, and a MAC keyed
 * from the file key — followed by the payload (a 16-byte nonce and the chunks), whose key comes
 * from the file key and the nonce only. So the file key is unwrapped once with the identities held
 * here, the old header's MAC is checked with it, and a new header wraps it to other recipients,
 * with its own MAC: {@code new header + old payload} is an age file those recipients open. The
 * old header (naming the holder's key) is not part of the result.
 */
public final class AgeHeaders {

    private static final byte[] INTRO = "age-encryption.org/v1\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MAC_LINE = "\n--- ".getBytes(StandardCharsets.US_ASCII);
    /** Longer than any header of one or two X25519 stanzas; a longer one is not Harbor's. */
    static final int MAX_HEADER = 4096;
    /** age's file key: 16 bytes. */
    public static final int FILE_KEY_LENGTH = 16;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final List<RecipientStanzaReader> readers;
    private final List<RecipientStanzaWriter> writers;

    /** A header written for the rewrapped file, and where the payload starts in the original. */
    public record Rewrapped(byte[] header, long payloadOffset) {
    }

    private AgeHeaders(List<RecipientStanzaReader> readers, List<RecipientStanzaWriter> writers) {
        this.readers = readers;
        this.writers = writers;
    }

    /**
     * Rewraps files that {@code from} opens to {@code recipients} ({@code age1…}); the stanza readers
     * and writers are made once for every file.
     *
     * @throws AgeException if a recipient is not an age X25519 recipient
     */
    public static AgeHeaders rewrapping(Age.Decryptor from, List<String> recipients) throws AgeException {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("an age file needs at least one recipient");
        }
        List<RecipientStanzaWriter> writers = new ArrayList<>();
        for (String recipient : recipients) {
            try {
                writers.add(X25519RecipientStanzaWriterFactory.newRecipientStanzaWriter(recipient, Age.provider()));
            } catch (GeneralSecurityException | RuntimeException e) {
                throw new AgeException("not an age X25519 recipient", e);
            }
        }
        return new AgeHeaders(from.readers(), List.copyOf(writers));
    }

    /**
     * Reads the file keys of files that {@code from} opens, without rewrapping them (for
     * {@link #fileKey}).
     */
    public static AgeHeaders reading(Age.Decryptor from) {
        return new AgeHeaders(from.readers(), List.of());
    }

    /**
     * The new header for the age file {@code file} (read from its start, the position untouched).
     *
     * @throws AgeException when the header is malformed, opens with none of the identities, or its MAC differs
     */
    public Rewrapped rewrap(FileChannel file) throws IOException {
        return rewrap(file, null);
    }

    /**
     * As {@link #rewrap(FileChannel)}, with the file's key when it is known ({@code knownKey}, 16
     * bytes, recorded when the file was written): the header's MAC is checked with it, and only if
     * it differs (or none is known) is the key unwrapped with the identities, an X25519 agreement
     * per file (issue 16: two thirds of an export's CPU went to these agreements).
     */
    public Rewrapped rewrap(FileChannel file, byte[] knownKey) throws IOException {
        Parsed parsed = parse(file);
        if (knownKey != null && knownKey.length == FILE_KEY_LENGTH) {
            FileKey known = new FileKey(knownKey.clone());
            try {
                if (parsed.macMatches(known)) {
                    return new Rewrapped(header(known), parsed.payloadOffset());
                }
            } finally {
                destroy(known);
            }
        }
        FileKey key = unwrap(parsed);
        try {
            if (!parsed.macMatches(key)) {
                throw new AgeException("the header MAC differs", null);
            }
            return new Rewrapped(header(key), parsed.payloadOffset());
        } finally {
            destroy(key);
        }
    }

    /**
     * The key of the age file {@code file}, unwrapped with the identities and checked against the
     * header's MAC; the caller wipes it.
     *
     * @throws AgeException when the header is malformed, opens with none of the identities, or its MAC differs
     */
    public byte[] fileKey(FileChannel file) throws IOException {
        Parsed parsed = parse(file);
        FileKey key = unwrap(parsed);
        try {
            if (!parsed.macMatches(key)) {
                throw new AgeException("the header MAC differs", null);
            }
            return key.getEncoded();
        } finally {
            destroy(key);
        }
    }

    /** A header read from a file: its bytes, where its MAC line starts and ends, and its stanzas. */
    private record Parsed(byte[] bytes, int macLine, int end, List<RecipientStanza> stanzas) {

        long payloadOffset() {
            return end + 1L;
        }

        boolean macMatches(FileKey key) throws AgeException {
            byte[] mac;
            try {
                mac = B64D.decode(new String(bytes, macLine + MAC_LINE.length, end - macLine - MAC_LINE.length, StandardCharsets.US_ASCII));
            } catch (IllegalArgumentException e) {
                throw new AgeException("the header MAC is not base64", e);
            }
            return MessageDigest.isEqual(mac, headerMac(key, Arrays.copyOf(bytes, macLine + 4)));
        }
    }

    private static Parsed parse(FileChannel file) throws IOException {
        ByteBuffer head = ByteBuffer.allocate((int) Math.min(MAX_HEADER, file.size()));
        while (head.hasRemaining() && file.read(head, head.position()) > 0) {
            // positional reads: the channel's own position stays where it was
        }
        byte[] bytes = Arrays.copyOf(head.array(), head.position());
        int macLine = indexOf(bytes, MAC_LINE);
        int end = macLine < 0 ? -1 : indexOf(bytes, new byte[] {'\n'}, macLine + MAC_LINE.length);
        if (macLine < 0 || end < 0 || !startsWith(bytes, INTRO)) {
            throw new AgeException("not an age header", null);
        }
        List<RecipientStanza> stanzas = stanzas(new String(bytes, INTRO.length, macLine + 1 - INTRO.length, StandardCharsets.US_ASCII));
        return new Parsed(bytes, macLine, end, stanzas);
    }

    private FileKey unwrap(Parsed parsed) throws AgeException {
        for (RecipientStanzaReader reader : readers) {
            try {
                return reader.getFileKey(parsed.stanzas());
            } catch (GeneralSecurityException | RuntimeException e) {
                // the next identity
            }
        }
        throw new AgeException("the file cannot be decrypted with the keys held here", null);
    }

    /** Whether {@code bytes}, a header's start ending in a newline, ends with the MAC line: the header is whole. */
    public static boolean endsHeader(byte[] bytes) {
        int n = bytes.length;
        if (n < 5 || bytes[n - 1] != '\n') {
            return false;
        }
        int start = n - 2;
        while (start >= 0 && bytes[start] != '\n') {
            start--;
        }
        start++;
        return n - start > 4 && bytes[start] == '-' && bytes[start + 1] == '-' && bytes[start + 2] == '-' && bytes[start + 3] == ' ';
    }

    /**
     * Where the payload of the age file {@code file} starts: after the line of its header MAC.
     *
     * @throws AgeException when no header MAC line ends within {@link #MAX_HEADER} bytes
     */
    public static long headerLength(FileChannel file) throws IOException {
        ByteBuffer head = ByteBuffer.allocate((int) Math.min(MAX_HEADER, file.size()));
        while (head.hasRemaining() && file.read(head, head.position()) > 0) {
            // positional reads
        }
        byte[] bytes = Arrays.copyOf(head.array(), head.position());
        int macLine = indexOf(bytes, MAC_LINE);
        int end = macLine < 0 ? -1 : indexOf(bytes, new byte[] {'\n'}, macLine + MAC_LINE.length);
        if (macLine < 0 || end < 0 || !startsWith(bytes, INTRO)) {
            throw new AgeException("not an age header", null);
        }
        return end + 1L;
    }

    private byte[] header(FileKey key) throws AgeException {
        if (writers.isEmpty()) {
            throw new IllegalStateException("made by reading(): it reads file keys, it writes no header");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(INTRO);
        try {
            for (RecipientStanzaWriter writer : writers) {
                for (RecipientStanza s : writer.getRecipientStanzas(key)) {
                    StringBuilder line = new StringBuilder("-> ").append(s.getType());
                    s.getArguments().forEach(a -> line.append(' ').append(a));
                    line.append('\n');
                    String body = B64.encodeToString(s.getBody());
                    for (int i = 0; i <= body.length(); i += 64) {
                        line.append(body, i, Math.min(body.length(), i + 64)).append('\n'); // the last line is shorter than 64
                    }
                    out.writeBytes(line.toString().getBytes(StandardCharsets.US_ASCII));
                }
            }
        } catch (GeneralSecurityException e) {
            throw new AgeException("the file key cannot be wrapped", e);
        }
        out.writeBytes("---".getBytes(StandardCharsets.US_ASCII));
        byte[] mac = headerMac(key, out.toByteArray());
        out.writeBytes((" " + B64.encodeToString(mac) + "\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** age's header MAC: HMAC-SHA-256 of the header up to "---", keyed by HKDF-SHA-256(file key, no salt, "header"). */
    private static byte[] headerMac(FileKey key, byte[] header) {
        byte[] ikm = key.getEncoded();
        byte[] macKey = null;
        try {
            Mac hmac = Mac.getInstance(Hmac.ALGORITHM);
            hmac.init(new SecretKeySpec(new byte[32], Hmac.ALGORITHM)); // HKDF extract, empty salt
            byte[] prk = hmac.doFinal(ikm);
            hmac.init(new SecretKeySpec(prk, Hmac.ALGORITHM)); // HKDF expand, one block
            hmac.update("header".getBytes(StandardCharsets.US_ASCII));
            macKey = hmac.doFinal(new byte[] {1});
            Arrays.fill(prk, (byte) 0);
            hmac.init(new SecretKeySpec(macKey, Hmac.ALGORITHM));
            return hmac.doFinal(header);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        } finally {
            Arrays.fill(ikm, (byte) 0);
            if (macKey != null) {
                Arrays.fill(macKey, (byte) 0);
            }
        }
    }

    /** The stanzas of {@code text}: lines "-> type args", then base64 body lines, the last shorter than 64. */
    private static List<RecipientStanza> stanzas(String text) throws AgeException {
        List<RecipientStanza> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int i = 0;
        while (i < lines.length - 1) { // the text ends with "\n": its last split is empty
            String line = lines[i++];
            if (!line.startsWith("-> ")) {
                throw new AgeException("not an age header", null);
            }
            List<String> words = List.of(line.substring(3).split(" ", -1));
            if (words.isEmpty() || words.stream().anyMatch(String::isEmpty)) {
                throw new AgeException("not an age header", null);
            }
            StringBuilder body = new StringBuilder();
            while (true) {
                if (i >= lines.length - 1) {
                    throw new AgeException("not an age header", null);
                }
                String b = lines[i++];
                if (b.length() > 64) {
                    throw new AgeException("not an age header", null);
                }
                body.append(b);
                if (b.length() < 64) {
                    break;
                }
            }
            byte[] decoded;
            try {
                decoded = B64D.decode(body.toString());
            } catch (IllegalArgumentException e) {
                throw new AgeException("not an age header", e);
            }
            out.add(new Stanza(words.getFirst(), words.subList(1, words.size()), decoded));
        }
        return out;
    }

    private record Stanza(String type, List<String> arguments, byte[] body) implements RecipientStanza {
        @Override
        public String getType() {
            return type;
        }

        @Override
        public List<String> getArguments() {
            return arguments;
        }

        @Override
        public byte[] getBody() {
            return body.clone();
        }
    }

    private static void destroy(FileKey key) {
        try {
            key.destroy();
        } catch (RuntimeException e) {
            // best effort: jagged wipes its copy
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static int indexOf(byte[] bytes, byte[] needle) {
        return indexOf(bytes, needle, 0);
    }

    private static int indexOf(byte[] bytes, byte[] needle, int from) {
        outer:
        for (int i = from; i <= bytes.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
