package org.harbor.ui.cases;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.harbor.accounts.User;
import org.harbor.cases.CaseQuery;
import org.harbor.cases.CaseStatus;
import org.harbor.cases.CaseSummary;
import org.harbor.cases.TextLimits;
import org.harbor.i18n.I18n;
import org.harbor.i18n.LocalizedDates;
import org.harbor.ui.common.EnterKey;
import org.harbor.ui.common.InitialFocus;
import org.harbor.ui.common.Lengths;
import org.harbor.ui.common.Names;
import org.harbor.ui.common.Paragraph;
import org.harbor.ui.common.Prompts;
import org.harbor.ui.common.Screen;
import org.harbor.ui.common.Styles;
import org.harbor.ui.common.Subscriptions;

/**
 * The case list. Typing in the search field asks again after a short pause; Down moves into the
 * table, Enter opens the selected case, Ctrl+N starts a new one.
 */
public final class CaseListView implements Screen {

    public static final KeyCombination NEW_CASE = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
    /** About a screenful of the list in the default window. */
    private static final int WARM_UP_ROWS = 30;

    private final CaseListViewModel model;
    private final I18n i18n;
    private final Subscriptions subscriptions = new Subscriptions();

    public CaseListView(CaseListViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
    }

    @Override
    public Parent build() {
        subscriptions.release();
        Label title = new Label(i18n.get("cases.title"));
        title.getStyleClass().add(Styles.TITLE);

        TextField search = new TextField();
        search.setId("caseSearch");
        search.setPromptText(i18n.get("cases.search.prompt"));
        Prompts.whole(search);
        search.setAccessibleText(i18n.get("cases.search.prompt"));
        subscriptions.bindBidirectional(search.textProperty(), model.searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        PauseTransition typing = new PauseTransition(Duration.millis(250));
        typing.setOnFinished(e -> model.refresh());
        search.textProperty().addListener((o, a, b) -> typing.playFromStart());

        ComboBox<CaseStatus> status = new ComboBox<>();
        status.setId("caseStatusFilter");
        status.getItems().add(null);
        status.getItems().addAll(CaseStatus.values());
        status.setCellFactory(l -> cell(model::statusName));
        status.setButtonCell(buttonCell(model::statusName));
        subscriptions.bindBidirectional(status.valueProperty(), model.statusProperty());
        status.setAccessibleText(i18n.get("cases.filter.status"));
        status.valueProperty().addListener((o, a, b) -> model.refresh());

        ComboBox<User> worker = new ComboBox<>();
        worker.setId("caseWorkerFilter");
        worker.setItems(FXCollections.observableArrayList());
        worker.getItems().add(null);
        subscriptions.add(model.workers().subscribe(() -> {
            worker.getItems().setAll((User) null);
            worker.getItems().addAll(model.workers());
        }));
        worker.setCellFactory(l -> cell(model::workerName));
        worker.setButtonCell(buttonCell(model::workerName));
        subscriptions.bindBidirectional(worker.valueProperty(), model.workerProperty());
        worker.setAccessibleText(i18n.get("cases.filter.worker"));
        worker.valueProperty().addListener((o, a, b) -> model.refresh());
        worker.setVisible(model.canFilterByWorker());
        worker.setManaged(model.canFilterByWorker());

        ComboBox<CaseQuery.Sort> sort = new ComboBox<>(FXCollections.observableArrayList(Arrays.asList(CaseQuery.Sort.values())));
        sort.setId("caseSort");
        sort.setCellFactory(l -> cell(model::sortName));
        sort.setButtonCell(cell(model::sortName));
        subscriptions.bindBidirectional(sort.valueProperty(), model.sortProperty());
        sort.setAccessibleText(i18n.get("cases.sort"));
        sort.valueProperty().addListener((o, a, b) -> model.refresh());

        // Each choice keeps the width of its longest item, and the choices go on a second row where
        // one row has no room for them beside the search field (French, Portuguese, Tagalog at 1024 px; issue 19).
        for (ComboBox<?> choice : List.of(status, worker, sort)) {
            choice.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox choices = new HBox(8, status, worker, sort);
        choices.setAlignment(Pos.CENTER_LEFT);
        FlowPane filters = new FlowPane(8, 8, search, choices);
        filters.setAlignment(Pos.CENTER_LEFT);
        // the search field takes what the row leaves, at least its prompt's width
        filters.widthProperty().subscribe(w -> search.setPrefWidth(Math.max(search.getMinWidth(),
                w.doubleValue() - 8 - choices.prefWidth(-1) - 1)));

        TableView<CaseSummary> table = table(model.rows(), i18n);
        Label empty = new Label(model.emptyText());
        empty.setId("caseListEmpty");
        table.setPlaceholder(empty);
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.open(table.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                model.open(table.getSelectionModel().getSelectedItem());
            }
        });
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !model.rows().isEmpty()) {
                table.requestFocus();
                if (table.getSelectionModel().isEmpty()) {
                    table.getSelectionModel().selectFirst();
                    table.getFocusModel().focus(0);
                }
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER && model.rows().size() == 1) {
                model.open(model.rows().getFirst());
                e.consume();
            }
        });
        // Reaching the end of what is loaded asks for the next page.
        table.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (b.intValue() >= model.rows().size() - 1 && model.hasMore()) {
                model.loadMore();
            }
        });

        Label count = new Label();
        count.setId("caseCount");
        Runnable showCount = () -> {
            count.setText(model.countText().orElse(""));
            empty.setText(model.emptyText());
        };
        subscriptions.add(model.rows().subscribe(showCount));
        subscriptions.add(model.totalProperty().subscribe((was, now) -> showCount.run()));
        Button more = new Button(i18n.get("cases.more"));
        more.setId("caseMore");
        more.setOnAction(e -> model.loadMore());
        Runnable showMore = () -> {
            more.setVisible(model.hasMore());
            more.setManaged(model.hasMore());
        };
        subscriptions.add(model.rows().subscribe(showMore));
        subscriptions.add(model.totalProperty().subscribe((was, now) -> showMore.run()));
        showMore.run();
        HBox footer = new HBox(12, count, more);
        footer.setAlignment(Pos.CENTER_LEFT);

        VBox root = new VBox(12, title, filters, table, footer);
        if (model.canCreate()) {
            root.getChildren().add(newCaseForm());
        }
        Paragraph message = new Paragraph();
        message.setId("caseListMessage");
        message.getStyleClass().add(Styles.ERROR);
        subscriptions.bind(message.contentProperty(), model.messageProperty());
        Button home = new Button(i18n.get("generic.back"));
        home.setId("caseListBack");
        home.setOnAction(e -> model.home());
        root.getChildren().addAll(message, home);
        root.setPadding(new Insets(24));
        root.setId("caseListScreen");
        subscriptions.add(root.sceneProperty().subscribe((a, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(NEW_CASE, () -> root.lookup("#newCaseName").requestFocus());
            } else if (a != null) {
                a.getAccelerators().remove(NEW_CASE);
            }
        }));
        // The scene outlives the view: its accelerator goes with the view.
        subscriptions.add(() -> {
            if (root.getScene() != null) {
                root.getScene().getAccelerators().remove(NEW_CASE);
            }
        });
        model.loadWorkers();
        model.refresh();
        InitialFocus.request(search);
        return root;
    }

    /** The table of cases with its columns: the list's and the warm-up's. */
    private static TableView<CaseSummary> table(ObservableList<CaseSummary> rows, I18n i18n) {
        TableView<CaseSummary> table = new TableView<>(rows);
        table.setId("caseTable");
        // 44 px less than the one-row design: where the filters take a second row the page keeps its height
        table.setPrefHeight(396);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column(i18n.get("cases.column.number"), CaseSummary::number));
        TableColumn<CaseSummary, String> names = column(i18n.get("cases.column.name"), r -> r.survivorName().isEmpty()
                ? i18n.get("cases.noName") : r.survivorName());
        names.setCellFactory(Names.cells());
        table.getColumns().add(names);
        table.getColumns().add(column(i18n.get("cases.column.status"), r -> CaseListViewModel.statusName(i18n, r.status())));
        table.getColumns().add(column(i18n.get("cases.column.updated"), r -> LocalizedDates.dateTime(Instant.parse(r.updatedAt()),
                i18n.locale(), ZoneId.systemDefault(), FormatStyle.SHORT, FormatStyle.SHORT)));
        return table;
    }

    /**
     * Lays out a screenful of the case table and a filter once, off screen, with made-up rows
     * (no record): the first case list after a start then finds the table's classes loaded, its
     * skins and styles set up and their code run once (issue 16: the first list after a start
     * took several times as long as later ones; side by side this halves the FX thread's work
     * for it). Called on the FX thread while the passphrase is typed; nothing of it is kept.
     */
    public static void warmUp(I18n i18n, List<String> stylesheets) {
        ObservableList<CaseSummary> rows = FXCollections.observableArrayList();
        String at = Instant.EPOCH.toString();
        for (int i = 0; i < WARM_UP_ROWS; i++) {
            rows.add(new CaseSummary("warm-up-" + i, String.valueOf(i), CaseStatus.values()[i % CaseStatus.values().length],
                    i % 2 == 0 ? "" : "x", at, 0, null, at));
        }
        TableView<CaseSummary> table = table(rows, i18n);
        // The filters' kind of control too: the log-in form has fields and buttons, no combo box.
        ComboBox<CaseStatus> status = new ComboBox<>(FXCollections.observableArrayList(CaseStatus.values()));
        status.setCellFactory(l -> cell(s -> CaseListViewModel.statusName(i18n, s)));
        status.setButtonCell(buttonCell(s -> CaseListViewModel.statusName(i18n, s)));
        VBox root = new VBox(new HBox(status), table);
        Scene scene = new Scene(root, 960, 700);
        scene.getStylesheets().setAll(stylesheets);
        root.applyCss();
        root.layout();
        rows.clear();
    }

    private VBox newCaseForm() {
        Label heading = new Label(i18n.get("cases.new.title"));
        heading.getStyleClass().add(Styles.SECTION_TITLE);
        TextField name = Lengths.cap(new TextField(), TextLimits.NAME);
        name.setId("newCaseName");
        name.setPromptText(i18n.get("cases.new.name"));
        Prompts.whole(name);
        name.setAccessibleText(i18n.get("cases.new.name"));
        subscriptions.bindBidirectional(name.textProperty(), model.newNameProperty());
        TextField aliases = new TextField();
        aliases.setId("newCaseAliases");
        aliases.setPromptText(i18n.get("cases.new.aliases"));
        Prompts.whole(aliases);
        aliases.setAccessibleText(i18n.get("cases.new.aliases"));
        subscriptions.bindBidirectional(aliases.textProperty(), model.newAliasesProperty());
        HBox.setHgrow(name, Priority.ALWAYS);
        HBox.setHgrow(aliases, Priority.ALWAYS);
        Button create = new Button(i18n.get("cases.new.create"));
        create.setId("newCaseCreate");
        create.setOnAction(e -> model.create());
        HBox row = new HBox(8, name, aliases, create);
        row.setAlignment(Pos.CENTER_LEFT);
        Paragraph hint = new Paragraph(i18n.get("cases.new.hint"));
        VBox form = new VBox(8, heading, row, hint);
        EnterKey.submits(create, form);
        return form;
    }

    private static <T> ListCell<T> cell(Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : text.apply(item));
            }
        };
    }

    /** A combo box shows an empty button cell for a null value; here null means "any". */
    private static <T> ListCell<T> buttonCell(Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(text.apply(empty ? null : item));
            }
        };
    }

    private static TableColumn<CaseSummary, String> column(String title, Function<CaseSummary, String> value) {
        TableColumn<CaseSummary, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setSortable(false);
        return column;
    }

    @Override
    public void dispose() {
        subscriptions.release();
        model.dispose();
    }
}
