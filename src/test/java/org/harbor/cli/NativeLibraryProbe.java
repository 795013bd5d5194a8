package org.harbor.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.harbor.Harbor;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.harbor.vault.VaultKind;

/**
 * Run in a child JVM by {@link CliHardeningTest}: opens (or creates) a vault in {@code args[0]} and
 * prints {@code LOADED<TAB>path} of the SQLite native library the process mapped.
 */
public final class NativeLibraryProbe {

    private NativeLibraryProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        boolean fresh = !Files.exists(home.resolve("keyslots.json"));
        try (Harbor harbor = TestVaults.open(home, MutableClock.atStart())) {
            if (fresh) {
                harbor.accounts().setUp(VaultKind.FIELD, TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE);
            } else {
                harbor.accounts().login(TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE);
            }
            for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
                if (line.contains("sqlitejdbc")) {
                    System.out.println("LOADED\t" + line.substring(line.indexOf('/')));
                    break;
                }
            }
        }
    }
}
