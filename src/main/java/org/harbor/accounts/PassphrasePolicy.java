package org.harbor.accounts;

import java.util.Arrays;
import java.util.Optional;

/**
 * A passphrase is long enough when it has at least {@link #MIN_LENGTH} characters, or at least
 * {@link #MIN_WORDS} words of three characters or more; it must not be the user name.
 */
public final class PassphrasePolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MIN_WORDS = 4;

    public enum Problem {
        TOO_SHORT("accounts.passphrase.tooShort"),
        SAME_AS_NAME("accounts.passphrase.sameAsName"),
        MISMATCH("accounts.passphrase.mismatch");

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
        if (Character.codePointCount(passphrase, 0, passphrase.length) >= MIN_LENGTH || words(passphrase) >= MIN_WORDS) {
            return Optional.empty();
        }
        return Optional.of(Problem.TOO_SHORT);
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
