package org.harbor.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Passphrases for a command, in the order the command documents: one per line of
 * {@code --password-file}, else prompted on a terminal, else one per line of standard input.
 * Never taken from an argument, where other users of the machine could read them.
 */
final class Passphrases implements AutoCloseable {

    private final List<char[]> lines = new ArrayList<>();
    private final Path file;
    private final InputStream stdin;
    private BufferedReader reader;

    Passphrases(Path file, InputStream stdin) {
        this.file = file;
        this.stdin = stdin;
    }

    /** The next passphrase; {@code prompt} is shown only on an interactive terminal. */
    char[] next(String prompt) throws CliException {
        try {
            if (reader == null) {
                Console console = System.console();
                if (file == null && console != null && stdin == System.in) {
                    char[] typed = console.readPassword("%s: ", prompt);
                    if (typed == null) {
                        throw new CliException("no passphrase was given");
                    }
                    lines.add(typed);
                    return typed;
                }
                reader = new BufferedReader(new InputStreamReader(
                        file != null ? Files.newInputStream(file) : stdin, StandardCharsets.UTF_8));
            }
            String line = reader.readLine();
            if (line == null || line.isEmpty()) {
                throw new CliException("expected a passphrase (" + prompt + ") on line " + (lines.size() + 1)
                        + (file != null ? " of the password file" : " of standard input"));
            }
            char[] out = line.toCharArray();
            lines.add(out);
            return out;
        } catch (IOException e) {
            throw new CliException("the passphrase cannot be read: " + e.getMessage());
        }
    }

    /** The passphrase read last. */
    char[] current() {
        return lines.getLast();
    }

    @Override
    public void close() {
        lines.forEach(l -> java.util.Arrays.fill(l, '\0'));
        lines.clear();
    }
}
