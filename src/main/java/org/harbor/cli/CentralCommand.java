package org.harbor.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.harbor.vault.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code harbor central}: where a central vault keeps imported cases (itself, or a PostgreSQL
 * server) and the enrolment of further central workstations to the office's central keys (issue 17).
 * The work is in {@link CentralCli}: picocli reads these classes at every start, and no type of
 * the central store may be loaded then.
 */
@Command(name = "central", description = "Central office: the case store and the enrolment of central workstations.",
        subcommands = {CentralCommand.Connect.class, CentralCommand.Status.class, CentralCommand.EnrolRequest.class,
            CentralCommand.EnrolExport.class, CentralCommand.EnrolImport.class,
            CentralWorkCommands.Duplicates.class, CentralWorkCommands.Merge.class, CentralWorkCommands.KeepApart.class,
            CentralWorkCommands.Unmerge.class, CentralWorkCommands.Conflicts.class, CentralWorkCommands.Resolve.class,
            CentralWorkCommands.Assign.class, CentralWorkCommands.Status.class, CentralWorkCommands.Queue.class,
            CentralWorkCommands.Stats.class, SyncCommands.Serve.class, SyncCommands.Publish.class})
final class CentralCommand {

    @ParentCommand
    HarborCommand root;

    @Command(name = "connect", description = {"Keep imported cases on a PostgreSQL server (--db …), or in this central vault (--embedded).",
        "The server is tried first with this vault's central keys; a setting that does not work changes nothing. Passphrase: line 1."})
    static final class Connect implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        LoginOptions login;
        @Option(names = "--db", paramLabel = "URL",
                description = "jdbc:postgresql://HOST:5432/DB?sslmode=verify-full (verify-full required for any host but this machine).")
        String url;
        @Option(names = "--db-user", paramLabel = "ROLE", description = "The database role.")
        String dbUser;
        @Option(names = "--db-password-file", paramLabel = "FILE", description = "A file holding the role's password (chmod 600).")
        Path passwordFile;
        @Option(names = "--embedded", description = "Keep imported cases in this central vault (the default).")
        boolean embedded;

        @Override
        public Integer call() throws Exception {
            spec.commandLine().getOut().println(CentralCli.connect(this));
            return HarborCommand.OK;
        }
    }

    @Command(name = "status", description = "Which store this central vault uses, its central key id, and how many cases it holds. Passphrase: line 1.")
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        LoginOptions login;

        @Override
        public Integer call() throws Exception {
            spec.commandLine().getOut().println(CentralCli.status(this));
            return HarborCommand.OK;
        }
    }

    @Command(name = "enrol-request", description = {"On a new central workstation: write its enrolment request (its public key).",
        "Prints the fingerprint to read out to the enrolled workstation. Passphrase: line 1."})
    static final class EnrolRequest implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        LoginOptions login;
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The request to write.")
        Path out;

        @Override
        public Integer call() throws Exception {
            Object[] w = CentralCli.enrolRequest(this);
            AtomicFiles.write(out, (byte[]) w[0]);
            PrintWriter o = spec.commandLine().getOut();
            o.println("request written; read this fingerprint to the enrolled workstation:");
            o.println(w[1]);
            return HarborCommand.OK;
        }
    }

    @Command(name = "enrol-export", description = {"On an enrolled central workstation: write the enrolment file for a new one.",
        "The file holds the central keys encrypted to the new workstation's key, written once the request's fingerprint",
        "(read out by its staff) is confirmed. Prints the file's fingerprint to read back. Passphrase: line 1."})
    static final class EnrolExport implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        LoginOptions login;
        @Option(names = "--request", required = true, paramLabel = "FILE", description = "The new workstation's request.")
        Path request;
        @Option(names = "--confirm", required = true, paramLabel = "FINGERPRINT", description = "The request's fingerprint as read out.")
        String confirm;
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The enrolment file to write.")
        Path out;

        @Override
        public Integer call() throws Exception {
            byte[] bytes = readSmall(request);
            Object[] w = CentralCli.enrolExport(this, bytes);
            AtomicFiles.write(out, (byte[]) w[0]);
            PrintWriter o = spec.commandLine().getOut();
            o.println("enrolment file written (the central keys, encrypted to the new workstation only); read this fingerprint back:");
            o.println(w[1]);
            return HarborCommand.OK;
        }
    }

    @Command(name = "enrol-import", description = {"On the new central workstation: take the central keys from the enrolment file.",
        "Done once its fingerprint (read out by the enrolled workstation's staff) is confirmed. Passphrase: line 1."})
    static final class EnrolImport implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        LoginOptions login;
        @Option(names = "--confirm", required = true, paramLabel = "FINGERPRINT", description = "The file's fingerprint as read out.")
        String confirm;
        @Parameters(index = "0", paramLabel = "FILE", description = "The enrolment file.")
        Path file;

        @Override
        public Integer call() throws Exception {
            byte[] bytes = readSmall(file);
            String keyId = CentralCli.enrolImport(this, bytes);
            spec.commandLine().getOut().println("enrolled to the office's central keys " + keyId);
            return HarborCommand.OK;
        }
    }

    private static byte[] readSmall(Path file) throws Exception {
        if (!Files.isRegularFile(file) || Files.size(file) > 64 * 1024) {
            throw new CliException("the file is missing or too large for an enrolment file");
        }
        return Files.readAllBytes(file);
    }
}
