package org.harbor.ui.forms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.NodeOrientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.harbor.forms.FormPage;
import org.harbor.forms.NonResponse;
import org.harbor.forms.NotAskedReason;
import org.harbor.forms.PageQuestion;
import org.harbor.forms.StopReason;
import org.harbor.i18n.I18n;
import org.harbor.ui.common.Paragraph;
import org.harbor.ui.common.Prompts;
import org.harbor.ui.common.Styles;
import org.harbor.ui.common.Subscriptions;
import org.harbor.ui.common.Scrolling;

/**
 * The form renderer: draws the view-model's page in code (the XForm is the layout), keeps pause
 * and stop in view, offers a break when the timer runs out, and works from the keyboard: Enter
 * saves and goes on, Tab moves, arrows choose, Page Down / Page Up (or Alt+arrows) turn pages,
 * Ctrl+1, Ctrl+2, Ctrl+3 record a non-response for the question in focus.
 */
final class FormView implements QuestionNode.Listener {

    /** A break in one key, as on the interview screen. */
    static final KeyCombination BREAK_KEY = new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN);

    private final FormViewModel model;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    /** What scrolls: everything of the page between the fixed header and the fixed action bar. */
    private final VBox content = new VBox(12);
    private final ScrollPane scroll = Scrolling.pane(content);
    private final Label progress = new Label();
    private final VBox questions = new VBox(18);
    private final VBox careBox = new VBox(8);
    private final Label title = new Label();
    private final Paragraph titleUi = new Paragraph();
    private final Paragraph entry = new Paragraph();
    private final ComboBox<FormPage.Section> sections = new ComboBox<>();
    private final HBox navigation = new HBox(10);
    private final Paragraph message = new Paragraph();
    private final PauseTransition breakTimer = new PauseTransition();
    private final List<QuestionNode> nodes = new ArrayList<>();
    private final Subscriptions subscriptions = new Subscriptions();
    private String shownKey;
    private boolean rebuilding;
    private int renders;
    private boolean settling;
    private String pendingHint;
    private String lastFocusNode;
    private String lastFocusQuestion;
    private boolean updatingSections;

    FormView(FormViewModel model) {
        this.model = model;
        this.i18n = model.i18n();
    }

    Parent build() {
        root.setId("formRoot");
        root.getStyleClass().add(Styles.FORM_SCREEN);
        progress.setId("formProgress");
        progress.getStyleClass().add(Styles.PROGRESS);
        scroll.setId("formScroll");
        scroll.setFitToWidth(true);
        content.getStyleClass().add(Styles.FORM_CONTENT);
        title.getStyleClass().add(Styles.TITLE);
        title.setId("formTitle");
        titleUi.getStyleClass().add(Styles.UI_LANGUAGE);
        entry.setId("formEntry");
        message.getStyleClass().add(Styles.ERROR);
        message.setId("formMessage");
        subscriptions.bind(message.contentProperty(), model.messageProperty());
        sections.setId("formSections");
        sections.setPromptText(i18n.get("forms.nav.sections"));
        Prompts.whole(sections);
        sections.setCellFactory(list -> new SectionCell());
        sections.setButtonCell(new SectionCell());
        sections.valueProperty().addListener((obs, old, now) -> {
            if (now != null && !updatingSections) {
                commitAll();
                model.jumpTo(now.key());
            }
        });
        Label sectionsLabel = new Label(i18n.get("forms.nav.sections"));
        sectionsLabel.setLabelFor(sections);
        Paragraph keys = new Paragraph(i18n.get("forms.nav.keys"));
        keys.getStyleClass().add(Styles.HINT);
        HBox where = new HBox(10, sectionsLabel, sections, progress);
        where.setAlignment(Pos.CENTER_LEFT);
        // an empty line of the section (no title in the display language, no repeat entry) takes no room:
        // left in, the two made a gap of a few lines between the section's title and its first question
        for (Paragraph line : List.of(titleUi, entry)) {
            line.managedProperty().bind(line.contentProperty().isNotEmpty());
            line.visibleProperty().bind(line.managedProperty());
        }
        content.getChildren().setAll(where, title, titleUi, entry, questions, navigation, message, keys);
        root.setCenter(scroll);
        root.setBottom(actionBar());
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
        // The scene outlives this view: what it follows of the scene is released with the view.
        subscriptions.add(root.sceneProperty().flatMap(Scene::focusOwnerProperty).subscribe((was, now) -> remember(now)));
        subscriptions.add(model.pageProperty().subscribe((old, page) -> show(page)));
        subscriptions.add(model.stateProperty().subscribe((old, state) -> {
            showCare();
            show(model.pageProperty().get());
        }));
        subscriptions.add(model.breakOfferedProperty().subscribe((old, now) -> showCare()));
        subscriptions.add(model.correctionForProperty().subscribe((old, now) -> show(model.pageProperty().get())));
        subscriptions.add(model.breakCycleProperty().subscribe((old, now) -> restartBreakTimer()));
        breakTimer.setOnFinished(e -> model.breakDue());
        showCare();
        show(model.pageProperty().get());
        if (model.stateProperty().get() == FormViewModel.State.FILLING) {
            restartBreakTimer();
        }
        if (model.stateProperty().get() == FormViewModel.State.LOADING && model.pageProperty().get() == null) {
            Paragraph loading = new Paragraph(i18n.get("forms.loading"));
            questions.getChildren().setAll(loading);
        }
        return root;
    }

    /** Stops the break timer and lets go of the view-model and the scene; called before a new view is built and when the screen goes away. */
    void stop() {
        breakTimer.stop();
        subscriptions.release();
    }

    private void restartBreakTimer() {
        breakTimer.stop();
        breakTimer.setDuration(Duration.millis(model.breakAfter().toMillis()));
        breakTimer.playFromStart();
    }

    // --- pages ---------------------------------------------------------------------------

    private void show(FormPage page) {
        FormViewModel.State state = model.stateProperty().get();
        boolean hiddenState = state == FormViewModel.State.PAUSED || state == FormViewModel.State.ON_BREAK;
        questions.setVisible(!hiddenState);
        navigation.setVisible(!hiddenState);
        if (page == null || hiddenState) {
            if (hiddenState) {
                questions.getChildren().clear();
                navigation.getChildren().clear();
                title.setText("");
                titleUi.setContent("");
                entry.setContent("");
                shownKey = null;
            }
            return;
        }
        Map<String, String> drafts = new HashMap<>();
        // Where the person was, as last seen outside a rebuild: removing the focused node lets
        // JavaFX move the focus on its own, which is not where the person was.
        String focused = lastFocusQuestion;
        String focusedNode = lastFocusNode;
        settling = true;
        boolean samePage = page.key().equals(shownKey);
        if (!samePage) {
            lastFocusNode = null; // a new page starts at its first input
            lastFocusQuestion = null;
        }
        if (samePage) {
            for (QuestionNode n : nodes) {
                String draft = n.draft();
                if (draft != null) {
                    drafts.put(n.question().id(), draft);
                }
            }
        }
        // Answering saves and redraws the page: where it was scrolled to stays, to the pixel.
        double keep = samePage ? scrollTop() : 0;
        rebuilding = true;
        try {
            render(page, drafts);
        } finally {
            rebuilding = false;
        }
        scrollTo(keep);
        shownKey = page.key();
        String taken = model.takeFocusHint();
        String hint = taken != null ? taken : samePage ? pendingHint : null;
        pendingHint = hint; // kept until applied: a later rebuild of the same page must not lose it
        int rendered = ++renders;
        // Focus moves after layout; a later page shown meanwhile takes precedence.
        Platform.runLater(() -> {
            if (rendered == renders) {
                scrollTo(keep);
                if (hint != null) {
                    focus(hint, null);
                    revealFocus();
                } else {
                    focus(samePage ? focused : null, samePage ? focusedNode : null);
                    if (!samePage) {
                        revealFocus();
                    }
                }
                settling = false;
                pendingHint = null;
                remember(root.getScene() == null ? null : root.getScene().getFocusOwner());
            }
        });
    }

    private void render(FormPage page, Map<String, String> drafts) {
        updatingSections = true;
        try {
            sections.getItems().setAll(page.sections());
            sections.setValue(page.currentSection() >= 0 ? page.sections().get(page.currentSection()) : null);
        } finally {
            updatingSections = false;
        }
        progress.setText(model.progressText(page));
        title.setText(page.title());
        title.setNodeOrientation(model.interviewRightToLeft() ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT);
        titleUi.setContent(page.titleUi() == null ? "" : page.titleUi());
        entry.setContent(page.repeatEntry() > 0
                ? i18n.get("forms.repeat.entry", page.title(), page.repeatEntry(), page.repeatCount()) : "");
        nodes.clear();
        List<Node> children = new ArrayList<>();
        switch (page.type()) {
            case QUESTIONS -> {
                for (PageQuestion q : page.questions()) {
                    QuestionNode node = new QuestionNode(q, model, this);
                    node.restoreDraft(drafts.get(q.id()));
                    nodes.add(node);
                    children.add(node.node());
                    if (q.id().equals(model.correctionForProperty().get())) {
                        children.add(correctionBox());
                    }
                }
            }
            case REPEAT_PROMPT -> {
                Paragraph prompt = new Paragraph(i18n.get("forms.repeat.prompt", page.title(), page.repeatCount()));
                prompt.setId("repeatPrompt");
                children.add(prompt);
            }
            case END -> {
                boolean complete = model.stateProperty().get() == FormViewModel.State.COMPLETE;
                Paragraph end = new Paragraph(i18n.get(complete ? "forms.end.done" : "forms.end.body"));
                end.setId("formEnd");
                children.add(end);
            }
        }
        questions.getChildren().setAll(children);
        navigation.getChildren().setAll(navButtons(page));
    }

    private List<Node> navButtons(FormPage page) {
        List<Node> out = new ArrayList<>();
        Button back = button("formBack", "forms.nav.back", () -> {
            commitAll();
            model.back();
        });
        back.setDisable(page.atStart());
        out.add(back);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        switch (page.type()) {
            case QUESTIONS -> {
                if (page.canRemoveEntry()) {
                    out.add(button("formRemoveEntry", "forms.repeat.remove", model::removeEntry));
                }
                out.add(spacer);
                out.add(button("formNext", "forms.nav.next", this::next));
            }
            case REPEAT_PROMPT -> {
                out.add(spacer);
                out.add(button("formAddEntry", "forms.repeat.add", model::addEntry));
                out.add(button("formSkipEntry", "forms.repeat.skip", model::next));
            }
            case END -> {
                out.add(spacer);
                if (model.stateProperty().get() == FormViewModel.State.COMPLETE) {
                    out.add(button("formToCase", "forms.end.toCase", model::toCase));
                } else {
                    out.add(button("formFinish", "forms.nav.finish", model::complete));
                }
            }
        }
        return out;
    }

    private Node correctionBox() {
        Paragraph why = new Paragraph(i18n.get("forms.correction.reason"));
        TextField reason = new TextField();
        reason.setId("correctionReason");
        Button save = button("correctionSave", "forms.correction.save", () -> model.correct(reason.getText()));
        Button cancel = button("correctionCancel", "generic.cancel", model::cancelCorrection);
        reason.setOnAction(e -> save.fire());
        VBox box = new VBox(6, why, reason, new HBox(8, save, cancel));
        box.getStyleClass().add(Styles.CORRECTION);
        Platform.runLater(reason::requestFocus);
        return box;
    }

    // --- session care --------------------------------------------------------------------

    /**
     * The fixed action bar under the page, never scrolled away: Pause, Break (Ctrl+B), Stop, Hide,
     * Back to the case; above it, the stop reason, the break offer and the resume button. A flow
     * pane, so that a long translation wraps to a second row instead of being cut off.
     */
    private Node actionBar() {
        Button pause = button("formPause", "forms.care.pause", () -> {
            commitAll();
            model.pause();
        });
        Button rest = button("formBreak", "forms.care.break.key", this::toggleBreak);
        Button stop = button("formStop", "forms.care.stop", this::askStopReason);
        Button hide = button("formHide", "forms.care.hide", () -> {
            commitAll();
            model.hide();
        });
        Button back = button("formBackToCase", "forms.care.backToCase", () -> {
            commitAll();
            model.toCase();
        });
        subscriptions.add(model.stateProperty().subscribe(state -> {
            boolean open = state == FormViewModel.State.FILLING;
            pause.setDisable(!open);
            stop.setDisable(!open);
            rest.setDisable(!open && state != FormViewModel.State.ON_BREAK);
            rest.setText(i18n.get(state == FormViewModel.State.ON_BREAK ? "forms.care.break.endKey" : "forms.care.break.key"));
        }));
        FlowPane buttons = new FlowPane(10, 6, pause, rest, stop, hide, back);
        buttons.setId("formActionButtons");
        VBox bar = new VBox(8, careBox, buttons);
        bar.setId("formActionBar");
        bar.getStyleClass().addAll(Styles.CARE_BAR, Styles.ACTION_BAR);
        return bar;
    }

    /** Ctrl+B or the Break button: a break at once (no reason asked), or the end of the running one. */
    private void toggleBreak() {
        FormViewModel.State state = model.stateProperty().get();
        if (state == FormViewModel.State.ON_BREAK) {
            model.endBreak();
        } else if (state == FormViewModel.State.FILLING) {
            commitAll();
            model.takeBreak();
        }
    }

    private void askStopReason() {
        commitAll();
        ComboBox<StopReason> reason = new ComboBox<>();
        reason.setId("stopReason");
        reason.getItems().setAll(StopReason.values());
        reason.setPromptText(i18n.get("forms.care.stop.reason"));
        Prompts.whole(reason);
        reason.setCellFactory(list -> new StopCell());
        reason.setButtonCell(new StopCell());
        Button confirm = button("formStopConfirm", "forms.care.stop.confirm", () -> model.stop(reason.getValue()));
        confirm.disableProperty().bind(reason.valueProperty().isNull());
        Button cancel = button("formStopCancel", "generic.cancel", this::showCare);
        Label label = new Label(i18n.get("forms.care.stop.reason"));
        label.setLabelFor(reason);
        careBox.getChildren().setAll(new FlowPane(8, 6, label, reason, confirm, cancel));
        Platform.runLater(reason::requestFocus);
    }

    private void showCare() {
        careBox.getChildren().clear();
        FormViewModel.State state = model.stateProperty().get();
        if (state == FormViewModel.State.PAUSED) {
            Button resume = button("formResume", "forms.care.resume", model::resume);
            careBox.getChildren().addAll(new Paragraph(i18n.get("forms.care.paused")), resume);
            Platform.runLater(resume::requestFocus);
        } else if (state == FormViewModel.State.ON_BREAK) {
            Button end = button("formBreakEnd", "forms.care.break.end", model::endBreak);
            careBox.getChildren().addAll(new Paragraph(i18n.get("forms.care.break.on")), end);
            Platform.runLater(end::requestFocus);
        } else if (model.breakOfferedProperty().get()) {
            Paragraph offer = new Paragraph(i18n.get("forms.care.break.offer", model.breakAfter().toMinutes()));
            offer.setId("breakOffer");
            careBox.getChildren().addAll(offer, new HBox(8,
                    button("formBreakTake", "forms.care.break.take", model::takeBreak),
                    button("formBreakDecline", "forms.care.break.continue", model::declineBreak)));
        }
    }

    // --- keyboard ------------------------------------------------------------------------

    private void keys(KeyEvent e) {
        boolean rtl = root.getEffectiveNodeOrientation() == NodeOrientation.RIGHT_TO_LEFT;
        KeyCode forward = rtl ? KeyCode.LEFT : KeyCode.RIGHT;
        KeyCode backward = rtl ? KeyCode.RIGHT : KeyCode.LEFT;
        if (BREAK_KEY.match(e)) {
            e.consume();
            toggleBreak();
        } else if (e.getCode() == KeyCode.PAGE_DOWN || (e.isAltDown() && e.getCode() == forward)) {
            e.consume();
            pageForward();
        } else if (e.getCode() == KeyCode.PAGE_UP || (e.isAltDown() && e.getCode() == backward)) {
            e.consume();
            commitAll();
            model.back();
        } else if (e.isShortcutDown() && (e.getCode() == KeyCode.DIGIT1 || e.getCode() == KeyCode.DIGIT2
                || e.getCode() == KeyCode.DIGIT3)) {
            QuestionNode target = focusedNode();
            if (target == null || !target.question().offersNonResponse()) {
                return;
            }
            e.consume();
            switch (e.getCode()) {
                case DIGIT1 -> nonResponse(target.question(), NonResponse.DECLINED, null);
                case DIGIT2 -> nonResponse(target.question(), NonResponse.DONT_KNOW, null);
                default -> {
                    Node notAsked = root.lookup("#notAsked-" + target.safeId());
                    if (notAsked instanceof Button b) {
                        b.fire();
                    }
                }
            }
        }
    }

    /** Page Down on any page: the action that goes on (next, or skip at an "add another" page). */
    private void pageForward() {
        FormPage page = model.pageProperty().get();
        if (page == null) {
            return;
        }
        switch (page.type()) {
            case QUESTIONS -> next();
            case REPEAT_PROMPT -> model.next();
            case END -> { }
        }
    }

    private void next() {
        commitAll();
        model.advance(shownKey, nodes.stream().map(n -> n.question().id()).toList());
    }

    static void enterFires(Button button) {
        button.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && !button.isDisabled()) {
                e.consume();
                button.fire();
            }
        });
    }

    private Button button(String id, String key, Runnable action) {
        Button button = new Button(i18n.get(key));
        button.setId(id);
        button.setOnAction(e -> action.run());
        enterFires(button);
        return button;
    }

    // --- what the questions report -------------------------------------------------------

    @Override
    public void answered(PageQuestion question, String value) {
        if (!rebuilding) {
            model.answer(question.id(), question.kind(), value);
        }
    }

    @Override
    public void nonResponse(PageQuestion question, NonResponse kind, NotAskedReason reason) {
        if (!rebuilding) {
            model.nonResponse(question.id(), kind, reason);
        }
    }

    /** Enter in a question: on to the next question of the page, or to the next page after the last. */
    @Override
    public void entered(PageQuestion question) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).question().id().equals(question.id())) {
                for (int j = i + 1; j < nodes.size(); j++) {
                    Control next = nodes.get(j).firstInput();
                    if (next != null) {
                        next.requestFocus();
                        reveal(nodes.get(j).node(), next);
                        return;
                    }
                }
            }
        }
        next();
    }

    // --- scrolling ------------------------------------------------------------------------

    /** How far the page is scrolled, in pixels from its top. */
    private double scrollTop() {
        double extra = content.getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
        double range = scroll.getVmax() - scroll.getVmin();
        return extra <= 0 || range <= 0 ? 0 : (scroll.getVvalue() - scroll.getVmin()) / range * extra;
    }

    /** Scrolls so that {@code top} pixels of the page are above the view (after laying out the new page). */
    private void scrollTo(double top) {
        if (root.getScene() != null) {
            scroll.applyCss();
            scroll.layout();
        }
        double extra = content.getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
        double range = scroll.getVmax() - scroll.getVmin();
        scroll.setVvalue(extra <= 0 ? scroll.getVmin() : scroll.getVmin() + Math.min(1, Math.max(0, top / extra)) * range);
    }

    private void revealFocus() {
        Node owner = root.getScene() == null ? null : root.getScene().getFocusOwner();
        if (owner == null || !isInside(owner) || !isIn(owner, content)) {
            return;
        }
        Node question = owner;
        for (Node n = owner; n != null && n != questions; n = n.getParent()) {
            question = n;
        }
        reveal(question.getParent() == questions ? question : owner, owner);
    }

    /**
     * Scrolls the least needed to show {@code whole} (a question), or at least {@code part} (its
     * input) when the whole question is taller than the view; never scrolls when it is in view.
     */
    private void reveal(Node whole, Node part) {
        if (root.getScene() == null) {
            return;
        }
        double view = scroll.getViewportBounds().getHeight();
        Bounds box = content.sceneToLocal(whole.localToScene(whole.getLayoutBounds()));
        if (box.getHeight() > view) {
            box = content.sceneToLocal(part.localToScene(part.getLayoutBounds()));
        }
        double top = scrollTop();
        if (box.getMinY() < top) {
            scrollTo(box.getMinY() - 8);
        } else if (box.getMaxY() > top + view) {
            scrollTo(box.getMaxY() - view + 8);
        }
    }

    private static boolean isIn(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    private void commitAll() {
        for (QuestionNode n : nodes) {
            n.commit();
        }
    }

    private QuestionNode focusedNode() {
        String id = focusedQuestion();
        if (id == null) {
            return nodes.stream().filter(n -> !n.question().readOnly() && !n.question().answered()).findFirst()
                    .orElse(nodes.stream().filter(n -> !n.question().readOnly()).findFirst().orElse(null));
        }
        return nodes.stream().filter(n -> n.question().id().equals(id)).findFirst().orElse(null);
    }

    private void remember(Node owner) {
        if (settling || owner == null || owner.getScene() == null || !isInside(owner)) {
            return;
        }
        lastFocusNode = owner.getId();
        lastFocusQuestion = questionOf(owner);
    }

    private static String questionOf(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            Object id = n.getProperties().get(QuestionNode.QUESTION_ID);
            if (id != null) {
                return id.toString();
            }
        }
        return null;
    }

    private String focusedQuestion() {
        if (root.getScene() == null) {
            return null;
        }
        for (Node n = root.getScene().getFocusOwner(); n != null; n = n.getParent()) {
            Object id = n.getProperties().get(QuestionNode.QUESTION_ID);
            if (id != null) {
                return id.toString();
            }
        }
        return null;
    }

    /** Back to the question that had the focus, else the first input of the page, else the next button. */
    private void focus(String questionId, String nodeId) {
        if (root.getScene() == null || model.correctionForProperty().get() != null) {
            return;
        }
        if (FormViewModel.NEXT_BUTTON.equals(questionId)) {
            focusNavigation();
            return;
        }
        if (nodeId != null && root.lookup("#" + nodeId) instanceof Control same && same.isFocusTraversable()
                && same.isVisible()) {
            same.requestFocus(); // the same field, choice or button as before the page was rebuilt
            return;
        }
        for (QuestionNode n : nodes) {
            if (questionId == null || n.question().id().equals(questionId)) {
                Control input = n.firstInput();
                if (input != null) {
                    input.requestFocus();
                    return;
                }
            }
        }
        focusNavigation();
    }

    /** The first button that goes on (Next, Add an entry, Finish). */
    private void focusNavigation() {
        for (Node n : navigation.getChildren()) {
            if (n instanceof Button b && !b.isDisabled() && !"formBack".equals(b.getId()) && !"formRemoveEntry".equals(b.getId())) {
                b.requestFocus();
                return;
            }
        }
    }

    private boolean isInside(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == questions || n == navigation || n == careBox) {
                return true;
            }
        }
        return false;
    }

    private final class SectionCell extends ListCell<FormPage.Section> {
        @Override
        protected void updateItem(FormPage.Section item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.titleUi() == null ? item.title() : item.title() + " — " + item.titleUi());
        }
    }

    private final class StopCell extends ListCell<StopReason> {
        @Override
        protected void updateItem(StopReason item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : model.stopReasonText(item));
        }
    }
}

