package org.harbor.testing;

import java.nio.file.Path;
import java.util.Locale;
import org.harbor.Harbor;
import org.harbor.crypto.Argon2Params;
import org.harbor.vault.HarborHome;

/** Real vaults in temporary folders, with floor KDF parameters so that tests stay quick. */
public final class TestVaults {

    public static final String SUPERVISOR = "sam-supervisor";
    public static final char[] SUPERVISOR_PASSPHRASE = "orchard lantern pebble river".toCharArray();

    private TestVaults() {
    }

    public static Harbor.Options options(MutableClock clock) {
        return new Harbor.Options(clock, () -> Argon2Params.FLOOR, Locale.ENGLISH);
    }

    public static Harbor open(Path dir, MutableClock clock) {
        return Harbor.open(new HarborHome(dir), options(clock));
    }

    public static char[] pass(String text) {
        return text.toCharArray();
    }
}
