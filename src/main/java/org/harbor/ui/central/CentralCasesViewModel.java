package org.harbor.ui.central;

import org.harbor.accounts.Permission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.harbor.central.CentralStore;

/**
 * The central case list across all devices: search by name (blind index), filter by device and
 * status, keyset pages of {@link #PAGE} newest first (issue 17: a million cases); and the read-only
 * view of one case.
 */
public final class CentralCasesViewModel {

    public static final int PAGE = 100;

    private final CentralWork work;
    private final StringProperty search = new SimpleStringProperty("");
    private final StringProperty device = new SimpleStringProperty("");
    private final ObjectProperty<String> status = new SimpleObjectProperty<>();
    private final ObservableList<CentralStore.CaseRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ObjectProperty<CentralCaseDetail> open = new SimpleObjectProperty<>();
    /** The key each page shown so far starts after (null: the top); the last is the page on screen. */
    private final List<CentralStore.PageKey> starts = new ArrayList<>();
    private CentralStore.PageKey next;
    private long generation;
    private CentralStore.CaseQuery counted;
    private long total = -1;
    private long shownFrom;
    private CentralStore.CaseQuery shownQuery;

    private final int pageSize;
    private final ReadOnlyBooleanWrapper hasNext = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper hasPrevious = new ReadOnlyBooleanWrapper(false);

    public CentralCasesViewModel(CentralWork work) {
        this(work, PAGE);
    }

    /** With pages of {@code pageSize} cases (tests page through a few cases). */
    CentralCasesViewModel(CentralWork work, int pageSize) {
        this.work = work;
        this.pageSize = pageSize;
    }

    /** Whether a page follows the one shown. */
    public ReadOnlyBooleanProperty hasNextProperty() {
        return hasNext.getReadOnlyProperty();
    }

    /** Whether a page comes before the one shown. */
    public ReadOnlyBooleanProperty hasPreviousProperty() {
        return hasPrevious.getReadOnlyProperty();
    }

    public StringProperty searchProperty() {
        return search;
    }

    public StringProperty deviceProperty() {
        return device;
    }

    public ObjectProperty<String> statusProperty() {
        return status;
    }

    public ObservableList<CentralStore.CaseRow> rows() {
        return rows;
    }

    /** "from–to of total", as numbers for the view to word. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The case shown read-only, or null while the list shows. */
    public ObjectProperty<CentralCaseDetail> openProperty() {
        return open;
    }

    /** Whether this account's role may read imported cases (the view shows the tab only then). */
    public boolean allowed() {
        return work.can(Permission.SEE_ALL_CASES);
    }

    public void refresh() {
        starts.clear();
        starts.add(null);
        load();
    }

    public void nextPage() {
        if (next != null) {
            starts.add(next);
            load();
        }
    }

    public void previousPage() {
        if (starts.size() > 1) {
            starts.removeLast();
            load();
        }
    }

    /**
     * Loads the page that starts after {@code starts}' last key: a keyset page, which costs the same
     * on page 1 and page 10 000 of a million cases. How many cases match is counted in a second task,
     * so the rows show without waiting for a count over the whole list; the summary follows it.
     */
    private void load() {
        String words = search.get() == null ? "" : search.get().strip();
        CentralStore.CaseFilter filter = CentralStore.CaseFilter.ALL
                .device(device.get() == null || device.get().isBlank() ? null : device.get().strip())
                .status(status.get());
        CentralStore.CaseQuery query = CentralStore.CaseQuery.ALL.filter(filter).name(words.isEmpty() ? null : words);
        CentralStore.PageKey after = starts.getLast();
        long from = (long) (starts.size() - 1) * pageSize;
        long asked = ++generation;
        boolean sameQuery = query.equals(counted);
        if (!sameQuery) {
            total = -1;
            counted = query;
        }
        work.executor().run(() -> {
                    work.require(Permission.SEE_ALL_CASES);
                    return work.store().page(query, after, pageSize);
                },
                page -> {
                    if (asked != generation) {
                        return; // a later question was asked meanwhile: its answer is the one to show
                    }
                    next = page.next();
                    hasNext.set(next != null);
                    hasPrevious.set(starts.size() > 1);
                    rows.setAll(page.rows());
                    shownFrom = from;
                    shownQuery = query;
                    showSummary();
                    error.set("");
                },
                e -> error.set(CentralMessages.key(e)));
        if (sameQuery) {
            return; // the count of this query is known or on its way
        }
        work.executor().run(() -> {
                    work.require(Permission.SEE_ALL_CASES);
                    return words.isEmpty() ? work.store().list(filter, 0, 1).total()
                            : work.store().searchByName(words, filter, 0, 1).total();
                },
                count -> {
                    if (query.equals(counted)) {
                        total = count;
                        if (query.equals(shownQuery)) {
                            showSummary();
                        }
                    }
                },
                e -> error.set(CentralMessages.key(e)));
    }

    private void showSummary() {
        if (total < 0) {
            summary.set("");
        } else if (rows.isEmpty()) {
            summary.set("0 0 " + total);
        } else {
            summary.set((shownFrom + 1) + " " + (shownFrom + rows.size()) + " " + total);
        }
    }

    /** Opens a case read-only: everything filed, seals verified. */
    public void openCase(CentralStore.CaseRow row) {
        if (row == null) {
            return;
        }
        work.executor().run(() -> {
                    work.require(Permission.SEE_ALL_CASES);
                    return work.store().show(row.caseId()).map(v -> CentralCaseDetail.of(v, work.store().audit(row.caseId())));
                },
                (Optional<CentralCaseDetail> found) -> found.ifPresent(open::set),
                e -> error.set(CentralMessages.key(e)));
    }

    public void closeCase() {
        open.set(null);
    }
}
