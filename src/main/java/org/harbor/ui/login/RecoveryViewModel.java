package org.harbor.ui.login;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.harbor.i18n.I18n;
import org.harbor.ui.common.Messages;
import org.harbor.ui.common.Navigator;
import org.harbor.ui.common.UiExecutor;
import org.harbor.usecases.RecoverWithKey;

/**
 * Resets a forgotten passphrase with the vault's recovery key. A wrong key is refused, and the
 * vault counts it: after a few, it makes the next try wait.
 */
public final class RecoveryViewModel {

    private final RecoverWithKey recovery;
    private final I18n i18n;
    private final UiExecutor background;
    private final Navigator navigator;
    private final StringProperty recoveryKey = new SimpleStringProperty("");
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final StringProperty confirmation = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public RecoveryViewModel(RecoverWithKey recovery, I18n i18n, UiExecutor background, Navigator navigator) {
        this.recovery = recovery;
        this.i18n = i18n;
        this.background = background;
        this.navigator = navigator;
    }

    public StringProperty recoveryKeyProperty() {
        return recoveryKey;
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

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public BooleanBinding canResetProperty() {
        return Bindings.createBooleanBinding(() -> !recoveryKey.get().isBlank() && !username.get().isBlank()
                        && !passphrase.get().isEmpty() && !background.busyProperty().get(),
                recoveryKey, username, passphrase, background.busyProperty());
    }

    public void reset() {
        char[] next = passphrase.get().toCharArray();
        char[] again = confirmation.get().toCharArray();
        String key = recoveryKey.get();
        String name = username.get();
        recoveryKey.set("");
        passphrase.set("");
        confirmation.set("");
        background.run(() -> recovery.recover(key, name, next, again),
                signedIn -> navigator.toHome(), e -> message.set(Messages.of(e, i18n)));
    }

    public void back() {
        navigator.toLogin();
    }

    public void dispose() {
        recoveryKey.set("");
        username.set("");
        passphrase.set("");
        confirmation.set("");
    }
}
