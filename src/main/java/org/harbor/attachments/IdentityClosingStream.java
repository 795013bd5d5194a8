package org.harbor.attachments;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.harbor.crypto.AgeIdentity;

/** A blob's verified stream that destroys the identity it was opened with when it closes. */
final class IdentityClosingStream extends FilterInputStream {

    private final AgeIdentity identity;

    IdentityClosingStream(InputStream in, AgeIdentity identity) {
        super(in);
        this.identity = identity;
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            identity.destroy();
        }
    }
}
