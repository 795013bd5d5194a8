package org.harbor.cli;

/**
 * Record content (names, search words, notes, reasons) reaches commands through files or standard
 * input, never arguments: the process list ({@code ps}, {@code /proc/PID/cmdline}) shows every
 * argument to every user of the machine, and shells keep them in their history.
 */
final class RecordText {

    /** Names, aliases and search words. */
    static final int MAX_NAMES = 10_000;
    /** Notes and reasons. */
    static final int MAX_NOTE = 100_000;
    static final String ON_COMMAND_LINE = "record content is not taken from the command line, where other users of this "
            + "computer can read it";

    private RecordText() {
    }
}
