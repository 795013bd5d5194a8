package org.harbor.cli;

import java.io.InputStream;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every vault command shares: where the vault is and how passphrases arrive. */
final class VaultOptions {

    @Option(names = "--home", description = "The vault folder (default: $HARBOR_HOME, else the user's data folder).")
    Path home;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Read passphrases from FILE, one per line, instead of standard input.")
    Path passwordFile;

    Passphrases passphrases(InputStream stdin) {
        return new Passphrases(passwordFile, stdin);
    }

    Path home(Path rootHome) {
        return home != null ? home : rootHome;
    }
}
