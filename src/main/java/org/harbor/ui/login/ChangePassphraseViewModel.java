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
import org.harbor.accounts.Session;
import org.harbor.ui.common.Background;
import org.harbor.ui.common.Messages;
import org.harbor.ui.common.Navigator;

/**
 * Changes the logged-in user's passphrase. After a temporary passphrase this screen is forced:
 * leaving it without a change locks the vault.
 */
public final class ChangePassphraseViewModel {

    private final Harbor harbor;
    private final Background background;
    private final Navigator navigator;
    private final Session session;
    private final StringProperty current = new SimpleStringProperty("");
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final StringProperty confirmation = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public ChangePassphraseViewModel(Harbor harbor, Background background, Navigator navigator, Session session) {
        this.harbor = harbor;
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
        Optional<PassphrasePolicy.Problem> problem = PassphrasePolicy.check(next, again, session.user().username());
        Arrays.fill(again, '\0');
        if (problem.isPresent()) {
            Arrays.fill(old, '\0');
            Arrays.fill(next, '\0');
            message.set(harbor.i18n().get(problem.get().messageKey()));
            return;
        }
        current.set("");
        passphrase.set("");
        confirmation.set("");
        background.run(() -> {
            try {
                harbor.accounts().changePassphrase(session, old, next);
                return Boolean.TRUE;
            } finally {
                Arrays.fill(old, '\0');
                Arrays.fill(next, '\0');
            }
        }, ok -> navigator.toHome(), e -> message.set(Messages.of(e, harbor.i18n())));
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
