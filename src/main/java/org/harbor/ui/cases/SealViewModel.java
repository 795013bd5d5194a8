package org.harbor.ui.cases;

import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.harbor.accounts.Permission;
import org.harbor.accounts.Session;
import org.harbor.i18n.I18n;
import org.harbor.seal.SealKind;
import org.harbor.seal.SealStatus;
import org.harbor.ui.common.Messages;
import org.harbor.ui.common.UiExecutor;
import org.harbor.usecases.SealCase;
import org.harbor.usecases.VerifySeals;

/**
 * Seals on the case view: each seal as it stands, checking them again (audited), and sealing the
 * case (for those who may seal, once).
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

    public void sealCase() {
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
