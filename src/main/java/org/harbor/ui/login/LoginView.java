package org.harbor.ui.login;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.harbor.i18n.I18n;
import org.harbor.ui.common.EnterKey;
import org.harbor.ui.common.Paragraph;
import org.harbor.ui.common.Screen;
import org.harbor.ui.common.Styles;

/**
 * The log-in form, bound to its view-model; nothing else. Built in code, not FXML, because it is
 * the first window of every start and the FXML loader costs about a tenth of a second there
 * (ADR 0007).
 */
public final class LoginView implements Screen {

    private final LoginViewModel model;
    private final I18n i18n;

    public LoginView(LoginViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
    }

    @Override
    public Parent build() {
        Label title = new Label(i18n.get("login.title"));
        title.getStyleClass().add(Styles.TITLE);

        TextField username = new TextField();
        username.setId("loginUsername");
        username.textProperty().bindBidirectional(model.usernameProperty());
        PasswordField passphrase = new PasswordField();
        passphrase.setId("loginPassphrase");
        passphrase.textProperty().bindBidirectional(model.passphraseProperty());

        Button unlock = new Button(i18n.get("login.unlock"));
        unlock.setId("loginUnlock");
        unlock.setDefaultButton(true);
        unlock.disableProperty().bind(model.canUnlockProperty().not());
        unlock.setOnAction(e -> {
            model.unlock();
            passphrase.requestFocus();
        });

        Paragraph message = new Paragraph();
        message.setId("loginMessage");
        message.getStyleClass().add(Styles.ERROR);
        message.contentProperty().bind(model.messageProperty());

        Hyperlink forgot = new Hyperlink(i18n.get("login.forgot"));
        forgot.setId("loginForgot");
        forgot.setOnAction(e -> model.forgotPassphrase());

        // Why the vault locked (idle, hidden), when it locked by itself (issue 14).
        Paragraph lockedWhy = new Paragraph();
        lockedWhy.setId("loginLockedWhy");
        lockedWhy.contentProperty().bind(model.lockedWhyProperty());
        lockedWhy.visibleProperty().bind(model.lockedWhyProperty().isNotEmpty());
        lockedWhy.managedProperty().bind(lockedWhy.visibleProperty());

        VBox form = new VBox(10, title, lockedWhy,
                labelFor(i18n.get("login.username"), username), username,
                labelFor(i18n.get("login.passphrase"), passphrase), passphrase,
                unlock, message, forgot);
        // wide enough for the longest "forgot your passphrase?" link (Spanish, Albanian; issue 19)
        form.setMaxWidth(520);
        form.setPadding(new Insets(24));
        form.getStyleClass().add(Styles.FORM);
        EnterKey.submits(unlock, form);
        Platform.runLater(() -> (username.getText().isEmpty() ? username : passphrase).requestFocus());
        return form;
    }

    /** Eight short lines: it fits the smallest window in every language (LoginViewFitTest). */
    @Override
    public boolean scrolls() {
        return false;
    }

    @Override
    public void dispose() {
        model.dispose();
    }

    /** A label whose mnemonic (the letter after "_") moves the focus to its field. */
    private static Label labelFor(String text, Node field) {
        Label label = new Label(text);
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        return label;
    }
}
