package org.harbor.ui.login;

import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.harbor.ui.common.EnterKey;
import org.harbor.ui.common.Paragraph;

public final class RecoveryView {

    private final RecoveryViewModel model;
    @FXML
    private VBox form;
    @FXML
    private TextField recoveryKey;
    @FXML
    private TextField username;
    @FXML
    private PasswordField passphrase;
    @FXML
    private PasswordField confirmation;
    @FXML
    private Button reset;
    @FXML
    private Paragraph message;

    public RecoveryView(RecoveryViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        recoveryKey.textProperty().bindBidirectional(model.recoveryKeyProperty());
        username.textProperty().bindBidirectional(model.usernameProperty());
        passphrase.textProperty().bindBidirectional(model.passphraseProperty());
        confirmation.textProperty().bindBidirectional(model.confirmationProperty());
        reset.disableProperty().bind(model.canResetProperty().not());
        message.contentProperty().bind(model.messageProperty());
        EnterKey.submits(reset, form);
        Platform.runLater(recoveryKey::requestFocus);
    }

    @FXML
    private void onReset() {
        model.reset();
    }

    @FXML
    private void onBack() {
        model.back();
    }
}
