package org.harbor.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.security.MessageDigest;
import org.harbor.crypto.Hashes;

/**
 * The plaintext of a blob, hashed as it is read. At the end it compares the SHA-256 and size with
 * what was recorded and throws {@link AlteredBlobException} instead of reporting the end when they
 * differ; a decryption failure on the way (age authenticates every 64 KiB chunk) is reported the
 * same way.
 */
final class VerifyingInputStream extends InputStream {

    private final ReadableByteChannel plaintext;
    private final String expectedSha256;
    private final long expectedSize;
    private final MessageDigest digest = Hashes.sha256();
    private long count;
    private boolean verified;

    VerifyingInputStream(ReadableByteChannel plaintext, String expectedSha256, long expectedSize) {
        this.plaintext = plaintext;
        this.expectedSha256 = expectedSha256;
        this.expectedSize = expectedSize;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (verified) {
            return -1;
        }
        int n;
        try {
            ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
            do {
                n = plaintext.read(buffer);
            } while (n == 0);
        } catch (AlteredBlobException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new AlteredBlobException("the stored file does not decrypt", e);
        }
        if (n < 0) {
            verify();
            return -1;
        }
        count += n;
        if (count > expectedSize) {
            throw new AlteredBlobException("the stored file is longer than recorded", null);
        }
        digest.update(b, off, n);
        return n;
    }

    private void verify() throws AlteredBlobException {
        String actual = Hashes.hex(digest.digest());
        if (count != expectedSize || !actual.equals(expectedSha256)) {
            throw new AlteredBlobException("the stored file does not match its recorded SHA-256", null);
        }
        verified = true;
    }

    @Override
    public void close() throws IOException {
        plaintext.close();
    }
}
