package org.harbor.ui.setup;

import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.print.PrinterJob;
import javafx.scene.layout.VBox;
import org.harbor.ui.common.EnterKey;
import org.harbor.ui.common.InitialFocus;
import org.harbor.ui.common.Paragraph;
import org.harbor.ui.common.Releasable;
import org.harbor.ui.common.Styles;
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
    private Label recoveryKey;
    @FXML
    private Button copyKey;
    @FXML
    private Button printKey;
    @FXML
    private Paragraph keyNote;
    private final RecoveryKeyClipboard clipboard = new RecoveryKeyClipboard();
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
        subscriptions.bind(recoveryKey.textProperty(), model.groupedRecoveryKeyProperty());
        subscriptions.bindBidirectional(writtenDown.selectedProperty(), model.keyWrittenDownProperty());
        subscriptions.bind(finish.disableProperty(), model.canFinishProperty().not());
        create.defaultButtonProperty().bind(accountPane.visibleProperty());
        EnterKey.submits(create, accountPane);
        EnterKey.submits(finish, recoveryPane);
        finish.defaultButtonProperty().bind(recoveryPane.visibleProperty());
        subscriptions.add(model.showingRecoveryKeyProperty().subscribe((was, now) -> {
            if (now) {
                InitialFocus.request(copyKey);
            }
        }));
        InitialFocus.request(model.showingRecoveryKeyProperty().get() ? copyKey : language);
    }

    @Override
    public void release() {
        clipboard.clearNow();
        subscriptions.release();
    }

    /** Copies the key, and takes it off the clipboard again a minute later (other programs can read it). */
    @FXML
    private void onCopyKey() {
        clipboard.copy(model.recoveryKeyProperty().get());
        keyNote.setContent(model.text("setup.recovery.copied"));
    }

    /**
     * Prints the key on paper (or to a "print to PDF" printer where the system offers one).
     * Without any printer the user is told to write it down by hand.
     */
    @FXML
    private void onPrintKey() {
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            keyNote.setContent(model.text("setup.recovery.noPrinter"));
            return;
        }
        if (!job.showPrintDialog(recoveryKey.getScene().getWindow())) {
            job.cancelJob();
            return;
        }
        Label title = new Label(model.text("setup.recovery.title"));
        Label key = new Label(recoveryKey.getText());
        key.getStyleClass().add(Styles.RECOVERY_KEY);
        VBox page = new VBox(12, title, key);
        page.getStylesheets().setAll(recoveryKey.getScene().getStylesheets());
        boolean printed = job.printPage(page) && job.endJob();
        keyNote.setContent(model.text(printed ? "setup.recovery.printed" : "setup.recovery.printFailed"));
    }

    @FXML
    private void onCreate() {
        model.create();
    }

    @FXML
    private void onFinish() {
        clipboard.clearNow();
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
