package org.harbor.ui.interview;

import java.util.List;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.InvalidationListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.harbor.i18n.I18n;
import org.harbor.interview.profile.ProtocolProfile;
import org.harbor.ui.common.InitialFocus;
import org.harbor.ui.common.Paragraph;
import org.harbor.ui.common.Styles;
import org.harbor.ui.common.Scrolling;

/**
 * The interview screen, built in code because its content is data (the protocol's phases,
 * checklists and prompts): the setup, the running interview ({@link RunningPane}) and the summary.
 * The view binds and delegates; the view-model decides. A one-second timeline refreshes the
 * elapsed times from the view-model's clock; it stops when the screen goes away.
 */
final class InterviewView {

    private final InterviewViewModel model;
    private final I18n i18n;
    private final StackPane root = new StackPane();
    /** The step in a scroll pane; the running interview's action bar beneath it, fixed (issue 14). */
    private final BorderPane frame = new BorderPane();
    private final ScrollPane scroll = Scrolling.pane(root);
    private final Timeline ticker;
    private RunningPane running;
    private final InvalidationListener stepListener = obs -> showStep();

    InterviewView(InterviewViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
    }

    Parent build() {
        root.setId("interviewScreen");
        root.setPadding(new Insets(16));
        scroll.setId("interviewScroll");
        scroll.setFitToWidth(true);
        frame.setId("interviewFrame");
        frame.setCenter(scroll);
        model.refreshTexts();
        model.stepProperty().addListener(stepListener);
        showStep();
        ticker.play();
        return frame;
    }

    void stop() {
        ticker.stop();
        model.stepProperty().removeListener(stepListener);
        if (running != null) {
            running.detach();
        }
    }

    private void showStep() {
        Node content = switch (model.stepProperty().get()) {
            case LOADING -> loading();
            case SETUP -> setup();
            case RUNNING -> running();
            case SUMMARY -> summary();
        };
        StackPane.setAlignment(content, Pos.TOP_LEFT);
        root.getChildren().setAll(content);
        frame.setBottom(model.stepProperty().get() == InterviewViewModel.Step.RUNNING && running != null
                ? running.actionBar() : null);
    }

    private Node loading() {
        VBox box = new VBox(12, title(i18n.get("interview.title")), message());
        return box;
    }

    private Label title(String text) {
        Label title = new Label(text);
        title.getStyleClass().add(Styles.TITLE);
        return title;
    }

    Paragraph message() {
        Paragraph message = new Paragraph();
        message.setId("interviewMessage");
        message.getStyleClass().add(Styles.ERROR);
        message.contentProperty().bind(model.messageProperty());
        return message;
    }

    private Node setup() {
        ComboBox<ProtocolProfile> profile = new ComboBox<>(model.profiles());
        profile.setId("interviewProfile");
        profile.setConverter(converter(model::profileName));
        profile.setCellFactory(list -> cell(model::profileName));
        profile.valueProperty().bindBidirectional(model.chosenProfileProperty());
        ComboBox<String> language = new ComboBox<>(model.languages());
        language.setId("interviewLanguage");
        language.setConverter(converter(model::languageName));
        language.setCellFactory(list -> cell(model::languageName));
        language.valueProperty().bindBidirectional(model.chosenLanguageProperty());
        Label profileLabel = new Label(i18n.get("interview.setup.profile"));
        profileLabel.setLabelFor(profile);
        Label languageLabel = new Label(i18n.get("interview.setup.language"));
        languageLabel.setLabelFor(language);
        Paragraph coverage = new Paragraph();
        coverage.setId("interviewCoverage");
        coverage.getStyleClass().add(Styles.HINT);
        coverage.contentProperty().bind(model.coverageProperty());
        coverage.visibleProperty().bind(model.coverageProperty().isNotEmpty());
        coverage.managedProperty().bind(coverage.visibleProperty());
        Paragraph hint = new Paragraph(i18n.get("interview.setup.hint"));
        hint.getStyleClass().add(Styles.HINT);
        Button start = new Button(i18n.get("interview.setup.start"));
        start.setId("interviewStart");
        start.setDefaultButton(true);
        start.disableProperty().bind(model.workingProperty());
        start.setOnAction(e -> model.start());
        VBox box = new VBox(10, title(i18n.get("interview.setup.title")), hint, profileLabel, profile, languageLabel,
                language, coverage, start, message());
        box.setMaxWidth(640);
        InitialFocus.request(profile);
        return box;
    }

    private Node running() {
        if (running != null) {
            running.detach();
        }
        running = new RunningPane(model, i18n, message());
        return running.build();
    }

    private Node summary() {
        SummaryRows rows = model.summaryProperty().get();
        VBox box = new VBox(12, title(i18n.get("interview.summary.title")));
        if (rows != null) {
            box.getChildren().add(grid("interviewSummaryOverall", rows.overall()));
            Label types = new Label(i18n.get("interview.summary.types"));
            types.getStyleClass().add(Styles.SECTION_TITLE);
            box.getChildren().addAll(types, grid("interviewSummaryTypes", rows.types()));
            Label phases = new Label(i18n.get("interview.summary.phases"));
            phases.getStyleClass().add(Styles.SECTION_TITLE);
            box.getChildren().addAll(phases, grid("interviewSummaryPhases", rows.phases()));
        }
        Paragraph followUp = new Paragraph();
        followUp.setId("interviewFollowUp");
        followUp.contentProperty().bind(model.followUpTextProperty());
        Button home = new Button(i18n.get("interview.summary.home"));
        home.setId("interviewHome");
        home.setDefaultButton(true);
        home.setOnAction(e -> model.home());
        box.getChildren().addAll(followUp, home, message());
        box.setMaxWidth(720);
        if (model.debriefOfferedProperty().get()) {
            Node debrief = debrief();
            box.getChildren().add(1, debrief);
        }
        InitialFocus.request(home);
        return box;
    }

    /** Debrief items, paraphrased from the NCTSN's guidance on secondary traumatic stress. */
    private static final List<String> DEBRIEF_ITEMS = List.of("interview.debrief.pause", "interview.debrief.notice",
            "interview.debrief.talk", "interview.debrief.lasting");

    /**
     * The interviewer's optional debrief after the interview ended here (R22). Self-care guidance
     * and a checklist for the interviewer alone: no text field, and the ticks live in these check
     * boxes only, so nothing of it can reach the case, the vault or a log (the screen says so).
     */
    private Node debrief() {
        Label heading = new Label(i18n.get("interview.debrief.title"));
        heading.getStyleClass().add(Styles.SECTION_TITLE);
        Paragraph notKept = new Paragraph(i18n.get("interview.debrief.notKept"));
        notKept.setId("interviewDebriefNotKept");
        VBox box = new VBox(8, heading, notKept);
        for (String key : DEBRIEF_ITEMS) {
            box.getChildren().add(RunningPane.checkRow(new CheckBox(), i18n.get(key)));
        }
        Paragraph source = new Paragraph(i18n.get("interview.debrief.source"));
        source.getStyleClass().add(Styles.HINT);
        Button close = new Button(i18n.get("interview.debrief.close"));
        close.setId("interviewDebriefClose");
        close.setOnAction(e -> {
            model.closeDebrief();
            box.setVisible(false);
            box.setManaged(false);
        });
        box.getChildren().addAll(source, close);
        box.setId("interviewDebrief");
        box.getStyleClass().add(Styles.DEBRIEF);
        return box;
    }

    private static GridPane grid(String id, List<SummaryRows.Row> rows) {
        GridPane grid = new GridPane();
        grid.setId(id);
        grid.setHgap(24);
        grid.setVgap(4);
        for (int i = 0; i < rows.size(); i++) {
            SummaryRows.Row row = rows.get(i);
            Label count = new Label(row.count());
            count.setId(id + "Count" + i);
            Label share = new Label(row.share());
            share.setId(id + "Share" + i);
            grid.addRow(i, new Label(row.label()), count, share);
        }
        return grid;
    }

    static <T> StringConverter<T> converter(Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }

    static <T> ListCell<T> cell(Function<T, String> name) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : name.apply(item));
            }
        };
    }
}
