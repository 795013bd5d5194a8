package org.harbor.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.FormatStyle;
import java.util.PropertyResourceBundle;
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
    public static final List<String> SHIPPED = List.of("en", "es", "ar", "fr", "pt", "vi", "sq", "tl");
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
        this.bundle = load(chosen);
        this.locale = chosen;
        listeners.forEach(l -> l.accept(chosen));
    }

    /**
     * Reads exactly the shipped file of a language. {@code ResourceBundle.getBundle} would first
     * look for names that do not exist (messages_en.properties, say), and a miss makes the class
     * loader open every jar on the class path: about 60 ms of the start-up before the first window.
     */
    static ResourceBundle load(Locale language) {
        String name = "/" + BUNDLE.replace('.', '/') + (language.getLanguage().equals("en") ? "" : "_" + language.getLanguage())
                + ".properties";
        try (InputStream in = I18n.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("a shipped message file is missing: " + name);
            }
            return new PropertyResourceBundle(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("a shipped message file cannot be read: " + name, e);
        }
    }

    public void onChange(Consumer<Locale> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Locale> listener) {
        listeners.remove(listener);
    }

    /**
     * The message for {@code key} with {@code {0}}-style placeholders filled; the key itself if
     * missing. A message with a count is written {@code {0, plural, one {…} other {…}}} with the
     * plural categories of its language (CLDR: Arabic zero, one, two, few, many, other) and is
     * formatted by ICU; every other message by {@link MessageFormat}.
     */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        if (args.length == 0) {
            return pattern;
        }
        return PluralMessages.needsIcu(pattern) ? PluralMessages.format(pattern, locale, args)
                : new MessageFormat(pattern, locale).format(args);
    }

    /**
     * Readies what the first screens after a log-in format with, in {@code locale}: ICU's plural
     * messages and the JDK's localized dates (their classes and the language's data load once per
     * process). On a background thread while the passphrase is typed; shows and keeps nothing.
     */
    public static void warmUp(Locale locale) {
        // the count under the case list, the screen most log-ins lead to: a plural and numbers
        new I18n(locale).get("cases.count", 200, 10_000);
        LocalizedDates.dateTime(Instant.EPOCH, locale, ZoneId.systemDefault(), FormatStyle.SHORT, FormatStyle.SHORT);
    }

    /**
     * The name of a shipped language in that language itself ("Español", "العربية"): for the
     * list a person picks their own display language from. Inside a sentence or a list of the
     * display language, use {@link #languageName(String)}.
     */
    public String nativeName(String code) {
        return get("language.name." + code);
    }

    /**
     * The name of any language in the display language, as written inside a sentence: "inglés" in
     * Spanish, "الإنجليزية" in Arabic, "English" in English. The code itself when the JDK knows no
     * name for it.
     */
    public String languageName(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = Locale.forLanguageTag(code).getDisplayLanguage(locale);
        return name.isEmpty() ? code : name;
    }

    /** {@link #languageName(String)} as the first word of a label or a list entry: "Inglés". */
    public String languageLabel(String code) {
        String name = languageName(code);
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }
}
