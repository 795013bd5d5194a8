package org.harbor.ui.cases;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.harbor.accounts.Permission;
import org.harbor.accounts.Session;
import org.harbor.cases.CaseDetail;
import org.harbor.cases.CaseSession;
import org.harbor.cases.PersonRole;
import org.harbor.cases.SessionKind;
import org.harbor.forms.FormDefinition;
import org.harbor.forms.SubmissionInfo;
import org.harbor.i18n.I18n;
import org.harbor.ui.common.Messages;
import org.harbor.ui.common.Navigator;
import org.harbor.ui.common.UiExecutor;
import org.harbor.usecases.AddPerson;
import org.harbor.usecases.OpenCase;
import org.harbor.usecases.StartCaseSession;

/** One case: loads it (the viewing is audited by the service), adds people, starts and reopens sessions. */
public final class CaseViewModel {

    /** The built-in forms, in the order a case usually meets them. */
    /** Safety first (R3): the safety form leads, since a danger may interrupt everything else. */
    static final List<String> BUILT_IN_FORMS = List.of("harbor-safety", "harbor-consent", "harbor-intake",
            "harbor-trafficking", "harbor-referrals");

    private final OpenCase openCase;
    private final AddPerson addPerson;
    private final StartCaseSession startCaseSession;
    private final UiExecutor ui;
    private final Navigator navigator;
    private final I18n i18n;
    private final Session session;
    private final String caseId;
    private final ObjectProperty<CaseDetail> detail = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<PersonRole> personRole = new SimpleObjectProperty<>(PersonRole.GUARDIAN);
    private final StringProperty personName = new SimpleStringProperty("");
    private final StringProperty personAliases = new SimpleStringProperty("");
    private final ObjectProperty<SessionKind> sessionKind = new SimpleObjectProperty<>(SessionKind.INTAKE);
    private final StringProperty sessionLanguage;
    private final BooleanProperty safetyAlert = new SimpleBooleanProperty();
    private List<SubmissionInfo> submissions = List.of();
    private final ObservableList<FormDefinition> forms =
            FXCollections.observableArrayList();

    public CaseViewModel(OpenCase openCase, AddPerson addPerson, StartCaseSession startCaseSession, UiExecutor ui,
                         Navigator navigator, I18n i18n, Session session, String caseId) {
        this.openCase = openCase;
        this.addPerson = addPerson;
        this.startCaseSession = startCaseSession;
        this.ui = ui;
        this.navigator = navigator;
        this.i18n = i18n;
        this.session = session;
        this.caseId = caseId;
        this.sessionLanguage = new SimpleStringProperty(i18n.locale().getLanguage());
    }

    public String caseId() {
        return caseId;
    }

    public ObjectProperty<CaseDetail> detailProperty() {
        return detail;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public ObjectProperty<PersonRole> personRoleProperty() {
        return personRole;
    }

    public StringProperty personNameProperty() {
        return personName;
    }

    public StringProperty personAliasesProperty() {
        return personAliases;
    }

    public ObjectProperty<SessionKind> sessionKindProperty() {
        return sessionKind;
    }

    public StringProperty sessionLanguageProperty() {
        return sessionLanguage;
    }

    public BooleanProperty safetyAlertProperty() {
        return safetyAlert;
    }

    public void load() {
        ui.run(() -> openCase.open(session, caseId),
                loaded -> {
                    Optional<CaseDetail> found = loaded.detail();
                    submissions = loaded.submissions();
                    forms.setAll(loaded.forms());
                    safetyAlert.set(loaded.safetyAlert());
                    if (found.isPresent()) {
                        detail.set(found.get());
                    } else {
                        message.set(i18n.get("case.notFound"));
                    }
                }, this::fail);
    }

    public void addPerson() {
        String name = personName.get();
        PersonRole role = personRole.get();
        List<String> aliases = CaseListViewModel.splitAliases(personAliases.get());
        ui.run(() -> addPerson.add(session, caseId, role, name, aliases),
                added -> {
                    personName.set("");
                    personAliases.set("");
                    message.set("");
                    load();
                }, this::fail);
    }

    public boolean canInterview() {
        return session.role().can(Permission.INTERVIEW);
    }

    public boolean canWork() {
        return session.role().can(Permission.WORK_ON_CASES);
    }

    /** Starts a session of the chosen kind; an interview opens at once. */
    public void startSession() {
        SessionKind kind = sessionKind.get();
        String language = sessionLanguage.get();
        ui.run(() -> startCaseSession.start(session, caseId, kind, language),
                started -> {
                    if (started.kind() == SessionKind.INTERVIEW) {
                        navigator.toInterview(started.id());
                    } else {
                        load();
                    }
                }, this::fail);
    }

    public void openInterview(CaseSession session) {
        navigator.toInterview(session.id());
    }

    public void openForm(CaseSession session, String formId) {
        navigator.toForm(session.id(), formId);
    }

    /**
     * The forms this user may fill, built-in ones first in their order, then imported ones; the
     * service leaves out the trafficking history for intake workers.
     */
    /**
     * Where a form stands in a session, for its button: "done", "stopped" (stopped or paused),
     * "in progress", or "not started".
     */
    public String formStatus(CaseSession session, String formId) {
        String status = submissions.stream()
                .filter(s -> s.caseSessionId().equals(session.id()) && s.formId().equals(formId))
                .map(SubmissionInfo::status).reduce((a, b) -> b).orElse("");
        return i18n.get(switch (status) {
            case "complete" -> "case.form.status.done";
            case "stopped", "paused" -> "case.form.status.stopped";
            case "in_progress" -> "case.form.status.inProgress";
            default -> "case.form.status.notStarted";
        });
    }

    /** "Safety and immediate needs: done". */
    public String formButtonText(CaseSession session, FormDefinition form) {
        return i18n.get("case.form.button", formTitle(form), formStatus(session, form.formId()));
    }

    public List<FormDefinition> formsFor(CaseSession session) {
        return forms.stream()
                .sorted(Comparator.comparingInt((FormDefinition f) -> {
                    int i = BUILT_IN_FORMS.indexOf(f.formId());
                    return i < 0 ? BUILT_IN_FORMS.size() : i;
                }))
                .filter(f -> !f.restricted() || canInterview())
                .toList();
    }

    /** A form's title in the display language: built-in forms by key, imported ones by their own title. */
    public String formTitle(FormDefinition form) {
        return BUILT_IN_FORMS.contains(form.formId()) ? i18n.get("forms.title." + form.formId())
                : form.title();
    }

    public Optional<String> survivorName() {
        CaseDetail d = detail.get();
        return d == null || d.summary().survivorName().isEmpty() ? Optional.empty() : Optional.of(d.summary().survivorName());
    }

    public void back() {
        navigator.toCases();
    }

    private void fail(Exception e) {
        message.set(Messages.of(e, i18n));
    }

    public void dispose() {
        detail.set(null);
        personName.set("");
        personAliases.set("");
    }
}
