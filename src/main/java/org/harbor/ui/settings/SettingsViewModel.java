package org.harbor.ui.settings;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.harbor.Harbor;
import org.harbor.accounts.IdleLock;
import org.harbor.accounts.Permission;
import org.harbor.accounts.Session;
import org.harbor.accounts.SettingsService;
import org.harbor.i18n.I18n;
import org.harbor.ui.common.Background;
import org.harbor.ui.common.Messages;
import org.harbor.ui.common.Navigator;

/** Settings: the display language (anyone) and the idle-lock minutes (supervisors). */
public final class SettingsViewModel {

    private final Harbor harbor;
    private final Background background;
    private final Navigator navigator;
    private final Session session;
    private final IntegerProperty idleMinutes = new SimpleIntegerProperty(IdleLock.DEFAULT_MINUTES);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final IntegerProperty breakMinutes = new SimpleIntegerProperty(SettingsService.DEFAULT_BREAK_MINUTES);

    public SettingsViewModel(Harbor harbor, Background background, Navigator navigator, Session session) {
        this.harbor = harbor;
        this.background = background;
        this.navigator = navigator;
        this.session = session;
        idleMinutes.set((int) harbor.idleLock().timeout().toMinutes());
        background.run(() -> (int) harbor.settings().breakOffer().toMinutes(), breakMinutes::set,
                e -> message.set(Messages.of(e, harbor.i18n())));
    }

    /** Minutes of form filling before a break is offered. */
    public IntegerProperty breakMinutesProperty() {
        return breakMinutes;
    }

    public int minBreakMinutes() {
        return SettingsService.MIN_BREAK_MINUTES;
    }

    public int maxBreakMinutes() {
        return SettingsService.MAX_BREAK_MINUTES;
    }

    public List<String> languages() {
        return I18n.SHIPPED;
    }

    public String languageName(String code) {
        return harbor.i18n().nativeName(code);
    }

    public String language() {
        return harbor.i18n().locale().getLanguage();
    }

    /** Applies at once, without a restart; the shell rebuilds the window in the new language. */
    public void chooseLanguage(String code) {
        if (code == null || code.equals(language())) {
            return;
        }
        background.run(() -> {
            harbor.settings().setUiLanguage(session, code);
            return code;
        }, chosen -> harbor.i18n().use(Locale.of(chosen)), e -> message.set(Messages.of(e, harbor.i18n())));
    }

    public boolean canChangeVaultSettings() {
        return session.role().can(Permission.CHANGE_SETTINGS);
    }

    public IntegerProperty idleMinutesProperty() {
        return idleMinutes;
    }

    public int minIdleMinutes() {
        return SettingsService.MIN_IDLE_MINUTES;
    }

    public int maxIdleMinutes() {
        return SettingsService.MAX_IDLE_MINUTES;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void save() {
        int minutes = idleMinutes.get();
        int breaks = breakMinutes.get();
        background.run(() -> {
            harbor.settings().setIdleLockMinutes(session, minutes);
            harbor.settings().setBreakOfferMinutes(session, breaks);
            harbor.idleLock().setTimeout(harbor.settings().idleLockTimeout());
            return minutes;
        }, saved -> message.set(harbor.i18n().get("settings.saved")), e -> message.set(Messages.of(e, harbor.i18n())));
    }

    public void back() {
        navigator.toHome();
    }

    public void dispose() {
        message.set("");
    }
}
