package org.harbor.ui.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.harbor.accounts.EmergencyContact;
import org.harbor.accounts.Session;
import org.harbor.i18n.I18n;
import org.harbor.ui.common.Messages;
import org.harbor.ui.common.UiExecutor;
import org.harbor.usecases.EditEmergencyContacts;

/**
 * The emergency contacts section of Settings (R2): a supervisor picks the organisation's country
 * (its child and trafficking hotlines are added as editable rows) and adds, edits or removes the
 * organisation's own contacts, then saves them all at once.
 */
public final class EmergencyContactsViewModel {

    /** One editable row: name, number, when to call. */
    public static final class Row {
        public final StringProperty name = new SimpleStringProperty("");
        public final StringProperty number = new SimpleStringProperty("");
        public final StringProperty when = new SimpleStringProperty("");

        Row(EmergencyContact contact) {
            name.set(contact.name());
            number.set(contact.number());
            when.set(contact.whenToCall());
        }

        EmergencyContact contact() {
            return new EmergencyContact(name.get(), number.get(), when.get());
        }
    }

    private final EditEmergencyContacts edit;
    private final I18n i18n;
    private final UiExecutor background;
    private final Session session;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final StringProperty country = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public EmergencyContactsViewModel(EditEmergencyContacts edit, I18n i18n, UiExecutor background, Session session) {
        this.edit = edit;
        this.i18n = i18n;
        this.background = background;
        this.session = session;
        record Loaded(String country, List<EmergencyContact> contacts) {
        }
        background.run(() -> new Loaded(edit.country().orElse(""), edit.contacts()), loaded -> {
            country.set(loaded.country());
            rows.setAll(loaded.contacts().stream().map(Row::new).toList());
        }, e -> message.set(Messages.of(e, i18n)));
    }

    public boolean mayEdit() {
        return edit.mayEdit(session);
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** The empty string for "no country", then the countries with shipped hotlines. */
    public List<String> countries() {
        List<String> out = new ArrayList<>();
        out.add("");
        out.addAll(edit.countries());
        return out;
    }

    /** A country's name in the display language. */
    public String countryName(String code) {
        return code == null || code.isEmpty() ? i18n.get("settings.emergency.noCountry")
                : Locale.of("", code).getDisplayCountry(i18n.locale());
    }

    public StringProperty countryProperty() {
        return country;
    }

    /** Chooses the organisation's country and adds its hotlines not yet in the list. */
    public void chooseCountry(String code) {
        String chosen = code == null ? "" : code;
        if (chosen.equals(country.get())) {
            return;
        }
        country.set(chosen);
        addDefaults();
    }

    /** Adds the chosen country's hotlines whose number is not in the list yet. */
    public void addDefaults() {
        List<String> numbers = rows.stream().map(r -> digits(r.number.get())).toList();
        for (EmergencyContact hotline : edit.defaults(country.get())) {
            if (!numbers.contains(digits(hotline.number()))) {
                rows.add(new Row(hotline));
            }
        }
    }

    private static String digits(String number) {
        return number == null ? "" : number.replaceAll("\\D", "");
    }

    public Row addRow() {
        Row row = new Row(new EmergencyContact("", "", ""));
        rows.add(row);
        return row;
    }

    public void remove(Row row) {
        rows.remove(row);
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Saves the country and every row; a row that cannot be kept is named in the message and nothing is saved. */
    public void save() {
        String chosen = country.get();
        List<EmergencyContact> contacts = rows.stream().map(Row::contact).toList();
        background.run(() -> {
            edit.save(session, chosen, contacts);
            return contacts.size();
        }, saved -> message.set(i18n.get("settings.emergency.saved")), e -> message.set(Messages.of(e, i18n)));
    }

    public String label(String key, Object... args) {
        return i18n.get(key, args);
    }

    public void dispose() {
        rows.clear();
        message.set("");
    }
}
