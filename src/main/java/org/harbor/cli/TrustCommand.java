package org.harbor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.harbor.seal.TrustBundle;
import org.harbor.usecases.ImportTrustBundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "trust", description = "The central office's public keys: export them (central), import them (field).",
        subcommands = {TrustCommand.Export.class, TrustCommand.Import.class})
final class TrustCommand {

    static void printBundle(PrintWriter out, TrustBundle bundle) {
        out.println("bundle fingerprint " + bundle.fingerprint());
        out.println("  primary recipient " + bundle.primaryRecipient() + " (" + bundle.primaryFingerprint() + ")");
        out.println("  backup recipient  " + bundle.backupRecipient() + " (" + bundle.backupFingerprint() + ")");
        out.println("  receipt key       " + bundle.receiptKey().keyIdHex() + " (" + bundle.receiptKeyFingerprint() + ")");
        if (bundle.sync() != null) {
            out.println("  sync server       " + bundle.sync().url() + " (certificate " + bundle.sync().certificateFingerprint() + ")");
        }
    }

    @Command(name = "export", description = {"Central vault: write the trust bundle (public keys) for field vaults.",
        "With --identity, write instead the primary age identity (a private key) in age's format, for 'age -d -i'.",
        "Passphrase: line 1."})
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        LoginOptions login;
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write it.")
        Path out;
        @Option(names = "--identity", description = "Write the primary age identity (private) instead of the public bundle.")
        boolean identity;
        @Option(names = "--sync-url", paramLabel = "URL", description = "The sync server field laptops send to (https://HOST:PORT; see 'harbor central serve').")
        String syncUrl;
        @Option(names = "--sync-certificate", paramLabel = "FILE",
                description = "The sync server's certificate (PEM or DER): field laptops will trust this one certificate only.")
        Path syncCertificate;

        @Override
        public Integer call() throws Exception {
            PrintWriter w = spec.commandLine().getOut();
            if (identity) {
                login.asUser((harbor, session, input) -> {
                    harbor.trust().writeIdentity(session, out);
                    return null;
                });
                w.println("wrote the primary age identity; keep the file as safe as the vault itself");
            } else {
                if ((syncUrl == null) != (syncCertificate == null)) {
                    throw new CliException("--sync-url and --sync-certificate go together");
                }
                org.harbor.seal.TrustBundle.Sync sync;
                try {
                    sync = syncUrl == null ? null
                            : new org.harbor.seal.TrustBundle.Sync(syncUrl, org.harbor.sync.PinnedTls.readCertificate(syncCertificate));
                } catch (IllegalArgumentException | java.io.IOException e) {
                    throw new CliException(e.getMessage());
                }
                printBundle(w, login.asUser((harbor, session, input) -> harbor.trust().writeTrustBundle(session, out, sync)));
            }
            return HarborCommand.OK;
        }
    }

    @Command(name = "import", description = {"Field vault: import the central office's trust bundle.",
        "Without --confirm it only prints the fingerprints. Ask the central office to read out its bundle fingerprint",
        "(by telephone or in person), then run again with --confirm and what they read out. Passphrase: line 1."})
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        LoginOptions login;
        @Option(names = "--confirm", paramLabel = "FINGERPRINT", description = "The bundle fingerprint, as read out by the office.")
        String confirm;
        @Parameters(index = "0", paramLabel = "FILE", description = "The trust bundle.")
        Path file;

        @Override
        public Integer call() throws Exception {
            TrustBundle bundle = ImportTrustBundle.readFile(file);
            PrintWriter w = spec.commandLine().getOut();
            printBundle(w, bundle);
            if (confirm == null) {
                // Never the value to paste: the check is worth something only if the fingerprint
                // typed comes from the office, not from this file.
                throw new CliException("not imported: ask the central office to read out its bundle fingerprint, "
                        + "compare it with the one above, then run again with --confirm and the fingerprint they read out");
            }
            login.asUser((harbor, session, input) -> {
                harbor.useCases().importTrustBundle().importTrust(session, bundle, confirm);
                return null;
            });
            w.println("imported");
            return HarborCommand.OK;
        }
    }
}
