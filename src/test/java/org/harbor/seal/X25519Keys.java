package org.harbor.seal;

import com.exceptionfactory.jagged.bech32.Bech32;
import java.util.Locale;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.harbor.crypto.AgeIdentity;

/** Turns any 32 secret bytes into an age X25519 identity, to try them against a package. */
final class X25519Keys {

    private X25519Keys() {
    }

    static AgeIdentity identityFromScalar(byte[] secret) {
        byte[] publicKey = new byte[X25519.POINT_SIZE];
        X25519.scalarMultBase(secret, 0, publicKey, 0);
        String recipient = Bech32.getEncoder().encode("age", publicKey).toString();
        String encoded = Bech32.getEncoder().encode("age-secret-key-", secret).toString().toUpperCase(Locale.ROOT);
        return AgeIdentity.of(recipient, encoded.toCharArray());
    }
}
