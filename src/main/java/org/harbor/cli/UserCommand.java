package org.harbor.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.harbor.Harbor;
import org.harbor.accounts.Role;
import org.harbor.accounts.Session;
import org.harbor.accounts.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "user", description = "Manage accounts.",
        subcommands = {UserCommand.Add.class, UserCommand.Passwd.class, UserCommand.ListUsers.class})
final class UserCommand {

    @ParentCommand
    HarborCommand root;

    @Command(name = "add", description = {
            "Add an account with a temporary passphrase that must be changed at first login.",
            "Passphrases: line 1 yours (--user), line 2 the new account's temporary one."})
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        LoginOptions login;
        @Option(names = "--role", required = true,
                description = "interviewer, intake or supervisor on a field vault; central (supervisor), central_case_manager or analyst on a central vault.")
        String role;
        @Parameters(index = "0", paramLabel = "NAME", description = "The new account's name.")
        String name;

        @Override
        public Integer call() throws Exception {
            Role chosen = Role.fromCode(role);
            User user = login.asUser((harbor, session, input) ->
                    harbor.accounts().addUser(session, name, chosen, input.next("temporary passphrase for " + name)));
            spec.commandLine().getOut().println("added " + user.role().code() + " account " + user.id()
                    + "; the temporary passphrase must be changed at first login");
            return HarborCommand.OK;
        }
    }

    @Command(name = "passwd", description = {
            "Change your passphrase. Passphrases: line 1 the current one, line 2 the new one.",
            "With --recovery-key-file: reset it with the vault's recovery key; line 1 is the new passphrase."})
    static final class Passwd implements Callable<Integer> {
        @ParentCommand
        UserCommand parent;
        @Spec
        CommandSpec spec;
        @Mixin
        VaultOptions vault;
        @Option(names = "--user", required = true, description = "The account whose passphrase changes.")
        String user;
        @Option(names = "--recovery-key-file", paramLabel = "FILE", description = "A file holding the recovery key.")
        Path recoveryKeyFile;

        @Override
        public Integer call() throws Exception {
            try (Harbor harbor = HarborCommand.open(vault.home(parent.root.home));
                 Passphrases input = vault.passphrases(parent.root.stdin)) {
                if (recoveryKeyFile != null) {
                    String key = Files.readString(recoveryKeyFile).strip();
                    harbor.accounts().recover(key, user, input.next("new passphrase"));
                    spec.commandLine().getOut().println("passphrase reset with the recovery key");
                } else {
                    Session session = harbor.useCases().logIn().forCommand(user, input.next("current passphrase")).session();
                    harbor.accounts().changePassphrase(session, input.current(), input.next("new passphrase"));
                    spec.commandLine().getOut().println("passphrase changed");
                }
            }
            return HarborCommand.OK;
        }
    }

    @Command(name = "list", description = "List the accounts (supervisors). Passphrase: line 1.")
    static final class ListUsers implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        LoginOptions login;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            for (User user : login.asUser((harbor, session, input) -> harbor.accounts().listUsers(session))) {
                out.println(user.id() + "\t" + user.username() + "\t" + user.role().code()
                        + (user.mustChangePassphrase() ? "\tmust-change-passphrase" : ""));
            }
            return HarborCommand.OK;
        }
    }
}
