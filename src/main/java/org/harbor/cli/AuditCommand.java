package org.harbor.cli;

import java.util.concurrent.Callable;
import org.harbor.audit.AuditVerification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "audit", description = "The hash-chained audit log.", subcommands = AuditCommand.Verify.class)
final class AuditCommand {

    @Command(name = "verify", description = "Walk the audit chain; name the first broken entry. Passphrase: line 1.")
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        LoginOptions login;

        @Override
        public Integer call() throws Exception {
            AuditVerification result = login.asUser((harbor, session, input) -> harbor.accounts().verifyAudit(session));
            if (result.intact()) {
                spec.commandLine().getOut().println("ok: " + result.validEntries() + " entries, head " + result.reason());
                return HarborCommand.OK;
            }
            spec.commandLine().getErr().println("harbor: audit chain broken at entry "
                    + result.firstBroken().getAsLong() + ": " + result.reason());
            return HarborCommand.REFUSED;
        }
    }
}
