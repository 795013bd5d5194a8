package org.harbor.ui.central;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.harbor.central.CentralStore;
import org.harbor.central.Statistics;
import org.harbor.i18n.I18n;
import org.harbor.i18n.LocalizedDates;
import org.harbor.ui.common.ColumnWidths;
import org.harbor.ui.common.InitialFocus;
import org.harbor.ui.common.Names;
import org.harbor.ui.common.Paragraph;
import org.harbor.ui.common.Prompts;
import org.harbor.ui.common.Screen;
import org.harbor.ui.common.Styles;

/**
 * The central office (central mode of the desktop app): five tabs over the central store — cases
 * (search, filters, the read-only case view), the review queue, possible duplicates, conflicts and
 * statistics. Keyboard: Ctrl+1 … Ctrl+5 choose a tab (Ctrl+Tab moves on); in a list Enter opens or
 * selects; Escape leaves a case view.
 */
public final class CentralOfficeView implements Screen {

    private static final List<String> GENDERS = List.of("male", "female", "other");
    private static final List<String> EXPLOITATION_TYPES = List.of("labour", "sexual", "criminal", "forced_marriage", "begging",
            "domestic_servitude", "organ_removal", "other");

    private final CentralCasesViewModel cases;
    private final CentralQueueViewModel queue;
    private final DuplicatesViewModel duplicates;
    private final ConflictsViewModel conflicts;
    private final CentralStatisticsViewModel statistics;
    private final I18n i18n;
    private final Runnable onDispose;

    public CentralOfficeView(CentralCasesViewModel cases, CentralQueueViewModel queue, DuplicatesViewModel duplicates,
                             ConflictsViewModel conflicts, CentralStatisticsViewModel statistics, I18n i18n, Runnable onDispose) {
        this.cases = cases;
        this.queue = queue;
        this.duplicates = duplicates;
        this.conflicts = conflicts;
        this.statistics = statistics;
        this.i18n = i18n;
        this.onDispose = onDispose;
    }

    @Override
    public Parent build() {
        Label title = new Label(i18n.get("central.title"));
        title.getStyleClass().add(Styles.TITLE);
        TabPane tabs = new TabPane();
        tabs.setId("centralTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // Only the tabs this account's role may use (an analyst sees statistics alone).
        if (cases.allowed()) {
            tabs.getTabs().add(tab("centralTabCases", "central.tab.cases", casesTab()));
        }
        if (queue.allowed()) {
            tabs.getTabs().add(tab("centralTabQueue", "central.tab.queue", queueTab()));
        }
        if (duplicates.allowed()) {
            tabs.getTabs().add(tab("centralTabDuplicates", "central.tab.duplicates", duplicatesTab()));
        }
        if (conflicts.allowed()) {
            tabs.getTabs().add(tab("centralTabConflicts", "central.tab.conflicts", conflictsTab()));
        }
        if (statistics.allowed()) {
            tabs.getTabs().add(tab("centralTabStats", "central.tab.stats", statsTab()));
        }
        VBox page = new VBox(12, title, tabs);
        page.setId("centralOffice");
        page.getStyleClass().add(Styles.CENTRAL_PAGE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        page.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            for (int i = 0; i < tabs.getTabs().size(); i++) {
                if (new KeyCodeCombination(KeyCode.getKeyCode(Integer.toString(i + 1)), KeyCombination.SHORTCUT_DOWN).match(e)) {
                    tabs.getSelectionModel().select(i);
                    Node first = tabs.getTabs().get(i).getContent().lookup("." + Styles.FIRST_FIELD);
                    if (first != null) {
                        first.requestFocus();
                    }
                    e.consume();
                }
            }
        });
        if (cases.allowed()) {
            cases.refresh();
        }
        if (queue.allowed()) {
            queue.refresh();
        }
        if (duplicates.allowed()) {
            duplicates.refresh();
        }
        if (conflicts.allowed()) {
            conflicts.refresh();
        }
        if (statistics.allowed()) {
            statistics.refresh();
        }
        return page;
    }

    private static Tab tab(String id, String key, Node content, I18n i18n) {
        Tab t = new Tab(i18n.get(key), content);
        t.setId(id);
        return t;
    }

    private Tab tab(String id, String key, Node content) {
        return tab(id, key, content, i18n);
    }

    // --- cases ---------------------------------------------------------------------------------

    private Node casesTab() {
        TextField search = new TextField();
        search.setId("centralSearch");
        search.getStyleClass().add(Styles.FIRST_FIELD);
        search.setPromptText(i18n.get("central.cases.search"));
        search.setAccessibleText(i18n.get("central.cases.search"));
        search.textProperty().bindBidirectional(cases.searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        TextField device = new TextField();
        device.setId("centralDevice");
        device.setPromptText(i18n.get("central.cases.device"));
        device.setAccessibleText(i18n.get("central.cases.device"));
        device.textProperty().bindBidirectional(cases.deviceProperty());
        ComboBox<String> status = statusBox("centralStatusFilter");
        status.getItems().addFirst(null);
        status.valueProperty().bindBidirectional(cases.statusProperty());
        status.setAccessibleText(i18n.get("central.cases.status"));
        search.setOnAction(e -> cases.refresh());
        device.setOnAction(e -> cases.refresh());
        status.valueProperty().addListener((o, a, b) -> cases.refresh());

        TableView<CentralStore.CaseRow> table = caseTable("centralCaseTable", cases.rows());
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                cases.openCase(table.getSelectionModel().getSelectedItem());
            }
        });
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                cases.openCase(table.getSelectionModel().getSelectedItem());
            }
        });
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !table.getItems().isEmpty()) {
                table.requestFocus();
                table.getSelectionModel().selectFirst();
                table.getFocusModel().focus(0);
            }
        });
        Label summary = new Label();
        summary.setId("centralPageSummary");
        cases.summaryProperty().subscribe(s -> {
            String[] p = s.split(" ");
            summary.setText(p.length == 3 ? i18n.get("central.cases.page", p[0], p[1], p[2]) : "");
        });
        Button previous = new Button(i18n.get("central.cases.previous"));
        previous.setId("centralPrevious");
        previous.setOnAction(e -> cases.previousPage());
        previous.disableProperty().bind(cases.hasPreviousProperty().not());
        Button next = new Button(i18n.get("central.cases.next"));
        next.setId("centralNext");
        next.setOnAction(e -> cases.nextPage());
        next.disableProperty().bind(cases.hasNextProperty().not());
        HBox paging = new HBox(8, previous, next, summary);
        paging.setAlignment(Pos.CENTER_LEFT);
        VBox list = new VBox(8, new HBox(8, search, device, status), table, paging, error(cases.errorProperty()));
        VBox holder = new VBox(list);
        cases.openProperty().subscribe(detail -> {
            if (detail == null) {
                holder.getChildren().setAll(list);
                table.requestFocus();
            } else {
                Node view = caseView(detail);
                holder.getChildren().setAll(view);
                view.lookup("#centralCaseBack").requestFocus();
            }
        });
        InitialFocus.request(search);
        return holder;
    }

    private Node caseView(CentralCaseDetail detail) {
        CentralStore.CaseView v = detail.view();
        Label heading = new Label(i18n.get("central.case.heading", v.summary().number(), v.summary().deviceId()));
        heading.getStyleClass().add(Styles.TITLE);
        heading.setId("centralCaseHeading");
        Button back = new Button(i18n.get("central.case.back"));
        back.setId("centralCaseBack");
        back.setOnAction(e -> cases.closeCase());
        VBox box = new VBox(8, heading, back);
        box.setId("centralCaseView");
        box.getChildren().add(section("central.case.persons"));
        for (CentralStore.PersonView p : v.persons()) {
            box.getChildren().add(Names.line(i18n.get("central.case.person", Names.marked(p.name()), Names.marked(p.aliases(), ", "),
                    i18n.get("case.person.role." + p.role()))));
        }
        box.getChildren().add(section("central.case.answers"));
        for (CentralStore.SubmissionView s : v.submissions()) {
            for (CentralStore.AnswerView a : s.answers()) {
                box.getChildren().add(new Label(a.path() + ": " + (a.value() != null ? a.value()
                        : i18n.get("central.case.nonResponse", String.valueOf(a.nonResponse())))));
            }
        }
        box.getChildren().add(section("central.case.seals"));
        for (CentralCaseDetail.SealCheck s : detail.seals()) {
            Label l = new Label(i18n.get(s.verifies() ? "central.case.sealOk" : "central.case.sealBad", s.seal().kind(),
                    s.seal().signerRole(), s.seal().sealedAt()));
            l.getStyleClass().add(s.verifies() ? Styles.SEAL_OK : Styles.ERROR);
            l.setId("centralSeal-" + s.seal().sealId());
            box.getChildren().add(l);
        }
        box.getChildren().add(section("central.case.custody"));
        for (CentralStore.CustodyEntry c : v.custody()) {
            box.getChildren().add(new Label(i18n.get("central.case.custodyLine", Long.toString(c.seq()), c.at(), c.action())));
        }
        box.getChildren().add(section("central.case.attachments"));
        if (v.attachments().isEmpty()) {
            box.getChildren().add(new Label(i18n.get("central.case.noAttachments")));
        }
        for (CentralStore.AttachmentView a : v.attachments()) {
            box.getChildren().add(new Label(i18n.get("central.case.attachment", String.valueOf(a.mediaType()), Long.toString(a.sizeBytes()),
                    a.sha256().substring(0, 16))));
        }
        box.getChildren().add(section("central.case.log"));
        for (CentralStore.AuditEntry e : detail.log()) {
            box.getChildren().add(new Label(i18n.get("central.case.logLine", e.at(), e.actor(), e.action())));
        }
        box.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                cases.closeCase();
            }
        });
        return box;
    }

    private Label section(String key) {
        Label l = new Label(i18n.get(key));
        l.getStyleClass().add(Styles.CENTRAL_SECTION);
        return l;
    }

    // --- queue ---------------------------------------------------------------------------------

    private Node queueTab() {
        ComboBox<CentralStore.Queue> which = new ComboBox<>(FXCollections.observableArrayList(CentralStore.Queue.values()));
        which.setId("centralQueueKind");
        which.getStyleClass().add(Styles.FIRST_FIELD);
        which.setAccessibleText(i18n.get("central.queue.which"));
        Function<CentralStore.Queue, String> name = q -> q == null ? "" : i18n.get("central.queue." + q.name().toLowerCase());
        which.setCellFactory(l -> cell(name));
        which.setButtonCell(cell(name));
        which.valueProperty().bindBidirectional(queue.queueProperty());
        which.valueProperty().addListener((o, a, b) -> queue.refresh());
        Label total = new Label();
        total.setId("centralQueueTotal");
        queue.totalProperty().subscribe(t -> total.setText(i18n.get("central.queue.total", t)));
        TableView<CentralStore.CaseRow> table = caseTable("centralQueueTable", queue.rows());
        TextField assignee = new TextField();
        assignee.setId("centralAssignee");
        assignee.setPromptText(i18n.get("central.queue.assignee"));
        assignee.setAccessibleText(i18n.get("central.queue.assignee"));
        assignee.textProperty().bindBidirectional(queue.assigneeProperty());
        TextField reason = reasonField("centralQueueReason", queue.reasonProperty(), "central.reason.optional");
        Button assign = new Button(i18n.get("central.queue.assign"));
        assign.setId("centralAssign");
        assign.setOnAction(e -> queue.assign(table.getSelectionModel().getSelectedItem()));
        assignee.setOnAction(e -> queue.assign(table.getSelectionModel().getSelectedItem()));
        Button review = new Button(i18n.get("central.queue.toReview"));
        review.setId("centralToReview");
        review.setOnAction(e -> queue.setStatus(table.getSelectionModel().getSelectedItem(), "in_review"));
        Button close = new Button(i18n.get("central.queue.close"));
        close.setId("centralCloseCase");
        close.setOnAction(e -> queue.setStatus(table.getSelectionModel().getSelectedItem(), "closed"));
        // the prompt shown whole, and the buttons on a second row where the first has no room (issue 19)
        Prompts.whole(assignee);
        FlowPane actions = new FlowPane(8, 8, assignee, assign, review, close);
        actions.setAlignment(Pos.CENTER_LEFT);
        return new VBox(8, new HBox(8, which, total), table, reason, actions, error(queue.errorProperty()));
    }

    // --- duplicates ----------------------------------------------------------------------------

    private Node duplicatesTab() {
        ListView<CentralStore.DuplicatePair> list = new ListView<>(duplicates.pairs());
        list.setId("duplicateList");
        list.getStyleClass().add(Styles.FIRST_FIELD);
        list.setPrefHeight(160);
        list.setPlaceholder(new Label(i18n.get("central.duplicates.none")));
        list.setCellFactory(l -> cell(p -> i18n.get("central.duplicates.line", p.deviceId(), p.proposal().candidate().deviceId(),
                Integer.toString(p.proposal().candidate().score()))));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> duplicates.select(b));
        GridPane side = new GridPane();
        side.setId("duplicateSideBySide");
        side.setHgap(24);
        side.setVgap(4);
        Paragraph score = new Paragraph();
        score.setId("duplicateScore");
        ListView<CentralStore.PersonDecision> decisions = new ListView<>();
        decisions.setId("duplicateDecisions");
        decisions.setPrefHeight(80);
        decisions.setCellFactory(l -> cell(d -> i18n.get(d.open() ? "central.duplicates.decisionOpen" : "central.duplicates.decisionUndone",
                i18n.get("central.duplicates.decision." + d.decision().name().toLowerCase()), d.decidedBy(), d.decidedAt())));
        duplicates.selectedProperty().subscribe(s -> {
            side.getChildren().clear();
            score.setContent("");
            decisions.getItems().clear();
            if (s == null) {
                return;
            }
            fill(side, 0, s.left(), s.pair().deviceId(), s.pair().personId());
            fill(side, 1, s.right(), s.pair().proposal().candidate().deviceId(), s.pair().proposal().candidate().personId());
            score.setContent(explain(s.pair().proposal()));
            decisions.getItems().setAll(s.decisions());
        });
        TextField reason = reasonField("duplicateReason", duplicates.reasonProperty(), "central.reason.required");
        Button merge = new Button(i18n.get("central.duplicates.merge"));
        merge.setId("duplicateMerge");
        merge.setOnAction(e -> duplicates.merge());
        Button apart = new Button(i18n.get("central.duplicates.keepApart"));
        apart.setId("duplicateKeepApart");
        apart.setOnAction(e -> duplicates.keepApart());
        Button undo = new Button(i18n.get("central.duplicates.undo"));
        undo.setId("duplicateUndo");
        undo.setOnAction(e -> {
            CentralStore.PersonDecision d = decisions.getSelectionModel().getSelectedItem();
            if (d != null && d.open()) {
                duplicates.undo(d);
            }
        });
        Label done = new Label();
        done.setId("duplicateDone");
        duplicates.doneProperty().subscribe(k -> done.setText(k.isEmpty() ? "" : i18n.get(k)));
        Paragraph never = new Paragraph(i18n.get("central.duplicates.neverAutomatic"));
        return new VBox(8, never, list, side, score, decisions, reason, new HBox(8, merge, apart, undo), done,
                error(duplicates.errorProperty()));
    }

    private void fill(GridPane grid, int column, CentralStore.CaseView v, String device, String personId) {
        CentralStore.PersonView p = v.persons().stream().filter(x -> x.personId().equals(personId)).findFirst().orElse(v.persons().getFirst());
        grid.add(new Label(i18n.get("central.duplicates.case", v.summary().number(), device)), column, 0);
        Label name = Names.label(p.name());
        name.setId("duplicateName" + column);
        name.getStyleClass().add(Styles.CENTRAL_NAME);
        grid.add(name, column, 1);
        grid.add(Names.line(i18n.get("central.duplicates.aliases", Names.marked(p.aliases(), ", "))), column, 2);
        grid.add(new Label(i18n.get("central.duplicates.opened", String.valueOf(v.summary().openedAt()))), column, 3);
    }

    private String explain(CentralStore.DuplicateProposal p) {
        StringBuilder out = new StringBuilder(i18n.get("central.duplicates.score", Integer.toString(p.candidate().score())));
        for (CentralStore.ScorePart part : p.parts()) {
            out.append("\n").append(i18n.get("central.duplicates.part", i18n.get("central.duplicates.kind." + part.kind()),
                    Integer.toString(part.matches()), Integer.toString(part.each()), Integer.toString(part.points())));
        }
        return out.toString();
    }

    // --- conflicts -----------------------------------------------------------------------------

    private Node conflictsTab() {
        ListView<CentralStore.ConflictSummary> list = new ListView<>(conflicts.conflicts());
        list.setId("conflictList");
        list.getStyleClass().add(Styles.FIRST_FIELD);
        list.setPrefHeight(120);
        list.setPlaceholder(new Label(i18n.get("central.conflicts.none")));
        list.setCellFactory(l -> cell(c -> i18n.get("central.conflicts.line", c.caseId().substring(0, 8), c.otherDeviceId(), c.importedAt())));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> conflicts.select(b));
        TableView<String[]> rows = new TableView<>(conflicts.rows());
        rows.setId("conflictRows");
        rows.setPrefHeight(260);
        rows.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        rows.getColumns().add(textColumn(i18n.get("central.conflicts.field"), r -> r[0]));
        rows.getColumns().add(textColumn(i18n.get("central.conflicts.filed"), r -> r[1]));
        rows.getColumns().add(textColumn(i18n.get("central.conflicts.other"), r -> r[2]));
        rows.getColumns().add(textColumn(i18n.get("central.conflicts.compare"), r -> i18n.get("central.conflicts." + r[3])));
        TextField reason = reasonField("conflictReason", conflicts.reasonProperty(), "central.reason.required");
        Button keep = new Button(i18n.get("central.conflicts.keepFiled"));
        keep.setId("conflictKeepFiled");
        keep.setOnAction(e -> conflicts.resolve(false));
        Button take = new Button(i18n.get("central.conflicts.takeOther"));
        take.setId("conflictTakeOther");
        take.setOnAction(e -> conflicts.resolve(true));
        Label done = new Label();
        done.setId("conflictDone");
        conflicts.doneProperty().subscribe(k -> done.setText(k.isEmpty() ? "" : i18n.get(k)));
        return new VBox(8, list, rows, reason, new HBox(8, keep, take), done, error(conflicts.errorProperty()));
    }

    // --- statistics ----------------------------------------------------------------------------

    private Node statsTab() {
        FlowPane charts = new FlowPane(16, 16);
        charts.setId("statsCharts");
        Paragraph note = new Paragraph(i18n.get("central.stats.note", Integer.toString(Statistics.K)));
        statistics.tables().subscribe(() -> {
            charts.getChildren().clear();
            for (Statistics.Table t : statistics.tables()) {
                charts.getChildren().add(chart(t));
            }
        });
        TextField path = new TextField();
        path.setId("statsCsvPath");
        path.getStyleClass().add(Styles.FIRST_FIELD);
        path.setAccessibleText(i18n.get("central.stats.csvPath"));
        path.setPromptText(i18n.get("central.stats.csvPath"));
        path.textProperty().bindBidirectional(statistics.csvPathProperty());
        HBox.setHgrow(path, Priority.ALWAYS);
        Button export = new Button(i18n.get("central.stats.export"));
        export.setId("statsExport");
        export.setOnAction(e -> statistics.exportCsv());
        path.setOnAction(e -> statistics.exportCsv());
        Label exported = new Label();
        exported.setId("statsExported");
        statistics.exportedProperty().subscribe(p -> exported.setText(p.isEmpty() ? "" : i18n.get("central.stats.exported", p)));
        return new VBox(8, note, new HBox(8, path, export), exported, error(statistics.errorProperty()), charts);
    }

    /** All years of one dimension as bars; a suppressed category gets no bar and its name says so. */
    private Node chart(Statistics.Table t) {
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setId("statsChart-" + t.dimension());
        chart.setTitle(i18n.get("central.stats.dimension." + t.dimension()));
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setPrefSize(420, 260);
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (String category : t.categories()) {
            Long n = t.count(category, Statistics.ALL);
            String label = category(t.dimension(), category);
            series.getData().add(new XYChart.Data<>(n == null ? i18n.get("central.stats.suppressed", label)
                    : label, n == null ? 0 : n));
        }
        chart.getData().add(series);
        return chart;
    }

    private String category(String dimension, String category) {
        if (Statistics.UNKNOWN.equals(category)) {
            return i18n.get("central.stats.unknown");
        }
        if (Statistics.GENDER.equals(dimension) && GENDERS.contains(category)
                || Statistics.EXPLOITATION.equals(dimension) && EXPLOITATION_TYPES.contains(category)) {
            return i18n.get("central.stats." + dimension + "." + category);
        }
        return category;
    }

    // --- shared pieces -------------------------------------------------------------------------

    private TableView<CentralStore.CaseRow> caseTable(String id, ObservableList<CentralStore.CaseRow> rows) {
        TableView<CentralStore.CaseRow> table = new TableView<>(rows);
        table.setId(id);
        table.setPrefHeight(320);
        table.setPlaceholder(new Label(i18n.get("central.cases.none")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(textColumn(i18n.get("central.cases.number"), CentralStore.CaseRow::number));
        TableColumn<CentralStore.CaseRow, String> names = textColumn(i18n.get("central.cases.name"), CentralStore.CaseRow::survivorName);
        names.setCellFactory(Names.cells());
        table.getColumns().add(names);
        table.getColumns().add(textColumn(i18n.get("central.cases.deviceColumn"), CentralStore.CaseRow::deviceId));
        table.getColumns().add(textColumn(i18n.get("central.cases.statusColumn"), r -> i18n.get("central.status." + r.status())));
        table.getColumns().add(textColumn(i18n.get("central.cases.assigned"), r -> r.assignedTo() == null ? "" : r.assignedTo()));
        table.getColumns().add(textColumn(i18n.get("central.cases.imported"), r -> when(r.importedAt())));
        // rows of this screen's own view model: the subscription goes with both
        ColumnWidths.fit(table);
        return table;
    }

    /** An import time in the user's language (dates on screen only through LocalizedDates); as stored if unreadable. */
    private String when(String stored) {
        if (stored == null) {
            return "";
        }
        try {
            return LocalizedDates.dateTime(Instant.parse(stored), i18n.locale(), ZoneId.systemDefault(), FormatStyle.SHORT,
                    FormatStyle.SHORT);
        } catch (DateTimeParseException e) {
            return stored;
        }
    }

    private ComboBox<String> statusBox(String id) {
        ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(CentralStore.STATUSES));
        box.setId(id);
        Function<String, String> name = s -> s == null ? i18n.get("central.cases.anyStatus") : i18n.get("central.status." + s);
        box.setCellFactory(l -> cell(name));
        box.setButtonCell(cell(name));
        return box;
    }

    private TextField reasonField(String id, StringProperty property, String promptKey) {
        TextField reason = new TextField();
        reason.setId(id);
        reason.setPromptText(i18n.get(promptKey));
        reason.setAccessibleText(i18n.get(promptKey));
        reason.textProperty().bindBidirectional(property);
        return reason;
    }

    private Label error(ReadOnlyStringProperty key) {
        Label l = new Label();
        l.getStyleClass().add(Styles.ERROR);
        key.subscribe(k -> l.setText(k == null || k.isEmpty() ? "" : i18n.get(k)));
        return l;
    }

    private static <T> TableColumn<T, String> textColumn(String title, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }

    private static <T> ListCell<T> cell(Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? (empty ? null : text.apply(null)) : text.apply(item));
            }
        };
    }

    @Override
    public void dispose() {
        onDispose.run();
    }

    static List<String> tabIds() {
        return List.of("centralTabCases", "centralTabQueue", "centralTabDuplicates", "centralTabConflicts", "centralTabStats");
    }
}
