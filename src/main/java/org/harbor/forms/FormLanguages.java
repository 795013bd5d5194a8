package org.harbor.forms;

import java.util.Locale;
import org.javarosa.core.model.FormDef;

/** Maps a language code ("es") to the name a form gives its translation ("es", "Spanish", "Español (es)"). */
final class FormLanguages {

    private FormLanguages() {
    }

    /** The form's translation for {@code code}, or its default translation, or null when it has none. */
    static String match(FormDef form, String code) {
        if (form.getLocalizer() == null) {
            return null;
        }
        String[] available = form.getLocalizer().getAvailableLocales();
        if (available == null || available.length == 0) {
            return null;
        }
        Locale wanted = Locale.of(code);
        String english = wanted.getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT);
        String own = wanted.getDisplayLanguage(wanted).toLowerCase(Locale.ROOT);
        for (String name : available) {
            if (name.equalsIgnoreCase(code)) {
                return name;
            }
        }
        for (String name : available) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.contains("(" + code + ")") || lower.startsWith(english) || (!own.isEmpty() && lower.startsWith(own))) {
                return name;
            }
        }
        String fallback = form.getLocalizer().getDefaultLocale();
        return fallback != null ? fallback : available[0];
    }
}
