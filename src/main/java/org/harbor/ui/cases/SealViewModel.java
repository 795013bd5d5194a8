package org.harbor.ui.cases;

import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import org.harbor.accounts.Permission;
import org.harbor.accounts.Session;
import org.harbor.i18n.I18n;
import org.harbor.seal.SealKind;
import org.harbor.seal.SealStatus;
import org.harbor.ui.common.Messages;
import org.harbor.ui.common.UiExecutor;
import org.harbor.usecases.SealCase;
import org.harbor.usecases.SealReadiness;
import org.harbor.usecases.VerifySeals;

/**
 * Seals on the case view: each seal as it stands, checking them again (audited), and sealing the
 * case (for those who may seal, once), after a dialog has listed what is incomplete and the user
 * has typed the case number.
 */
public final class SealViewModel {

    private final SealCase sealCase;
    private final VerifySeals verifySeals;
    private final UiExecutor ui;
    private final I18n i18n;
    private final Session session;
    private final String caseId;
    private final Runnable onSealed;
    private final ReadOnlyObjectWrapper<List<SealStatus>> seals = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper caseSealed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<SealReadiness> readiness = new ReadOnlyObjectWrapper<>();
    private final StringProperty typed = new SimpleStringProperty("");
    private final BooleanBinding confirmable = Bindings.createBooleanBinding(this::typedMatches, readiness, typed, caseSealed);

    /** @param onSealed run once the case is sealed (the case view reloads: a sealed case is read-only) */
    public SealViewModel(SealCase sealCase, VerifySeals verifySeals, UiExecutor ui, I18n i18n, Session session, String caseId,
                         Runnable onSealed) {
        this.sealCase = sealCase;
        this.verifySeals = verifySeals;
        this.ui = ui;
        this.i18n = i18n;
        this.session = session;
        this.caseId = caseId;
        this.onSealed = onSealed;
    }

    /** The case's seals, as last loaded or checked; null until loaded. */
    public ReadOnlyObjectProperty<List<SealStatus>> sealsProperty() {
        return seals.getReadOnlyProperty();
    }

    /** True once the case as a whole has a seal: it is not sealed twice. */
    public ReadOnlyBooleanProperty caseSealedProperty() {
        return caseSealed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether this account may seal at all; the action is not offered otherwise. */
    public boolean maySeal() {
        return session.role().can(Permission.SEAL);
    }

    /** The seals as they stand, without an audited check. */
    public void load() {
        ui.run(() -> verifySeals.status(session, caseId), this::show, this::failed);
    }

    /** Checks every seal again; the check is audited. */
    public void verify() {
        ui.run(() -> verifySeals.verify(session, caseId).seals(), this::show, this::failed);
    }

    /**
     * What sealing would seal, for the dialog: set once loaded (the pane opens the dialog then),
     * cleared when the dialog closes.
     */
    public ReadOnlyObjectProperty<SealReadiness> readinessProperty() {
        return readiness.getReadOnlyProperty();
    }

    /** What the user typed to confirm: the case number. */
    public StringProperty typedProperty() {
        return typed;
    }

    /** True when the case holds something, is not sealed yet, and the case number is typed exactly. */
    public BooleanBinding confirmableProperty() {
        return confirmable;
    }

    /** Asks the use case what is incomplete; the dialog opens when {@link #readinessProperty} is set. */
    public void askToSeal() {
        typed.set("");
        readiness.set(null);
        ui.run(() -> sealCase.readiness(session, caseId), readiness::set, this::failed);
    }

    /** The dialog closed without sealing. */
    public void cancel() {
        typed.set("");
        readiness.set(null);
    }

    /** The lines the dialog lists as incomplete, in the display language. */
    public List<String> gapTexts() {
        SealReadiness r = readiness.get();
        if (r == null) {
            return List.of();
        }
        return r.gaps().stream().map(g -> switch (g.kind()) {
            case CONSENT_MISSING -> i18n.get("seal.dialog.gap.consentMissing", i18n.get("consent.purpose." + g.subject()));
            case FORM_NOT_STARTED -> i18n.get("seal.dialog.gap.formNotStarted", formTitle(g));
            case FORM_UNFINISHED -> i18n.get("seal.dialog.gap.formUnfinished", formTitle(g));
        }).toList();
    }

    private String formTitle(SealReadiness.Gap g) {
        return g.title() == null || CaseViewModel.BUILT_IN_FORMS.contains(g.subject())
                ? i18n.get("forms.title." + g.subject()) : g.title();
    }

    private boolean typedMatches() {
        SealReadiness r = readiness.get();
        String t = typed.get();
        return r != null && !r.empty() && !caseSealed.get() && t != null && t.strip().equals(r.caseNumber());
    }

    /** Seals the case once confirmed (the dialog's Seal, or Enter in it); nothing happens otherwise. */
    public void sealCase() {
        if (!confirmable.get()) {
            return;
        }
        readiness.set(null);
        typed.set("");
        ui.run(() -> sealCase.sealCase(session, caseId), done -> {
            load();
            onSealed.run();
        }, this::failed);
    }

    private void show(List<SealStatus> loaded) {
        seals.set(null); // shown again even when equal: a check's result is always shown
        seals.set(List.copyOf(loaded));
        caseSealed.set(loaded.stream().anyMatch(s -> s.kind() == SealKind.CASE));
        message.set("");
    }

    private void failed(Exception e) {
        message.set(Messages.of(e, i18n));
    }
}
