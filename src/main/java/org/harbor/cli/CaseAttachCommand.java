package org.harbor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.harbor.attachments.Attachment;
import org.harbor.attachments.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code harbor case attach ID FILE… [--note-file NOTE]}: encrypts each file into the vault. Prints one
 * line per file (attachment id, SHA-256, size); progress of big files goes to standard error,
 * naming files by their position only.
 */
@Command(name = "attach", description = "Attach files to a case, encrypted. Passphrase: line 1. "
        + "Prints the attachment id, SHA-256 and size of each. The originals are left in place.")
final class CaseAttachCommand implements Callable<Integer> {

    /** Files at least this big report their progress. */
    static final long PROGRESS_FROM = 8L * 1024 * 1024;

    @Spec
    CommandSpec spec;
    @Mixin
    LoginOptions login;
    @Option(names = "--note-file", paramLabel = "FILE",
            description = "A file holding a note kept with every file of this command; - reads standard input.")
    Path noteFile;
    @Option(names = "--note", hidden = true)
    String noteOnCommandLine;
    @Parameters(index = "0", paramLabel = "ID", description = "The case id.")
    String caseId;
    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "The files to attach.")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (noteOnCommandLine != null) {
            throw new CliException(RecordText.ON_COMMAND_LINE + ": use --note-file FILE, or --note-file - for standard input");
        }
        login.asUser((harbor, session, input) -> {
            String note = noteFile == null ? null : input.content(noteFile, RecordText.MAX_NOTE, "note file").strip();
            for (int i = 0; i < files.size(); i++) {
                Attachment a = harbor.attachments().attach(session, caseId, files.get(i), Optional.ofNullable(note == null || note.isEmpty() ? null : note),
                        progress(err, i + 1, files.size()));
                out.println(a.id() + "\t" + a.sha256() + "\t" + a.sizeBytes());
                out.flush();
            }
            return null;
        });
        return HarborCommand.OK;
    }

    private static ProgressListener progress(PrintWriter err, int position, int count) {
        return new ProgressListener() {
            private int shownPercent = -1;

            @Override
            public void progress(long done, long total) {
                if (total < PROGRESS_FROM) {
                    return;
                }
                int percent = (int) Math.min(100, done * 100 / total);
                if (percent / 10 != shownPercent / 10 || (percent == 100 && shownPercent != 100)) {
                    shownPercent = percent;
                    err.println("harbor: attaching file " + position + " of " + count + ": " + percent + "%");
                    err.flush();
                }
            }
        };
    }
}
