package org.harbor.ui.central;

import org.harbor.accounts.Permission;
import java.util.Optional;
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
 * The central case list across all devices: search by name (blind index), filter by device and
 * status, pages of {@link #PAGE} newest first; and the read-only view of one case.
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
    private int offset;
    private long total;

    public CentralCasesViewModel(CentralWork work) {
        this.work = work;
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
        offset = 0;
        load();
    }

    public void nextPage() {
        if (offset + PAGE < total) {
            offset += PAGE;
            load();
        }
    }

    public void previousPage() {
        if (offset > 0) {
            offset = Math.max(0, offset - PAGE);
            load();
        }
    }

    private void load() {
        String words = search.get() == null ? "" : search.get().strip();
        CentralStore.CaseFilter filter = CentralStore.CaseFilter.ALL
                .device(device.get() == null || device.get().isBlank() ? null : device.get().strip())
                .status(status.get());
        int from = offset;
        work.executor().run(() -> {
                    work.require(Permission.SEE_ALL_CASES);
                    return words.isEmpty() ? work.store().list(filter, from, PAGE) : work.store().searchByName(words, filter, from, PAGE);
                },
                page -> {
                    total = page.total();
                    rows.setAll(page.rows());
                    summary.set(page.rows().isEmpty() ? "0 0 " + page.total()
                            : (from + 1) + " " + (from + page.rows().size()) + " " + page.total());
                    error.set("");
                },
                e -> error.set(CentralMessages.key(e)));
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
