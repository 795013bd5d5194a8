package org.harbor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.harbor.consent.ChildAssent;
import org.harbor.consent.Consent;
import org.harbor.consent.ConsentMethod;
import org.harbor.consent.ConsentPurpose;
import org.harbor.consent.LawfulBasis;
import org.harbor.consent.Sharing;
import org.harbor.usecases.RecordConsent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code harbor consent record|basis|list}: the consent decisions and lawful bases of a case, as the
 * case view records them (issue 12). Output names purposes and states, never a name or a reason.
 */
@Command(name = "consent", description = "Record, list and ground consent per purpose for a case.",
        subcommands = {ConsentCommand.Record.class, ConsentCommand.Basis.class, ConsentCommand.Listing.class})
final class ConsentCommand {


    @Command(name = "record", description = "Record one decision on one purpose. Passphrase: line 1.")
    static final class Record implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        LoginOptions login;
        @Option(names = "--case", required = true, paramLabel = "ID")
        String caseId;
        @Option(names = "--purpose", required = true, description = "services, referral, law_enforcement, national_referral, research, recording.")
        String purpose;
        @Option(names = "--organisation", description = "The organisation of a referral.")
        String organisation;
        @Option(names = "--refused", description = "The decision was no.")
        boolean refused;
        @Option(names = "--by-survivor", description = "The person themselves decided.")
        boolean bySurvivor;
        @Option(names = "--child", description = "The person is treated as a child: their word is assent.")
        boolean child;
        @Option(names = "--assent", description = "What the child answered to the assent question: yes or no.")
        String assent;
        @Option(names = "--guardian-file", paramLabel = "FILE",
                description = "A file holding the name of a guardian who consents; - reads standard input.")
        Path guardianFile;
        @Option(names = "--guardian-excluded-file", paramLabel = "FILE", description = "A file holding why the guardian's "
                + "consent is excluded (possibly implicated); - reads standard input.")
        Path guardianExcludedFile;
        @Option(names = "--authority-file", paramLabel = "FILE", description = "A file holding the person and body "
                + "consenting for a child as an authority; - reads standard input.")
        Path authorityFile;
        @Option(names = "--guardian", hidden = true)
        String guardianOnCommandLine;
        @Option(names = "--guardian-excluded", hidden = true)
        String guardianExcludedOnCommandLine;
        @Option(names = "--authority", hidden = true)
        String authorityOnCommandLine;
        @Option(names = "--method", defaultValue = "verbal", description = "verbal, written or other.")
        String method;
        @Option(names = "--language", required = true, description = "The language it was explained in.")
        String language;

        @Override
        public Integer call() throws Exception {
            if (guardianOnCommandLine != null || guardianExcludedOnCommandLine != null || authorityOnCommandLine != null) {
                throw new CliException(RecordText.ON_COMMAND_LINE
                        + ": use --guardian-file, --guardian-excluded-file or --authority-file (FILE, or - for standard input)");
            }
            long fromInput = Stream.of(guardianFile, guardianExcludedFile, authorityFile)
                    .filter(f -> f != null && f.toString().equals("-")).count();
            if (fromInput > 1) {
                throw new CliException("only one option of a command may read standard input (-)");
            }
            if (guardianExcludedFile != null && guardianFile == null) {
                throw new CliException("--guardian-excluded-file needs --guardian-file: whose consent is excluded");
            }
            Consent c = login.asUser((harbor, session, input) -> {
                String guardian = guardianFile == null ? null : input.content(guardianFile, RecordText.MAX_NAMES, "guardian file").strip();
                String excluded = guardianExcludedFile == null ? null
                        : input.content(guardianExcludedFile, RecordText.MAX_NOTE, "guardian exclusion file").strip();
                String authority = authorityFile == null ? null : input.content(authorityFile, RecordText.MAX_NAMES, "authority file").strip();
                return harbor.useCases().recordConsent().record(session, caseId, new RecordConsent.Decision(
                        ConsentPurpose.fromCode(purpose), organisation, !refused, bySurvivor, child, ChildAssent.fromCode(assent),
                        guardian, excluded, authority, ConsentMethod.fromCode(method), null, language, null));
            });
            spec.commandLine().getOut().println(c.id() + "\t" + c.scope().purpose().code() + "\t" + c.state().name().toLowerCase(Locale.ROOT));
            return HarborCommand.OK;
        }
    }

    @Command(name = "basis", description = "Record a lawful basis that lets a purpose be used without consent (child_protection, child_national_referral, legal_duty), with its reference. Passphrase: line 1.")
    static final class Basis implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        LoginOptions login;
        @Option(names = "--case", required = true, paramLabel = "ID")
        String caseId;
        @Option(names = "--purpose", required = true)
        String purpose;
        @Option(names = "--organisation", description = "The organisation of a referral.")
        String organisation;
        @Option(names = "--basis", required = true)
        String basis;
        @Option(names = "--reference", required = true, description = "The law, procedure or decision relied on.")
        String reference;

        @Override
        public Integer call() throws Exception {
            LawfulBasis.Recorded r = login.asUser((harbor, session, input) -> harbor.useCases()
                    .recordConsent().recordLawfulBasis(session, caseId, ConsentPurpose.fromCode(purpose), organisation,
                            LawfulBasis.fromCode(basis), reference));
            spec.commandLine().getOut().println(r.id() + "\t" + r.scope().purpose().code() + "\t" + r.basis().code());
            return HarborCommand.OK;
        }
    }

    @Command(name = "list", description = "Print each purpose: allowed or not, on what ground, and why not. Passphrase: line 1.")
    static final class Listing implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        LoginOptions login;
        @Parameters(index = "0", paramLabel = "ID", description = "The case id.")
        String caseId;

        @Override
        public Integer call() throws Exception {
            Sharing sharing = login.asUser((harbor, session, input) -> harbor.useCases().recordConsent().sharing(session, caseId));
            PrintWriter out = spec.commandLine().getOut();
            sharing.standings().forEach((p, s) -> out.println(p.code() + "\t" + (s.permitted() ? "allowed\t" + s.ground()
                    : "not allowed\t" + s.reason().code())));
            return HarborCommand.OK;
        }
    }
}
