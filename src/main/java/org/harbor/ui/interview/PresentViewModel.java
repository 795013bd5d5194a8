package org.harbor.ui.interview;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.harbor.i18n.I18n;
import org.harbor.interview.session.InterpreterCheck;
import org.harbor.interview.session.PresentPerson;
import org.harbor.interview.session.PresentRole;
import org.harbor.accounts.Session;
import org.harbor.ui.common.UiExecutor;
import org.harbor.usecases.ConductInterview;

/**
 * Who is in the room, recorded before the substantive phases. For an interpreter the three
 * conflict questions are asked; the service refuses one who is family, an employer or linked to
 * the exploiter, and the screen says so.
 */
public final class PresentViewModel {

    private final ConductInterview interview;
    private final I18n i18n;
    private final UiExecutor background;
    private final Session session;
    private final String sessionId;
    private final StringProperty message;
    private final ObjectProperty<PresentRole> role = new SimpleObjectProperty<>(PresentRole.INTERVIEWER);
    private final StringProperty name = new SimpleStringProperty("");
    private final BooleanProperty family = new SimpleBooleanProperty(false);
    private final BooleanProperty employer = new SimpleBooleanProperty(false);
    private final BooleanProperty linked = new SimpleBooleanProperty(false);
    private final ObservableList<Row> rows = FXCollections.observableArrayList();

    /** Someone recorded as present. */
    public record Row(PresentRole role, String name) {
    }

    PresentViewModel(ConductInterview interview, I18n i18n, UiExecutor background, Session session, String sessionId,
                     StringProperty message) {
        this.interview = interview;
        this.i18n = i18n;
        this.background = background;
        this.session = session;
        this.sessionId = sessionId;
        this.message = message;
    }

    private I18n i18n() {
        return i18n;
    }

    void show(List<PresentPerson> present) {
        rows.setAll(present.stream().map(p -> new Row(p.role(), p.name())).toList());
    }

    public List<PresentRole> roles() {
        return List.of(PresentRole.values());
    }

    public String roleName(PresentRole r) {
        return r == null ? "" : i18n().get(switch (r) {
            case INTERVIEWER -> "interview.present.role.interviewer";
            case SECOND_INTERVIEWER -> "interview.present.role.secondInterviewer";
            case INTERPRETER -> "interview.present.role.interpreter";
            case GUARDIAN -> "interview.present.role.guardian";
            case ADVOCATE -> "interview.present.role.advocate";
        });
    }

    public ObjectProperty<PresentRole> roleProperty() {
        return role;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public BooleanProperty familyProperty() {
        return family;
    }

    public BooleanProperty employerProperty() {
        return employer;
    }

    public BooleanProperty linkedProperty() {
        return linked;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** Records the person; the service decides, and a refusal is shown as it gave it. */
    public void record() {
        PresentRole chosen = role.get();
        String who = name.get() == null ? "" : name.get().strip();
        if (chosen == null || who.isEmpty()) {
            message.set(i18n().get("interview.present.nameNeeded"));
            return;
        }
        InterpreterCheck check = chosen == PresentRole.INTERPRETER
                ? new InterpreterCheck(family.get(), employer.get(), linked.get()) : null;
        background.run(() -> {
            interview.recordPresent(session, sessionId, chosen, who, check);
            return who;
        }, recorded -> {
            rows.add(new Row(chosen, recorded));
            name.set("");
            family.set(false);
            employer.set(false);
            linked.set(false);
            message.set(i18n().get("interview.present.recorded"));
        }, e -> message.set(InterviewMessages.of(e, i18n())));
    }

    void dispose() {
        rows.clear();
        name.set("");
    }
}
