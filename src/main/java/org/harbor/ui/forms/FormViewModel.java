package org.harbor.ui.forms;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.harbor.accounts.Session;
import org.harbor.forms.AnswerOutcome;
import org.harbor.forms.FormPage;
import org.harbor.forms.FormSession;
import org.harbor.forms.NonResponse;
import org.harbor.forms.NotAskedReason;
import org.harbor.forms.PageQuestion;
import org.harbor.forms.QuestionKind;
import org.harbor.forms.SessionEvent;
import org.harbor.forms.StopReason;
import org.harbor.i18n.I18n;
import org.harbor.i18n.LocalizedDates;
import org.harbor.ui.common.Messages;
import org.harbor.ui.common.Navigator;
import org.harbor.ui.common.UiExecutor;
import org.harbor.usecases.CompleteForm;
import org.harbor.usecases.OpenForm;

/**
 * Filling one form: the page to show, the messages beside fields, and the session-care state
 * (paused, on a break, a break offered). Every command runs through the {@link UiExecutor} (the
 * background worker on the desktop); the form session is touched only there.
 */
public final class FormViewModel {

    /** Where the screen is. */
    public enum State { LOADING, FILLING, PAUSED, ON_BREAK, COMPLETE, FAILED }

    private final OpenForm openForm;
    private final CompleteForm completeForm;
    private final UiExecutor ui;
    private final Navigator navigator;
    private final I18n i18n;
    /** Who is signed in (a form's own session is a {@link FormSession}). */
    private final Session signedIn;
    private final String caseSessionId;
    private final String formId;
    private final ReadOnlyObjectWrapper<FormPage> page = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.LOADING);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper breakOffered = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper breakCycle = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper correctionFor = new ReadOnlyStringWrapper(null);
    /** Messages the screen adds beside fields (a word in a number field), by question id. */
    private final Map<String, String> localProblems = new HashMap<>();
    private FormSession form;
    private String caseId;
    private String interviewLanguage = "";
    private Duration breakAfter = Duration.ofMinutes(20);
    private String pendingCorrection;
    private String focusHint;

    public FormViewModel(OpenForm openForm, CompleteForm completeForm, UiExecutor ui, Navigator navigator, I18n i18n,
                         Session session, String caseSessionId, String formId) {
        this.openForm = openForm;
        this.completeForm = completeForm;
        this.ui = ui;
        this.navigator = navigator;
        this.i18n = i18n;
        this.signedIn = session;
        this.caseSessionId = caseSessionId;
        this.formId = formId;
    }

    /** Opens (or resumes) the form. */
    public void open() {
        ui.run(() -> openForm.open(signedIn, caseSessionId, formId), opened -> {
            form = opened.form();
            caseId = opened.form().caseId();
            interviewLanguage = opened.form().interviewLanguage();
            breakAfter = opened.breakAfter();
            publish(opened.page());
            state.set(opened.form().ended() ? State.COMPLETE : State.FILLING);
            breakCycle.set(breakCycle.get() + 1);
        }, e -> {
            state.set(State.FAILED);
            message.set(Messages.of(e, i18n()));
        });
    }

    // --- read-only state -----------------------------------------------------------------

    public ReadOnlyObjectProperty<FormPage> pageProperty() {
        return page.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty breakOfferedProperty() {
        return breakOffered.getReadOnlyProperty();
    }

    /** Changes whenever the break timer should start again from zero. */
    public ReadOnlyIntegerProperty breakCycleProperty() {
        return breakCycle.getReadOnlyProperty();
    }

    /** The question whose answer changes a recorded fact and waits for a reason, or null. */
    public ReadOnlyStringProperty correctionForProperty() {
        return correctionFor.getReadOnlyProperty();
    }

    public Duration breakAfter() {
        return breakAfter;
    }

    public String interviewLanguage() {
        return interviewLanguage;
    }

    public boolean interviewRightToLeft() {
        return !interviewLanguage.isEmpty() && I18n.isRightToLeft(Locale.of(interviewLanguage));
    }

    /** The message to show beside a question, in the display language when the form has none. */
    public String problemFor(PageQuestion q) {
        String local = localProblems.get(q.id());
        if (local != null) {
            return local;
        }
        if (q.problem() == null) {
            return null;
        }
        return q.problem().isEmpty() ? i18n().get("forms.problem.required") : q.problem();
    }

    /** "Section 2 of 5" for the page's section, or empty when the form has no sections. */
    public String progressText(FormPage shown) {
        if (shown == null || shown.sections().isEmpty() || shown.currentSection() < 0) {
            return "";
        }
        return i18n().get("forms.progress", shown.currentSection() + 1, shown.sections().size());
    }

    /** "Already recorded by an intake worker, 28 Nov 2026". */
    public String prefillText(PageQuestion.Prefill prefill) {
        String role = switch (prefill.role()) {
            case "intake" -> i18n().get("forms.role.intake");
            case "supervisor" -> i18n().get("forms.role.supervisor");
            case "central" -> i18n().get("forms.role.central");
            case PageQuestion.Prefill.CASE_OPENED -> i18n().get("forms.role.caseOpened");
            default -> i18n().get("forms.role.interviewer");
        };
        String date;
        try {
            date = LocalizedDates.date(Instant.parse(prefill.recordedAt()).atZone(ZoneId.systemDefault()).toLocalDate(), i18n().locale());
        } catch (RuntimeException e) {
            date = prefill.recordedAt();
        }
        return i18n().get("forms.prefill", role, date);
    }

    public String nonResponseText(PageQuestion q) {
        if (q.nonResponse() == null) {
            return null;
        }
        return switch (q.nonResponse()) {
            case DECLINED -> i18n().get("forms.nonResponse.recorded.declined");
            case DONT_KNOW -> i18n().get("forms.nonResponse.recorded.dontKnow");
            case NOT_ASKED -> i18n().get("forms.nonResponse.recorded.notAsked", reasonText(q.notAskedReason()));
        };
    }

    public String reasonText(NotAskedReason reason) {
        return switch (reason) {
            case DISTRESSED -> i18n().get("forms.nonResponse.reason.distressed");
            case NOT_APPLICABLE -> i18n().get("forms.nonResponse.reason.notApplicable");
            case OUT_OF_TIME -> i18n().get("forms.nonResponse.reason.outOfTime");
        };
    }

    public String stopReasonText(StopReason reason) {
        return switch (reason) {
            case SURVIVOR_ASKED -> i18n().get("forms.care.stop.survivorAsked");
            case DISTRESSED -> i18n().get("forms.care.stop.distressed");
            case OUT_OF_TIME -> i18n().get("forms.care.stop.outOfTime");
            case SAFETY_CONCERN -> i18n().get("forms.care.stop.safetyConcern");
            case OTHER -> i18n().get("forms.care.stop.other");
        };
    }

    I18n i18n() {
        return i18n;
    }

    // --- commands ------------------------------------------------------------------------

    /** Saves what was typed or chosen; the page comes back with relevance and messages applied. */
    public void answer(String questionId, QuestionKind kind, String value) {
        if (!filling()) {
            return;
        }
        FormSession session = form;
        ui.run(() -> {
            AnswerOutcome outcome = session.answer(questionId, value);
            return new Answered(outcome, session.page());
        }, answered -> {
            switch (answered.outcome().status()) {
                case INVALID -> localProblems.put(questionId, invalidText(kind));
                case NO_RECORDED_CONSENT -> localProblems.put(questionId, i18n().get("forms.consent.notRecorded"));
                case NEEDS_REASON -> {
                    localProblems.remove(questionId);
                    pendingCorrection = value;
                    correctionFor.set(questionId);
                }
                default -> localProblems.remove(questionId);
            }
            publish(answered.page());
        }, this::failed);
    }

    private record Answered(AnswerOutcome outcome, FormPage page) {
    }

    /** Saves the correction waiting for a reason. */
    public void correct(String reason) {
        String questionId = correctionFor.get();
        String value = pendingCorrection;
        if (!filling() || questionId == null || reason == null || reason.isBlank()) {
            return;
        }
        FormSession session = form;
        ui.run(() -> {
            session.correct(questionId, value, reason);
            return session.page();
        }, next -> {
            pendingCorrection = null;
            correctionFor.set(null);
            publish(next);
        }, this::failed);
    }

    public void cancelCorrection() {
        pendingCorrection = null;
        correctionFor.set(null);
        refresh();
    }

    public void nonResponse(String questionId, NonResponse kind, NotAskedReason reason) {
        if (!filling()) {
            return;
        }
        FormSession session = form;
        ui.run(() -> {
            session.markNonResponse(questionId, kind, reason);
            return session.page();
        }, next -> {
            localProblems.remove(questionId);
            focusHint = following(next, questionId);
            publish(next);
        }, this::failed);
    }

    /** The question after {@code questionId} on the page, or {@link #NEXT_BUTTON} after the last. */
    private static String following(FormPage page, String questionId) {
        boolean found = false;
        for (PageQuestion q : page.questions()) {
            if (found && !q.readOnly()) {
                return q.id();
            }
            found |= q.id().equals(questionId);
        }
        return NEXT_BUTTON;
    }

    /** A focus hint meaning "the button that goes on". */
    public static final String NEXT_BUTTON = "#next";

    public void next() {
        move(FormSession::next);
    }

    /**
     * Goes on from page {@code shownKey}, whose questions were {@code shownIds} when Enter or Next was pressed. If
     * the answers just saved made another question relevant on this page, stays and shows it
     * (focused) instead of passing it by.
     */
    public void advance(String shownKey, List<String> shownIds) {
        if (!filling()) {
            return;
        }
        FormSession session = form;
        ui.run(() -> {
            FormPage now = session.page();
            if (!now.key().equals(shownKey)) {
                return new Advanced(now, null); // pressed twice: the first press moved on already
            }
            if (now.type() == FormPage.Type.QUESTIONS) {
                for (PageQuestion q : now.questions()) {
                    if (!shownIds.contains(q.id())) {
                        return new Advanced(now, q.id());
                    }
                }
            }
            return new Advanced(session.next(), null);
        }, advanced -> {
            if (advanced.newQuestion() == null) {
                localProblems.clear();
            }
            focusHint = advanced.newQuestion();
            publish(advanced.page());
        }, this::failed);
    }

    private record Advanced(FormPage page, String newQuestion) {
    }

    /** A question that just appeared and should take the focus; read once. */
    public String takeFocusHint() {
        String hint = focusHint;
        focusHint = null;
        return hint;
    }

    public void back() {
        move(FormSession::back);
    }

    public void jumpTo(String sectionKey) {
        move(s -> s.jumpTo(sectionKey));
    }

    public void addEntry() {
        move(FormSession::addRepeat);
    }

    public void removeEntry() {
        move(FormSession::removeEntry);
    }

    /** Finishes the form, or shows the first required question still open. */
    public void complete() {
        if (!filling()) {
            return;
        }
        FormSession filling = form;
        // What completing means (a consent form becomes consent records) is the use case's.
        ui.run(() -> completeForm.complete(signedIn, filling), done -> {
            publish(done.page());
            if (done.ended()) {
                state.set(State.COMPLETE);
            }
        }, this::failed);
    }

    private interface Move {
        FormPage on(FormSession session) throws Exception;
    }

    private void move(Move move) {
        if (!filling()) {
            return;
        }
        FormSession session = form;
        ui.run(() -> move.on(session), next -> {
            localProblems.clear();
            publish(next);
        }, this::failed);
    }

    /**
     * Shows a page even when it equals the one shown (a page is a value; JavaFX would not tell the
     * view about an equal one, and the view must still apply focus hints and messages).
     */
    private void publish(FormPage next) {
        page.set(null);
        page.set(next);
    }

    private void refresh() {
        FormSession session = form;
        if (session != null) {
            ui.run(session::page, this::publish, this::failed);
        }
    }

    // --- session care --------------------------------------------------------------------

    public void pause() {
        care(SessionEvent.PAUSE, State.PAUSED);
    }

    public void resume() {
        care(SessionEvent.RESUME, State.FILLING);
        breakCycle.set(breakCycle.get() + 1);
    }

    /** The break timer ran out: the offer is logged and shown. */
    public void breakDue() {
        if (!filling()) {
            return;
        }
        FormSession session = form;
        ui.run(() -> {
            session.log(SessionEvent.BREAK_OFFERED);
            return true;
        }, offered -> breakOffered.set(true), this::failed);
    }

    public void takeBreak() {
        breakOffered.set(false);
        care(SessionEvent.BREAK_TAKEN, State.ON_BREAK);
    }

    public void declineBreak() {
        breakOffered.set(false);
        care(SessionEvent.BREAK_DECLINED, State.FILLING);
        breakCycle.set(breakCycle.get() + 1);
    }

    public void endBreak() {
        care(SessionEvent.BREAK_END, State.FILLING);
        breakCycle.set(breakCycle.get() + 1);
    }

    private void care(SessionEvent event, State next) {
        FormSession session = form;
        if (session == null) {
            return;
        }
        ui.run(() -> {
            session.log(event);
            return next;
        }, state::set, this::failed);
    }

    /** Stops the form for a reason and goes back to the case; answers so far stay saved. */
    public void stop(StopReason reason) {
        FormSession session = form;
        if (session == null || reason == null) {
            return;
        }
        ui.run(() -> {
            session.stop(reason);
            return session.caseId();
        }, id -> navigator.toCase(id), this::failed);
    }

    /** Hides everything and locks (the action bar's Hide, as the shell's key). */
    public void hide() {
        navigator.quickHide();
    }

    public void toCase() {
        if (caseId != null) {
            navigator.toCase(caseId);
        } else {
            navigator.toHome();
        }
    }

    private boolean filling() {
        return form != null && state.get() == State.FILLING;
    }

    private void failed(Exception e) {
        message.set(Messages.of(e, i18n()));
    }

    private String invalidText(QuestionKind kind) {
        return switch (kind) {
            case INTEGER -> i18n().get("forms.problem.invalid.integer");
            case DECIMAL -> i18n().get("forms.problem.invalid.decimal");
            case DATE -> i18n().get("forms.problem.invalid.date");
            default -> i18n().get("forms.problem.invalid");
        };
    }

    /** Forgets the page and any answer held for a correction. */
    public void dispose() {
        pendingCorrection = null;
        localProblems.clear();
        page.set(null);
        form = null;
    }
}

