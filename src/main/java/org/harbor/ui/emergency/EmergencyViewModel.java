package org.harbor.ui.emergency;

import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.harbor.accounts.EmergencyContact;
import org.harbor.i18n.I18n;
import org.harbor.ui.common.Messages;
import org.harbor.ui.common.UiExecutor;
import org.harbor.usecases.ShowEmergencyContacts;

/**
 * The emergency panel (R2): the organisation's contacts and the country's hotlines, read each
 * time the panel opens (a supervisor may have changed them meanwhile).
 */
public final class EmergencyViewModel {

    private final ShowEmergencyContacts show;
    private final I18n i18n;
    private final UiExecutor background;
    private final ObservableList<EmergencyContact> contacts = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);

    public EmergencyViewModel(ShowEmergencyContacts show, I18n i18n, UiExecutor background) {
        this.show = show;
        this.i18n = i18n;
        this.background = background;
    }

    /** Reads the contacts; the message says so when there are none. */
    public void load() {
        background.run(show::contacts, found -> {
            contacts.setAll(found);
            message.set(found.isEmpty() ? i18n.get("emergency.none") : "");
            loaded.set(true);
        }, e -> {
            contacts.clear();
            message.set(Messages.of(e, i18n));
            loaded.set(true);
        });
    }

    public ObservableList<EmergencyContact> contacts() {
        return contacts;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public String title() {
        return i18n.get("emergency.title");
    }

    public String intro() {
        return i18n.get("emergency.intro");
    }

    /** "When to call: …", or nothing when the contact has no such text. */
    public String when(EmergencyContact contact) {
        return contact.whenToCall().isEmpty() ? "" : i18n.get("emergency.when", contact.whenToCall());
    }

    /** What a screen reader says for a contact: name, number and when to call, in one sentence. */
    public String accessibleText(EmergencyContact contact) {
        return i18n.get("emergency.contact.accessible", contact.name(), contact.number(), contact.whenToCall());
    }

    public String closeLabel() {
        return i18n.get("emergency.close");
    }

    /** Forgets the contacts shown: nothing stays in memory once the panel is closed. */
    public void dispose() {
        contacts.clear();
        message.set("");
        loaded.set(false);
    }

    List<EmergencyContact> shown() {
        return List.copyOf(contacts);
    }
}
