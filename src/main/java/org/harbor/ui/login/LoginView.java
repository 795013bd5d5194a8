package org.harbor.ui.login;

import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.harbor.ui.common.EnterKey;
import org.harbor.ui.common.Paragraph;

/** Binds the log-in form to its view-model; nothing else. */
public final class LoginView {

    private final LoginViewModel model;
    @FXML
    private VBox form;
    @FXML
    private TextField username;
    @FXML
    private PasswordField passphrase;
    @FXML
    private Button unlock;
    @FXML
    private Paragraph message;

    public LoginView(LoginViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        username.textProperty().bindBidirectional(model.usernameProperty());
        passphrase.textProperty().bindBidirectional(model.passphraseProperty());
        unlock.disableProperty().bind(model.canUnlockProperty().not());
        message.contentProperty().bind(model.messageProperty());
        EnterKey.submits(unlock, form);
        Platform.runLater(() -> (username.getText().isEmpty() ? username : passphrase).requestFocus());
    }

    @FXML
    private void onUnlock() {
        model.unlock();
        passphrase.requestFocus();
    }

    @FXML
    private void onForgot() {
        model.forgotPassphrase();
    }
}
