package org.harbor.ui.cases;

import java.io.File;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.FormatStyle;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.harbor.cases.CaseDetail;
import org.harbor.cases.CaseSession;
import org.harbor.cases.CaseStatus;
import org.harbor.cases.Person;
import org.harbor.cases.PersonRole;
import org.harbor.cases.SessionKind;
import org.harbor.cases.TextLimits;
import org.harbor.forms.FormDefinition;
import org.harbor.i18n.I18n;
import org.harbor.i18n.LocalizedDates;
import org.harbor.ui.attachments.AttachmentsPane;
import org.harbor.ui.safety.ReportChecklist;
import org.harbor.ui.safety.SafetyBanner;
import org.harbor.ui.common.EnterKey;
import org.harbor.ui.common.InitialFocus;
import org.harbor.ui.common.Lengths;
import org.harbor.ui.common.Names;
import org.harbor.ui.common.Paragraph;
import org.harbor.ui.common.Prompts;
import org.harbor.ui.common.Screen;
import org.harbor.ui.common.ScreenContext;
import org.harbor.ui.common.Styles;
import org.harbor.ui.common.Subscriptions;

/** One case: its number and status, its people, its sessions and their forms. */
public final class CaseView implements Screen {

    private final CaseViewModel model;
    /** For the consent, seal and attachment panes, each of which makes its own view-model. */
    private final ScreenContext context;
    private final I18n i18n;
    private AttachmentsPane attachments;
    private SafetyBanner banner;
    private ReportChecklist reports;
    private final Subscriptions subscriptions = new Subscriptions();
    /** A sealed case is read-only on screen: no control that would change it. */
    private final BooleanProperty sealed = new SimpleBooleanProperty(false);

    public CaseView(CaseViewModel model, ScreenContext context) {
        this.model = model;
        this.context = context;
        this.i18n = context.i18n();
    }

    @Override
    public Parent build() {
        release();
        Label title = new Label(i18n.get("case.title"));
        title.getStyleClass().add(Styles.TITLE);
        title.setId("caseTitle");
        // The survivor's name keeps its own direction in the line (issue 14, bidi isolation).
        FlowPane facts = Names.line("");
        facts.setId("caseFacts");
        VBox people = new VBox(6);
        people.setId("casePeople");
        VBox sessions = new VBox(6);
        sessions.setId("caseSessions");

        subscriptions.add(model.detailProperty().subscribe((a, d) -> {
            if (d == null) {
                return;
            }
            title.setText(i18n.get("case.titleWithNumber", d.summary().number()));
            sealed.set(d.summary().status() != CaseStatus.OPEN
                    && d.summary().status() != CaseStatus.IN_REVIEW);
            Names.setLine(facts, i18n.get("case.facts", model.survivorName().map(Names::marked).orElse(i18n.get("cases.noName")),
                    i18n.get("case.status." + d.summary().status().code()), when(Instant.parse(d.summary().openedAt()))));
            people.getChildren().setAll(d.persons().stream().map(this::personRow).toList());
            if (d.persons().isEmpty()) {
                people.getChildren().add(new Label(i18n.get("case.people.none")));
            }
            sessions.getChildren().setAll(d.sessions().stream().map(this::sessionRow).toList());
            if (d.sessions().isEmpty()) {
                sessions.getChildren().add(new Label(i18n.get("case.sessions.none")));
            }
        }));

        Button back = new Button(i18n.get("case.backToList"));
        back.setId("caseBack");
        back.setOnAction(e -> model.back());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, title, spacer, back);
        header.setAlignment(Pos.CENTER_LEFT);
        // The danger banner (R3) and the mandatory-report checklist (R18), read again with the case.
        banner = SafetyBanner.ofCase(context, model.caseId());
        banner.refresh();
        reports = ReportChecklist.of(context, model.caseId(), model.canWork());
        subscriptions.add(model.detailProperty().subscribe(d -> {
            if (d != null) {
                banner.refresh();
                reports.model().load();
            }
        }));
        VBox root = new VBox(12, header, banner.node(), facts, reports.node(), new Separator(),
                section("case.people.title"), people);
        if (model.canWork()) {
            root.getChildren().add(editable(addPersonForm()));
        }
        root.getChildren().addAll(new Separator(), section("case.sessions.title"), sessions);
        if (model.canWork()) {
            root.getChildren().add(editable(startSessionForm()));
        }
        ConsentPane consent = ConsentPane.of(context, model.caseId());
        consent.readOnlyProperty().bind(sealed);
        root.getChildren().addAll(new Separator(), consent);
        root.getChildren().addAll(new Separator(), SealPane.of(context, model.caseId(), model::load));
        attachments = new AttachmentsPane(context, model.caseId());
        attachments.readOnlyProperty().bind(sealed);
        root.getChildren().addAll(new Separator(), attachments);
        // Files dropped anywhere on the case view are attached to it.
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && !sealed.get()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles() && !sealed.get();
            if (ok) {
                attachments.model().attach(e.getDragboard().getFiles().stream().filter(File::isFile)
                        .map(File::toPath).toList());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
        Paragraph message = new Paragraph();
        message.setId("caseMessage");
        message.getStyleClass().add(Styles.ERROR);
        subscriptions.bind(message.contentProperty(), model.messageProperty());
        root.getChildren().add(message);
        root.setPadding(new Insets(24));
        root.setId("caseScreen");
        model.load();
        InitialFocus.request(back);
        return root;
    }

    /** A control that changes the case: gone once the case is sealed. */
    private Node editable(Node node) {
        node.visibleProperty().bind(sealed.not());
        node.managedProperty().bind(sealed.not());
        return node;
    }

    private Label section(String key) {
        Label label = new Label(i18n.get(key));
        label.getStyleClass().add(Styles.SECTION_TITLE);
        return label;
    }

    private Node personRow(Person p) {
        String role = i18n.get("case.person.role." + p.role().code());
        FlowPane label = Names.line(p.aliases().isEmpty() ? i18n.get("case.person.row", role, Names.marked(p.displayName()))
                : i18n.get("case.person.rowWithAliases", role, Names.marked(p.displayName()), Names.marked(p.aliases(), ", ")));
        label.getStyleClass().add(Styles.CASE_PERSON);
        return label;
    }

    /** "Intake in Spanish, started …": the kind and the language in the display language. */
    public static String sessionTitle(I18n i18n, String kindCode, String languageCode, String started) {
        return i18n.get("case.session.row", i18n.get("case.session.kind." + kindCode), i18n.languageName(languageCode), started);
    }

    private Node sessionRow(CaseSession s) {
        Label label = new Label(sessionTitle(i18n, s.kind().code(), s.interviewLanguage(), when(Instant.parse(s.startedAt()))));
        HBox head = new HBox(12, label);
        head.setAlignment(Pos.CENTER_LEFT);
        FlowPane actions = new FlowPane(8, 8);
        if (s.kind() == SessionKind.INTERVIEW) {
            if (model.canInterview() && !sealed.get()) {
                Button open = new Button(i18n.get("case.session.openInterview"));
                open.getStyleClass().add(Styles.SESSION_ACTION);
                open.setOnAction(e -> model.openInterview(s));
                actions.getChildren().add(open);
            }
        } else {
            for (FormDefinition form : model.formsFor(s)) {
                if (sealed.get()) {
                    // A sealed case's forms are read-only: where each stands, no button that opens it for editing.
                    Label status = new Label(model.formButtonText(s, form));
                    status.setId("formStatus-" + form.formId() + "-" + s.id());
                    status.getStyleClass().add(Styles.SESSION_ACTION);
                    actions.getChildren().add(status);
                    continue;
                }
                Button open = new Button(model.formButtonText(s, form));
                open.getStyleClass().add(Styles.SESSION_ACTION);
                open.setId("form-" + form.formId() + "-" + s.id());
                open.setOnAction(e -> model.openForm(s, form.formId()));
                actions.getChildren().add(open);
            }
        }
        VBox row = new VBox(4, head, actions);
        row.getStyleClass().add(Styles.CASE_SESSION);
        return row;
    }

    private Node addPersonForm() {
        ComboBox<PersonRole> role = new ComboBox<>(FXCollections.observableArrayList(PersonRole.values()));
        role.setId("personRole");
        role.setCellFactory(l -> cell(r -> i18n.get("case.person.role." + r.code())));
        role.setButtonCell(cell(r -> i18n.get("case.person.role." + r.code())));
        subscriptions.bindBidirectional(role.valueProperty(), model.personRoleProperty());
        role.setAccessibleText(i18n.get("case.person.roleLabel"));
        TextField name = Lengths.cap(new TextField(), TextLimits.NAME);
        name.setId("personName");
        name.setPromptText(i18n.get("case.person.name"));
        Prompts.whole(name);
        name.setAccessibleText(i18n.get("case.person.name"));
        subscriptions.bindBidirectional(name.textProperty(), model.personNameProperty());
        TextField aliases = new TextField();
        aliases.setId("personAliases");
        aliases.setPromptText(i18n.get("cases.new.aliases"));
        Prompts.whole(aliases);
        aliases.setAccessibleText(i18n.get("cases.new.aliases"));
        subscriptions.bindBidirectional(aliases.textProperty(), model.personAliasesProperty());
        HBox.setHgrow(name, Priority.ALWAYS);
        HBox.setHgrow(aliases, Priority.ALWAYS);
        Button add = new Button(i18n.get("case.person.add"));
        add.setId("personAdd");
        add.setOnAction(e -> model.addPerson());
        HBox form = new HBox(8, role, name, aliases, add);
        form.setAlignment(Pos.CENTER_LEFT);
        EnterKey.submits(add, form);
        return form;
    }

    private Node startSessionForm() {
        ComboBox<SessionKind> kind = new ComboBox<>(FXCollections.observableArrayList(SessionKind.values()));
        if (!model.canInterview()) {
            kind.getItems().remove(SessionKind.INTERVIEW);
        }
        kind.setId("sessionKind");
        kind.setCellFactory(l -> cell(k -> i18n.get("case.session.kind." + k.code())));
        kind.setButtonCell(cell(k -> i18n.get("case.session.kind." + k.code())));
        subscriptions.bindBidirectional(kind.valueProperty(), model.sessionKindProperty());
        kind.setAccessibleText(i18n.get("case.session.kindLabel"));
        ComboBox<String> language = new ComboBox<>(FXCollections.observableArrayList(I18n.SHIPPED));
        language.setId("sessionLanguage");
        language.setCellFactory(l -> cell(i18n::languageLabel));
        language.setButtonCell(cell(i18n::languageLabel));
        subscriptions.bindBidirectional(language.valueProperty(), model.sessionLanguageProperty());
        language.setAccessibleText(i18n.get("case.session.language"));
        Label languageLabel = new Label(i18n.get("case.session.language"));
        languageLabel.setLabelFor(language);
        Button start = new Button(i18n.get("case.session.start"));
        start.setId("sessionStart");
        start.setOnAction(e -> model.startSession());
        HBox form = new HBox(8, kind, languageLabel, language, start);
        form.setAlignment(Pos.CENTER_LEFT);
        EnterKey.submits(start, form);
        return form;
    }

    private static <T> ListCell<T> cell(Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }

    private String when(Instant at) {
        return LocalizedDates.dateTime(at, i18n.locale(), ZoneId.systemDefault(), FormatStyle.SHORT, FormatStyle.SHORT);
    }

    /** Lets go of the view-model before a new view is built over it, or when the screen goes away. */
    private void release() {
        subscriptions.release();
        sealed.set(false);
        if (attachments != null) {
            attachments.dispose();
            attachments = null;
        }
        if (banner != null) {
            banner.dispose();
            banner = null;
        }
        if (reports != null) {
            reports.dispose();
            reports = null;
        }
    }

    @Override
    public void dispose() {
        release();
        model.dispose();
    }
}
