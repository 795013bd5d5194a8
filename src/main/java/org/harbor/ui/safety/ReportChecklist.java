package org.harbor.ui.safety;

import java.time.ZoneId;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.harbor.i18n.I18n;
import org.harbor.safety.CaseSafety;
import org.harbor.ui.common.EnterKey;
import org.harbor.ui.common.Paragraph;
import org.harbor.ui.common.Prompts;
import org.harbor.ui.common.ScreenContext;
import org.harbor.ui.common.Styles;
import org.harbor.ui.common.Subscriptions;

/**
 * The mandatory-report checklist on the case screen (R18): title, countdown, steps, citation, the
 * reports logged, and (while the case is open) the form that logs one. Hidden while the case
 * triggers no rule. The countdown is counted again every 20 seconds.
 */
public final class ReportChecklist {

    private final ReportChecklistViewModel model;
    private final VBox root = new VBox(6);
    private final VBox body = new VBox(6);
    private final Subscriptions subscriptions = new Subscriptions();
    private final Timeline ticker;

    public ReportChecklist(ReportChecklistViewModel model, boolean editable) {
        this.model = model;
        I18n i18n = model.i18n();
        Label title = new Label();
        title.getStyleClass().add(Styles.SECTION_TITLE);
        title.setId("reportTitle");
        Label countdown = new Label();
        countdown.setId("reportCountdown");
        subscriptions.bind(countdown.textProperty(), model.countdownProperty());
        subscriptions.add(model.overdueProperty().subscribe(now -> {
            countdown.getStyleClass().remove(Styles.REPORT_OVERDUE);
            if (now) {
                countdown.getStyleClass().add(Styles.REPORT_OVERDUE);
            }
        }));
        VBox form = new VBox(6);
        if (editable) {
            TextField when = field("reportMadeAt", i18n.get("reports.log.madeAt"), 16);
            subscriptions.bindBidirectional(when.textProperty(), model.madeAtProperty());
            TextField to = field("reportMadeTo", i18n.get("reports.log.madeTo"), model.maxMadeTo());
            subscriptions.bindBidirectional(to.textProperty(), model.madeToProperty());
            TextField reference = field("reportReference", i18n.get("reports.log.reference"), model.maxReference());
            subscriptions.bindBidirectional(reference.textProperty(), model.referenceProperty());
            Button log = new Button(i18n.get("reports.log.submit"));
            log.setId("reportLog");
            log.setOnAction(e -> model.logReport());
            Label whenLabel = new Label(i18n.get("reports.log.madeAt"));
            whenLabel.setLabelFor(when);
            // one row where it fits, more where it does not: no label, prompt or button cut short (issue 19)
            for (TextField field : List.of(when, to, reference)) {
                Prompts.whole(field);
            }
            FlowPane row = new FlowPane(8, 8, whenLabel, when, to, reference, log);
            row.setAlignment(Pos.CENTER_LEFT);
            EnterKey.submits(log, row);
            form.getChildren().add(row);
        }
        Paragraph message = new Paragraph("");
        message.setId("reportMessage");
        subscriptions.bind(message.contentProperty(), model.messageProperty());
        subscriptions.add(model.dueProperty().subscribe(d -> {
            root.setVisible(d != null);
            root.setManaged(d != null);
            if (d != null) {
                title.setText(model.title(d.rule()));
                fill(d, form);
            }
        }));
        root.getChildren().setAll(title, countdown, body, message);
        root.setId("reportChecklist");
        root.getStyleClass().add(Styles.REPORT_CHECKLIST);
        ticker = new Timeline(new KeyFrame(Duration.seconds(20), e -> model.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    private void fill(CaseSafety.ReportDue d, VBox form) {
        body.getChildren().clear();
        body.getChildren().add(new Paragraph(model.summary(d.rule())));
        body.getChildren().add(new Paragraph(model.deadline(d)));
        int n = 0;
        for (String step : model.steps(d.rule())) {
            n++;
            Paragraph p = new Paragraph(n + ". " + step);
            p.setId("reportStep" + n);
            body.getChildren().add(p);
        }
        Paragraph citation = new Paragraph(model.citation(d.rule()));
        citation.getStyleClass().add(Styles.HINT);
        citation.setId("reportCitation");
        body.getChildren().add(citation);
        int m = 0;
        for (String made : model.made(d)) {
            m++;
            Paragraph p = new Paragraph(made);
            p.setId("reportMade" + m);
            body.getChildren().add(p);
        }
        body.getChildren().add(form);
    }

    private static TextField field(String id, String prompt, int max) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setAccessibleText(prompt);
        field.setTextFormatter(new TextFormatter<String>(c -> c.getControlNewText().length() <= max ? c : null));
        return field;
    }

    /** The checklist of case {@code caseId}; {@code editable} false for a sealed case (no log form). */
    public static ReportChecklist of(ScreenContext context, String caseId, boolean editable) {
        var useCases = context.useCases();
        ReportChecklistViewModel model = new ReportChecklistViewModel(useCases.showCaseSafety(), useCases.logMandatoryReport(),
                context.i18n(), context.background(), context.session(), caseId, ZoneId.systemDefault());
        model.load();
        return new ReportChecklist(model, editable);
    }

    public Node node() {
        return root;
    }

    public ReportChecklistViewModel model() {
        return model;
    }

    public void dispose() {
        ticker.stop();
        subscriptions.release();
        model.dispose();
    }
}
