package org.harbor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.harbor.accounts.Permission;
import org.harbor.cases.CaseDetail;
import org.harbor.cases.CaseQuery;
import org.harbor.cases.CaseStatus;
import org.harbor.cases.CaseSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "case", description = "Cases.", subcommands = {CaseCommand.New.class, CaseCommand.ListCases.class,
        CaseCommand.Show.class, CaseAttachCommand.class, CaseImportCommand.class})
final class CaseCommand {

    @ParentCommand
    HarborCommand root;

    @Command(name = "new", description = {"Open a case. Prints the case id and number. Passphrase: line 1.",
        "The survivor's name and aliases come from --survivor-file (line 1 the name, each further line an alias),",
        "or from standard input after the passphrase with --survivor-file -: never from the command line."})
    static final class New implements Callable<Integer> {
        @ParentCommand
        CaseCommand parent;
        @Spec
        CommandSpec spec;
        @Mixin
        VaultOptions vault;
        @Option(names = "--user", required = true, description = "Your account.")
        String actor;
        @Option(names = "--survivor-file", paramLabel = "FILE",
                description = "UTF-8: line 1 the survivor's name, if known; each further line an alias. - reads standard input.")
        Path survivorFile;
        @Option(names = {"--survivor", "--alias"}, hidden = true)
        List<String> onCommandLine;

        @Override
        public Integer call() throws Exception {
            if (onCommandLine != null) {
                throw new CliException(RecordText.ON_COMMAND_LINE + ": use --survivor-file FILE (line 1 the name, further lines"
                        + " aliases), or --survivor-file - for standard input");
            }
            CaseSummary created = vault.asUser(parent.root, actor, (harbor, session, input) -> {
                String survivor = null;
                List<String> aliases = List.of();
                if (survivorFile != null) {
                    List<String> lines = input.content(survivorFile, RecordText.MAX_NAMES, "survivor file").lines()
                            .map(String::strip).filter(l -> !l.isEmpty()).toList();
                    survivor = lines.isEmpty() ? null : lines.getFirst();
                    aliases = lines.isEmpty() ? List.of() : lines.subList(1, lines.size());
                }
                return harbor.cases().create(session, survivor, aliases);
            });
            spec.commandLine().getOut().println(created.id() + "\t" + created.number());
            return HarborCommand.OK;
        }
    }

    @Command(name = "list", description = "List the cases you may see: id, number, status, survivor. Passphrase: line 1.")
    static final class ListCases implements Callable<Integer> {
        @ParentCommand
        CaseCommand parent;
        @Spec
        CommandSpec spec;
        @Mixin
        VaultOptions vault;
        @Option(names = "--user", required = true, description = "Your account.")
        String actor;
        @Option(names = "--status", description = "open, in_review, sealed, exported or received.")
        String status;
        @Option(names = "--search-file", paramLabel = "FILE",
                description = "A file holding the words to find in names, aliases, case numbers and answers; - reads standard input.")
        Path searchFile;
        @Option(names = "--search", hidden = true)
        String searchOnCommandLine;
        @Option(names = "--limit", defaultValue = "100", description = "At most this many (1 to 500).")
        int limit;
        @Mixin
        CentralCaseOptions central;

        @Override
        public Integer call() throws Exception {
            if (searchOnCommandLine != null) {
                throw new CliException(RecordText.ON_COMMAND_LINE + ": use --search-file FILE, or --search-file - for standard input");
            }
            PrintWriter out = spec.commandLine().getOut();
            for (CaseSummary c : vault.asUser(parent.root, actor, (harbor, session, input) -> {
                if (CentralCaseOptions.isCentral(harbor)) { // imported cases, from the central store
                    central.list(harbor, session, input, status, searchFile, limit, out, spec.commandLine().getErr());
                    return List.<CaseSummary>of();
                }
                central.refuseAtField();
                CaseQuery chosen = status == null ? CaseQuery.all().page(limit, 0)
                        : CaseQuery.all().page(limit, 0).withStatus(CaseStatus.fromCode(status));
                return harbor.cases().list(session,
                    searchFile == null ? chosen : chosen.withSearch(input.content(searchFile, RecordText.MAX_NAMES, "search file").strip()));
            })) {
                out.println(c.id() + "\t" + c.number() + "\t" + c.status().code() + "\t" + c.survivorName());
            }
            return HarborCommand.OK;
        }
    }

    @Command(name = "show", description = "Show one case as JSON (supervisors). Passphrase: line 1.")
    static final class Show implements Callable<Integer> {
        private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

        @ParentCommand
        CaseCommand parent;
        @Spec
        CommandSpec spec;
        @Mixin
        VaultOptions vault;
        @Option(names = "--user", required = true, description = "Your account (a supervisor).")
        String actor;
        @Option(names = "--json", required = true, description = "Print JSON (the only format so far).")
        boolean json;
        @Parameters(index = "0", paramLabel = "ID", description = "The case id.")
        String id;

        @Override
        public Integer call() throws Exception {
            com.fasterxml.jackson.databind.node.ObjectNode shown = vault.asUser(parent.root, actor, (harbor, session, input) -> {
                if (CentralCaseOptions.isCentral(harbor)) { // an imported case, from the central store
                    return CentralCaseOptions.show(harbor, session, id);
                }
                harbor.accounts().require(session, Permission.SEE_ALL_CASES);
                CaseDetail detail = harbor.cases().open(session, id).orElseThrow(() -> new CliException("no case with this id"));
                com.fasterxml.jackson.databind.node.ObjectNode node = JSON.valueToTree(detail);
                // Consent as the case view shows it: each decision with the child's assent and an
                // excluded guardian, and what the case may be shared for (issue 12).
                com.fasterxml.jackson.databind.node.ArrayNode consents = node.putArray("consents");
                for (org.harbor.consent.Consent c : harbor.consents().list(session, id)) {
                    com.fasterxml.jackson.databind.node.ObjectNode k = consents.addObject();
                    k.put("purpose", c.scope().purpose().code());
                    k.put("organisation", c.scope().target());
                    k.put("state", c.state().name().toLowerCase(java.util.Locale.ROOT));
                    k.put("bySurvivor", c.grant().bySurvivor());
                    k.put("child", c.grant().assent());
                    k.put("childAssent", c.grant().childAssent() == null ? null : c.grant().childAssent().code());
                    k.put("guardianExcluded", c.grant().guardian() != null && c.grant().guardian().excluded());
                    k.put("authority", c.grant().authority() != null);
                    k.put("recordedAt", c.recordedAt());
                }
                com.fasterxml.jackson.databind.node.ObjectNode sharing = node.putObject("sharing");
                harbor.consents().sharing(session, id).standings().forEach((p, st) -> {
                    com.fasterxml.jackson.databind.node.ObjectNode o = sharing.putObject(p.code());
                    o.put("allowed", st.permitted());
                    o.put("ground", st.ground());
                    o.put("reason", st.reason() == null ? null : st.reason().code());
                });
                return node;
            });
            spec.commandLine().getOut().println(JSON.writeValueAsString(shown));
            return HarborCommand.OK;
        }
    }
}
