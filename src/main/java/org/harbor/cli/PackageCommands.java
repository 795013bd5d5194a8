package org.harbor.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.harbor.Harbor;
import org.harbor.accounts.Session;
import org.harbor.consent.ConsentPurpose;
import org.harbor.seal.ExportListener;
import org.harbor.seal.ExportService;
import org.harbor.seal.ImportService;
import org.harbor.seal.PackageFormat;
import org.harbor.seal.PackageSignature;
import org.harbor.seal.ReceiptService;
import org.harbor.usecases.ExportPackage;
import org.harbor.vault.AtomicFiles;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** export, verify, import, receipt apply and purge: the package commands of DESIGN.md section 8. */
final class PackageCommands {

    private PackageCommands() {
    }

    @Command(name = "export", description = "Field vault: write sealed cases as a package for the central office (FILE and FILE.minisig). Passphrase: line 1.")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        LoginOptions login;
        @ArgGroup(exclusive = true, multiplicity = "1")
        SealedCases which;
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The package to write (NAME.harbor).")
        Path out;
        @Option(names = "--purpose", defaultValue = "services", description = {"What the package is for (default: services, the central",
            "office's casework). A case with neither consent nor a lawful basis for it is refused; answers whose",
            "purposes have neither are left out and listed in the manifest."})
        String purpose;
        @Option(names = "--format", defaultValue = "2", paramLabel = "1|2", description = {"The package format (default: 2, attachments",
            "shipped as stored under a signed index, ADR 0016); 1 for an office that has not upgraded (ADR 0004)."})
        String format;

        @Override
        public Integer call() throws Exception {
            PackageFormat chosen;
            try {
                chosen = PackageFormat.of(format);
            } catch (IllegalArgumentException e) {
                throw new CliException("--format is 1 or 2");
            }
            ExportPackage.Result result = login.asUser((harbor, session, input) -> {
                ExportPackage export = harbor.useCases().exportPackage();
                List<String> ids = which.ids(() -> export.allSealed(session));
                if (ids.isEmpty()) {
                    throw new CliException("there is no sealed case to export");
                }
                return export.export(session, ids, ConsentPurpose.fromCode(purpose), chosen, out, ExportListener.SILENT);
            });
            ExportService.Exported e = result.exported();
            for (String id : result.stalePackages()) {
                // Written before a consent of one of its cases changed, and not yet received: not to be sent.
                spec.commandLine().getErr().println("warning: package " + id + " was written before a consent changed; do not send it");
            }
            PrintWriter w = spec.commandLine().getOut();
            w.println("package " + e.packageId() + " sequence " + e.sequence() + " cases " + e.caseIds().size() + " bytes " + e.bytes()
                    + " withheld " + e.withheldFields());
            w.println(e.file());
            w.println(e.signature());
            return HarborCommand.OK;
        }
    }

    @Command(name = "verify", description = {"Check a package's signature file with the device's public key, without any vault.",
        "With --user (a central vault), also decrypt it, check every hash and print its chain of custody (passphrase: line 1)."})
    static final class Verify implements Callable<Integer> {
        @ParentCommand
        HarborCommand root;
        @Spec
        CommandSpec spec;
        @Mixin
        VaultOptions vault;
        @Option(names = "--device-key", required = true, paramLabel = "KEY", description = "The device's public key file.")
        Path deviceKey;
        @Option(names = "--user", description = "A central account: also decrypt and check the content.")
        String actor;
        @Option(names = "--signature", paramLabel = "FILE", description = "The signature file (default: FILE.minisig).")
        Path signature;
        @Parameters(index = "0", paramLabel = "FILE", description = "The package.")
        Path file;

        @Override
        public Integer call() throws Exception {
            Path sig = signature != null ? signature : PackageSignature.beside(file);
            if (Files.size(deviceKey) > 4096) {
                throw new CliException("this file is too large to be a device key");
            }
            PackageSignature.Signed signed = PackageSignature.verify(file, sig, Files.readString(deviceKey));
            PrintWriter w = spec.commandLine().getOut();
            w.println("signature ok: package " + signed.packageId() + ", device " + signed.deviceId() + ", sequence "
                    + signed.sequence() + ", signed at " + signed.time());
            if (actor != null) {
                String report = vault.asUser(root, actor, (harbor, session, input) -> harbor.imports().verifyPackage(session, file, sig));
                w.print(report);
            }
            return HarborCommand.OK;
        }
    }

    @Command(name = "import", description = "Central vault: import a package (FILE with FILE.minisig beside it) and write its signed receipt. A refusal names the check that failed and changes nothing. Passphrase: line 1.")
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        LoginOptions login;
        @Option(names = "--receipt-out", paramLabel = "FILE", description = "Where to write the receipt (default: FILE.receipt).")
        Path receiptOut;
        @Parameters(index = "0", paramLabel = "FILE", description = "The package.")
        Path file;

        @Override
        public Integer call() throws Exception {
            ImportService.ImportResult r = login.asUser((harbor, session, input) -> harbor.useCases().importPackage().importPackage(session, file, ExportListener.SILENT));
            Path receipt = receiptOut != null ? receiptOut : Path.of(file + ".receipt");
            AtomicFiles.write(receipt, r.receipt().toFile().getBytes(StandardCharsets.UTF_8));
            PrintWriter w = spec.commandLine().getOut();
            if (r.alreadyImported()) {
                w.println("already imported: package " + r.packageId() + "; nothing changed; receipt written again");
            } else {
                w.println("imported package " + r.packageId() + " from device " + r.deviceId() + ", sequence " + r.sequence());
                for (ImportService.ImportedCase c : r.cases()) {
                    w.println("  " + c.caseId() + "\t" + c.number() + "\t" + c.outcome().name().toLowerCase(Locale.ROOT));
                }
                w.print(r.custodyReport());
            }
            w.println("receipt " + receipt);
            return HarborCommand.OK;
        }
    }

    @Command(name = "receipt", description = "Receipts from the central office.", subcommands = Receipt.Apply.class)
    static final class Receipt {

        @Command(name = "apply", description = "Field vault: check a receipt with the central office's receipt key and mark its cases received. Passphrase: line 1.")
        static final class Apply implements Callable<Integer> {
            @Spec
            CommandSpec spec;
            @Mixin
            LoginOptions login;
            @Parameters(index = "0", paramLabel = "FILE", description = "The receipt.")
            Path file;

            @Override
            public Integer call() throws Exception {
                ReceiptService.Applied a = login.asUser((harbor, session, input) -> harbor.useCases().applyReceipt().apply(session, file));
                spec.commandLine().getOut().println("receipt ok: package " + a.packageId() + ", " + a.received().size() + " cases received");
                return HarborCommand.OK;
            }
        }
    }

    @Command(name = "purge", description = "Field vault: delete every case the central office has confirmed as received, then compact the database (secure delete, VACUUM). Audited. Passphrase: line 1.")
    static final class Purge implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        LoginOptions login;
        @Option(names = "--received", required = true, description = "Purge the received cases (the only kind of purge).")
        boolean received;

        @Override
        public Integer call() throws Exception {
            List<String> purged = login.asUser(PackageCommands::purge);
            spec.commandLine().getOut().println("purged " + purged.size() + " received cases");
            return HarborCommand.OK;
        }
    }

    private static List<String> purge(Harbor harbor, Session session, Passphrases input) throws Exception {
        return harbor.useCases().purgeReceived().purge(session);
    }
}
