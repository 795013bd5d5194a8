package org.harbor.ui.cases;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.harbor.accounts.Permission;
import org.harbor.accounts.Session;
import org.harbor.accounts.User;
import org.harbor.cases.CaseQuery;
import org.harbor.cases.CaseStatus;
import org.harbor.cases.CaseSummary;
import org.harbor.i18n.I18n;
import org.harbor.ui.common.Messages;
import org.harbor.ui.common.Navigator;
import org.harbor.ui.common.UiExecutor;
import org.harbor.usecases.CreateCase;
import org.harbor.usecases.FindCases;

/**
 * The case list: what is asked (search words, status, worker, order), the rows loaded so far (a
 * page at a time, so ten thousand cases cost no more than two hundred), and the total.
 */
public final class CaseListViewModel {

    static final int PAGE = 200;

    private final FindCases find;
    private final CreateCase creation;
    private final I18n i18n;
    private final UiExecutor background;
    private final Navigator navigator;
    private final Session session;
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<CaseStatus> status = new SimpleObjectProperty<>();
    private final ObjectProperty<User> worker = new SimpleObjectProperty<>();
    private final ObjectProperty<CaseQuery.Sort> sort = new SimpleObjectProperty<>(CaseQuery.Sort.UPDATED_DESC);
    private final ObservableList<CaseSummary> rows = FXCollections.observableArrayList();
    private final ObservableList<User> workers = FXCollections.observableArrayList();
    private final IntegerProperty total = new SimpleIntegerProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty newName = new SimpleStringProperty("");
    private final StringProperty newAliases = new SimpleStringProperty("");
    /** Answers to an older question are dropped when a newer one has been asked. */
    private int generation;

    public CaseListViewModel(FindCases find, CreateCase creation, I18n i18n, UiExecutor background, Navigator navigator,
                             Session session) {
        this.find = find;
        this.creation = creation;
        this.i18n = i18n;
        this.background = background;
        this.navigator = navigator;
        this.session = session;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<CaseStatus> statusProperty() {
        return status;
    }

    public ObjectProperty<User> workerProperty() {
        return worker;
    }

    public ObjectProperty<CaseQuery.Sort> sortProperty() {
        return sort;
    }

    public ObservableList<CaseSummary> rows() {
        return rows;
    }

    public ObservableList<User> workers() {
        return workers;
    }

    public IntegerProperty totalProperty() {
        return total;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    public StringProperty newAliasesProperty() {
        return newAliases;
    }

    /** Supervisors see every case, so they may narrow the list to one worker's. */
    public boolean canFilterByWorker() {
        return session.role().can(Permission.SEE_ALL_CASES) && session.role().can(Permission.MANAGE_USERS);
    }

    public boolean canCreate() {
        return session.role().can(Permission.WORK_ON_CASES);
    }

    public void loadWorkers() {
        if (!canFilterByWorker()) {
            return;
        }
        background.run(() -> find.workers(session), workers::setAll, this::fail);
    }

    CaseQuery query() {
        CaseQuery q = CaseQuery.all().sortedBy(sort.get());
        if (status.get() != null) {
            q = q.withStatus(status.get());
        }
        if (worker.get() != null) {
            q = q.withWorker(worker.get().id());
        }
        String words = search.get() == null ? "" : search.get().strip();
        if (!words.isEmpty()) {
            q = q.withSearch(words);
        }
        return q;
    }

    /** Asks again from the first page. */
    public void refresh() {
        int asked = ++generation;
        CaseQuery q = query().page(PAGE, 0);
        background.run(() -> find.find(session, q),
                page -> {
                    if (asked == generation) {
                        rows.setAll(page.rows());
                        total.set(page.total());
                        message.set("");
                    }
                }, this::fail);
    }

    /** Adds the next page to the rows shown. */
    public void loadMore() {
        if (rows.size() >= total.get()) {
            return;
        }
        int asked = generation;
        CaseQuery q = query().page(PAGE, rows.size());
        background.run(() -> find.more(session, q),
                more -> {
                    if (asked == generation) {
                        rows.addAll(more);
                    }
                }, this::fail);
    }

    public boolean hasMore() {
        return rows.size() < total.get();
    }

    public void open(CaseSummary row) {
        if (row != null) {
            navigator.toCase(row.id());
        }
    }

    /**
     * Opens a new case (the survivor's name may come later) and starts it with the safety form
     * (R3: safety first), in an intake session in the display language.
     */
    public void create() {
        String name = newName.get();
        List<String> aliases = splitAliases(newAliases.get());
        String language = i18n.locale().getLanguage();
        background.run(() -> creation.createAndStart(session, name, aliases, language),
                created -> {
                    newName.set("");
                    newAliases.set("");
                    navigator.toForm(created.intakeSessionId(), CreateCase.FIRST_FORM);
                }, this::fail);
    }

    static List<String> splitAliases(String typed) {
        return typed == null ? List.of()
                : List.of(typed.split("[,;\\n]")).stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
    }

    public void home() {
        navigator.toHome();
    }

    public String statusName(CaseStatus s) {
        return statusName(i18n, s);
    }

    static String statusName(I18n i18n, CaseStatus s) {
        return i18n.get(s == null ? "cases.filter.anyStatus" : "case.status." + s.code());
    }

    public String workerName(User u) {
        return u == null ? i18n.get("cases.filter.anyWorker") : u.username();
    }

    public String sortName(CaseQuery.Sort s) {
        return i18n.get(switch (s) {
            case UPDATED_DESC -> "cases.sort.updated";
            case OPENED_DESC -> "cases.sort.opened";
            case NUMBER_ASC -> "cases.sort.number";
        });
    }

    public Optional<String> countText() {
        if (rows.isEmpty()) {
            return Optional.of(emptyText());
        }
        return Optional.of(i18n.get("cases.count", rows.size(), total.get()));
    }

    /**
     * What an empty list says: with no search or filter, there are no cases yet (a fresh vault),
     * which is not "no cases match".
     */
    public String emptyText() {
        boolean filtered = status.get() != null || worker.get() != null
                || (search.get() != null && !search.get().isBlank());
        return i18n.get(filtered ? "cases.none" : "cases.empty");
    }

    private void fail(Exception e) {
        message.set(Messages.of(e, i18n));
    }

    /** Lets go of the names this screen held. */
    public void dispose() {
        generation++;
        rows.clear();
        workers.clear();
        newName.set("");
        newAliases.set("");
        search.set("");
    }
}
