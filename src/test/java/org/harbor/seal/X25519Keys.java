package org.harbor.seal;

import com.exceptionfactory.jagged.bech32.Bech32;
import java.util.Locale;
import org.harbor.crypto.Age;

/** Turns any 32 secret bytes into an age X25519 identity, to try them against a package. */
final class X25519Keys {

    private X25519Keys() {
    }

    static Age.Identity identityFromScalar(byte[] secret) {
        String encoded = Bech32.getEncoder().encode("age-secret-key-", secret).toString().toUpperCase(Locale.ROOT);
        return Age.Identity.of("(derived for a test)", encoded.toCharArray());
    }
}
