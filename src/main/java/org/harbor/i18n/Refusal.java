package org.harbor.i18n;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a user is told when Harbor will not do something: the key of a message in
 * {@code i18n/messages*.properties} and its arguments. The one refusal type of every face and
 * service (issue 13). The exception's own message is the key and never carries record content; the
 * arguments are shown to the user only, through {@link I18n}, and must not be logged.
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
        return i18n.get(key, args());
    }
}
