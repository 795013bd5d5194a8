package org.harbor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.harbor.Harbor;
import org.harbor.i18n.I18n;
import org.harbor.i18n.Refusal;
import org.harbor.vault.HarborHome;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code harbor}: the command face over the same services as the desktop. Exit codes: 0 ok,
 * 1 refused or a failed check (one line on standard error), 2 usage.
 */
@Command(name = "harbor", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, version = "Harbor 0.1",
        description = "Harbor: encrypted intake and interview records. Without a command, opens the desktop app.",
        subcommands = {InitCommand.class, UserCommand.class, AuditCommand.class, ClassifyCommand.class, FormCommand.class, CaseCommand.class,
            SealCommand.class, ConsentCommand.class, DeviceCommand.class, TrustCommand.class, PackageCommands.Export.class, PackageCommands.Verify.class,
            PackageCommands.Import.class, PackageCommands.Receipt.class, PackageCommands.Purge.class,
            CentralCommand.class, SyncCommands.OutboxCommand.class, SyncCommands.Sync.class})
public final class HarborCommand implements Callable<Integer> {

    public static final int OK = 0;
    public static final int REFUSED = 1;
    public static final int USAGE = 2;

    @Option(names = "--home", description = "The vault folder (default: $HARBOR_HOME, else the user's data folder).")
    Path home;

    final Consumer<Path> desktop;
    final InputStream stdin;
    @Spec
    CommandSpec spec;

    HarborCommand(Consumer<Path> desktop, InputStream stdin) {
        this.desktop = desktop;
        this.stdin = stdin;
    }

    /** Runs {@code args}; returns the process exit code. {@code desktop} opens the window when no command is given. */
    public static int run(String[] args, InputStream stdin, PrintWriter out, PrintWriter err, Consumer<Path> desktop) {
        CommandLine cli = new CommandLine(new HarborCommand(desktop, stdin));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("harbor: " + reason(e));
            return REFUSED;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public Integer call() {
        desktop.accept(home);
        return OK;
    }

    /**
     * The one line for standard error. A service's {@link Refusal} is its sentence in the CLI's
     * language; the command line's own refusals carry their reason; anything else gets a message of
     * its own in the user's language, never a class name ("NullPointerException") or the JDK's
     * words ("Illegal base64 character 2d", "For input string: …", which may echo content).
     */
    static String reason(Exception e) {
        I18n messages = new I18n(I18n.defaultFor(Locale.getDefault()));
        if (e instanceof Refusal refusal) {
            return refusal.describe(messages);
        }
        if (e instanceof CliException || e instanceof IllegalArgumentException && thrownByHarbor(e)) {
            return e.getMessage();
        }
        if (e instanceof NoSuchFileException) {
            return messages.get("cli.error.noSuchFile");
        }
        if (e instanceof AccessDeniedException) {
            return messages.get("cli.error.fileDenied");
        }
        if (e instanceof CharacterCodingException) {
            return messages.get("cli.error.notText");
        }
        if (e instanceof IOException) {
            return messages.get("cli.error.file");
        }
        if (e instanceof DateTimeException) {
            return messages.get("cli.error.dateTime");
        }
        if (e instanceof IllegalArgumentException) {
            return messages.get("cli.error.malformed");
        }
        return messages.get("cli.error.unexpected");
    }

    /** Whether Harbor itself threw it (its messages are written for people); the JDK's are not. */
    private static boolean thrownByHarbor(Exception e) {
        StackTraceElement[] trace = e.getStackTrace();
        return e.getMessage() != null && trace.length > 0 && trace[0].getClassName().startsWith("org.harbor.");
    }

    /** Opens the vault folder named by {@code --home}, the environment or the default. */
    static Harbor open(Path homeFlag) {
        return Harbor.open(HarborHome.resolve(homeFlag), Harbor.Options.defaults());
    }
}
