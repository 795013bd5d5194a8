package org.harbor.ui.users;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.harbor.ui.common.EnterKey;
import org.harbor.accounts.Role;
import org.harbor.ui.common.Paragraph;

public final class UsersView {

    private final UsersViewModel model;
    @FXML
    private VBox form;
    @FXML
    private ListView<String> list;
    @FXML
    private TextField username;
    @FXML
    private ComboBox<Role> role;
    @FXML
    private PasswordField passphrase;
    @FXML
    private PasswordField confirmation;
    @FXML
    private Button add;
    @FXML
    private Paragraph message;

    public UsersView(UsersViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        list.setItems(model.rows());
        role.setItems(model.roles());
        role.setCellFactory(l -> new RoleCell());
        role.setButtonCell(new RoleCell());
        role.valueProperty().bindBidirectional(model.roleProperty());
        username.textProperty().bindBidirectional(model.usernameProperty());
        passphrase.textProperty().bindBidirectional(model.passphraseProperty());
        confirmation.textProperty().bindBidirectional(model.confirmationProperty());
        add.disableProperty().bind(model.canAddProperty().not());
        message.contentProperty().bind(model.messageProperty());
        EnterKey.submits(add, form);
        model.refresh();
    }

    @FXML
    private void onAdd() {
        model.add();
    }

    @FXML
    private void onBack() {
        model.back();
    }

    private final class RoleCell extends ListCell<Role> {
        @Override
        protected void updateItem(Role r, boolean empty) {
            super.updateItem(r, empty);
            setText(empty || r == null ? null : model.roleName(r));
        }
    }
}
