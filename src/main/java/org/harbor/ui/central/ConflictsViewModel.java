package org.harbor.ui.central;

import org.harbor.accounts.Permission;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.harbor.central.CentralStore;
import org.harbor.usecases.CompareCaseVersions;

/** Conflicts: a case received in two versions, both side by side field by field; resolved with a reason. */
public final class ConflictsViewModel {

    private final CentralWork work;
    private final ObservableList<CentralStore.ConflictSummary> conflicts = FXCollections.observableArrayList();
    private final ObjectProperty<CentralStore.ConflictSummary> selected = new SimpleObjectProperty<>();
    private final ObservableList<String[]> rows = FXCollections.observableArrayList();
    private final StringProperty reason = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper done = new ReadOnlyStringWrapper("");

    public ConflictsViewModel(CentralWork work) {
        this.work = work;
    }

    public ObservableList<CentralStore.ConflictSummary> conflicts() {
        return conflicts;
    }

    public ObjectProperty<CentralStore.ConflictSummary> selectedProperty() {
        return selected;
    }

    /** Field, filed value, other value, "same" or "differs" (see {@link CompareCaseVersions}). */
    public ObservableList<String[]> rows() {
        return rows;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    /** Whether this account's role may see conflicts (the view shows the tab only then). */
    public boolean allowed() {
        return work.can(Permission.SEE_ALL_CASES);
    }

    public void refresh() {
        work.executor().run(() -> {
            work.require(Permission.SEE_ALL_CASES);
            return work.store().openConflicts(500);
        }, conflicts::setAll, e -> error.set(CentralMessages.key(e)));
    }

    public void select(CentralStore.ConflictSummary conflict) {
        selected.set(conflict);
        if (conflict == null) {
            rows.clear();
            return;
        }
        work.executor().run(() -> {
                    work.require(Permission.SEE_ALL_CASES);
                    return work.store().conflict(conflict.caseId(), conflict.otherVersion()).map(CompareCaseVersions::rows).orElse(List.of());
                },
                rows::setAll, e -> error.set(CentralMessages.key(e)));
    }

    /** Resolves the selected conflict: {@code otherIsCurrent} makes the received version the filed one. */
    public void resolve(boolean otherIsCurrent) {
        CentralStore.ConflictSummary c = selected.get();
        if (c == null) {
            return;
        }
        String why = reason.get();
        work.executor().run(() -> {
            work.require(Permission.DECIDE_CENTRAL_MATCHES);
            work.store().resolveConflict(c.caseId(), c.otherVersion(), otherIsCurrent, work.act(why));
            return null;
        }, d -> {
            done.set(otherIsCurrent ? "central.conflicts.tookOther" : "central.conflicts.keptFiled");
            error.set("");
            reason.set("");
            selected.set(null);
            rows.clear();
            refresh();
        }, e -> error.set(CentralMessages.key(e)));
    }
}
