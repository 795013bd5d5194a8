package org.harbor.ui.setup;

import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.harbor.i18n.I18n;
import org.harbor.ui.common.Messages;
import org.harbor.ui.common.Navigator;
import org.harbor.ui.common.UiExecutor;
import org.harbor.usecases.SetUpVault;
import org.harbor.vault.VaultKind;
import javafx.beans.binding.StringBinding;

/**
 * First-run setup: the display language, the first account, then the recovery key, shown once and
 * only left behind when the user confirms it is written down.
 */
public final class SetupViewModel {

    private final SetUpVault setUp;
    private final I18n i18n;
    private final UiExecutor background;
    private final Navigator navigator;
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final StringProperty confirmation = new SimpleStringProperty("");
    private final BooleanProperty central = new SimpleBooleanProperty(false);
    private final BooleanProperty keyWrittenDown = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper recoveryKey = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper showingRecoveryKey = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public SetupViewModel(SetUpVault setUp, I18n i18n, UiExecutor background, Navigator navigator) {
        this.setUp = setUp;
        this.i18n = i18n;
        this.background = background;
        this.navigator = navigator;
    }

    public List<String> languages() {
        return I18n.SHIPPED;
    }

    public String languageName(String code) {
        return i18n.nativeName(code);
    }

    /** A fixed text of this screen in the display language. */
    public String text(String key) {
        return i18n.get(key);
    }

    public String language() {
        return i18n.locale().getLanguage();
    }

    /** Switches the whole window to {@code code} at once; the shell rebuilds this screen. */
    public void chooseLanguage(String code) {
        if (code == null || code.equals(language())) {
            return;
        }
        try {
            setUp.chooseLanguage(code);
        } catch (Exception e) {
            message.set(Messages.of(e, i18n));
        }
        i18n.use(Locale.of(code));
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    public StringProperty confirmationProperty() {
        return confirmation;
    }

    public BooleanProperty centralProperty() {
        return central;
    }

    public BooleanProperty keyWrittenDownProperty() {
        return keyWrittenDown;
    }

    public ReadOnlyStringProperty recoveryKeyProperty() {
        return recoveryKey.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty showingRecoveryKeyProperty() {
        return showingRecoveryKey.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public BooleanBinding canCreateProperty() {
        return Bindings.createBooleanBinding(() -> !username.get().isBlank() && !passphrase.get().isEmpty()
                && !background.busyProperty().get(), username, passphrase, background.busyProperty());
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return background.busyProperty();
    }

    public void create() {
        char[] secret = passphrase.get().toCharArray();
        char[] again = confirmation.get().toCharArray();
        String name = username.get().strip();
        VaultKind kind = central.get() ? VaultKind.CENTRAL : VaultKind.FIELD;
        passphrase.set("");
        confirmation.set("");
        message.set(i18n.get("setup.creating"));
        background.run(() -> setUp.create(kind, name, secret, again), key -> {
            message.set("");
            recoveryKey.set(key);
            showingRecoveryKey.set(true);
        }, e -> message.set(Messages.of(e, i18n)));
    }

    /**
     * The recovery key laid out to be read and copied by hand: its dash-separated groups, four to a
     * line, so the whole key is always visible (a single field cut it off). Joining the lines gives
     * the key back exactly.
     */
    public StringBinding groupedRecoveryKeyProperty() {
        return Bindings.createStringBinding(() -> grouped(recoveryKey.get()), recoveryKey);
    }

    static final int GROUPS_PER_LINE = 4;

    /** {@code key}'s groups, {@value #GROUPS_PER_LINE} to a line; a line that continues ends with its dash. */
    static String grouped(String key) {
        if (key == null || key.isEmpty()) {
            return "";
        }
        String[] groups = key.split("-", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < groups.length; i++) {
            out.append(groups[i]);
            if (i < groups.length - 1) {
                out.append('-');
                if ((i + 1) % GROUPS_PER_LINE == 0) {
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }

    public BooleanBinding canFinishProperty() {
        return keyWrittenDown.and(showingRecoveryKey);
    }

    /** Shows a recovery key that replaced an unconfirmed one (see {@link Navigator#toNewRecoveryKey}). */
    public void showReplacementKey(String key) {
        recoveryKey.set(key);
        showingRecoveryKey.set(true);
    }

    public void finish() {
        if (!keyWrittenDown.get()) {
            return;
        }
        background.run(() -> {
            setUp.confirmRecoveryKeyWrittenDown();
            return Boolean.TRUE;
        }, ok -> {
            recoveryKey.set("");
            showingRecoveryKey.set(false);
            navigator.toHome();
        }, e -> message.set(Messages.of(e, i18n)));
    }

    public void dispose() {
        username.set("");
        passphrase.set("");
        confirmation.set("");
        recoveryKey.set("");
    }
}
