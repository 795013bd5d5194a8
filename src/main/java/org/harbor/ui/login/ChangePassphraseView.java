package org.harbor.ui.login;

import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import org.harbor.ui.common.EnterKey;
import org.harbor.ui.common.Paragraph;

public final class ChangePassphraseView {

    private final ChangePassphraseViewModel model;
    @FXML
    private VBox form;
    @FXML
    private Paragraph forcedNotice;
    @FXML
    private PasswordField current;
    @FXML
    private PasswordField passphrase;
    @FXML
    private PasswordField confirmation;
    @FXML
    private Button save;
    @FXML
    private Paragraph message;

    public ChangePassphraseView(ChangePassphraseViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        forcedNotice.setVisible(model.forced());
        forcedNotice.setManaged(model.forced());
        current.textProperty().bindBidirectional(model.currentProperty());
        passphrase.textProperty().bindBidirectional(model.passphraseProperty());
        confirmation.textProperty().bindBidirectional(model.confirmationProperty());
        save.disableProperty().bind(model.canSaveProperty().not());
        message.contentProperty().bind(model.messageProperty());
        EnterKey.submits(save, form);
        Platform.runLater(current::requestFocus);
    }

    @FXML
    private void onSave() {
        model.save();
    }

    @FXML
    private void onCancel() {
        model.cancel();
    }
}
