package org.harbor.ui.safety;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.harbor.accounts.Session;
import org.harbor.i18n.I18n;
import org.harbor.safety.CaseSafety;
import org.harbor.ui.common.Messages;
import org.harbor.ui.common.UiExecutor;
import org.harbor.ui.emergency.EmergencyViewModel;
import org.harbor.usecases.RecordSafetyAction;
import org.harbor.usecases.ShowCaseSafety;

/**
 * The danger banner of a case (R3), at the top of every screen of the case (the case itself, its
 * forms and attachments, its interviews): shown while a safety answer's danger waits for a
 * supervisor to record the action taken, with the emergency panel's contacts. A supervisor records
 * the action here; anyone else is told that a supervisor must.
 */
public final class SafetyBannerViewModel {

    private final ShowCaseSafety show;
    private final RecordSafetyAction record;
    private final EmergencyViewModel contacts;
    private final I18n i18n;
    private final UiExecutor ui;
    private final Session session;
    private final String caseId;
    private final String caseSessionId;
    private final ReadOnlyBooleanWrapper danger = new ReadOnlyBooleanWrapper(false);
    private final StringProperty action = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private String knownCaseId;
    private boolean disposed;

    /**
     * For the screens of one case: give {@code caseId} (the case screen) or {@code caseSessionId}
     * (a form or an interview, which know only their session); the other is null.
     */
    public SafetyBannerViewModel(ShowCaseSafety show, RecordSafetyAction record, EmergencyViewModel contacts, I18n i18n,
                                 UiExecutor ui, Session session, String caseId, String caseSessionId) {
        if ((caseId == null) == (caseSessionId == null)) {
            throw new IllegalArgumentException("give a case or a case session, not both");
        }
        this.show = show;
        this.record = record;
        this.contacts = contacts;
        this.i18n = i18n;
        this.ui = ui;
        this.session = session;
        this.caseId = caseId;
        this.caseSessionId = caseSessionId;
        this.knownCaseId = caseId;
    }

    /** Reads the case's safety again: after every answer on a form, so that a "yes" shows the banner at once. */
    public void refresh() {
        ui.run(() -> caseId != null ? show.ofCase(session, caseId) : show.ofSession(session, caseSessionId), this::apply,
                e -> message.set(Messages.of(e, i18n)));
    }

    private void apply(CaseSafety safety) {
        if (disposed) {
            return;
        }
        knownCaseId = safety.caseId();
        boolean was = danger.get();
        danger.set(safety.danger());
        if (safety.danger() && !was) {
            contacts.load();
        }
    }

    /** Records the action typed (supervisors); the banner comes down once it is saved. */
    public void recordAction() {
        String text = action.get();
        String target = knownCaseId;
        if (target == null) {
            return;
        }
        ui.run(() -> record.record(session, target, text), saved -> {
            action.set("");
            message.set(i18n.get("safety.banner.recorded"));
            apply(saved);
        }, e -> message.set(Messages.of(e, i18n)));
    }

    public ReadOnlyBooleanProperty dangerProperty() {
        return danger.getReadOnlyProperty();
    }

    /** The action being typed (supervisors). */
    public StringProperty actionProperty() {
        return action;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public boolean mayRecord() {
        return record.mayRecord(session);
    }

    public int maxActionLength() {
        return RecordSafetyAction.MAX_LENGTH;
    }

    /** The emergency panel's contacts, shown in the banner. */
    public EmergencyViewModel contacts() {
        return contacts;
    }

    public I18n i18n() {
        return i18n;
    }

    /** Forgets what was typed and shown. */
    public void dispose() {
        disposed = true;
        action.set("");
        message.set("");
        contacts.dispose();
    }
}
