package org.harbor.ui.login;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.harbor.Harbor;
import org.harbor.accounts.Session;
import org.harbor.ui.common.Background;
import org.harbor.ui.common.Messages;
import org.harbor.ui.common.Navigator;

/** Log-in: a name and a passphrase; after a temporary passphrase, straight to changing it. */
public final class LoginViewModel {

    private final Harbor harbor;
    private final Background background;
    private final Navigator navigator;
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public LoginViewModel(Harbor harbor, Background background, Navigator navigator) {
        this.harbor = harbor;
        this.background = background;
        this.navigator = navigator;
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

    public BooleanBinding canUnlockProperty() {
        return Bindings.createBooleanBinding(
                () -> !username.get().isBlank() && !passphrase.get().isEmpty() && !background.busyProperty().get(),
                username, passphrase, background.busyProperty());
    }

    public void unlock() {

        String name = username.get();
        char[] secret = passphrase.get().toCharArray();
        passphrase.set("");
        message.set("");
        background.run(() -> {
            try {
                Session session = harbor.accounts().login(name, secret);
                harbor.idleLock().setTimeout(harbor.settings().idleLockTimeout());
                harbor.idleLock().touch();
                return session;
            } finally {
                java.util.Arrays.fill(secret, '\0');
            }
        }, session -> {
            if (session.user().mustChangePassphrase()) {
                navigator.toChangePassphrase();
            } else {
                navigator.toHome();
            }
        }, e -> message.set(Messages.of(e, harbor.i18n())));
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
