package org.harbor.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The one log-in of every command run by a signed-in user: the vault options, {@code --user}, and
 * {@link #asUser} (open the vault, log in with passphrase line 1, run, lock and close). A command
 * mixes it in with {@code @Mixin LoginOptions login;} and needs no path to the root command.
 */
final class LoginOptions {

    @Mixin
    VaultOptions vault;

    @Option(names = "--user", required = true, paramLabel = "NAME",
            description = "Your account (passphrase: line 1); the command says which roles may use it.")
    String user;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** Logs {@code --user} in and runs {@code work}, as {@link VaultOptions#asUser} does. */
    <T> T asUser(VaultOptions.UserWork<T> work) throws Exception {
        return vault.asUser((HarborCommand) command.root().userObject(), user, work);
    }
}
