package org.harbor.ui.login;

import java.util.Arrays;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.harbor.Harbor;
import org.harbor.accounts.PassphrasePolicy;
import org.harbor.ui.common.Background;
import org.harbor.ui.common.Messages;
import org.harbor.ui.common.Navigator;

/** Resets a forgotten passphrase with the vault's recovery key. */
public final class RecoveryViewModel {

    private final Harbor harbor;
    private final Background background;
    private final Navigator navigator;
    private final StringProperty recoveryKey = new SimpleStringProperty("");
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final StringProperty confirmation = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public RecoveryViewModel(Harbor harbor, Background background, Navigator navigator) {
        this.harbor = harbor;
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
        Optional<PassphrasePolicy.Problem> problem = PassphrasePolicy.check(next, again, username.get());
        Arrays.fill(again, '\0');
        if (problem.isPresent()) {
            Arrays.fill(next, '\0');
            message.set(harbor.i18n().get(problem.get().messageKey()));
            return;
        }
        String key = recoveryKey.get();
        String name = username.get();
        recoveryKey.set("");
        passphrase.set("");
        confirmation.set("");
        background.run(() -> {
            try {
                harbor.accounts().recover(key, name, next);
                harbor.idleLock().setTimeout(harbor.settings().idleLockTimeout());
                harbor.idleLock().touch();
                return Boolean.TRUE;
            } finally {
                Arrays.fill(next, '\0');
            }
        }, ok -> navigator.toHome(), e -> message.set(Messages.of(e, harbor.i18n())));
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
