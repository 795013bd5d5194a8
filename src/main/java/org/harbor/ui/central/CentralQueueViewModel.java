package org.harbor.ui.central;

import org.harbor.accounts.Permission;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.harbor.central.CentralStore;

/** The review queue: unassigned cases or cases awaiting review, oldest first; assign to a case manager, set a status. */
public final class CentralQueueViewModel {

    private final CentralWork work;
    private final ObjectProperty<CentralStore.Queue> queue = new SimpleObjectProperty<>(CentralStore.Queue.UNASSIGNED);
    private final ObservableList<CentralStore.CaseRow> rows = FXCollections.observableArrayList();
    private final StringProperty assignee = new SimpleStringProperty("");
    private final StringProperty reason = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper total = new ReadOnlyStringWrapper("0");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public CentralQueueViewModel(CentralWork work) {
        this.work = work;
    }

    public ObjectProperty<CentralStore.Queue> queueProperty() {
        return queue;
    }

    public ObservableList<CentralStore.CaseRow> rows() {
        return rows;
    }

    public StringProperty assigneeProperty() {
        return assignee;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ReadOnlyStringProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Whether this account's role may read the review queue (the view shows the tab only then). */
    public boolean allowed() {
        return work.can(Permission.SEE_ALL_CASES);
    }

    public void refresh() {
        CentralStore.Queue which = queue.get();
        work.executor().run(() -> {
            work.require(Permission.SEE_ALL_CASES);
            return work.store().queue(which, 0, 200);
        }, page -> {
            rows.setAll(page.rows());
            total.set(Long.toString(page.total()));
        }, e -> error.set(CentralMessages.key(e)));
    }

    /** Assigns the case to the case manager typed in; the reason, if any, is kept with it. */
    public void assign(CentralStore.CaseRow row) {
        String who = assignee.get() == null ? "" : assignee.get().strip();
        if (row == null || who.isEmpty()) {
            error.set("central.error.assigneeNeeded");
            return;
        }
        act(() -> {
            work.require(Permission.ASSIGN_CENTRAL_CASES);
            work.store().assign(row.caseId(), who, work.act(reason.get()));
        });
    }

    /** Sets the case's status (for instance in_review, which puts it in the review queue). */
    public void setStatus(CentralStore.CaseRow row, String status) {
        if (row == null) {
            return;
        }
        act(() -> {
            work.requireStatusChange(row.caseId());
            work.store().setStatus(row.caseId(), status, work.act(reason.get()));
        });
    }

    private void act(Runnable change) {
        work.executor().run(() -> {
            change.run();
            return null;
        }, done -> {
            error.set("");
            reason.set("");
            refresh();
        }, e -> error.set(CentralMessages.key(e)));
    }
}
