package org.harbor.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The display language: which languages ship, which one is in use, and its messages from
 * {@code i18n/messages*.properties}. Listeners hear about a change so that screens can be rebuilt
 * without a restart.
 */
public final class I18n {

    public static final String BUNDLE = "i18n.messages";
    /** Languages with a complete messages file, in the order offered to people. */
    public static final List<String> SHIPPED = List.of("en", "es", "ar");
    private static final List<String> RIGHT_TO_LEFT = List.of("ar", "fa", "he", "ps", "ur");

    private final List<Consumer<Locale>> listeners = new CopyOnWriteArrayList<>();
    private volatile Locale locale;
    private volatile ResourceBundle bundle;

    public I18n(Locale initial) {
        use(initial);
    }

    /** The system language when Harbor ships it, else English. */
    public static Locale defaultFor(Locale system) {
        return SHIPPED.contains(system.getLanguage()) ? Locale.of(system.getLanguage()) : Locale.ENGLISH;
    }

    public Locale locale() {
        return locale;
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public boolean rightToLeft() {
        return isRightToLeft(locale);
    }

    public static boolean isRightToLeft(Locale locale) {
        return RIGHT_TO_LEFT.contains(locale.getLanguage());
    }

    public void use(Locale next) {
        Locale chosen = SHIPPED.contains(next.getLanguage()) ? Locale.of(next.getLanguage()) : Locale.ENGLISH;
        this.bundle = ResourceBundle.getBundle(BUNDLE, chosen, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
        this.locale = chosen;
        listeners.forEach(l -> l.accept(chosen));
    }

    public void onChange(Consumer<Locale> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Locale> listener) {
        listeners.remove(listener);
    }

    /** The message for {@code key} with {@code {0}}-style placeholders filled; the key itself if missing. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** The name of a shipped language in that language itself ("Español", "العربية"). */
    public String nativeName(String code) {
        return get("language.name." + code);
    }
}
