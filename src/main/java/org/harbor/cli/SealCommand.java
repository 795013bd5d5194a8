package org.harbor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.harbor.seal.SealStatus;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "seal", description = "Seal a finished session or a case, amend a seal with an addendum, co-sign a seal, or verify the seals of a case and print its chain of custody. Passphrase: line 1.")
final class SealCommand implements Callable<Integer> {

    /** An addendum's text. */
    static final int MAX_TEXT = 1_000_000;

    @Spec
    CommandSpec spec;
    @Mixin
    LoginOptions login;

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    static final class What {
        @Option(names = "--case", paramLabel = "ID", description = "Seal this case (its people and every session).")
        String caseId;
        @Option(names = "--session", paramLabel = "ID", description = "Seal this session.")
        String sessionId;
        @Option(names = "--amend", paramLabel = "SEAL", description = "Add an addendum to this seal (with --reason-file and --text-file).")
        String amend;
        @Option(names = "--cosign", paramLabel = "SEAL", description = "Co-sign this seal (supervisors).")
        String cosign;
        @Option(names = "--verify", paramLabel = "CASE", description = "Verify the seals of this case and print its chain of custody.")
        String verify;
    }

    @Option(names = "--reason-file", paramLabel = "FILE", description = "A file saying why the sealed record is amended (UTF-8); "
            + "- reads standard input.")
    Path reasonFile;
    @Option(names = "--reason", hidden = true)
    String reasonOnCommandLine;
    @Option(names = "--text-file", paramLabel = "FILE", description = "The text of the addendum (UTF-8); - reads standard input.")
    Path textFile;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (reasonOnCommandLine != null) {
            throw new CliException(RecordText.ON_COMMAND_LINE + ": use --reason-file FILE, or --reason-file - for standard input");
        }
        if (what.amend != null && (reasonFile == null || textFile == null)) {
            throw new CliException("an addendum needs --reason-file and --text-file");
        }
        if (what.verify != null) {
            boolean[] ok = {true};
            String report = login.asUser((harbor, session, input) -> {
                ok[0] = harbor.useCases().verifySeals().verify(session, what.verify).whole();
                return harbor.useCases().verifySeals().custodyReport(session, what.verify);
            });
            out.print(report);
            if (!ok[0]) {
                throw new CliException("a seal of this case does not verify, or the case has none");
            }
            return HarborCommand.OK;
        }
        SealStatus s = login.asUser((harbor, session, input) -> {
            if (what.caseId != null) {
                return harbor.useCases().sealCase().sealCase(session, what.caseId);
            } else if (what.sessionId != null) {
                return harbor.useCases().sealCase().sealSession(session, what.sessionId);
            } else if (what.amend != null) {
                String reason = input.content(reasonFile, RecordText.MAX_NOTE, "reason file").strip();
                String text = input.content(textFile, SealCommand.MAX_TEXT, "addendum text");
                return harbor.useCases().amendSeal().amend(session, what.amend, reason, text);
            }
            return harbor.useCases().coSignSeal().coSign(session, what.cosign);
        });
        out.println(s.sealId() + "\t" + s.kind().code() + "\t" + s.contentHash() + "\t" + s.fingerprint());
        return HarborCommand.OK;
    }
}
