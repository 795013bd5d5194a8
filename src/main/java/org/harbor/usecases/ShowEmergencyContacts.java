package org.harbor.usecases;

import java.util.List;
import org.harbor.accounts.EmergencyContact;
import org.harbor.accounts.Hotlines;
import org.harbor.accounts.SettingsService;
import org.harbor.i18n.I18n;

/**
 * The emergency panel's contacts (R2): those a supervisor saved, or, until any are saved, the
 * organisation country's hotlines with "when to call" in the display language.
 */
public final class ShowEmergencyContacts {

    private final SettingsService settings;
    private final I18n i18n;

    public ShowEmergencyContacts(SettingsService settings, I18n i18n) {
        this.settings = settings;
        this.i18n = i18n;
    }

    public List<EmergencyContact> contacts() {
        return settings.emergencyContacts().orElseGet(() -> defaults(settings.organisationCountry().orElse(null), i18n));
    }

    /** The country's shipped hotlines as contacts, "when to call" in the display language. */
    static List<EmergencyContact> defaults(String country, I18n i18n) {
        return Hotlines.of(country).stream()
                .map(h -> new EmergencyContact(h.name(), h.number(), i18n.get(whenKey(h.kind()))))
                .toList();
    }

    /** The "when to call" sentence of a shipped hotline's kind (keys written whole, so that the key check finds them). */
    private static String whenKey(String kind) {
        return switch (kind) {
            case "child" -> "emergency.hotline.child.when";
            case "trafficking" -> "emergency.hotline.trafficking.when";
            case "traffickingText" -> "emergency.hotline.traffickingText.when";
            default -> throw new IllegalStateException("a hotline of unknown kind in the shipped data: " + kind);
        };
    }
}
