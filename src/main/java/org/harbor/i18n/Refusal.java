package org.harbor.i18n;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a user is told when Harbor will not do something: the key of a message in
 * {@code i18n/messages*.properties} and its arguments. The one refusal type of every face and
 * service (issue 13). The exception's own message is the key and never carries record content; the
 * arguments are shown to the user only, through {@link I18n}, and must not be logged. An argument
 * that is itself a word of the interface (a consent purpose, a reason) is passed as a {@link Term}
 * and shown in the reader's language.
 *
 * <p>Subclasses exist only where a caller must tell one refusal from another (a wrong passphrase, a
 * throttled log-in, a denied permission); they add no key accessor of their own.
 */
public class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient List<Object> args;

    public Refusal(String key, Object... args) {
        this(key, null, args);
    }

    public Refusal(String key, Throwable cause, Object... args) {
        super(Objects.requireNonNull(key, "key"), cause);
        this.key = key;
        this.args = List.copyOf(Arrays.asList(args == null ? new Object[0] : args).stream()
                .map(a -> a == null ? "" : a).toList());
    }

    /** The message key, e.g. {@code vault.error.wrongPassphrase}. */
    public String key() {
        return key;
    }

    /** The message's arguments, in order. */
    public Object[] args() {
        return args.toArray();
    }

    /** The sentence in the display language. */
    public String describe(I18n i18n) {
        return i18n.get(key, args.stream().map(a -> a instanceof Term term ? i18n.get(term.key()) : a).toArray());
    }

    /** An argument that is the key of a message, translated when the sentence is shown. */
    public record Term(String key) {
        public Term {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public String toString() {
            return key;
        }
    }
}
