package org.harbor.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.harbor.Harbor;
import org.harbor.accounts.Permission;
import org.harbor.accounts.Session;
import org.harbor.central.CentralAccess;
import org.harbor.central.CentralKeys;
import org.harbor.central.CentralStore;
import org.harbor.central.CentralStores;
import org.harbor.central.CentralStore.Act;
import org.harbor.central.PostgresCentralStore;
import org.harbor.central.Statistics;
import org.harbor.usecases.PublishCentralStatistics;
import org.harbor.vault.VaultKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The work of the central office on the command line (issue 17, part B): possible duplicates,
 * merge / keep apart / unmerge, conflicts and their resolution, assignment, status, the review
 * queue and statistics. Each subcommand is meant to hang under {@code harbor central}; reasons are
 * record content and come from a file or standard input, never from an argument.
 */
public final class CentralWorkCommands {

    /**
     * Where the central store is: the one the central vault is set to ({@code harbor central connect}),
     * or a PostgreSQL server named here. Who works in it comes from the log-in mixin.
     */
    static final class StoreOptions {
        @Option(names = "--db", paramLabel = "URL", description = "A jdbc:postgresql:// URL; without it, the central vault's own store.")
        String dbUrl;
        @Option(names = "--db-user", paramLabel = "ROLE", description = "The PostgreSQL role.")
        String dbUser;
        @Option(names = "--db-password-file", paramLabel = "FILE", description = "A file holding the role's password (mode 600).")
        Path dbPasswordFile;
        @Spec(Spec.Target.MIXEE)
        CommandSpec spec;

        /** Logs in at the central vault, opens its store, runs {@code work}, closes all. */
        <T> T run(LoginOptions login, StoreWork<T> work) throws Exception {
            return login.asUser((harbor, session, input) -> {
                if (harbor.accounts().vaultKind() != VaultKind.CENTRAL) {
                    throw new CliException("this is a field vault: the central office's work needs a central vault");
                }
                try (CentralStore store = open(harbor)) {
                    return work.run(store, session, input);
                }
            });
        }

        private CentralStore open(Harbor harbor) throws CliException {
            if (dbUrl == null) {
                return CentralStores.open(harbor.vault());
            }
            if (dbUser == null || dbPasswordFile == null) {
                throw new CliException("--db needs --db-user and --db-password-file");
            }
            return CentralStores.postgres(harbor.vault(), new PostgresCentralStore.Settings(dbUrl, dbUser, dbPasswordFile));
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    @FunctionalInterface
    interface StoreWork<T> {
        T run(CentralStore store, Session session, Passphrases input) throws Exception;
    }

    /** The reason of an act, from a file or standard input. */
    static final class ReasonOption {
        @Option(names = "--reason-file", paramLabel = "FILE", description = "A file holding the reason; - reads standard input.")
        Path reasonFile;
        @Option(names = "--reason", hidden = true)
        String onCommandLine;

        String read(Passphrases input, boolean required) throws CliException {
            if (onCommandLine != null) {
                throw new CliException(RecordText.ON_COMMAND_LINE + ": use --reason-file FILE, or --reason-file - for standard input");
            }
            if (reasonFile == null) {
                if (required) {
                    throw new CliException("a reason is needed: --reason-file FILE, or --reason-file - for standard input");
                }
                return null;
            }
            String reason = input.content(reasonFile, RecordText.MAX_NOTE, "reason file").strip();
            if (required && reason.isEmpty()) {
                throw new CliException("the reason is empty");
            }
            return reason.isEmpty() ? null : reason;
        }
    }

    static Act act(Session session, String reason) {
        return new Act(session.user().username(), Instant.now(), reason);
    }

    static String explain(CentralStore.DuplicateProposal p) {
        return p.parts().stream().map(s -> s.kind() + " " + s.matches() + "x" + s.each()).collect(Collectors.joining(" + "))
                + " = " + p.candidate().score();
    }

    @Command(name = "duplicates", description = "Possible duplicates across devices, ranked, each score explained; never acted on.")
    static final class Duplicates implements Callable<Integer> {
        @Mixin
        LoginOptions login;
        @Mixin
        StoreOptions store = new StoreOptions();
        @Option(names = "--person", paramLabel = "ID", description = "Candidates for this person; without it, the undecided work list.")
        String person;
        @Option(names = "--recent", defaultValue = "500", description = "The work list looks at this many latest imports.")
        int recent;
        @Option(names = "--limit", defaultValue = "50")
        int limit;

        @Override
        public Integer call() throws Exception {
            return store.run(login, (s, session, input) -> {
                CentralAccess.require(session.role(), Permission.SEE_ALL_CASES);
                PrintWriter out = store.out();
                if (person != null) {
                    for (var p : s.duplicateProposals(person, limit)) {
                        out.println(p.candidate().personId() + "\t" + p.candidate().caseId() + "\t" + p.candidate().deviceId() + "\t"
                                + explain(p) + (p.openDecision() == null ? "" : "\t" + p.openDecision().decision().name().toLowerCase()
                                + " " + p.openDecision().decisionId()));
                    }
                } else {
                    for (var p : s.duplicateQueue(recent, limit)) {
                        var c = p.proposal().candidate();
                        out.println(p.personId() + "\t" + p.caseId() + "\t" + p.deviceId() + "\t" + c.personId() + "\t" + c.caseId() + "\t"
                                + c.deviceId() + "\t" + explain(p.proposal()));
                    }
                }
                return HarborCommand.OK;
            });
        }
    }

    abstract static class Decide implements Callable<Integer> {
        @Mixin
        LoginOptions login;
        @Mixin
        StoreOptions store = new StoreOptions();
        @Mixin
        ReasonOption reason = new ReasonOption();
        @Parameters(index = "0", paramLabel = "PERSON")
        String personA;
        @Parameters(index = "1", paramLabel = "OTHER")
        String personB;

        abstract CentralStore.Decision decision();

        @Override
        public Integer call() throws Exception {
            return store.run(login, (s, session, input) -> {
                CentralAccess.require(session.role(), Permission.DECIDE_CENTRAL_MATCHES);
                var d = s.decidePersons(personA, personB, decision(), act(session, reason.read(input, true)));
                store.out().println(d.decisionId() + "\t" + d.decision().name().toLowerCase() + "\tscore " + d.score());
                return HarborCommand.OK;
            });
        }
    }

    @Command(name = "merge", description = "Records that two persons of different cases are the same person (with a reason).")
    static final class Merge extends Decide {
        @Override
        CentralStore.Decision decision() {
            return CentralStore.Decision.MERGED;
        }
    }

    @Command(name = "keep-apart", description = "Records that two proposed persons are not the same person (with a reason).")
    static final class KeepApart extends Decide {
        @Override
        CentralStore.Decision decision() {
            return CentralStore.Decision.KEPT_APART;
        }
    }

    @Command(name = "unmerge", description = "Undoes a merge or a keep-apart decision (with a reason); the decision stays on record.")
    static final class Unmerge implements Callable<Integer> {
        @Mixin
        LoginOptions login;
        @Mixin
        StoreOptions store = new StoreOptions();
        @Mixin
        ReasonOption reason = new ReasonOption();
        @Parameters(index = "0", paramLabel = "DECISION")
        String decisionId;

        @Override
        public Integer call() throws Exception {
            return store.run(login, (s, session, input) -> {
                CentralAccess.require(session.role(), Permission.DECIDE_CENTRAL_MATCHES);
                s.undoPersonDecision(decisionId, act(session, reason.read(input, true)));
                store.out().println(decisionId + "\tundone");
                return HarborCommand.OK;
            });
        }
    }

    @Command(name = "conflicts", description = "Cases received in two versions; with --case and --other-version, both side by side.")
    static final class Conflicts implements Callable<Integer> {
        @Mixin
        LoginOptions login;
        @Mixin
        StoreOptions store = new StoreOptions();
        @Option(names = "--case", paramLabel = "ID")
        String caseId;
        @Option(names = "--other-version", paramLabel = "HASH", description = "The kept-aside version (its hash, as conflicts lists it).")
        String version;

        @Override
        public Integer call() throws Exception {
            return store.run(login, (s, session, input) -> {
                CentralAccess.require(session.role(), Permission.SEE_ALL_CASES);
                PrintWriter out = store.out();
                if (caseId == null) {
                    for (var c : s.openConflicts(1000)) {
                        out.println(c.caseId() + "\t" + c.currentVersion() + "\t" + c.otherVersion() + "\t" + c.otherDeviceId() + "\t"
                                + c.importedAt());
                    }
                    return HarborCommand.OK;
                }
                if (version == null) {
                    throw new CliException("--case needs --version (see harbor central conflicts)");
                }
                var pair = s.conflict(caseId, version).orElseThrow(() -> new CliException("no such conflicting version"));
                if (pair.other() == null) {
                    throw new CliException("that version was received before versions were kept; it can only be set aside");
                }
                out.println("field\tfiled " + pair.current().versionHash().substring(0, 12) + "\tother "
                        + pair.other().versionHash().substring(0, 12));
                for (String[] row : org.harbor.usecases.CompareCaseVersions.rows(pair)) {
                    out.println(String.join("\t", row));
                }
                return HarborCommand.OK;
            });
        }
    }

    @Command(name = "resolve", description = "Resolves a conflict: which version is current (filed or other), with a reason.")
    static final class Resolve implements Callable<Integer> {
        @Mixin
        LoginOptions login;
        @Mixin
        StoreOptions store = new StoreOptions();
        @Mixin
        ReasonOption reason = new ReasonOption();
        @Parameters(index = "0", paramLabel = "CASE")
        String caseId;
        @Parameters(index = "1", paramLabel = "VERSION")
        String version;
        @Option(names = "--current", required = true, paramLabel = "filed|other", description = "Which version is current.")
        String current;

        @Override
        public Integer call() throws Exception {
            if (!current.equals("filed") && !current.equals("other")) {
                throw new CliException("--current is filed or other");
            }
            return store.run(login, (s, session, input) -> {
                CentralAccess.require(session.role(), Permission.DECIDE_CENTRAL_MATCHES);
                s.resolveConflict(caseId, version, current.equals("other"), act(session, reason.read(input, true)));
                store.out().println(caseId + "\tresolved\t" + current);
                return HarborCommand.OK;
            });
        }
    }

    @Command(name = "assign", description = "Assigns a case to a central case manager (--nobody to take it back).")
    static final class Assign implements Callable<Integer> {
        @Mixin
        LoginOptions login;
        @Mixin
        StoreOptions store = new StoreOptions();
        @Mixin
        ReasonOption reason = new ReasonOption();
        @Parameters(index = "0", paramLabel = "CASE")
        String caseId;
        @Parameters(index = "1", arity = "0..1", paramLabel = "MANAGER", description = "The case manager's account name.")
        String manager;
        @Option(names = "--nobody", description = "Take the case back: assigned to nobody.")
        boolean nobody;

        @Override
        public Integer call() throws Exception {
            if ((manager == null) == !nobody) {
                throw new CliException("name the case manager, or give --nobody");
            }
            return store.run(login, (s, session, input) -> {
                CentralAccess.require(session.role(), Permission.ASSIGN_CENTRAL_CASES);
                s.assign(caseId, nobody ? null : manager, act(session, reason.read(input, false)));
                store.out().println(caseId + "\t" + (nobody ? "unassigned" : "assigned\t" + manager));
                return HarborCommand.OK;
            });
        }
    }

    @Command(name = "set-status", description = "Sets a case's central status: new, assigned, in_review or closed.")
    static final class Status implements Callable<Integer> {
        @Mixin
        LoginOptions login;
        @Mixin
        StoreOptions store = new StoreOptions();
        @Mixin
        ReasonOption reason = new ReasonOption();
        @Parameters(index = "0", paramLabel = "CASE")
        String caseId;
        @Parameters(index = "1", paramLabel = "STATUS")
        String status;

        @Override
        public Integer call() throws Exception {
            return store.run(login, (s, session, input) -> {
                CentralAccess.requireStatusChange(session.role(), session.user().username(), s, caseId);
                s.setStatus(caseId, status, act(session, reason.read(input, false)));
                store.out().println(caseId + "\t" + status);
                return HarborCommand.OK;
            });
        }
    }

    @Command(name = "queue", description = "The review queue: unassigned cases (default) or cases awaiting review, oldest first.")
    static final class Queue implements Callable<Integer> {
        @Mixin
        LoginOptions login;
        @Mixin
        StoreOptions store = new StoreOptions();
        @Option(names = "--awaiting-review", description = "Cases in review instead of unassigned ones.")
        boolean awaitingReview;
        @Option(names = "--limit", defaultValue = "100")
        int limit;

        @Override
        public Integer call() throws Exception {
            return store.run(login, (s, session, input) -> {
                CentralAccess.require(session.role(), Permission.SEE_ALL_CASES);
                var page = s.queue(awaitingReview ? CentralStore.Queue.AWAITING_REVIEW : CentralStore.Queue.UNASSIGNED, 0, limit);
                PrintWriter out = store.out();
                for (var r : page.rows()) {
                    out.println(r.caseId() + "\t" + r.number() + "\t" + r.deviceId() + "\t" + r.status() + "\t"
                            + (r.assignedTo() == null ? "-" : r.assignedTo()) + "\t" + r.importedAt());
                }
                out.println(page.total() + " in the queue");
                return HarborCommand.OK;
            });
        }
    }

    @Command(name = "stats", description = "Cases by exploitation type, age band, gender and nationality per year (HTCDS), counts under "
            + Statistics.K + " suppressed.")
    static final class Stats implements Callable<Integer> {
        @Mixin
        LoginOptions login;
        @Mixin
        StoreOptions store = new StoreOptions();
        @Option(names = "--csv", description = "Write CSV (to --out, else standard output).")
        boolean csv;
        @Option(names = "--out", paramLabel = "FILE")
        Path outFile;

        @Override
        public Integer call() throws Exception {
            return store.run(login, (s, session, input) -> {
                CentralAccess.require(session.role(), Permission.CENTRAL_STATISTICS);
                var published = new PublishCentralStatistics(s::countCases).tables();
                String text = csv ? Statistics.csv(published) : PublishCentralStatistics.text(published);
                if (outFile != null) {
                    Files.writeString(outFile, text);
                } else {
                    store.out().print(text);
                }
                return HarborCommand.OK;
            });
        }
    }
}
