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

    public static Optional<Problem> check(char[] passphrase, String username) {
        String asText = new String(passphrase);
        try {
            if (username != null && !username.isBlank() && asText.strip().equalsIgnoreCase(username.strip())) {
                return Optional.of(Problem.SAME_AS_NAME);
            }
            int length = asText.codePointCount(0, asText.length());
            if (length >= MIN_LENGTH || words(asText) >= MIN_WORDS) {
                return Optional.empty();
            }
            return Optional.of(Problem.TOO_SHORT);
        } finally {
            asText = null;
        }
    }

    public static Optional<Problem> check(char[] passphrase, char[] confirmation, String username) {
        if (!Arrays.equals(passphrase, confirmation)) {
            return Optional.of(Problem.MISMATCH);
        }
        return check(passphrase, username);
    }

    private static long words(String text) {
        return Arrays.stream(text.split("[\\s\\-_.,;]+"))
                .filter(w -> w.codePointCount(0, w.length()) >= 3)
                .count();
    }
}
