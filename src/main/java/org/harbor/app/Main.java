package org.harbor.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.harbor.attachments.PdfLogging;
import org.harbor.cli.HarborCommand;

/**
 * Picks the face: no arguments opens the desktop app, anything else is a command. This class
 * must not extend {@code Application}, or the JavaFX launcher check refuses a classpath start.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PdfLogging.quiet();
        if (args.length == 0) {
            DesktopApp.launchWith(null);
            return;
        }
        int code = HarborCommand.run(args, System.in,
                new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8),
                DesktopApp::launchWith);
        System.exit(code);
    }
}
