package org.harbor.ui.settings;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.harbor.accounts.IdleLock;
import org.harbor.accounts.Permission;
import org.harbor.accounts.Session;
import org.harbor.i18n.I18n;
import org.harbor.ui.common.Messages;
import org.harbor.ui.common.Navigator;
import org.harbor.ui.common.UiExecutor;
import org.harbor.usecases.SaveSettings;

/** Settings: the display language (anyone) and the idle-lock minutes (supervisors). */
public final class SettingsViewModel {

    private final SaveSettings settings;
    private final I18n i18n;
    private final UiExecutor background;
    private final Navigator navigator;
    private final Session session;
    private final IntegerProperty idleMinutes = new SimpleIntegerProperty(IdleLock.DEFAULT_MINUTES);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final IntegerProperty breakMinutes = new SimpleIntegerProperty(SaveSettings.DEFAULT_BREAK_MINUTES);

    public SettingsViewModel(SaveSettings settings, I18n i18n, UiExecutor background, Navigator navigator, Session session) {
        this.settings = settings;
        this.i18n = i18n;
        this.background = background;
        this.navigator = navigator;
        this.session = session;
        idleMinutes.set((int) settings.idleLock().toMinutes());
        background.run(() -> (int) settings.breakOffer().toMinutes(), breakMinutes::set,
                e -> message.set(Messages.of(e, i18n)));
    }

    /** Minutes of form filling before a break is offered. */
    public IntegerProperty breakMinutesProperty() {
        return breakMinutes;
    }

    public int minBreakMinutes() {
        return SaveSettings.MIN_BREAK_MINUTES;
    }

    public int maxBreakMinutes() {
        return SaveSettings.MAX_BREAK_MINUTES;
    }

    public List<String> languages() {
        return I18n.SHIPPED;
    }

    public String languageName(String code) {
        return i18n.nativeName(code);
    }

    public String language() {
        return i18n.locale().getLanguage();
    }

    /** Applies at once, without a restart; the shell rebuilds the window in the new language. */
    public void chooseLanguage(String code) {
        if (code == null || code.equals(language())) {
            return;
        }
        background.run(() -> {
            settings.chooseLanguage(session, code);
            return code;
        }, chosen -> i18n.use(Locale.of(chosen)), e -> message.set(Messages.of(e, i18n)));
    }

    public boolean canChangeVaultSettings() {
        return session.role().can(Permission.CHANGE_SETTINGS);
    }

    public IntegerProperty idleMinutesProperty() {
        return idleMinutes;
    }

    public int minIdleMinutes() {
        return SaveSettings.MIN_IDLE_MINUTES;
    }

    public int maxIdleMinutes() {
        return SaveSettings.MAX_IDLE_MINUTES;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void save() {
        int minutes = idleMinutes.get();
        int breaks = breakMinutes.get();
        background.run(() -> {
            settings.save(session, minutes, breaks);
            return minutes;
        }, saved -> message.set(i18n.get("settings.saved")), e -> message.set(Messages.of(e, i18n)));
    }

    public void back() {
        navigator.toHome();
    }

    public void dispose() {
        message.set("");
    }
}
