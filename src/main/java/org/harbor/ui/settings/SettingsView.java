package org.harbor.ui.settings;

import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.VBox;
import org.harbor.ui.common.EnterKey;
import org.harbor.ui.common.Paragraph;
import org.harbor.ui.common.Releasable;
import org.harbor.ui.common.Subscriptions;

public final class SettingsView implements Releasable {

    private final SettingsViewModel model;
    private final Subscriptions subscriptions = new Subscriptions();
    @FXML
    private VBox form;
    @FXML
    private ComboBox<String> language;
    @FXML
    private Spinner<Integer> idleMinutes;
    @FXML
    private Spinner<Integer> breakMinutes;
    @FXML
    private Button save;
    @FXML
    private Paragraph message;

    public SettingsView(SettingsViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        language.getItems().setAll(model.languages());
        language.setCellFactory(list -> new LanguageCell());
        language.setButtonCell(new LanguageCell());
        language.setValue(model.language());
        language.valueProperty().addListener((obs, old, code) -> Platform.runLater(() -> model.chooseLanguage(code)));
        SpinnerValueFactory.IntegerSpinnerValueFactory minutes = new SpinnerValueFactory.IntegerSpinnerValueFactory(
                model.minIdleMinutes(), model.maxIdleMinutes(), model.idleMinutesProperty().get());
        idleMinutes.setValueFactory(minutes);
        idleMinutes.setEditable(true);
        minutes.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.idleMinutesProperty().set(now);
            }
        });
        idleMinutes.setDisable(!model.canChangeVaultSettings());
        SpinnerValueFactory.IntegerSpinnerValueFactory breaks = new SpinnerValueFactory.IntegerSpinnerValueFactory(
                model.minBreakMinutes(), model.maxBreakMinutes(), model.breakMinutesProperty().get());
        breakMinutes.setValueFactory(breaks);
        breakMinutes.setEditable(true);
        subscriptions.add(model.breakMinutesProperty().subscribe((old, now) -> breaks.setValue(now.intValue())));
        breaks.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.breakMinutesProperty().set(now);
            }
        });
        breakMinutes.setDisable(!model.canChangeVaultSettings());
        save.setDisable(!model.canChangeVaultSettings());
        subscriptions.bind(message.contentProperty(), model.messageProperty());
        EnterKey.submits(save, form);
        Platform.runLater(language::requestFocus);
    }

    @Override
    public void release() {
        subscriptions.release();
    }

    @FXML
    private void onSave() {
        idleMinutes.commitValue();
        breakMinutes.commitValue();
        model.save();
    }

    @FXML
    private void onBack() {
        model.back();
    }

    private final class LanguageCell extends ListCell<String> {
        @Override
        protected void updateItem(String code, boolean empty) {
            super.updateItem(code, empty);
            setText(empty || code == null ? null : model.languageName(code));
        }
    }
}
