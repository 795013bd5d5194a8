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

/**
 * Possible duplicates across devices: the undecided work list, ranked; the two persons side by
 * side with the score explained; merge or keep apart with a reason (never automatic); and the
 * decisions already taken on the selected person, which can be undone with a reason.
 */
public final class DuplicatesViewModel {

    /** Two persons side by side: the case each was filed in, and what the score is made of. */
    public record SideBySide(CentralStore.DuplicatePair pair, CentralStore.CaseView left, CentralStore.CaseView right,
                             List<CentralStore.PersonDecision> decisions) {
        @Override
        public String toString() {
            return "SideBySide[" + pair.personId() + "]";
        }
    }

    private final CentralWork work;
    private final ObservableList<CentralStore.DuplicatePair> pairs = FXCollections.observableArrayList();
    private final ObjectProperty<SideBySide> selected = new SimpleObjectProperty<>();
    private final StringProperty reason = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper done = new ReadOnlyStringWrapper("");

    public DuplicatesViewModel(CentralWork work) {
        this.work = work;
    }

    public ObservableList<CentralStore.DuplicatePair> pairs() {
        return pairs;
    }

    public ObjectProperty<SideBySide> selectedProperty() {
        return selected;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The key of the last decision taken ("central.duplicates.merged", …), for the view to confirm. */
    public ReadOnlyStringProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    /** Whether this account's role may see possible duplicates (the view shows the tab only then). */
    public boolean allowed() {
        return work.can(Permission.SEE_ALL_CASES);
    }

    public void refresh() {
        work.executor().run(() -> {
            work.require(Permission.SEE_ALL_CASES);
            return work.store().duplicateQueue(500, 200);
        }, pairs::setAll, e -> error.set(CentralMessages.key(e)));
    }

    public void select(CentralStore.DuplicatePair pair) {
        if (pair == null) {
            selected.set(null);
            return;
        }
        work.executor().run(() -> {
                    work.require(Permission.SEE_ALL_CASES);
                    return new SideBySide(pair, work.store().show(pair.caseId()).orElseThrow(),
                        work.store().show(pair.proposal().candidate().caseId()).orElseThrow(),
                        work.store().personDecisions(pair.personId()));
                },
                selected::set, e -> error.set(CentralMessages.key(e)));
    }

    public void merge() {
        decide(CentralStore.Decision.MERGED, "central.duplicates.merged");
    }

    public void keepApart() {
        decide(CentralStore.Decision.KEPT_APART, "central.duplicates.keptApart");
    }

    private void decide(CentralStore.Decision decision, String doneKey) {
        SideBySide s = selected.get();
        if (s == null) {
            return;
        }
        String why = reason.get();
        work.executor().run(() -> {
                    work.require(Permission.DECIDE_CENTRAL_MATCHES);
                    return work.store().decidePersons(s.pair().personId(), s.pair().proposal().candidate().personId(), decision,
                            work.act(why));
                },
                d -> {
                    done.set(doneKey);
                    error.set("");
                    reason.set("");
                    selected.set(null);
                    refresh();
                }, e -> error.set(CentralMessages.key(e)));
    }

    /** Undoes an open decision (an unmerge), with the reason typed in. */
    public void undo(CentralStore.PersonDecision decision) {
        String why = reason.get();
        work.executor().run(() -> {
            work.require(Permission.DECIDE_CENTRAL_MATCHES);
            work.store().undoPersonDecision(decision.decisionId(), work.act(why));
            return null;
        }, d -> {
            done.set("central.duplicates.undone");
            error.set("");
            reason.set("");
            refresh();
        }, e -> error.set(CentralMessages.key(e)));
    }
}
