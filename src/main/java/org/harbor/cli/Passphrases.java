package org.harbor.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
    private BufferedReader stdinReader;
    private boolean stdinTaken;

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
                reader = file != null ? new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))
                        : stdin();
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

    /**
     * Record content (a name, search words, a note) from {@code source}, or from the rest of
     * standard input when it is {@code -} (after any passphrase lines): never from an argument,
     * which every user of the machine can read in the process list. Trailing line ends are cut.
     */
    String content(Path source, int maxChars, String what) throws CliException {
        String text;
        try {
            if (source.toString().equals("-")) {
                if (stdinTaken) {
                    throw new CliException("only one option may read standard input (-)");
                }
                stdinTaken = true;
                text = readCapped(stdin(), maxChars, what);
            } else {
                if (!Files.isRegularFile(source)) {
                    throw new CliException("the file for " + what + " does not exist or is not a file");
                }
                try (BufferedReader in = Files.newBufferedReader(source, StandardCharsets.UTF_8)) {
                    text = readCapped(in, maxChars, what);
                }
            }
        } catch (CharacterCodingException e) {
            throw new CliException("the " + what + " is not UTF-8 text");
        } catch (IOException e) {
            throw new CliException("the " + what + " cannot be read");
        }
        return text.replaceAll("[\\r\\n]+$", "");
    }

    private static String readCapped(BufferedReader in, int maxChars, String what) throws IOException, CliException {
        char[] buffer = new char[maxChars + 1];
        int n = 0;
        for (int r; n < buffer.length && (r = in.read(buffer, n, buffer.length - n)) >= 0; ) {
            n += r;
        }
        if (n > maxChars) {
            throw new CliException("the " + what + " is longer than " + maxChars + " characters");
        }
        return new String(buffer, 0, n);
    }

    private BufferedReader stdin() {
        if (stdinReader == null) {
            stdinReader = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        }
        return stdinReader;
    }

    /** The passphrase read last. */
    char[] current() {
        return lines.getLast();
    }

    @Override
    public void close() {
        lines.forEach(l -> Arrays.fill(l, '\0'));
        lines.clear();
    }
}
