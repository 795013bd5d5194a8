package org.harbor.ui.cases;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.harbor.accounts.Session;
import org.harbor.consent.ChildAssent;
import org.harbor.consent.Consent;
import org.harbor.consent.ConsentMethod;
import org.harbor.consent.ConsentPurpose;
import org.harbor.forms.ConsentFromForm;
import org.harbor.forms.NonResponse;
import org.harbor.i18n.I18n;
import org.harbor.ui.common.Messages;
import org.harbor.ui.common.UiExecutor;
import org.harbor.usecases.RecordConsent;

/**
 * Consent per purpose on the case view: where the case's consent stands ({@link #overviewProperty}),
 * the decision being recorded (one property per field of the pane), and revoking with a reason.
 */
public final class ConsentViewModel {

    private final RecordConsent recordConsent;
    private final UiExecutor ui;
    private final I18n i18n;
    private final Session session;
    private final String caseId;
    private final ReadOnlyObjectWrapper<RecordConsent.Overview> overview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObjectProperty<ConsentPurpose> purpose = new SimpleObjectProperty<>(ConsentPurpose.SERVICES);
    private final StringProperty organisation = new SimpleStringProperty("");
    private final ObjectProperty<Boolean> given = new SimpleObjectProperty<>(true);
    private final BooleanProperty bySurvivor = new SimpleBooleanProperty(true);
    private final BooleanProperty child = new SimpleBooleanProperty(false);
    private final BooleanProperty childSaidNo = new SimpleBooleanProperty(false);
    private final StringProperty guardian = new SimpleStringProperty("");
    private final ObjectProperty<ConsentMethod> method = new SimpleObjectProperty<>(ConsentMethod.VERBAL);
    private final StringProperty methodDetail = new SimpleStringProperty("");
    private final StringProperty language = new SimpleStringProperty("");
    private final StringProperty interpreter = new SimpleStringProperty("");
    private final StringProperty revokeReason = new SimpleStringProperty("");
    private boolean childShown;

    public ConsentViewModel(RecordConsent recordConsent, UiExecutor ui, I18n i18n, Session session, String caseId) {
        this.recordConsent = recordConsent;
        this.ui = ui;
        this.i18n = i18n;
        this.session = session;
        this.caseId = caseId;
        language.set(i18n.nativeName(i18n.locale().getLanguage()));
    }

    // --- state ---------------------------------------------------------------------------

    /** The consents, statuses, unconsented purposes and sharing of the case; null until loaded. */
    public ReadOnlyObjectProperty<RecordConsent.Overview> overviewProperty() {
        return overview.getReadOnlyProperty();
    }

    /** "Research: asked on the consent form, answered \u201Cprefer not to say\u201D; no consent recorded". */
    public String unansweredText(String subject, NonResponse kind) {
        String answer = i18n.get(switch (kind) {
            case DECLINED -> "forms.nonResponse.declined";
            case DONT_KNOW -> "forms.nonResponse.dontKnow";
            case NOT_ASKED -> "forms.nonResponse.notAsked";
        });
        String what = ConsentFromForm.ASSENT_SUBJECT.equals(subject) ? i18n.get("consent.pane.assentSubject")
                : i18n.get("consent.purpose." + subject);
        return i18n.get("consent.pane.unanswered", what, answer);
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ObjectProperty<ConsentPurpose> purposeProperty() {
        return purpose;
    }

    public StringProperty organisationProperty() {
        return organisation;
    }

    /** True: the decision was yes; false: no. */
    public ObjectProperty<Boolean> givenProperty() {
        return given;
    }

    public BooleanProperty bySurvivorProperty() {
        return bySurvivor;
    }

    /** The person is treated as a child; set from the case's fact (R19) when first loaded. */
    public BooleanProperty childProperty() {
        return child;
    }

    public BooleanProperty childSaidNoProperty() {
        return childSaidNo;
    }

    public StringProperty guardianProperty() {
        return guardian;
    }

    public ObjectProperty<ConsentMethod> methodProperty() {
        return method;
    }

    public StringProperty methodDetailProperty() {
        return methodDetail;
    }

    public StringProperty languageProperty() {
        return language;
    }

    public StringProperty interpreterProperty() {
        return interpreter;
    }

    public StringProperty revokeReasonProperty() {
        return revokeReason;
    }

    // --- commands ------------------------------------------------------------------------

    /** Reads where the case's consent stands again. */
    public void refresh() {
        ui.run(() -> recordConsent.overview(session, caseId), loaded -> {
            if (!childShown) {
                child.set(loaded.child()); // the case's fact (R19): a child unless recorded otherwise
                childShown = true;
            }
            overview.set(null); // shown again even when equal: the view rebuilds its rows
            overview.set(loaded);
        }, this::failed);
    }

    /** Records the decision the fields describe; on success the one-off fields are cleared. */
    public void record() {
        boolean survivor = bySurvivor.get();
        boolean asChild = survivor && child.get();
        RecordConsent.Decision decision = new RecordConsent.Decision(purpose.get(), organisation.get(), Boolean.TRUE.equals(given.get()),
                survivor, asChild, asChild && childSaidNo.get() ? ChildAssent.NO : null, guardian.get(), null, null,
                method.get(), methodDetail.get(), language.get(), interpreter.get());
        try {
            decision.grant(); // checked here, so that an incomplete decision is told at once
        } catch (IllegalArgumentException e) {
            message.set(i18n.get("consent.pane.incomplete"));
            return;
        }
        ui.run(() -> recordConsent.record(session, caseId, decision), done -> {
            organisation.set("");
            guardian.set("");
            interpreter.set("");
            methodDetail.set("");
            message.set("");
            refresh();
        }, this::failed);
    }

    /**
     * Revokes {@code consent} for the reason typed; false (and a message) when no reason was typed,
     * so that the view can put the focus there.
     */
    public boolean revoke(Consent consent) {
        String reason = revokeReason.get() == null ? "" : revokeReason.get().strip();
        if (reason.isEmpty()) {
            message.set(i18n.get("consent.pane.reasonNeeded"));
            return false;
        }
        ui.run(() -> recordConsent.revoke(session, consent.id(), reason), done -> {
            revokeReason.set("");
            message.set("");
            refresh();
        }, this::failed);
        return true;
    }

    private void failed(Exception e) {
        message.set(Messages.of(e, i18n));
    }
}
