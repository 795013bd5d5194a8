package org.harbor.ui.users;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
import org.harbor.Harbor;
import org.harbor.accounts.PassphrasePolicy;
import org.harbor.accounts.Role;
import org.harbor.accounts.Session;
import org.harbor.ui.common.Background;
import org.harbor.ui.common.Messages;
import org.harbor.ui.common.Navigator;
import org.harbor.vault.VaultKind;

/** Accounts (supervisors): the list, and a new account with a temporary passphrase. */
public final class UsersViewModel {

    private final Harbor harbor;
    private final Background background;
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

    public UsersViewModel(Harbor harbor, Background background, Navigator navigator, Session session) {
        this.harbor = harbor;
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
        return harbor.i18n().get("role." + r.code());
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
        background.run(() -> harbor.accounts().vaultKind(), kind -> {
            List<Role> allowed = kind == VaultKind.CENTRAL ? List.of(Role.CENTRAL)
                    : List.of(Role.INTERVIEWER, Role.INTAKE, Role.SUPERVISOR);
            if (!roles.equals(allowed)) {
                roles.setAll(allowed);
                role.set(allowed.getFirst());
            }
        }, e -> message.set(Messages.of(e, harbor.i18n())));
        background.run(() -> {
            return harbor.accounts().listUsers(session).stream()
                    .map(u -> harbor.i18n().get("users.row", u.username(), roleName(u.role()),
                            u.mustChangePassphrase() ? harbor.i18n().get("users.mustChange") : ""))
                    .toList();
        }, rows::setAll, e -> message.set(Messages.of(e, harbor.i18n())));
    }

    public void add() {
        char[] secret = passphrase.get().toCharArray();
        char[] again = confirmation.get().toCharArray();
        Optional<PassphrasePolicy.Problem> problem = PassphrasePolicy.check(secret, again, username.get());
        Arrays.fill(again, '\0');
        if (problem.isPresent()) {
            Arrays.fill(secret, '\0');
            message.set(harbor.i18n().get(problem.get().messageKey()));
            return;
        }
        String name = username.get();
        Role chosen = role.get();
        passphrase.set("");
        confirmation.set("");
        background.run(() -> {
            try {
                return harbor.accounts().addUser(session, name, chosen, secret);
            } finally {
                Arrays.fill(secret, '\0');
            }
        }, user -> {
            username.set("");
            message.set(harbor.i18n().get("users.added"));
            refresh();
        }, e -> message.set(Messages.of(e, harbor.i18n())));
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
