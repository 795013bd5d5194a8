package org.harbor.ui.interview;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import javafx.util.Subscription;
import org.harbor.i18n.I18n;
import org.harbor.ui.common.ColumnWidths;
import org.harbor.ui.common.InitialFocus;
import org.harbor.ui.common.Paragraph;
import org.harbor.ui.common.Styles;

/** The supervisor's coaching view: a table per interviewer and a line chart of open-prompt shares. */
final class InterviewerStatsView {

    private final InterviewerStatsViewModel model;
    private final I18n i18n;
    private ListChangeListener<InterviewerStatsViewModel.Series> seriesListener;
    /** Headings and cells never cut short in any language (issue 19). */
    private Subscription columnWidths = Subscription.EMPTY;

    InterviewerStatsView(InterviewerStatsViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
    }

    Parent build() {
        Label title = new Label(i18n.get("interview.stats.title"));
        title.getStyleClass().add(Styles.TITLE);
        Paragraph hint = new Paragraph(i18n.get("interview.stats.hint"));
        hint.getStyleClass().add(Styles.HINT);
        DatePicker from = new DatePicker();
        from.setId("statsFrom");
        from.valueProperty().bindBidirectional(model.fromProperty());
        DatePicker to = new DatePicker();
        to.setId("statsTo");
        to.valueProperty().bindBidirectional(model.toProperty());
        Label fromLabel = new Label(i18n.get("interview.stats.from"));
        fromLabel.setLabelFor(from);
        Label toLabel = new Label(i18n.get("interview.stats.to"));
        toLabel.setLabelFor(to);
        Button show = new Button(i18n.get("interview.stats.show"));
        show.setId("statsShow");
        show.setDefaultButton(true);
        show.setOnAction(e -> model.load());
        Button back = new Button(i18n.get("generic.back"));
        back.setId("statsBack");
        back.setCancelButton(true);
        back.setOnAction(e -> model.back());
        Paragraph message = new Paragraph();
        message.setId("statsMessage");
        message.contentProperty().bind(model.messageProperty());

        VBox page = new VBox(10, title, hint, new HBox(12, new VBox(4, fromLabel, from), new VBox(4, toLabel, to)),
                new HBox(12, show, back), message, table(), workloadTitle(), workloadTable(), chart());
        page.setPadding(new Insets(24));
        InitialFocus.request(from);
        return page;
    }

    /** Releases the chart's subscription to the view-model when the view is replaced. */
    void detach() {
        columnWidths.unsubscribe();
        if (seriesListener != null) {
            model.series().removeListener(seriesListener);
        }
    }

    private TableView<InterviewerStatsViewModel.Row> table() {
        TableView<InterviewerStatsViewModel.Row> table = new TableView<>(model.rows());
        table.setId("statsTable");
        table.getColumns().add(column("interview.stats.interviewer", InterviewerStatsViewModel.Row::interviewer));
        table.getColumns().add(column("interview.stats.interviews", r -> Integer.toString(r.interviews())));
        table.getColumns().add(column("interview.stats.questions", r -> Integer.toString(r.questions())));
        table.getColumns().add(column("interview.stats.openShare", InterviewerStatsViewModel.Row::openShare));
        table.getColumns().add(column("interview.stats.pairing", InterviewerStatsViewModel.Row::pairing));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(180);
        table.setPlaceholder(new Label(i18n.get("interview.stats.none")));
        columnWidths = columnWidths.and(ColumnWidths.fit(table));
        return table;
    }

    private Node workloadTitle() {
        Label title = new Label(i18n.get("interview.workload.title"));
        title.getStyleClass().add(Styles.SECTION_TITLE);
        Paragraph hint = new Paragraph(i18n.get("interview.workload.hint"));
        hint.getStyleClass().add(Styles.HINT);
        return new VBox(4, title, hint);
    }

    /** Each interviewer's load this week (R22). */
    private TableView<InterviewerStatsViewModel.WorkloadRow> workloadTable() {
        TableView<InterviewerStatsViewModel.WorkloadRow> table = new TableView<>(model.workload());
        table.setId("workloadTable");
        table.getColumns().add(workloadColumn("interview.stats.interviewer", InterviewerStatsViewModel.WorkloadRow::interviewer));
        table.getColumns().add(workloadColumn("interview.workload.interviews", r -> Integer.toString(r.interviews())));
        table.getColumns().add(workloadColumn("interview.workload.hours", InterviewerStatsViewModel.WorkloadRow::hours));
        table.getColumns().add(workloadColumn("interview.workload.severeHarm", r -> Integer.toString(r.severeHarm())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(140);
        table.setPlaceholder(new Label(i18n.get("interview.workload.none")));
        columnWidths = columnWidths.and(ColumnWidths.fit(table));
        return table;
    }

    private TableColumn<InterviewerStatsViewModel.WorkloadRow, String> workloadColumn(String key,
            Function<InterviewerStatsViewModel.WorkloadRow, String> value) {
        TableColumn<InterviewerStatsViewModel.WorkloadRow, String> column = new TableColumn<>(i18n.get(key));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }

    private TableColumn<InterviewerStatsViewModel.Row, String> column(String key,
            Function<InterviewerStatsViewModel.Row, String> value) {
        TableColumn<InterviewerStatsViewModel.Row, String> column = new TableColumn<>(i18n.get(key));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }

    private LineChart<String, Number> chart() {
        CategoryAxis weeks = new CategoryAxis();
        // The weeks are the view-model's, in time order: left to the axis's own ranging, they were
        // lost when the data was replaced, and a single week was drawn on the plot's corner, unlabelled.
        weeks.setAutoRanging(false);
        weeks.setLabel(i18n.get("interview.stats.week"));
        // Up to 110 so that a point at 100 % is drawn whole, not cut in half by the plot's top edge;
        // the tick above 100 has no label.
        NumberAxis percent = new NumberAxis(0, 110, 10);
        percent.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return value.doubleValue() > 100.5 ? "" : String.format(i18n.locale(), "%d", value.intValue());
            }

            @Override
            public Number fromString(String text) {
                return null;
            }
        });
        percent.setLabel(i18n.get("interview.stats.openShareAxis"));
        LineChart<String, Number> chart = new LineChart<>(weeks, percent);
        chart.setId("statsChart");
        chart.setTitle(i18n.get("interview.stats.chart"));
        chart.setAnimated(false);
        chart.setPrefHeight(400);
        Runnable fill = () -> {
            weeks.getCategories().setAll(model.weeks());
            chart.getData().setAll(model.series().stream().map(s -> {
                XYChart.Series<String, Number> line = new XYChart.Series<>();
                line.setName(s.interviewer());
                s.points().forEach(p -> line.getData().add(new XYChart.Data<>(p.week(), p.percent())));
                return line;
            }).toList());
        };
        seriesListener = change -> fill.run();
        model.series().addListener(seriesListener);
        fill.run();
        return chart;
    }
}
