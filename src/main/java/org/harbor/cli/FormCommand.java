package org.harbor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.harbor.forms.FormLoader;
import org.harbor.forms.FormRejectedException;
import org.harbor.forms.LoadedForm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "form", description = "XForms.", subcommands = FormCommand.Check.class)
final class FormCommand {

    @Command(name = "check", description = {
            "Load each XForm with JavaRosa and print, per file: 'ok', 'ok, not available: <types>' or 'invalid: <reason>'.",
            "Exit code 1 when any file is invalid. Needs no vault."})
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(arity = "1..*", paramLabel = "FILE", description = "XForm XML files.")
        List<Path> files;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            FormLoader loader = new FormLoader();
            boolean allLoaded = true;
            for (Path file : files) {
                String prefix = files.size() > 1 ? file + ": " : "";
                try {
                    LoadedForm form = loader.load(file);
                    out.println(prefix + (form.fullySupported() ? "ok"
                            : "ok, not available: " + String.join(", ", form.notAvailable())));
                } catch (FormRejectedException e) {
                    allLoaded = false;
                    out.println(prefix + "invalid: " + e.reason());
                }
            }
            out.flush();
            return allLoaded ? HarborCommand.OK : HarborCommand.REFUSED;
        }
    }
}
