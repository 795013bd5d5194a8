package org.harbor.ui.users;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.harbor.accounts.Role;
import org.harbor.accounts.Session;
import org.harbor.i18n.I18n;
import org.harbor.ui.common.Messages;
import org.harbor.ui.common.Navigator;
import org.harbor.ui.common.UiExecutor;
import org.harbor.usecases.ManageAccounts;

/** Accounts (supervisors): the list, and a new account with a temporary passphrase. */
public final class UsersViewModel {

    private final ManageAccounts accounts;
    private final I18n i18n;
    private final UiExecutor background;
    private final Navigator navigator;
    private final Session session;
    private final ObservableList<String> rows = FXCollections.observableArrayList();
    private final StringProperty username = new SimpleStringProperty("");
    private final ObjectProperty<Role> role = new SimpleObjectProperty<>(Role.INTERVIEWER);
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final StringProperty confirmation = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObservableList<Role> roles = FXCollections.observableArrayList(
            Role.INTERVIEWER, Role.INTAKE, Role.SUPERVISOR);

    public UsersViewModel(ManageAccounts accounts, I18n i18n, UiExecutor background, Navigator navigator, Session session) {
        this.accounts = accounts;
        this.i18n = i18n;
        this.background = background;
        this.navigator = navigator;
        this.session = session;
    }

    public ObservableList<String> rows() {
        return rows;
    }

    public ObservableList<Role> roles() {
        return roles;
    }

    public String roleName(Role r) {
        return i18n.get("role." + r.code());
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public ObjectProperty<Role> roleProperty() {
        return role;
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

    public BooleanBinding canAddProperty() {
        return Bindings.createBooleanBinding(() -> !username.get().isBlank() && !passphrase.get().isEmpty()
                && role.get() != null && !background.busyProperty().get(), username, passphrase, role, background.busyProperty());
    }

    public void refresh() {
        background.run(accounts::assignableRoles, allowed -> {
            if (!roles.equals(allowed)) {
                roles.setAll(allowed);
                role.set(allowed.getFirst());
            }
        }, e -> message.set(Messages.of(e, i18n)));
        background.run(() -> accounts.list(session).stream()
                .map(u -> i18n.get("users.row", u.username(), roleName(u.role()),
                        u.mustChangePassphrase() ? i18n.get("users.mustChange") : ""))
                .toList(), rows::setAll, e -> message.set(Messages.of(e, i18n)));
    }

    public void add() {
        char[] secret = passphrase.get().toCharArray();
        char[] again = confirmation.get().toCharArray();
        String name = username.get();
        Role chosen = role.get();
        passphrase.set("");
        confirmation.set("");
        background.run(() -> accounts.add(session, name, chosen, secret, again), user -> {
            username.set("");
            message.set(i18n.get("users.added"));
            refresh();
        }, e -> message.set(Messages.of(e, i18n)));
    }

    public void back() {
        navigator.toHome();
    }

    public void dispose() {
        rows.clear();
        username.set("");
        passphrase.set("");
        confirmation.set("");
    }
}
