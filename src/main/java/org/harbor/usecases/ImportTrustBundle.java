package org.harbor.usecases;

import java.io.IOException;
import java.nio.file.Path;
import org.harbor.accounts.Session;
import org.harbor.i18n.Refusal;
import org.harbor.seal.TrustBundle;
import org.harbor.seal.TrustService;

/**
 * A field vault takes the central office's public keys (what {@code harbor trust import} does): the
 * bundle is read and its fingerprint shown, grouped for reading aloud; it is imported only with the
 * fingerprint the office read out, and a refusal names the check that failed.
 */
public final class ImportTrustBundle {

    /** The checks a bundle passes, in order; a refusal names one. */
    public enum Check { FORMAT, FINGERPRINT }

    /** A bundle refused at {@code check}; nothing was imported. */
    public static final class Refused extends Refusal {
        private final Check check;

        public Refused(Check check, String key) {
            super(key);
            this.check = check;
        }

        public Check check() {
            return check;
        }
    }

    private final TrustService trust;

    public ImportTrustBundle(TrustService trust) {
        this.trust = trust;
    }

    /** Reads the bundle to show its fingerprints; nothing is imported yet. */
    public TrustBundle read(Path file) {
        return readFile(file);
    }

    /**
     * The same, before any log-in (the CLI prints the fingerprints without a passphrase): a file
     * that is not a trust bundle is refused at {@link Check#FORMAT}.
     */
    public static TrustBundle readFile(Path file) {
        try {
            return TrustService.readBundle(file);
        } catch (IOException | IllegalArgumentException e) {
            throw new Refused(Check.FORMAT, "trust.error.bundle");
        }
    }

    /** Imports {@code bundle} when {@code readOut}, the fingerprint the office read out, is its own. */
    public void importTrust(Session session, TrustBundle bundle, String readOut) {
        try {
            trust.importTrust(session, bundle, readOut);
        } catch (Refusal e) {
            if ("trust.error.fingerprint".equals(e.key())) {
                throw new Refused(Check.FINGERPRINT, e.key());
            }
            throw e;
        }
    }
}
