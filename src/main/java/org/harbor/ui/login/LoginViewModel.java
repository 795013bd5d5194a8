package org.harbor.ui.login;

import java.util.Arrays;
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
import org.harbor.usecases.LogIn;

/**
 * Log-in: a name and a passphrase; after a temporary passphrase, straight to changing it; after a
 * recovery key was replaced ({@link LogIn#atDesk}), to the new key.
 */
public final class LoginViewModel {

    private final LogIn logIn;
    private final UiExecutor ui;
    private final Navigator navigator;
    private final I18n i18n;
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lockedWhy = new ReadOnlyStringWrapper("");

    public LoginViewModel(LogIn logIn, UiExecutor ui, Navigator navigator, I18n i18n) {
        this.logIn = logIn;
        this.ui = ui;
        this.navigator = navigator;
        this.i18n = i18n;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Why Harbor locked, shown on the log-in screen (issue 14); empty at a first log-in. */
    public ReadOnlyStringProperty lockedWhyProperty() {
        return lockedWhy.getReadOnlyProperty();
    }

    /** Says why the vault locked: {@link LockCause#IDLE} or {@link LockCause#HIDDEN}. */
    public void showLockedBecause(LockCause cause) {
        lockedWhy.set(switch (cause) {
            case IDLE -> i18n.get("login.locked.idle");
            case HIDDEN -> i18n.get("login.locked.hidden");
        });
    }

    /** Why the vault locked by itself or was hidden, as the log-in screen tells it. */
    public enum LockCause { IDLE, HIDDEN }

    public BooleanBinding canUnlockProperty() {
        return Bindings.createBooleanBinding(
                () -> !username.get().isBlank() && !passphrase.get().isEmpty() && !ui.busyProperty().get(),
                username, passphrase, ui.busyProperty());
    }

    public void unlock() {
        String name = username.get();
        char[] secret = passphrase.get().toCharArray();
        passphrase.set("");
        message.set("");
        ui.run(() -> {
            try {
                return logIn.atDesk(name, secret);
            } finally {
                Arrays.fill(secret, '\0');
            }
        }, in -> {
            if (in.mustChangePassphrase()) {
                navigator.toChangePassphrase();
            } else if (in.newRecoveryKey() != null) {
                navigator.toNewRecoveryKey(in.newRecoveryKey());
            } else {
                navigator.toHome();
            }
        }, e -> message.set(Messages.of(e, i18n)));
    }

    public void forgotPassphrase() {
        navigator.toRecovery();
    }

    public void dispose() {
        passphrase.set("");
        username.set("");
        message.set("");
    }
}
