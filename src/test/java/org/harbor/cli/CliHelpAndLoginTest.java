package org.harbor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Issue 13, CLI: one --user/log-in mixin; help for every group; whole one-line descriptions. */
@DisplayName("CLI: one log-in mixin and help that works")
class CliHelpAndLoginTest {

    /** Commands whose --user is not "log me in": init names the first account, passwd may use the recovery key, verify works without a vault. */
    private static final Set<String> OWN_USER_OPTION = Set.of("harbor init", "harbor user passwd", "harbor verify");

    record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = HarborCommand.run(args, new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err),
                p -> { });
        return new Result(code, out.toString(), err.toString());
    }

    private static List<CommandLine> all() {
        List<CommandLine> out = new ArrayList<>();
        walk(new CommandLine(new HarborCommand(p -> { }, new ByteArrayInputStream(new byte[0]))), out);
        return out;
    }

    private static void walk(CommandLine command, List<CommandLine> out) {
        out.add(command);
        command.getSubcommands().values().forEach(sub -> walk(sub, out));
    }

    private static String[] words(CommandLine command) {
        String path = command.getCommandSpec().qualifiedName();
        List<String> args = new ArrayList<>(List.of(path.split(" ")).subList(1, path.split(" ").length));
        return args.toArray(String[]::new);
    }

    private static String[] help(CommandLine command) {
        List<String> args = new ArrayList<>(List.of(words(command)));
        args.add("--help");
        return args.toArray(String[]::new);
    }

    private static String collapsed(String text) {
        return text.replaceAll("\\s+", " ");
    }

    @Test
    @DisplayName("one --user/log-in mixin instead of the wrapper repeated per command: every command that logs a user in mixes in LoginOptions")
    void oneLoginMixin() {
        int logins = 0;
        for (CommandLine command : all()) {
            CommandSpec spec = command.getCommandSpec();
            OptionSpec user = spec.findOption("--user");
            if (user == null || OWN_USER_OPTION.contains(spec.qualifiedName())) {
                continue;
            }
            logins++;
            boolean mixedIn = spec.mixins().values().stream()
                    .anyMatch(m -> m.userObject().getClass().getSimpleName().equals("LoginOptions") && m.findOption("--user") != null);
            assertTrue(mixedIn, spec.qualifiedName() + " declares its own --user instead of the log-in mixin");
        }
        assertTrue(logins >= 20, "the walk found the commands that log in: " + logins);
    }

    @Test
    @DisplayName("harbor case --help works for every command group: exit 0 and every subcommand listed")
    void everyGroupHasHelp() {
        int groups = 0;
        for (CommandLine command : all()) {
            Map<String, CommandLine> subs = command.getSubcommands();
            if (subs.isEmpty()) {
                continue;
            }
            groups++;
            Result r = run(help(command));
            assertEquals(0, r.code(), command.getCommandSpec().qualifiedName() + " --help: " + r.err());
            assertTrue(r.err().isEmpty(), r.err());
            for (String name : subs.keySet()) {
                assertTrue(r.out().contains("  " + name + " "), command.getCommandSpec().qualifiedName() + " --help lists " + name
                        + ":\n" + r.out());
            }
        }
        assertTrue(groups >= 8, "harbor and its groups (user, audit, form, case, consent, device, trust, receipt): " + groups);
    }

    @Test
    @DisplayName("every command answers --help with exit 0, even one with required options")
    void everyCommandHasHelp() {
        for (CommandLine command : all()) {
            Result r = run(help(command));
            assertEquals(0, r.code(), command.getCommandSpec().qualifiedName() + " --help: " + r.err());
            assertTrue(r.out().startsWith("Usage: " + command.getCommandSpec().qualifiedName()), r.out());
        }
    }

    @Test
    @DisplayName("top-level help shows whole one-line descriptions: each command's first line is a whole sentence, shown uncut")
    void wholeDescriptions() {
        for (CommandLine command : all()) {
            Result r = run(help(command));
            String shown = collapsed(r.out());
            int list = r.out().indexOf("Commands:");
            assertFalse(list >= 0 && r.out().substring(list).contains("..."), "no line of the command list is cut:\n" + r.out());
            for (CommandLine sub : command.getSubcommands().values()) {
                String[] description = sub.getCommandSpec().usageMessage().description();
                String first = description.length > 0 ? description[0].strip() : "";
                assertTrue(first.endsWith(".") || first.endsWith(")"), sub.getCommandSpec().qualifiedName()
                        + ": the line shown in the command list is not a whole sentence: " + first);
                assertTrue(shown.contains(collapsed(sub.getCommandName() + " " + first)),
                        "the list shows " + sub.getCommandName() + " with its whole line:\n" + r.out());
            }
        }
    }
}
