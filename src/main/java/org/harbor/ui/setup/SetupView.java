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
import org.harbor.ui.common.Releasable;
import org.harbor.ui.common.Subscriptions;

public final class SetupView implements Releasable {

    private final SetupViewModel model;
    private final Subscriptions subscriptions = new Subscriptions();
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
        subscriptions.bindBidirectional(username.textProperty(), model.usernameProperty());
        subscriptions.bindBidirectional(passphrase.textProperty(), model.passphraseProperty());
        subscriptions.bindBidirectional(confirmation.textProperty(), model.confirmationProperty());
        subscriptions.bindBidirectional(central.selectedProperty(), model.centralProperty());
        subscriptions.bind(create.disableProperty(), model.canCreateProperty().not());
        subscriptions.bind(progress.visibleProperty(), model.busyProperty());
        subscriptions.bind(message.contentProperty(), model.messageProperty());
        subscriptions.bind(accountPane.visibleProperty(), model.showingRecoveryKeyProperty().not());
        accountPane.managedProperty().bind(accountPane.visibleProperty());
        subscriptions.bind(recoveryPane.visibleProperty(), model.showingRecoveryKeyProperty());
        recoveryPane.managedProperty().bind(recoveryPane.visibleProperty());
        subscriptions.bind(recoveryKey.textProperty(), model.recoveryKeyProperty());
        subscriptions.bindBidirectional(writtenDown.selectedProperty(), model.keyWrittenDownProperty());
        subscriptions.bind(finish.disableProperty(), model.canFinishProperty().not());
        create.defaultButtonProperty().bind(accountPane.visibleProperty());
        EnterKey.submits(create, accountPane);
        EnterKey.submits(finish, recoveryPane);
        finish.defaultButtonProperty().bind(recoveryPane.visibleProperty());
        subscriptions.add(model.showingRecoveryKeyProperty().subscribe((was, now) -> {
            if (now) {
                Platform.runLater(recoveryKey::requestFocus);
            }
        }));
        Platform.runLater(() -> (model.showingRecoveryKeyProperty().get() ? recoveryKey : language).requestFocus());
    }

    @Override
    public void release() {
        subscriptions.release();
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
