package org.harbor.accounts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.harbor.audit.AuditActions;
import org.harbor.audit.AuditLog;
import org.harbor.i18n.Refusal;
import org.harbor.vault.AtomicFiles;
import org.harbor.vault.HarborHome;
import org.harbor.vault.Vault;

/**
 * Vault settings (supervisor only) and the device's display language.
 *
 * <p>The display language is needed before anyone logs in, so it lives beside the vault in
 * {@code ui.properties}: a language code, nothing about any record or person. Any user may change
 * it; vault settings need {@link Permission#CHANGE_SETTINGS}. Every change is audited by key, never
 * by value.
 */
public final class SettingsService {

    public static final String IDLE_LOCK_MINUTES = "lock.idleMinutes";
    public static final String ORGANISATION_NAME = "organisation.name";
    public static final String UI_LANGUAGE = "ui.language";
    /** The organisation's emergency contacts (R2), one a line; absent until a supervisor saves them. */
    public static final String EMERGENCY_CONTACTS = "emergency.contacts";
    /** The organisation's country (ISO 3166-1 alpha-2): whose hotlines are the panel's defaults. */
    public static final String ORGANISATION_COUNTRY = "organisation.country";
    /** The jurisdiction whose mandatory-report rule pack applies (R18); empty or absent: none. */
    public static final String REPORT_JURISDICTION = "reports.jurisdiction";
    private static final String UI_FILE = "ui.properties";
    public static final int MIN_IDLE_MINUTES = 1;
    public static final int MAX_IDLE_MINUTES = 240;
    /** Minutes of form filling after which a break is offered. */
    public static final String BREAK_OFFER_MINUTES = "forms.breakMinutes";
    public static final int DEFAULT_BREAK_MINUTES = 20;
    public static final int MIN_BREAK_MINUTES = 5;
    public static final int MAX_BREAK_MINUTES = 120;

    private final Vault vault;
    private final AccountService accounts;
    private final AuditLog audit;
    private final Clock clock;

    public SettingsService(Vault vault, AccountService accounts, AuditLog audit, Clock clock) {
        this.vault = vault;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    public Duration idleLockTimeout() {
        int minutes = get(IDLE_LOCK_MINUTES).map(Integer::parseInt).orElse(IdleLock.DEFAULT_MINUTES);
        return Duration.ofMinutes(minutes);
    }

    public void setIdleLockMinutes(Session session, int minutes) {
        if (minutes < MIN_IDLE_MINUTES || minutes > MAX_IDLE_MINUTES) {
            throw new Refusal("settings.idleLock.range");
        }
        put(session, IDLE_LOCK_MINUTES, Integer.toString(minutes));
    }

    /** How long a form session runs before a break is offered (supervisor setting; default 20 minutes). */
    public Duration breakOffer() {
        int minutes = get(BREAK_OFFER_MINUTES).map(Integer::parseInt).orElse(DEFAULT_BREAK_MINUTES);
        return Duration.ofMinutes(minutes);
    }

    public void setBreakOfferMinutes(Session session, int minutes) {
        if (minutes < MIN_BREAK_MINUTES || minutes > MAX_BREAK_MINUTES) {
            throw new Refusal("settings.breakMinutes.range");
        }
        put(session, BREAK_OFFER_MINUTES, Integer.toString(minutes));
    }

    public Optional<String> organisationName() {
        return get(ORGANISATION_NAME);
    }

    public void setOrganisationName(Session session, String name) {
        if (name == null || name.strip().isEmpty() || name.length() > 200) {
            throw new Refusal("settings.organisation.invalid");
        }
        put(session, ORGANISATION_NAME, name.strip());
    }

    /** The organisation's country, if a supervisor chose one. */
    public Optional<String> organisationCountry() {
        return get(ORGANISATION_COUNTRY).filter(code -> !code.isEmpty());
    }

    /**
     * The emergency contacts a supervisor saved, or empty if none were ever saved (the panel then
     * shows the country's defaults).
     */
    public Optional<List<EmergencyContact>> emergencyContacts() {
        return get(EMERGENCY_CONTACTS).map(EmergencyContact::decode);
    }

    /**
     * Saves the organisation's country and its emergency contacts together (supervisors), checked
     * ({@link EmergencyContact#checked}); each change is audited by its key, never its content.
     */
    public void setEmergencyContacts(Session session, String country, List<EmergencyContact> contacts) {
        accounts.require(session, Permission.CHANGE_SETTINGS);
        checkCountry(country);
        String encoded = EmergencyContact.encode(contacts);
        vault.transaction(c -> {
            put(session, ORGANISATION_COUNTRY, country == null ? "" : country);
            put(session, EMERGENCY_CONTACTS, encoded);
            return null;
        });
    }

    /**
     * Chooses the organisation's country alone (supervisors): until contacts are saved, the panel
     * shows its hotlines.
     */
    public void setOrganisationCountry(Session session, String country) {
        checkCountry(country);
        put(session, ORGANISATION_COUNTRY, country == null ? "" : country);
    }

    private static void checkCountry(String country) {
        if (country != null && !country.isEmpty() && !Hotlines.countries().contains(country)) {
            throw new Refusal("emergency.country.invalid");
        }
    }

    /** The jurisdiction a supervisor picked for mandatory reports (R18), if any. */
    public Optional<String> reportJurisdiction() {
        return get(REPORT_JURISDICTION).filter(code -> !code.isEmpty());
    }

    /** Picks the jurisdiction (supervisors); the caller checks the code against the shipped packs. Empty or null: none. */
    public void setReportJurisdiction(Session session, String jurisdiction) {
        put(session, REPORT_JURISDICTION, jurisdiction == null ? "" : jurisdiction);
    }

    /** The display language chosen on this device, if any. Readable while the vault is locked. */
    public Optional<String> uiLanguage() {
        return uiLanguage(vault.home());
    }

    /** The same, for a home whose vault could not be opened (to say why in the right language). */
    public static Optional<String> uiLanguage(HarborHome home) {
        Path file = home.dir().resolve(UI_FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.ofNullable(properties.getProperty(UI_LANGUAGE));
    }

    /**
     * Chooses the display language. Before setup (no session) it is only remembered on the device;
     * with a session the change is also audited.
     */
    public void setUiLanguage(Session session, String languageCode) {
        if (!languageCode.matches("[a-z]{2,3}")) {
            throw new IllegalArgumentException("a language code is two or three lower-case letters");
        }
        if (session != null) {
            accounts.requireActive(session);
        }
        try {
            Files.createDirectories(uiFile().getParent());
            AtomicFiles.write(uiFile(), (UI_LANGUAGE + "=" + languageCode + "\n").getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new Refusal("vault.error.unavailable", e);
        }
        if (session != null) {
            audit.record(session.actorId(), AuditActions.SETTING_CHANGED, UI_LANGUAGE, Map.of());
        }
    }

    private Optional<String> get(String key) {
        return vault.transaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
                q.setString(1, key);
                try (ResultSet row = q.executeQuery()) {
                    return row.next() ? Optional.of(row.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    private void put(Session session, String key, String value) {
        accounts.require(session, Permission.CHANGE_SETTINGS);
        vault.transaction(c -> {
            try (PreparedStatement upsert = c.prepareStatement("""
                    INSERT INTO settings(key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
                    ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at,
                      updated_by = excluded.updated_by""")) {
                upsert.setString(1, key);
                upsert.setString(2, value);
                upsert.setString(3, clock.instant().toString());
                upsert.setLong(4, session.user().id());
                upsert.executeUpdate();
            }
            audit.append(c, session.actorId(), AuditActions.SETTING_CHANGED, key, Map.of());
            return null;
        });
    }

    private Path uiFile() {
        return vault.home().dir().resolve(UI_FILE);
    }
}
