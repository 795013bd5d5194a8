package org.harbor.accounts;

/** An account request that cannot be carried out as asked; the message key is for people. */
public final class AccountException extends Exception {

    private static final long serialVersionUID = 1L;
    private final String messageKey;

    public AccountException(String messageKey, String message) {
        super(message);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }

    static AccountException of(PassphrasePolicy.Problem problem) {
        return new AccountException(problem.messageKey(), switch (problem) {
            case TOO_SHORT -> "the passphrase needs at least " + PassphrasePolicy.MIN_LENGTH
                    + " characters or " + PassphrasePolicy.MIN_WORDS + " words";
            case SAME_AS_NAME -> "the passphrase must not be the user name";
            case MISMATCH -> "the two passphrases differ";
            case REPEATED -> "the passphrase repeats itself or follows a pattern";
            case COMMON -> "the passphrase is among the most common ones";
            case TOO_WEAK -> "the passphrase would be too easy to guess";
        });
    }
}
