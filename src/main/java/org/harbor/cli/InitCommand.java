package org.harbor.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.harbor.Harbor;
import org.harbor.accounts.AccountService;
import org.harbor.vault.VaultKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "init", description = {
        "Create a new vault with its first account (a supervisor, or a central-office account with --central).",
        "Passphrase: line 1 of --password-file or standard input. Prints the recovery key once: write it down."})
final class InitCommand implements Callable<Integer> {

    @ParentCommand
    HarborCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    VaultOptions vault;

    @Option(names = "--user", required = true, description = "Name of the first account.")
    String user;

    @Option(names = "--central", description = "Create a central-office vault (imports packages, signs receipts).")
    boolean central;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Harbor harbor = HarborCommand.open(vault.home(root.home));
             Passphrases input = vault.passphrases(root.stdin)) {
            AccountService.Setup setup = harbor.accounts().setUp(
                    central ? VaultKind.CENTRAL : VaultKind.FIELD, user, input.next("passphrase for " + user));
            out.println("Vault created in " + harbor.home().dir());
            out.println("Recovery key (shown once; write it down and keep it apart from this computer):");
            out.println(setup.recoveryKey());
            if (central) {
                TrustCommand.printBundle(out, harbor.trust().centralKeys(setup.session()));
            }
        }
        return HarborCommand.OK;
    }
}
