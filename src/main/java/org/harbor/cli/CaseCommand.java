package org.harbor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "case", description = "Cases.", subcommands = {CaseCommand.New.class, CaseCommand.ListCases.class,
        CaseCommand.Show.class, CaseAttachCommand.class, CaseImportCommand.class})
final class CaseCommand {

    @Command(name = "new", description = {"Open a case. Prints the case id and number. Passphrase: line 1.",
        "The survivor's name and aliases come from --survivor-file (line 1 the name, each further line an alias),",
        "or from standard input after the passphrase with --survivor-file -: never from the command line."})
    static final class New implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        LoginOptions login;
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
            CaseSummary created = login.asUser((harbor, session, input) -> {
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
        @Spec
        CommandSpec spec;
        @Mixin
        LoginOptions login;
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
            for (CaseSummary c : login.asUser((harbor, session, input) -> {
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

    @Command(name = "show", description = "Show one case as JSON (supervisors): people, sessions, forms with answers, consents, attachments and seals.")
    static final class Show implements Callable<Integer> {
        private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        @Spec
        CommandSpec spec;
        @Mixin
        LoginOptions login;
        @Option(names = "--json", required = true, description = "Print JSON (the only format so far).")
        boolean json;
        @Parameters(index = "0", paramLabel = "ID", description = "The case id.")
        String id;

        @Override
        public Integer call() throws Exception {
            ObjectNode shown = login.asUser((harbor, session, input) -> {
                if (CentralCaseOptions.isCentral(harbor)) { // an imported case, from the central store
                    return CentralCaseOptions.show(harbor, session, id);
                }
                harbor.accounts().require(session, Permission.SEE_ALL_CASES);
                CaseDetail detail = harbor.cases().open(session, id).orElseThrow(() -> new CliException("no case with this id"));
                return CaseJson.of(harbor, session, detail, JSON);
            });
            spec.commandLine().getOut().println(JSON.writeValueAsString(shown));
            return HarborCommand.OK;
        }
    }
}
