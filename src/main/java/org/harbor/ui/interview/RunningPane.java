package org.harbor.ui.interview;

import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.NodeOrientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.harbor.cases.TextLimits;
import org.harbor.i18n.I18n;
import org.harbor.interview.profile.Phase;
import org.harbor.interview.session.InterviewState;
import org.harbor.interview.session.PresentRole;
import org.harbor.interview.session.Utterance;
import org.harbor.ui.common.ConfirmOverlay;
import org.harbor.ui.common.InitialFocus;
import org.harbor.ui.common.Lengths;
import org.harbor.ui.common.Names;
import org.harbor.ui.common.Paragraph;
import org.harbor.ui.common.Styles;

/**
 * The running interview: the coach and the log first (the focus starts in the question field),
 * then the phase, who is present, breaks, pauses, the stop and the reluctance path. Every action
 * has a key: Enter logs from the question, answer and note fields; the shortcuts are filtered on
 * this pane, so they work wherever the focus is inside it.
 */
final class RunningPane {

    static final KeyCombination TAKE_REWRITE = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination BREAK = new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination PAUSE = new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination STOP = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination RELUCTANCE = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination NEXT_PHASE = new KeyCodeCombination(KeyCode.PAGE_DOWN, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination FOCUS_QUESTION = new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination FOCUS_ANSWER = new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination FOCUS_NOTE = new KeyCodeCombination(KeyCode.DIGIT3, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination FOCUS_PRESENT = new KeyCodeCombination(KeyCode.DIGIT4, KeyCombination.SHORTCUT_DOWN);

    private final InterviewViewModel model;
    private final CoachViewModel coach;
    private final PresentViewModel present;
    private final I18n i18n;
    private final Paragraph message;
    private final TextField question = new TextField();
    private final TextField answer = new TextField();
    private final TextField note = new TextField();
    private final TextField presentName = new TextField();
    private final TextField reason = new TextField();
    private final DatePicker secondSession = new DatePicker();
    private final VBox log = new VBox(6);
    private final VBox checklist = new VBox(4);
    private final VBox prompts = new VBox(4);
    private final VBox presentRows = new VBox(2);
    private final ComboBox<Integer> phaseChooser = new ComboBox<>();
    private final Label phaseName = new Label();
    private final Paragraph goal = new Paragraph();
    private final InvalidationListener phaseListener = obs -> showPhase();
    private final ListChangeListener<CoachViewModel.LogEntry> logListener = change -> showLog();
    /** The question field is disabled until the coach is ready; then it takes the focus. */
    private final InvalidationListener readyListener = obs -> focusQuestionWhenReady();
    private final ListChangeListener<PresentViewModel.Row> presentListener = change -> showPresent();
    private InvalidationListener endConfirmListener = obs -> { };

    RunningPane(InterviewViewModel model, I18n i18n, Paragraph message) {
        this.model = model;
        this.coach = model.coach();
        this.present = model.present();
        this.i18n = i18n;
        this.message = message;
    }

    Node build() {
        VBox coachColumn = new VBox(8, header(), message, coachPanel(), new Separator(), logPanel());
        VBox sideColumn = new VBox(8, phasePanel(), new Separator(), presentPanel(), new Separator(), holdPanel(),
                new Separator(), reluctancePanel());
        HBox.setHgrow(coachColumn, Priority.ALWAYS);
        coachColumn.setMinWidth(320);
        sideColumn.setPrefWidth(360);
        sideColumn.setMinWidth(280);
        HBox columns = new HBox(24, coachColumn, sideColumn);
        columns.setId("interviewRunning");
        columns.addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
        // Ending cannot be undone: Ctrl+E and the End button ask first, over the screen (issue 14).
        CheckBox severe = new CheckBox();
        severe.setId("interviewEndSevereHarm");
        severe.selectedProperty().bindBidirectional(model.severeHarmProperty());
        ConfirmOverlay ending = new ConfirmOverlay("interviewEndConfirm", i18n.get("interview.end.title"),
                i18n.get("interview.end.body"), checkRow(severe, i18n.get("interview.end.severeHarm")), i18n.get("interview.end.keep"), i18n.get("interview.end.go"),
                () -> {
                    model.cancelEnd();
                    question.requestFocus();
                }, model::confirmEnd);
        ending.node().visibleProperty().bind(model.endConfirmingProperty());
        ending.node().managedProperty().bind(ending.node().visibleProperty());
        columns.disableProperty().bind(model.endConfirmingProperty());
        endConfirmListener = obs -> {
            if (model.endConfirmingProperty().get()) {
                ending.focusKeep();
            }
        };
        model.endConfirmingProperty().addListener(endConfirmListener);
        if (model.endConfirmingProperty().get()) {
            ending.focusKeep(); // rebuilt while asking (a change of language): the safe answer keeps the focus
        }
        StackPane layers = new StackPane(columns, ending.node());
        StackPane.setAlignment(columns, Pos.TOP_LEFT);
        model.phaseIndexProperty().addListener(phaseListener);
        coach.entries().addListener(logListener);
        present.rows().addListener(presentListener);
        coach.readyProperty().addListener(readyListener);
        showPhase();
        showLog();
        showPresent();
        InitialFocus.request(question);
        return layers;
    }

    private void focusQuestionWhenReady() {
        if (coach.readyProperty().get()) {
            InitialFocus.request(question);
        }
    }

    /** Releases the listeners on the long-lived view-model when this pane is replaced. */
    void detach() {
        model.phaseIndexProperty().removeListener(phaseListener);
        coach.entries().removeListener(logListener);
        present.rows().removeListener(presentListener);
        coach.readyProperty().removeListener(readyListener);
        model.endConfirmingProperty().removeListener(endConfirmListener);
    }

    private void shortcut(KeyEvent e) {
        if (TAKE_REWRITE.match(e)) {
            coach.takeRewrite();
            question.requestFocus();
            question.end();
        } else if (BREAK.match(e) && model.breakOfferedProperty().get()) {
            model.takeOfferedBreak();
        } else if (BREAK.match(e)) {
            if (!model.holds().toggleBreak()) {
                reason.requestFocus();
            }
        } else if (PAUSE.match(e)) {
            if (!model.holds().togglePause()) {
                reason.requestFocus();
            }
        } else if (STOP.match(e)) {
            if (!model.askToEnd()) {
                reason.requestFocus();
            }
        } else if (RELUCTANCE.match(e)) {
            model.reluctanceOpenProperty().set(!model.reluctanceOpenProperty().get());
            if (model.reluctanceOpenProperty().get()) {
                secondSession.requestFocus();
            } else {
                question.requestFocus();
            }
        } else if (NEXT_PHASE.match(e)) {
            model.nextPhase();
        } else if (FOCUS_QUESTION.match(e)) {
            question.requestFocus();
        } else if (FOCUS_ANSWER.match(e)) {
            answer.requestFocus();
        } else if (FOCUS_NOTE.match(e)) {
            note.requestFocus();
        } else if (FOCUS_PRESENT.match(e)) {
            presentName.requestFocus();
        } else if (e.getCode() == KeyCode.ESCAPE && coach.confirmingProperty().get()) {
            coach.cancelConfirmation();
        } else {
            return;
        }
        e.consume();
    }

    private Node header() {
        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE);
        title.textProperty().bind(Bindings.createStringBinding(() -> model.profileName(model.profileProperty().get()),
                model.profileProperty()));
        Label total = new Label();
        total.setId("interviewTotal");
        total.textProperty().bind(Bindings.concat(i18n.get("interview.time.total"), " ", model.totalElapsedProperty()));
        Label phase = new Label();
        phase.setId("interviewPhaseTime");
        phase.textProperty().bind(Bindings.concat(i18n.get("interview.time.phase"), " ", model.phaseElapsedProperty()));
        Paragraph hold = new Paragraph();
        hold.setId("interviewHold");
        hold.getStyleClass().add(Styles.PROGRESS); // where the interview is, not an error
        hold.contentProperty().bind(model.holds().holdTextProperty());
        HBox times = new HBox(24, total, phase);
        return new VBox(4, title, times, hold, breakOffer());
    }

    /** A check box with its text beside it, not in it: a check box's own text cannot wrap (ADR 0001). */
    static HBox checkRow(CheckBox box, String text) {
        box.setAccessibleText(text);
        Paragraph words = new Paragraph(text);
        words.setOnMouseClicked(e -> box.setSelected(!box.isSelected()));
        HBox.setHgrow(words, Priority.ALWAYS);
        HBox row = new HBox(6, box, words);
        row.setAlignment(Pos.TOP_LEFT);
        return row;
    }

    /** The break offered at the organisation's interval (R14): one key (Ctrl+B) takes it. */
    private Node breakOffer() {
        Paragraph text = new Paragraph(i18n.get("forms.care.break.offer", model.breakAfter().toMinutes())
                + " " + i18n.get("interview.break.offerKeys"));
        text.setId("interviewBreakOfferText");
        Button take = button("interviewBreakTake", "forms.care.break.take", model::takeOfferedBreak);
        Button goOn = button("interviewBreakContinue", "forms.care.break.continue", () -> {
            model.declineOfferedBreak();
            question.requestFocus();
        });
        HBox buttons = new HBox(8, take, goOn);
        VBox offer = new VBox(6, text, buttons);
        offer.setId("interviewBreakOffer");
        offer.getStyleClass().add(Styles.BREAK_OFFER);
        offer.visibleProperty().bind(model.breakOfferedProperty());
        offer.managedProperty().bind(offer.visibleProperty());
        return offer;
    }

    private Node coachPanel() {
        question.setId("interviewQuestion");
        question.setNodeOrientation(spoken());
        answer.setNodeOrientation(spoken()); // notes are the interviewer's, in the display language
        question.textProperty().bindBidirectional(coach.questionProperty());
        question.setOnAction(e -> coach.submitQuestion());
        question.disableProperty().bind(coach.readyProperty().not());
        Label questionLabel = new Label(i18n.get("interview.coach.question"));
        questionLabel.setLabelFor(question);
        Paragraph coverage = new Paragraph();
        coverage.setId("interviewCoverage");
        coverage.getStyleClass().add(Styles.HINT);
        coverage.contentProperty().bind(model.coverageProperty());
        coverage.visibleProperty().bind(model.coverageProperty().isNotEmpty());
        coverage.managedProperty().bind(coverage.visibleProperty());
        Label label = new Label();
        label.setId("interviewLabel");
        label.getStyleClass().add(Styles.SECTION_TITLE);
        label.textProperty().bind(coach.labelTextProperty());
        Paragraph why = new Paragraph();
        why.setId("interviewWhy");
        why.contentProperty().bind(coach.reasonTextProperty());
        Paragraph rewrite = new Paragraph();
        rewrite.setId("interviewRewrite");
        rewrite.contentProperty().bind(Bindings.createStringBinding(() -> coach.rewriteProperty().get().isEmpty() ? ""
                : i18n.get("interview.coach.rewrite", coach.rewriteProperty().get()), coach.rewriteProperty()));
        Button take = new Button(i18n.get("interview.coach.takeRewrite"));
        take.setId("interviewTakeRewrite");
        take.visibleProperty().bind(coach.rewriteProperty().isNotEmpty());
        take.managedProperty().bind(take.visibleProperty());
        take.setOnAction(e -> {
            coach.takeRewrite();
            question.requestFocus();
        });
        Paragraph confirm = new Paragraph();
        confirm.contentProperty().bind(coach.confirmTextProperty());
        confirm.setId("interviewConfirm");
        confirm.getStyleClass().add(Styles.ERROR);
        confirm.visibleProperty().bind(coach.confirmingProperty());
        confirm.managedProperty().bind(confirm.visibleProperty());
        Paragraph reminder = new Paragraph();
        reminder.setId("interviewReminder");
        reminder.contentProperty().bind(coach.reminderProperty());
        Button logQuestion = button("interviewLogQuestion", "interview.coach.log", coach::submitQuestion);

        answer.setId("interviewAnswer");
        answer.textProperty().bindBidirectional(coach.answerProperty());
        answer.setOnAction(e -> coach.submitAnswer());
        answer.disableProperty().bind(coach.readyProperty().not());
        Label answerLabel = new Label(i18n.get("interview.answer"));
        answerLabel.setLabelFor(answer);
        CheckBox verbatim = new CheckBox(i18n.get("interview.answer.verbatim"));
        verbatim.setId("interviewAnswerVerbatim");
        verbatim.selectedProperty().bindBidirectional(coach.answerVerbatimProperty());
        Button logAnswer = button("interviewLogAnswer", "interview.answer.log", coach::submitAnswer);

        note.setId("interviewNote");
        note.textProperty().bindBidirectional(coach.noteProperty());
        note.setOnAction(e -> coach.submitNote());
        note.disableProperty().bind(coach.readyProperty().not());
        Label noteLabel = new Label(i18n.get("interview.note"));
        noteLabel.setLabelFor(note);
        Button logNote = button("interviewLogNote", "interview.note.log", coach::submitNote);

        Paragraph keys = new Paragraph(i18n.get("interview.keys"));
        keys.getStyleClass().add(Styles.HINT);
        return new VBox(6, questionLabel, question, coverage, label, why, rewrite, take, confirm, reminder, logQuestion,
                answerLabel, answer, new HBox(12, verbatim, logAnswer), noteLabel, note, logNote, keys);
    }

    /** The direction of the survivor's language, for what is typed or said in it (the display language may differ). */
    private NodeOrientation spoken() {
        return I18n.isRightToLeft(Locale.of(model.chosenLanguageProperty().get()))
                ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT;
    }

    /** Words in the interview language, with their display-language text beneath when it differs. */
    private Node spokenText(InterviewViewModel.PromptText text, String styleClass) {
        Paragraph said = new Paragraph("\u201C" + text.spoken() + "\u201D");
        said.setNodeOrientation(spoken());
        said.getStyleClass().add(styleClass);
        VBox box = new VBox(said);
        text.translation().ifPresent(t -> {
            Paragraph shown = new Paragraph(t);
            shown.getStyleClass().add(Styles.HINT);
            box.getChildren().add(shown);
        });
        return box;
    }

    private Button button(String id, String key, Runnable action) {
        Button button = new Button(i18n.get(key));
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    private Node logPanel() {
        Label title = new Label(i18n.get("interview.log.title"));
        title.getStyleClass().add(Styles.SECTION_TITLE);
        log.setId("interviewLog");
        return new VBox(6, title, log);
    }

    private void showLog() {
        log.getChildren().setAll(coach.entries().stream().map(entry -> {
            Paragraph said = new Paragraph(entry.text());
            if (entry.kind() != Utterance.Kind.NOTE) {
                said.setNodeOrientation(spoken());
            }
            VBox row = new VBox(new Label(coach.describe(entry)), said);
            row.getStyleClass().add(Styles.INTERVIEW_LOG_ENTRY);
            return (Node) row;
        }).toList());
    }

    private Node phasePanel() {
        phaseName.setId("interviewPhaseName");
        phaseName.getStyleClass().add(Styles.SECTION_TITLE);
        goal.setId("interviewPhaseGoal");
        checklist.setId("interviewChecklist");
        prompts.setId("interviewPrompts");
        phaseChooser.setId("interviewPhaseChooser");
        for (int i = 0; i < model.phases().size(); i++) {
            phaseChooser.getItems().add(i);
        }
        phaseChooser.setConverter(InterviewView.converter(i -> (i + 1) + ". " + model.phaseName(i)));
        phaseChooser.setCellFactory(list -> InterviewView.cell(i -> (i + 1) + ". " + model.phaseName(i)));
        phaseChooser.setOnAction(e -> {
            Integer chosen = phaseChooser.getValue();
            if (chosen != null && chosen != model.phaseIndexProperty().get()) {
                model.enterPhase(chosen);
            }
        });
        Label chooserLabel = new Label(i18n.get("interview.phase.choose"));
        chooserLabel.setLabelFor(phaseChooser);
        Button next = button("interviewNextPhase", "interview.phase.next", model::nextPhase);
        next.disableProperty().bind(model.workingProperty());
        Label checklistTitle = new Label(i18n.get("interview.phase.checklist"));
        Label promptsTitle = new Label(i18n.get("interview.phase.prompts"));
        phaseChooser.setMaxWidth(Double.MAX_VALUE);
        return new VBox(6, phaseName, goal, checklistTitle, checklist, promptsTitle, prompts, chooserLabel,
                phaseChooser, next);
    }

    private void showPhase() {
        phaseName.setText(model.phase().map(p -> i18n.get("interview.phase.current",
                model.phaseIndexProperty().get() + 1, model.phases().size(), model.text(p.name()))).orElse(""));
        goal.setContent(model.phase().map(Phase::goal).map(model::text).orElse(""));
        checklist.getChildren().setAll(model.checklist().stream().map(item -> {
            // The text beside the box, not in it: a check box's own text cannot wrap (ADR 0001).
            String text = model.text(item.text());
            CheckBox box = new CheckBox();
            box.getStyleClass().add(Styles.INTERVIEW_CHECK);
            box.setAccessibleText(text);
            box.selectedProperty().bindBidirectional(item.done());
            Paragraph words = new Paragraph(text);
            words.setOnMouseClicked(e -> box.setSelected(!box.isSelected()));
            HBox.setHgrow(words, Priority.ALWAYS);
            HBox row = new HBox(6, box, words);
            row.setAlignment(Pos.TOP_LEFT);
            return (Node) row;
        }).toList());
        prompts.getChildren().setAll(model.prompts().stream().map(p -> spokenText(p, Styles.INTERVIEW_PROMPT)).toList());
        int index = model.phaseIndexProperty().get();
        phaseChooser.setValue(index < 0 ? null : index);
    }

    private Node presentPanel() {
        Label title = new Label(i18n.get("interview.present.title"));
        title.getStyleClass().add(Styles.SECTION_TITLE);
        Paragraph hint = new Paragraph(i18n.get("interview.present.hint"));
        hint.getStyleClass().add(Styles.HINT);
        ComboBox<PresentRole> role = new ComboBox<>();
        role.getItems().setAll(present.roles());
        role.setId("interviewPresentRole");
        role.setConverter(InterviewView.converter(present::roleName));
        role.setCellFactory(list -> InterviewView.cell(present::roleName));
        role.valueProperty().bindBidirectional(present.roleProperty());
        Label roleLabel = new Label(i18n.get("interview.present.role"));
        roleLabel.setLabelFor(role);
        presentName.setId("interviewPresentName");
        presentName.textProperty().bindBidirectional(present.nameProperty());
        presentName.setOnAction(e -> present.record());
        Label nameLabel = new Label(i18n.get("interview.present.name"));
        nameLabel.setLabelFor(presentName);
        CheckBox family = check("interviewInterpreterFamily", "interview.present.family", present.familyProperty());
        CheckBox employer = check("interviewInterpreterEmployer", "interview.present.employer", present.employerProperty());
        CheckBox linked = check("interviewInterpreterLinked", "interview.present.linked", present.linkedProperty());
        Paragraph checkTitle = new Paragraph(i18n.get("interview.present.check"));
        VBox interpreter = new VBox(4, checkTitle, family, employer, linked);
        interpreter.visibleProperty().bind(present.roleProperty().isEqualTo(PresentRole.INTERPRETER));
        interpreter.managedProperty().bind(interpreter.visibleProperty());
        Button record = button("interviewPresentRecord", "interview.present.record", present::record);
        presentRows.setId("interviewPresentList");
        return new VBox(6, title, hint, roleLabel, role, nameLabel, presentName, interpreter, record, presentRows);
    }

    private CheckBox check(String id, String key, BooleanProperty value) {
        CheckBox box = new CheckBox(i18n.get(key));
        box.setId(id);
        box.selectedProperty().bindBidirectional(value);
        return box;
    }

    private void showPresent() {
        presentRows.getChildren().setAll(present.rows().stream()
                .map(r -> (Node) Names.line(present.roleName(r.role()) + ": " + Names.marked(r.name()))).toList());
    }

    private Node holdPanel() {
        Label title = new Label(i18n.get("interview.hold.title"));
        title.getStyleClass().add(Styles.SECTION_TITLE);
        reason.setId("interviewReason");
        Lengths.cap(reason, TextLimits.REASON);
        reason.textProperty().bindBidirectional(model.holds().reasonProperty());
        // a Paragraph: JavaFX throws while soft-wrapping right-to-left text (see Paragraph)
        Paragraph reasonLabel = new Paragraph(i18n.get("interview.reason"));
        reasonLabel.setLabelFor(reason);
        return new VBox(6, title, reasonLabel, reason);
    }

    /**
     * The fixed bar under the interview, never scrolled away: Break (Ctrl+B, at once; its reason
     * can be typed during the break), Pause (Ctrl+P), End (Ctrl+E), Hide, Back to the case.
     */
    Node actionBar() {
        Button pause = button("interviewPause", "interview.hold.pauseButton", () -> focusReasonUnless(model.holds().togglePause()));
        Button rest = button("interviewBreak", "interview.hold.breakButton", () -> focusReasonUnless(model.holds().toggleBreak()));
        rest.textProperty().bind(Bindings.createStringBinding(() -> i18n.get(
                model.holds().holdProperty().get() == InterviewState.Hold.BREAK ? "interview.hold.resumeBreak" : "interview.hold.breakButton"),
                model.holds().holdProperty()));
        pause.textProperty().bind(Bindings.createStringBinding(() -> i18n.get(
                model.holds().holdProperty().get() == InterviewState.Hold.PAUSE ? "interview.hold.resumePause" : "interview.hold.pauseButton"),
                model.holds().holdProperty()));
        Button stop = button("interviewStop", "interview.stop", () -> focusReasonUnless(model.askToEnd()));
        Button hide = button("interviewHide", "forms.care.hide", model::hide);
        Button back = button("interviewBackToCase", "forms.care.backToCase", model::toCase);
        FlowPane bar = new FlowPane(10, 6, rest, pause, stop, hide, back);
        bar.setId("interviewActionBar");
        bar.getStyleClass().add(Styles.ACTION_BAR);
        bar.addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut); // the keys work from the bar too
        // the question before ending is modal for the whole screen, bar included: nothing else takes the focus
        bar.disableProperty().bind(model.endConfirmingProperty());
        return bar;
    }

    private void focusReasonUnless(boolean done) {
        if (!done) {
            reason.requestFocus();
        }
    }

    private Node reluctancePanel() {
        Button open = button("interviewReluctance", "interview.reluctance.open", () -> {
            model.reluctanceOpenProperty().set(!model.reluctanceOpenProperty().get());
            if (model.reluctanceOpenProperty().get()) {
                secondSession.requestFocus();
            }
        });
        Paragraph note = new Paragraph(model.reluctanceNote());
        VBox statements = new VBox(4);
        model.supportiveStatements().forEach(s -> statements.getChildren().add(spokenText(s, Styles.INTERVIEW_SUPPORTIVE)));
        secondSession.setId("interviewSecondSession");
        secondSession.valueProperty().bindBidirectional(model.secondSessionProperty());
        Label dateLabel = new Label(i18n.get("interview.reluctance.date"));
        dateLabel.setLabelFor(secondSession);
        Button schedule = button("interviewScheduleSecond", "interview.reluctance.end", model::endForReluctance);
        schedule.disableProperty().bind(model.workingProperty());
        VBox panel = new VBox(6, note, statements, dateLabel, secondSession, schedule);
        panel.setId("interviewReluctancePanel");
        panel.visibleProperty().bind(model.reluctanceOpenProperty());
        panel.managedProperty().bind(panel.visibleProperty());
        return new VBox(6, open, panel);
    }
}
