package org.harbor.ui.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.geometry.NodeOrientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.harbor.forms.NonResponse;
import org.harbor.forms.NotAskedReason;
import org.harbor.forms.PageQuestion;
import org.harbor.forms.QuestionKind;
import org.harbor.i18n.I18n;
import org.harbor.ui.common.Paragraph;
import org.harbor.ui.common.Prompts;
import org.harbor.ui.common.Styles;

/**
 * One question on screen, built in code from the form: its label in the interview language with
 * the display language beneath, why it is asked, the input, the message beside it, and the three
 * non-response buttons. Inputs report what was entered through {@link Listener}; they never save.
 */
final class QuestionNode {

    static final String QUESTION_ID = "harbor.questionId";
    static final String INPUT = "form-input";

    /** What the person did to this question. */
    interface Listener {
        void answered(PageQuestion question, String value);

        void nonResponse(PageQuestion question, NonResponse kind, NotAskedReason reason);

        /** Enter in an input: save and go on. */
        void entered(PageQuestion question);
    }

    private final PageQuestion question;
    private final FormViewModel model;
    private final Listener listener;
    private final VBox box = new VBox(6);
    private final List<Control> inputs = new ArrayList<>();
    private TextField text;
    private Paragraph problemMessage;

    QuestionNode(PageQuestion question, FormViewModel model, Listener listener) {
        this.question = question;
        this.model = model;
        this.listener = listener;
        build();
    }

    Node node() {
        return box;
    }

    PageQuestion question() {
        return question;
    }

    /** The first control to focus, or null for a note. */
    Control firstInput() {
        return inputs.isEmpty() ? null : inputs.get(0);
    }

    /** Typed text not yet saved, or null. */
    String draft() {
        if (text == null) {
            return null;
        }
        String typed = text.getText();
        String saved = question.value() == null ? "" : question.value();
        return typed.equals(saved) ? null : typed;
    }

    void restoreDraft(String draft) {
        if (text != null && draft != null) {
            text.setText(draft);
            text.positionCaret(draft.length());
        }
    }

    /** Saves the typed text when it differs from what is stored. */
    void commit() {
        String draft = draft();
        if (draft != null) {
            listener.answered(question, draft);
        }
    }

    private void build() {
        box.getStyleClass().add(Styles.FORM_QUESTION);
        box.getProperties().put(QUESTION_ID, question.id());
        I18n i18n = model.i18n();
        Paragraph label = new Paragraph(question.text() + (question.required() ? " *" : ""));
        label.getStyleClass().add(Styles.QUESTION_LABEL);
        label.setNodeOrientation(model.interviewRightToLeft() ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT);
        box.getChildren().add(label);
        if (question.textUi() != null) {
            Paragraph ui = new Paragraph(question.textUi());
            ui.getStyleClass().add(Styles.UI_LANGUAGE);
            box.getChildren().add(ui);
        }
        if (question.required()) {
            Label required = new Label(i18n.get("forms.required"));
            required.getStyleClass().add(Styles.REQUIRED_MARK);
            box.getChildren().add(required);
        }
        if (!question.hint().isBlank()) {
            Paragraph hint = new Paragraph(question.hint());
            hint.getStyleClass().add(Styles.HINT);
            hint.setNodeOrientation(label.getNodeOrientation());
            box.getChildren().add(hint);
            if (question.hintUi() != null) {
                Paragraph hintUi = new Paragraph(question.hintUi());
                hintUi.getStyleClass().addAll(Styles.HINT, Styles.UI_LANGUAGE);
                box.getChildren().add(hintUi);
            }
        }
        if (question.prefill() != null) {
            Paragraph prefill = new Paragraph(model.prefillText(question.prefill()));
            prefill.getStyleClass().add(Styles.PREFILL);
            box.getChildren().add(prefill);
        }
        Node input = input(i18n);
        if (input != null) {
            box.getChildren().add(input);
        }
        String problem = model.problemFor(question);
        if (problem != null) {
            Paragraph message = new Paragraph(problem);
            message.getStyleClass().add(Styles.ERROR);
            message.setId("problem-" + safeId());
            box.getChildren().add(message);
            problemMessage = message;
        }
        if (!question.readOnly() && question.offersNonResponse()) {
            box.getChildren().add(nonResponseBar(i18n));
        }
    }

    private Node input(I18n i18n) {
        if (question.readOnly()) {
            if (!question.kind().supported()) {
                Paragraph note = new Paragraph(i18n.get("forms.notAvailable"));
                note.getStyleClass().add(Styles.HINT);
                return note;
            }
            return null;
        }
        return switch (question.kind()) {
            case TEXT, INTEGER, DECIMAL, DATE, TIME, DATE_TIME -> textInput(i18n);
            case SELECT_ONE -> radios();
            case SELECT_MANY -> checks();
            case ACKNOWLEDGE -> acknowledge(i18n);
            default -> null;
        };
    }

    private Node textInput(I18n i18n) {
        text = new TextField(question.value() == null ? "" : question.value());
        text.setId("input-" + safeId());
        text.getStyleClass().add(INPUT);
        text.getProperties().put(QUESTION_ID, question.id());
        if (question.kind() == QuestionKind.DATE) {
            text.setPromptText(i18n.get("forms.date.format"));
            Prompts.whole(text);
        }
        text.setNodeOrientation(model.interviewRightToLeft() && question.kind() == QuestionKind.TEXT
                ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT);
        // The message goes away as soon as the question is being answered, not only once it is saved.
        text.textProperty().addListener((obs, was, now) -> {
            if (problemMessage != null && !now.isBlank()) {
                problemMessage.setVisible(false);
                problemMessage.setManaged(false);
            }
        });
        text.focusedProperty().addListener((obs, was, now) -> {
            if (!now && text.getScene() != null) {
                commit(); // leaving the field saves it; a field taken away by a rebuilt page does not
            }
        });
        text.setOnAction(e -> {
            commit();
            listener.entered(question);
        });
        inputs.add(text);
        return text;
    }

    private Node radios() {
        ToggleGroup group = new ToggleGroup();
        VBox list = new VBox(4);
        for (PageQuestion.Choice choice : question.choices()) {
            RadioButton radio = new RadioButton(choiceText(choice));
            radio.setToggleGroup(group);
            radio.setUserData(choice.value());
            radio.setId("choice-" + safeId() + "-" + choice.value());
            radio.getStyleClass().add(INPUT);
            radio.getProperties().put(QUESTION_ID, question.id());
            radio.setSelected(choice.value().equals(question.value()));
            list.getChildren().add(radio);
            inputs.add(radio);
        }
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null && !Objects.equals(now.getUserData(), question.value())) {
                listener.answered(question, (String) now.getUserData());
            }
        });
        onEnter(list);
        return list;
    }

    private Node checks() {
        VBox list = new VBox(4);
        List<CheckBox> boxes = new ArrayList<>();
        List<String> selected = question.value() == null ? List.of() : List.of(question.value().split("\\s+"));
        for (PageQuestion.Choice choice : question.choices()) {
            CheckBox check = new CheckBox(choiceText(choice));
            check.setUserData(choice.value());
            check.setId("choice-" + safeId() + "-" + choice.value());
            check.getStyleClass().add(INPUT);
            check.getProperties().put(QUESTION_ID, question.id());
            check.setSelected(selected.contains(choice.value()));
            check.selectedProperty().addListener((obs, was, now) -> {
                String value = String.join(" ", boxes.stream().filter(CheckBox::isSelected)
                        .map(b -> (String) b.getUserData()).toList());
                listener.answered(question, value);
            });
            boxes.add(check);
            list.getChildren().add(check);
            inputs.add(check);
        }
        onEnter(list);
        return list;
    }

    private Node acknowledge(I18n i18n) {
        CheckBox check = new CheckBox(i18n.get("forms.acknowledge"));
        check.setId("input-" + safeId());
        check.getStyleClass().add(INPUT);
        check.getProperties().put(QUESTION_ID, question.id());
        check.setSelected(question.value() != null && !question.value().isEmpty());
        check.selectedProperty().addListener((obs, was, now) -> listener.answered(question, now ? "OK" : ""));
        inputs.add(check);
        onEnter(check);
        return check;
    }

    /** Enter on a choice goes on, as Enter in a text field does (a check box would otherwise toggle). */
    private void onEnter(Node node) {
        node.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !e.isAltDown() && !e.isControlDown()) {
                e.consume();
                listener.entered(question);
            }
        });
    }

    private String choiceText(PageQuestion.Choice choice) {
        return choice.textUi() == null ? choice.text() : choice.text() + " — " + choice.textUi();
    }

    private Node nonResponseBar(I18n i18n) {
        Button declined = nonResponseButton(i18n.get("forms.nonResponse.declined"), "declined", NonResponse.DECLINED);
        Button dontKnow = nonResponseButton(i18n.get("forms.nonResponse.dontKnow"), "dontKnow", NonResponse.DONT_KNOW);
        Button notAsked = new Button(i18n.get("forms.nonResponse.notAsked"));
        notAsked.setId("notAsked-" + safeId());
        ComboBox<NotAskedReason> reason = new ComboBox<>();
        reason.getItems().setAll(NotAskedReason.values());
        reason.setId("reason-" + safeId());
        reason.setPromptText(i18n.get("forms.nonResponse.reason"));
        Prompts.whole(reason);
        reason.setCellFactory(list -> new ReasonCell());
        reason.setButtonCell(new ReasonCell());
        Button confirm = new Button(i18n.get("forms.nonResponse.confirm"));
        confirm.setId("confirmNotAsked-" + safeId());
        confirm.disableProperty().bind(reason.valueProperty().isNull());
        HBox reasonRow = new HBox(8, reason, confirm);
        reasonRow.setVisible(false);
        reasonRow.setManaged(false);
        notAsked.setOnAction(e -> {
            reasonRow.setVisible(true);
            reasonRow.setManaged(true);
            reason.requestFocus();
        });
        confirm.setOnAction(e -> listener.nonResponse(question, NonResponse.NOT_ASKED, reason.getValue()));
        for (Button b : List.of(declined, dontKnow, notAsked, confirm)) {
            b.getStyleClass().add(Styles.NON_RESPONSE);
            FormView.enterFires(b);
        }
        FlowPane bar = new FlowPane(8, 6, declined, dontKnow, notAsked);
        VBox out = new VBox(6, bar, reasonRow);
        String recorded = model.nonResponseText(question);
        if (recorded != null) {
            Paragraph state = new Paragraph(recorded);
            state.getStyleClass().add(Styles.NON_RESPONSE_RECORDED);
            state.setId("recorded-" + safeId());
            out.getChildren().add(0, state);
        }
        return out;
    }

    private Button nonResponseButton(String text, String idPrefix, NonResponse kind) {
        Button button = new Button(text);
        button.setId(idPrefix + "-" + safeId());
        button.setOnAction(e -> listener.nonResponse(question, kind, null));
        return button;
    }

    /** A node id from the question's path: {@code /data/guardians[2]/name} → {@code data_guardians_2_name}. */
    String safeId() {
        return safeId(question.id());
    }

    static String safeId(String path) {
        return path.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    private final class ReasonCell extends ListCell<NotAskedReason> {
        @Override
        protected void updateItem(NotAskedReason item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : model.reasonText(item));
        }
    }
}
