package org.harbor.ui.login;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.harbor.accounts.Session;
import org.harbor.i18n.I18n;
import org.harbor.ui.common.Messages;
import org.harbor.ui.common.Navigator;
import org.harbor.ui.common.UiExecutor;
import org.harbor.usecases.ChangePassphrase;

/**
 * Changes the logged-in user's passphrase. After a temporary passphrase this screen is forced:
 * leaving it without a change locks the vault.
 */
public final class ChangePassphraseViewModel {

    private final ChangePassphrase change;
    private final I18n i18n;
    private final UiExecutor background;
    private final Navigator navigator;
    private final Session session;
    private final StringProperty current = new SimpleStringProperty("");
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final StringProperty confirmation = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public ChangePassphraseViewModel(ChangePassphrase change, I18n i18n, UiExecutor background, Navigator navigator,
                                     Session session) {
        this.change = change;
        this.i18n = i18n;
        this.background = background;
        this.navigator = navigator;
        this.session = session;
    }

    public boolean forced() {
        return session.user().mustChangePassphrase();
    }

    public StringProperty currentProperty() {
        return current;
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

    public BooleanBinding canSaveProperty() {
        return Bindings.createBooleanBinding(() -> !current.get().isEmpty() && !passphrase.get().isEmpty()
                && !background.busyProperty().get(), current, passphrase, background.busyProperty());
    }

    public void save() {
        char[] old = current.get().toCharArray();
        char[] next = passphrase.get().toCharArray();
        char[] again = confirmation.get().toCharArray();
        current.set("");
        passphrase.set("");
        confirmation.set("");
        background.run(() -> {
            change.change(session, old, next, again);
            return Boolean.TRUE;
        }, ok -> navigator.toHome(), e -> message.set(Messages.of(e, i18n)));
    }

    public void cancel() {
        if (forced()) {
            navigator.lock();
        } else {
            navigator.toHome();
        }
    }

    public void dispose() {
        current.set("");
        passphrase.set("");
        confirmation.set("");
    }
}
