package org.harbor.ui.login;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.harbor.Harbor;
import org.harbor.accounts.Permission;
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
                String newKey = null;
                if (!session.user().mustChangePassphrase() && session.role().can(Permission.MANAGE_USERS)
                        && !harbor.accounts().recoveryKeyConfirmed(session)) {
                    // The key shown at setup was never confirmed (a lock or hide came first):
                    // it is replaced, and the new one is shown now.
                    newKey = harbor.accounts().rotateRecoveryKey(session);
                }
                return new Outcome(session, newKey);
            } finally {
                java.util.Arrays.fill(secret, '\0');
            }
        }, outcome -> {
            if (outcome.session().user().mustChangePassphrase()) {
                navigator.toChangePassphrase();
            } else if (outcome.newRecoveryKey() != null) {
                navigator.toNewRecoveryKey(outcome.newRecoveryKey());
            } else {
                navigator.toHome();
            }
        }, e -> message.set(Messages.of(e, harbor.i18n())));
    }

    private record Outcome(Session session, String newRecoveryKey) {
        @Override
        public String toString() {
            return "Outcome[" + session + "]";
        }
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
