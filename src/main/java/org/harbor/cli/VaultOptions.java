package org.harbor.cli;

import java.io.InputStream;
import java.nio.file.Path;
import org.harbor.Harbor;
import org.harbor.accounts.Session;
import org.harbor.usecases.LogIn;
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

    /**
     * Opens the vault, logs {@code actor} in with the first passphrase, runs {@code work}, and
     * locks and closes everything after, whatever happens.
     */
    <T> T asUser(HarborCommand root, String actor, UserWork<T> work) throws Exception {
        try (Harbor harbor = HarborCommand.open(home(root.home));
             Passphrases input = passphrases(root.stdin)) {
            LogIn.LoggedIn in = harbor.useCases().logIn().forCommand(actor, input.next("your passphrase"));
            Session session = in.session();
            for (var broken : in.continuityBreaks()) {
                root.spec.commandLine().getErr().println("harbor: warning: the audit log is not known to be whole ("
                        + broken.code() + (broken.expected() >= 0 ? ": expected " + broken.expected() + " entries" : "")
                        + ", found " + broken.found() + "); recorded in the log, and `harbor audit verify` reports it");
            }
            return work.run(harbor, session, input);
        }
    }

    /** What a command does once its user is logged in. */
    @FunctionalInterface
    interface UserWork<T> {
        T run(Harbor harbor, Session session, Passphrases input) throws Exception;
    }
}
