package org.harbor.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.harbor.interview.coach.Classification;
import org.harbor.interview.coach.DisclosureTracker;
import org.harbor.interview.coach.Language;
import org.harbor.interview.coach.QuestionCoach;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The question coach on standard input: one interviewer turn per line in, one
 * {@code LABEL<TAB>reason} line out. Needs no vault and writes nothing.
 */
@Command(name = "classify", description = {
        "Label interviewer questions (INV, CINV, FAC, DIR, OP-YN, OP-FC, SUG-TAG, SUG-NEG, SUG-PRES, MULT, FAUX, WELF, PROM).",
        "Reads one turn per line on standard input; a line '#said: …' adds the survivor's words to what has been said;",
        "other lines starting with '#' and blank lines are skipped. Prints LABEL<TAB>reason per turn."})
final class ClassifyCommand implements Callable<Integer> {

    private static final String SAID = "#said:";

    @ParentCommand
    HarborCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--lang", defaultValue = "en", description = "Language of the turns: en, es, ar or fr (default en).")
    String lang;

    @Override
    public Integer call() throws Exception {
        Language language = Language.covered(lang).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                "the question coach cannot label '" + lang + "': use " + covered()));
        QuestionCoach coach = new QuestionCoach(language);
        DisclosureTracker tracker = new DisclosureTracker(language);
        PrintWriter out = spec.commandLine().getOut();
        BufferedReader in = new BufferedReader(new InputStreamReader(root.stdin, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String turn = line.strip();
            if (turn.regionMatches(true, 0, SAID, 0, SAID.length())) {
                tracker.heard(turn.substring(SAID.length()));
                continue;
            }
            if (turn.isEmpty() || turn.startsWith("#")) {
                continue;
            }
            Classification result = coach.classify(turn, tracker);
            out.println(result.type().code() + "\t" + result.reason().replace('\t', ' ').replace('\n', ' '));
        }
        out.flush();
        return HarborCommand.OK;
    }

    /** "en, es, ar or fr": the codes the coach covers, for the refusal. */
    private static String covered() {
        Language[] all = Language.values();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < all.length; i++) {
            sb.append(i == 0 ? "" : i == all.length - 1 ? " or " : ", ").append(all[i].code());
        }
        return sb.toString();
    }
}
