package org.harbor.accounts;

import java.nio.file.Path;
import org.harbor.Harbor;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;

/**
 * The child of {@link PassphraseStrengthTest#estimatorNotLoadedAtStartOrLogIn}: on a vault the
 * parent set up, starts as the app does (warm-up), logs in, then checks a new passphrase; prints a marker between the phases so the
 * parent can tell from the class-load log which phase loaded the estimator.
 */
public final class StrengthLoadChild {

    private StrengthLoadChild() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]); // set up by the parent
        System.out.println("PHASE start");
        Harbor.warmUp();
        try (Harbor harbor = TestVaults.open(home, MutableClock.atStart())) {
            harbor.accounts().login(TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE);
            System.out.println("PHASE set");
            PassphrasePolicy.check("willow kettle harbour stone".toCharArray(), "pat");
            System.out.println("PHASE end");
        }
        System.out.flush();
    }
}
