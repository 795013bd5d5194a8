package org.harbor.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.harbor.consent.ChildAssent;
import org.harbor.consent.Consent;
import org.harbor.consent.ConsentGrant;
import org.harbor.consent.ConsentMethod;
import org.harbor.consent.ConsentPurpose;
import org.harbor.consent.ConsentScope;
import org.harbor.consent.GuardianConsent;
import org.harbor.consent.LawfulBasis;
import org.harbor.consent.Sharing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code harbor consent record|basis|list}: the consent decisions and lawful bases of a case, as the
 * case view records them (issue 12). Output names purposes and states, never a name or a reason.
 */
@Command(name = "consent", description = "Record, list and ground consent per purpose for a case.",
        subcommands = {ConsentCommand.Record.class, ConsentCommand.Basis.class, ConsentCommand.Listing.class})
final class ConsentCommand {

    @ParentCommand
    HarborCommand root;

    private static ConsentScope scope(String purpose, String organisation) {
        ConsentPurpose p = ConsentPurpose.fromCode(purpose);
        return p == ConsentPurpose.REFERRAL ? ConsentScope.referral(organisation) : ConsentScope.of(p);
    }

    @Command(name = "record", description = "Record one decision on one purpose. Passphrase: line 1.")
    static final class Record implements Callable<Integer> {
        @ParentCommand
        ConsentCommand parent;
        @Spec
        CommandSpec spec;
        @Mixin
        VaultOptions vault;
        @Option(names = "--user", required = true, description = "Your account.")
        String actor;
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
        @Option(names = "--guardian", description = "A guardian who consents.")
        String guardian;
        @Option(names = "--guardian-excluded", paramLabel = "REASON", description = "The guardian's consent is excluded (possibly implicated), with the reason.")
        String guardianExcluded;
        @Option(names = "--authority", description = "The person and body consenting for a child as an authority.")
        String authority;
        @Option(names = "--method", defaultValue = "verbal", description = "verbal, written or other.")
        String method;
        @Option(names = "--language", required = true, description = "The language it was explained in.")
        String language;

        @Override
        public Integer call() throws Exception {
            ConsentGrant.Builder b = ConsentGrant.builder(scope(purpose, organisation));
            b = refused ? b.refused() : b.given();
            if (bySurvivor) {
                b = b.bySurvivor(child).childAssent(ChildAssent.fromCode(assent));
            }
            if (guardian != null) {
                b = b.guardian(guardianExcluded == null ? GuardianConsent.consenting(guardian)
                        : GuardianConsent.excluded(guardian, guardianExcluded));
            }
            ConsentGrant grant = b.authority(authority).method(ConsentMethod.fromCode(method)).language(language).build();
            Consent c = vault.asUser(parent.root, actor, (harbor, session, input) -> harbor.consents().record(session, caseId, grant));
            spec.commandLine().getOut().println(c.id() + "\t" + c.scope().purpose().code() + "\t" + c.state().name().toLowerCase(java.util.Locale.ROOT));
            return HarborCommand.OK;
        }
    }

    @Command(name = "basis", description = {"Record a lawful basis that lets a purpose be used without consent",
        "(child_protection, child_national_referral, legal_duty), with its reference. Passphrase: line 1."})
    static final class Basis implements Callable<Integer> {
        @ParentCommand
        ConsentCommand parent;
        @Spec
        CommandSpec spec;
        @Mixin
        VaultOptions vault;
        @Option(names = "--user", required = true, description = "Your account.")
        String actor;
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
            LawfulBasis.Recorded r = vault.asUser(parent.root, actor, (harbor, session, input) -> harbor.consents()
                    .recordLawfulBasis(session, caseId, scope(purpose, organisation), LawfulBasis.fromCode(basis), reference));
            spec.commandLine().getOut().println(r.id() + "\t" + r.scope().purpose().code() + "\t" + r.basis().code());
            return HarborCommand.OK;
        }
    }

    @Command(name = "list", description = "Print each purpose: allowed or not, on what ground, and why not. Passphrase: line 1.")
    static final class Listing implements Callable<Integer> {
        @ParentCommand
        ConsentCommand parent;
        @Spec
        CommandSpec spec;
        @Mixin
        VaultOptions vault;
        @Option(names = "--user", required = true, description = "Your account.")
        String actor;
        @Parameters(index = "0", paramLabel = "ID", description = "The case id.")
        String caseId;

        @Override
        public Integer call() throws Exception {
            Sharing sharing = vault.asUser(parent.root, actor, (harbor, session, input) -> harbor.consents().sharing(session, caseId));
            PrintWriter out = spec.commandLine().getOut();
            sharing.standings().forEach((p, s) -> out.println(p.code() + "\t" + (s.permitted() ? "allowed\t" + s.ground()
                    : "not allowed\t" + s.reason().code())));
            return HarborCommand.OK;
        }
    }
}
