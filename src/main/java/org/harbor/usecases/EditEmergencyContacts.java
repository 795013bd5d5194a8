package org.harbor.usecases;

import java.util.List;
import java.util.Optional;
import org.harbor.accounts.EmergencyContact;
import org.harbor.accounts.Hotlines;
import org.harbor.accounts.Permission;
import org.harbor.accounts.Session;
import org.harbor.accounts.SettingsService;
import org.harbor.i18n.I18n;

/**
 * A supervisor sets the emergency panel's contacts in Settings (R2): the organisation's country,
 * whose child and trafficking hotlines come as editable defaults, and the organisation's own
 * contacts (name, number, when to call). Stored in the vault's settings; each change audited
 * without its content.
 */
public final class EditEmergencyContacts {

    private final SettingsService settings;
    private final I18n i18n;

    public EditEmergencyContacts(SettingsService settings, I18n i18n) {
        this.settings = settings;
        this.i18n = i18n;
    }

    /** The countries with shipped hotlines (ISO 3166-1 alpha-2). */
    public List<String> countries() {
        return Hotlines.countries();
    }

    public Optional<String> country() {
        return settings.organisationCountry();
    }

    /** The contacts to edit: those saved, or the country's defaults until any are saved. */
    public List<EmergencyContact> contacts() {
        return settings.emergencyContacts().orElseGet(() -> defaults(country().orElse(null)));
    }

    /** The country's hotlines as contacts, "when to call" in the display language. */
    public List<EmergencyContact> defaults(String country) {
        return ShowEmergencyContacts.defaults(country, i18n);
    }

    public boolean mayEdit(Session session) {
        return session.role().can(Permission.CHANGE_SETTINGS);
    }

    /** Checks and saves the country and the contacts together (supervisors). */
    public void save(Session session, String country, List<EmergencyContact> contacts) {
        settings.setEmergencyContacts(session, country, contacts);
    }
}
