package org.harbor.accounts;

import java.util.Arrays;
import java.util.Optional;

/**
 * A passphrase is long enough when it has at least {@link #MIN_LENGTH} characters, or at least
 * {@link #MIN_WORDS} words of three characters or more; it must not be the user name; and it must
 * be strong enough by zxcvbn's estimate (score {@link #MIN_SCORE} of 4: about 10^8 guesses or
 * more, which Argon2id at half a second or more per guess turns into years). Below that it is
 * refused as repeated (a repeat, a sequence, a keyboard walk), as common (mostly a word of the
 * common-passwords list), or as too weak.
 *
 * <p>The estimator's dictionaries (about a megabyte) load on the first check of a passphrase being
 * set, never at start-up or log-in: only this class's nested holder touches them.
 */
public final class PassphrasePolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MIN_WORDS = 4;
    public static final int MIN_SCORE = 3;

    public enum Problem {
        TOO_SHORT("accounts.passphrase.tooShort"),
        SAME_AS_NAME("accounts.passphrase.sameAsName"),
        MISMATCH("accounts.passphrase.mismatch"),
        REPEATED("accounts.passphrase.repeated"),
        COMMON("accounts.passphrase.common"),
        TOO_WEAK("accounts.passphrase.tooWeak");

        private final String messageKey;

        Problem(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private PassphrasePolicy() {
    }

    /** Works on the characters themselves: no copy of the passphrase is made as a String. */
    public static Optional<Problem> check(char[] passphrase, String username) {
        if (sameAsName(passphrase, username)) {
            return Optional.of(Problem.SAME_AS_NAME);
        }
        if (Character.codePointCount(passphrase, 0, passphrase.length) < MIN_LENGTH && words(passphrase) < MIN_WORDS) {
            return Optional.of(Problem.TOO_SHORT);
        }
        return Estimator.weakness(passphrase, username);
    }

    /** zxcvbn, built on first use. */
    private static final class Estimator {
        private static final com.nulabinc.zxcvbn.Zxcvbn ZXCVBN = new com.nulabinc.zxcvbn.Zxcvbn();

        static Optional<Problem> weakness(char[] passphrase, String username) {
            java.util.List<String> context = username == null || username.isBlank() ? java.util.List.of()
                    : java.util.List.of(username.strip(), "harbor");
            // zxcvbn's wipe() zeroes the sequence it was given: give it a copy, never the caller's array.
            char[] copy = passphrase.clone();
            com.nulabinc.zxcvbn.Strength strength = ZXCVBN.measure(java.nio.CharBuffer.wrap(copy), context);
            try {
                if (strength.getScore() >= MIN_SCORE) {
                    return Optional.empty();
                }
                int repeated = 0;
                int common = 0;
                for (com.nulabinc.zxcvbn.matchers.Match m : strength.getSequence()) {
                    int length = m.j - m.i + 1;
                    switch (m.pattern) {
                        case Repeat, Sequence, Spatial -> repeated += length;
                        case Dictionary -> {
                            if ("passwords".equals(m.dictionaryName)) {
                                common += length;
                            }
                        }
                        default -> { }
                    }
                }
                if (2 * repeated >= passphrase.length) {
                    return Optional.of(Problem.REPEATED);
                }
                if (2 * common >= passphrase.length) {
                    return Optional.of(Problem.COMMON);
                }
                return Optional.of(Problem.TOO_WEAK);
            } finally {
                strength.wipe();
                Arrays.fill(copy, '\0');
            }
        }
    }

    private static boolean sameAsName(char[] passphrase, String username) {
        if (username == null || username.isBlank()) {
            return false;
        }
        String name = username.strip();
        int start = 0;
        int end = passphrase.length;
        while (start < end && Character.isWhitespace(passphrase[start])) {
            start++;
        }
        while (end > start && Character.isWhitespace(passphrase[end - 1])) {
            end--;
        }
        if (end - start != name.length()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char a = passphrase[start + i];
            char b = name.charAt(i);
            if (a != b && Character.toLowerCase(a) != Character.toLowerCase(b)
                    && Character.toUpperCase(a) != Character.toUpperCase(b)) {
                return false;
            }
        }
        return true;
    }

    /** Words of three or more characters, separated by spaces or - _ . , ; */
    private static int words(char[] text) {
        int words = 0;
        int run = 0;
        for (int i = 0; i <= text.length; i++) {
            boolean separator = i == text.length || Character.isWhitespace(text[i]) || "-_.,;".indexOf(text[i]) >= 0;
            if (separator) {
                if (run >= 3) {
                    words++;
                }
                run = 0;
            } else if (!Character.isLowSurrogate(text[i])) {
                run++;
            }
        }
        return words;
    }

    public static Optional<Problem> check(char[] passphrase, char[] confirmation, String username) {
        if (!Arrays.equals(passphrase, confirmation)) {
            return Optional.of(Problem.MISMATCH);
        }
        return check(passphrase, username);
    }
}
