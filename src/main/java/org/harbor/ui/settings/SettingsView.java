package org.harbor.ui.settings;

import java.io.File;
import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.stage.FileChooser;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.util.Callback;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.harbor.accounts.EmergencyContact;
import org.harbor.ui.common.EnterKey;
import org.harbor.ui.common.Paragraph;
import org.harbor.ui.common.Releasable;
import org.harbor.ui.common.Styles;
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

    @FXML
    private ComboBox<String> country;
    @FXML
    private VBox contactRows;
    @FXML
    private Button addContact;
    @FXML
    private Button addDefaults;
    @FXML
    private Button saveContacts;
    @FXML
    private Paragraph contactsMessage;
    private final EmergencyContactsViewModel contacts;
    @FXML
    private ComboBox<String> jurisdiction;
    @FXML
    private Paragraph jurisdictionCitation;
    @FXML
    private Button saveJurisdiction;
    @FXML
    private Paragraph jurisdictionMessage;
    private final JurisdictionViewModel jurisdictions;
    private Runnable rowsListener = () -> { };

    @FXML
    private VBox centralStore;
    @FXML
    private Paragraph centralCurrent;
    @FXML
    private TextField centralUrl;
    @FXML
    private TextField centralUser;
    @FXML
    private TextField centralPasswordFile;
    @FXML
    private Button centralChooseFile;
    @FXML
    private Button centralConnect;
    @FXML
    private Button centralEmbedded;
    @FXML
    private Paragraph centralMessage;
    private final CentralStoreViewModel central;

    public SettingsView(SettingsViewModel model, EmergencyContactsViewModel contacts, JurisdictionViewModel jurisdictions,
            CentralStoreViewModel central) {
        this.model = model;
        this.contacts = contacts;
        this.jurisdictions = jurisdictions;
        this.central = central;
    }

    @FXML
    private void initialize() {
        language.getItems().setAll(model.languages());
        language.setCellFactory(list -> new LanguageCell());
        language.setButtonCell(new LanguageCell());
        language.setValue(model.language());
        // Applied on commit (a choice from the open list, Enter, or leaving the field), never on each
        // arrow key: every change of language rebuilds the whole window.
        Runnable commitLanguage = () -> model.chooseLanguage(language.getValue());
        language.setOnHidden(e -> commitLanguage.run());
        language.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !language.isShowing()) {
                e.consume(); // Enter here chooses the language; it does not save the other settings
                commitLanguage.run();
            }
        });
        // released with the view: leaving the screen takes the focus too, after its model is gone
        subscriptions.add(language.focusedProperty().subscribe((was, now) -> {
            if (!now && language.getScene() != null) {
                commitLanguage.run();
            }
        }));
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
        initializeContacts();
        initializeJurisdiction();
        initializeCentralStore();
        Platform.runLater(language::requestFocus);
    }

    /** The mandatory-report section (R18): the jurisdiction, its pack's citation, and Save. */
    private void initializeJurisdiction() {
        jurisdiction.getItems().setAll(jurisdictions.options());
        Callback<ListView<String>, ListCell<String>> cells = list -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : jurisdictions.label(item));
            }
        };
        jurisdiction.setCellFactory(cells);
        jurisdiction.setButtonCell(cells.call(null));
        subscriptions.bindBidirectional(jurisdiction.valueProperty(), jurisdictions.selectedProperty());
        subscriptions.bind(jurisdictionCitation.contentProperty(), jurisdictions.citationProperty());
        subscriptions.bind(jurisdictionMessage.contentProperty(), jurisdictions.messageProperty());
        jurisdiction.setDisable(!jurisdictions.mayChoose());
        saveJurisdiction.setDisable(!jurisdictions.mayChoose());
    }

    @FXML
    private void onSaveJurisdiction() {
        jurisdictions.save();
    }

    /** A central vault's store: this vault, or a PostgreSQL server (address, role, password file). */
    private void initializeCentralStore() {
        centralStore.setVisible(central.shown());
        centralStore.setManaged(central.shown());
        if (!central.shown()) {
            return;
        }
        subscriptions.bindBidirectional(centralUrl.textProperty(), central.urlProperty());
        subscriptions.bindBidirectional(centralUser.textProperty(), central.userProperty());
        subscriptions.bindBidirectional(centralPasswordFile.textProperty(), central.passwordFileProperty());
        subscriptions.bind(centralCurrent.contentProperty(), central.currentProperty());
        subscriptions.bind(centralMessage.contentProperty(), central.messageProperty());
        boolean editable = central.mayChange();
        for (TextField field : new TextField[] {centralUrl, centralUser, centralPasswordFile}) {
            field.setEditable(editable);
        }
        for (Button button : new Button[] {centralChooseFile, centralConnect, centralEmbedded}) {
            subscriptions.bind(button.disableProperty(), central.busyProperty().or(new SimpleBooleanProperty(!editable)));
        }
        // Enter in this section tries the server, not the settings' Save above
        for (TextField field : new TextField[] {centralUrl, centralUser, centralPasswordFile}) {
            field.setOnAction(null);
        }
        EnterKey.submits(centralConnect, centralStore);
    }

    @FXML
    private void onChoosePasswordFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(central.chooseFileTitle());
        File file = chooser.showOpenDialog(form.getScene().getWindow());
        if (file != null) {
            central.passwordFileProperty().set(file.getAbsolutePath());
        }
    }

    @FXML
    private void onCentralConnect() {
        central.connect();
    }

    @FXML
    private void onCentralEmbedded() {
        central.useEmbedded();
    }

    /** The emergency contacts section: the country, one row of three fields a contact, and its buttons. */
    private void initializeContacts() {
        country.getItems().setAll(contacts.countries());
        country.setCellFactory(list -> new CountryCell());
        country.setButtonCell(new CountryCell());
        country.setValue(contacts.countryProperty().get());
        subscriptions.add(contacts.countryProperty().subscribe((old, now) -> country.setValue(now)));
        country.valueProperty().addListener((obs, old, code) -> contacts.chooseCountry(code));
        boolean editable = contacts.mayEdit();
        country.setDisable(!editable);
        addContact.setDisable(!editable);
        addDefaults.setDisable(!editable);
        saveContacts.setDisable(!editable);
        ListChangeListener<EmergencyContactsViewModel.Row> changed = change -> showRows(editable);
        contacts.rows().addListener(changed);
        rowsListener = () -> contacts.rows().removeListener(changed);
        showRows(editable);
        subscriptions.bind(contactsMessage.contentProperty(), contacts.messageProperty());
    }

    private void showRows(boolean editable) {
        contactRows.getChildren().clear();
        int number = 0;
        for (EmergencyContactsViewModel.Row row : contacts.rows()) {
            number++;
            contactRows.getChildren().add(contactRow(row, number, editable));
        }
    }

    private VBox contactRow(EmergencyContactsViewModel.Row row, int number, boolean editable) {
        Label heading = new Label(contacts.label("settings.emergency.row", number));
        heading.getStyleClass().add(Styles.SECTION_TITLE);
        TextField name = field(row.name, "settings.emergency.name", number, EmergencyContact.MAX_NAME, editable);
        name.setId("settingsContactName" + number);
        TextField phone = field(row.number, "settings.emergency.number", number, EmergencyContact.MAX_NUMBER, editable);
        phone.setId("settingsContactNumber" + number);
        phone.setPrefColumnCount(14);
        TextField when = field(row.when, "settings.emergency.when", number, EmergencyContact.MAX_WHEN, editable);
        when.setId("settingsContactWhen" + number);
        Button remove = new Button(contacts.label("settings.emergency.remove", number));
        remove.setId("settingsContactRemove" + number);
        remove.setDisable(!editable);
        remove.setOnAction(e -> contacts.remove(row));
        HBox first = new HBox(8, name, phone);
        HBox.setHgrow(name, Priority.ALWAYS);
        VBox box = new VBox(6, heading, first, when, remove);
        box.getStyleClass().add(Styles.EMERGENCY_ROW);
        return box;
    }

    /** A field bound both ways to its row, with the field's name as prompt and for screen readers, capped at {@code max}. */
    private TextField field(StringProperty value, String key, int number, int max, boolean editable) {
        TextField field = new TextField(value.get());
        String name = contacts.label(key);
        field.setPromptText(name);
        field.setAccessibleText(contacts.label("settings.emergency.row", number) + ": " + name);
        field.setTextFormatter(new TextFormatter<String>(change -> change.getControlNewText().length() <= max ? change : null));
        field.textProperty().addListener((obs, old, now) -> value.set(now));
        field.setEditable(editable);
        return field;
    }

    @FXML
    private void onAddContact() {
        contacts.addRow();
        contactRows.getChildren().getLast().lookup(".text-field").requestFocus();
    }

    @FXML
    private void onAddDefaults() {
        contacts.addDefaults();
    }

    @FXML
    private void onSaveContacts() {
        contacts.save();
    }

    private final class CountryCell extends ListCell<String> {
        @Override
        protected void updateItem(String code, boolean empty) {
            super.updateItem(code, empty);
            setText(empty || code == null ? null : contacts.countryName(code));
        }
    }

    @Override
    public void release() {
        subscriptions.release();
        rowsListener.run();
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
