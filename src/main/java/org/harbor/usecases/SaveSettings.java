package org.harbor.usecases;

import java.time.Duration;
import org.harbor.accounts.IdleLock;
import org.harbor.accounts.Session;
import org.harbor.accounts.SettingsService;

/** The display language (anyone), the idle lock and the break offer (supervisors), applied at once. */
public final class SaveSettings {

    public static final int MIN_IDLE_MINUTES = SettingsService.MIN_IDLE_MINUTES;
    public static final int MAX_IDLE_MINUTES = SettingsService.MAX_IDLE_MINUTES;
    public static final int DEFAULT_BREAK_MINUTES = SettingsService.DEFAULT_BREAK_MINUTES;
    public static final int MIN_BREAK_MINUTES = SettingsService.MIN_BREAK_MINUTES;
    public static final int MAX_BREAK_MINUTES = SettingsService.MAX_BREAK_MINUTES;

    private final SettingsService settings;
    private final IdleLock idleLock;

    public SaveSettings(SettingsService settings, IdleLock idleLock) {
        this.settings = settings;
        this.idleLock = idleLock;
    }

    /** The idle-lock time in force now. */
    public Duration idleLock() {
        return idleLock.timeout();
    }

    public Duration breakOffer() {
        return settings.breakOffer();
    }

    public void chooseLanguage(Session session, String languageCode) {
        settings.setUiLanguage(session, languageCode);
    }

    /** Saves the break offer's interval alone (the office's published settings, ADR 0017); the same check as {@link #save}. */
    public void saveBreakOffer(Session session, int breakMinutes) {
        settings.setBreakOfferMinutes(session, breakMinutes);
    }

    /** Saves both times; the idle lock follows the new time at once. */
    public void save(Session session, int idleMinutes, int breakMinutes) {
        settings.setIdleLockMinutes(session, idleMinutes);
        settings.setBreakOfferMinutes(session, breakMinutes);
        idleLock.setTimeout(settings.idleLockTimeout());
    }
}
