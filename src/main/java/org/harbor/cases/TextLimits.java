package org.harbor.cases;

/**
 * The longest text Harbor takes for each kind of record text, in one place: the services refuse
 * longer text, and the fields on screen (and the command line) stop at the same length, so a
 * worker is never told after typing that a name or a reason was too long (issue 14).
 */
public final class TextLimits {

    /** A person's name or alias, a case's survivor name. */
    public static final int NAME = 200;
    /** The reason for a break, a pause, an early end, a correction. */
    public static final int REASON = 500;
    /** A note on an attachment. */
    public static final int NOTE = 2000;

    private TextLimits() {
    }

    /** Whether {@code text} fits {@code limit} characters. */
    public static boolean fits(String text, int limit) {
        return text == null || text.length() <= limit;
    }
}
