package org.harbor.ui.setup;

import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.harbor.ui.common.EnterKey;
import org.harbor.ui.common.Paragraph;

public final class SetupView {

    private final SetupViewModel model;
    @FXML
    private VBox accountPane;
    @FXML
    private VBox recoveryPane;
    @FXML
    private ComboBox<String> language;
    @FXML
    private TextField username;
    @FXML
    private PasswordField passphrase;
    @FXML
    private PasswordField confirmation;
    @FXML
    private CheckBox central;
    @FXML
    private Button create;
    @FXML
    private ProgressIndicator progress;
    @FXML
    private Paragraph message;
    @FXML
    private TextField recoveryKey;
    @FXML
    private CheckBox writtenDown;
    @FXML
    private Button finish;

    public SetupView(SetupViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        language.getItems().setAll(model.languages());
        language.setCellFactory(list -> new LanguageCell());
        language.setButtonCell(new LanguageCell());
        language.setValue(model.language());
        language.valueProperty().addListener((obs, old, code) -> Platform.runLater(() -> model.chooseLanguage(code)));
        username.textProperty().bindBidirectional(model.usernameProperty());
        passphrase.textProperty().bindBidirectional(model.passphraseProperty());
        confirmation.textProperty().bindBidirectional(model.confirmationProperty());
        central.selectedProperty().bindBidirectional(model.centralProperty());
        create.disableProperty().bind(model.canCreateProperty().not());
        progress.visibleProperty().bind(model.busyProperty());
        message.contentProperty().bind(model.messageProperty());
        accountPane.visibleProperty().bind(model.showingRecoveryKeyProperty().not());
        accountPane.managedProperty().bind(accountPane.visibleProperty());
        recoveryPane.visibleProperty().bind(model.showingRecoveryKeyProperty());
        recoveryPane.managedProperty().bind(recoveryPane.visibleProperty());
        recoveryKey.textProperty().bind(model.recoveryKeyProperty());
        writtenDown.selectedProperty().bindBidirectional(model.keyWrittenDownProperty());
        finish.disableProperty().bind(model.canFinishProperty().not());
        create.defaultButtonProperty().bind(accountPane.visibleProperty());
        EnterKey.submits(create, accountPane);
        EnterKey.submits(finish, recoveryPane);
        finish.defaultButtonProperty().bind(recoveryPane.visibleProperty());
        model.showingRecoveryKeyProperty().addListener((obs, was, now) -> {
            if (now) {
                Platform.runLater(recoveryKey::requestFocus);
            }
        });
        Platform.runLater(() -> (model.showingRecoveryKeyProperty().get() ? recoveryKey : language).requestFocus());
    }

    @FXML
    private void onCreate() {
        model.create();
    }

    @FXML
    private void onFinish() {
        model.finish();
    }

    private final class LanguageCell extends ListCell<String> {
        @Override
        protected void updateItem(String code, boolean empty) {
            super.updateItem(code, empty);
            setText(empty || code == null ? null : model.languageName(code));
        }
    }
}
