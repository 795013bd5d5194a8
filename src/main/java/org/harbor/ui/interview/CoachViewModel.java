package org.harbor.ui.interview;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.harbor.i18n.I18n;
import org.harbor.interview.coach.Classification;
import org.harbor.interview.coach.QuestionType;
import org.harbor.interview.session.LiveCoach;
import org.harbor.interview.session.Utterance;
import org.harbor.accounts.Session;
import org.harbor.ui.common.UiExecutor;
import org.harbor.usecases.RecordUtterances;

/**
 * The utterance log and the question coach: the question is labelled as it is typed (in memory,
 * well under a millisecond, so on the FX thread at every keystroke), a suggestive question asks
 * for a second Enter before it is logged, an open rewrite can be taken, and after a focused
 * question the coach reminds the interviewer to follow up with an open prompt. Answers and notes
 * are logged with their time from the start, marked verbatim or summary.
 */
public final class CoachViewModel {

    /** One row of the log, ready to show. */
    public record LogEntry(long id, String time, Utterance.Kind kind, String label, String text, boolean verbatim) {
    }

    private final RecordUtterances log;
    private final I18n i18n;
    private final UiExecutor background;
    private final Session session;
    private final String sessionId;
    private final StringProperty message;
    private final StringProperty question = new SimpleStringProperty("");
    private final StringProperty answer = new SimpleStringProperty("");
    private final BooleanProperty answerVerbatim = new SimpleBooleanProperty(true);
    private final StringProperty note = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Classification> label = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper labelText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper reasonText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper rewrite = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper confirming = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper confirmText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper reminder = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<LogEntry> entries = FXCollections.observableArrayList();
    private LiveCoach coach;

    CoachViewModel(RecordUtterances log, I18n i18n, UiExecutor background, Session session, String sessionId,
                   StringProperty message) {
        this.log = log;
        this.i18n = i18n;
        this.background = background;
        this.session = session;
        this.sessionId = sessionId;
        this.message = message;
        question.addListener((obs, old, now) -> relabel());
    }

    private I18n i18n() {
        return i18n;
    }

    /** Loads the log so far and a coach that knows what the survivor has said (or that does not cover the language). */
    void open() {
        background.run(() -> log.open(session, sessionId), opened -> {
            coach = opened.coach();
            entries.setAll(opened.utterances().stream().map(this::entry).toList());
            ready.set(true);
            relabel();
        }, e -> message.set(InterviewMessages.of(e, i18n())));
    }

    void close() {
        if (coach != null) {
            coach.clear();
            coach = null;
        }
        ready.set(false);
        question.set("");
        answer.set("");
        note.set("");
        entries.clear();
        label.set(null);
    }

    // --- the question and its label ------------------------------------------------------

    public StringProperty questionProperty() {
        return question;
    }

    void relabel() {
        confirming.set(false);
        String typed = question.get() == null ? "" : question.get();
        if (coach == null || !coach.covers() || typed.isBlank()) {
            label.set(null);
            labelText.set("");
            reasonText.set("");
            rewrite.set("");
            return;
        }
        Classification result = coach.classify(typed).orElseThrow();
        label.set(result);
        labelText.set(result.type().code() + " · " + TypeNames.of(result.type(), i18n()));
        String evidence = String.join(", ", result.evidence().stream().map(e -> "\u201C" + e + "\u201D").toList());
        reasonText.set(i18n().get(result.reasonKey(), evidence));
        rewrite.set(result.rewrite().orElse(""));
    }

    public ReadOnlyObjectProperty<Classification> labelProperty() {
        return label.getReadOnlyProperty();
    }

    /** The type's code and name, e.g. "OP-YN · Option-posing, yes/no". */
    public ReadOnlyStringProperty labelTextProperty() {
        return labelText.getReadOnlyProperty();
    }

    /** Why, with the words that decided it. */
    public ReadOnlyStringProperty reasonTextProperty() {
        return reasonText.getReadOnlyProperty();
    }

    /** An open alternative, offered for option-posing, suggestive and faux questions; else empty. */
    public ReadOnlyStringProperty rewriteProperty() {
        return rewrite.getReadOnlyProperty();
    }

    public void takeRewrite() {
        if (!rewrite.get().isEmpty()) {
            question.set(rewrite.get());
        }
    }

    /** True while a suggestive question waits for the second Enter that logs it anyway. */
    public ReadOnlyBooleanProperty confirmingProperty() {
        return confirming.getReadOnlyProperty();
    }

    /** What the second Enter is asked for: a suggestive question, or a promise (R21). */
    public ReadOnlyStringProperty confirmTextProperty() {
        return confirmText.getReadOnlyProperty();
    }

    public void cancelConfirmation() {
        confirming.set(false);
    }

    public ReadOnlyStringProperty reminderProperty() {
        return reminder.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    /**
     * Logs the question. A suggestive one, or a promise, is not blocked: the first Enter asks for confirmation,
     * the second logs it as typed.
     */
    public void submitQuestion() {
        String typed = question.get() == null ? "" : question.get().strip();
        if (typed.isEmpty() || coach == null) {
            return;
        }
        Classification now = label.get();
        if (now != null && now.type().isWarning() && !confirming.get()) {
            confirmText.set(i18n().get(now.type() == QuestionType.PROM ? "interview.coach.confirmPromise" : "interview.coach.confirm"));
            confirming.set(true);
            return;
        }
        confirming.set(false);
        question.set(""); // at once: the next question may be typed while this one is saved
        background.run(() -> log.question(session, sessionId, typed),
                logged -> {
                    entries.add(entry(logged));
                    if (logged.label() == null) { // a language the coach does not cover: logged, unlabelled
                        message.set("");
                        return;
                    }
                    QuestionType type = QuestionType.fromCode(logged.label());
                    if (type.wantsPairing()) {
                        reminder.set(i18n().get("interview.coach.pairReminder"));
                    } else if (type.isOpen()) {
                        reminder.set("");
                    }
                    message.set("");
                }, e -> failed(e, question, typed));
    }

    /** Shows the refusal and gives the text back, unless something new was typed meanwhile. */
    private void failed(Exception e, StringProperty field, String text) {
        message.set(InterviewMessages.of(e, i18n()));
        if (field.get() == null || field.get().isEmpty()) {
            field.set(text);
        }
    }

    // --- answers and notes ---------------------------------------------------------------

    public StringProperty answerProperty() {
        return answer;
    }

    public BooleanProperty answerVerbatimProperty() {
        return answerVerbatim;
    }

    public void submitAnswer() {
        String said = answer.get() == null ? "" : answer.get().strip();
        boolean verbatim = answerVerbatim.get();
        if (said.isEmpty() || coach == null) {
            return;
        }
        answer.set("");
        background.run(() -> log.answer(session, sessionId, said, verbatim),
                logged -> {
                    if (coach != null) {
                        coach.heard(logged.text());
                    }
                    entries.add(entry(logged));
                    message.set("");
                    relabel();
                }, e -> failed(e, answer, said));
    }

    public StringProperty noteProperty() {
        return note;
    }

    public void submitNote() {
        String written = note.get() == null ? "" : note.get().strip();
        if (written.isEmpty() || coach == null) {
            return;
        }
        note.set("");
        background.run(() -> log.note(session, sessionId, written),
                logged -> {
                    entries.add(entry(logged));
                    message.set("");
                }, e -> failed(e, note, written));
    }

    public ObservableList<LogEntry> entries() {
        return entries;
    }

    /** How many questions of each type the log holds (the screen's own count, checked against the summary). */
    public long count(QuestionType type) {
        return entries.stream().filter(e -> type.code().equals(e.label())).count();
    }

    private LogEntry entry(Utterance u) {
        return new LogEntry(u.id(), "+" + InterviewViewModel.clockText(u.offsetMillis()), u.kind(), u.label(), u.text(),
                u.verbatim());
    }

    /** The row as one line: time, who, label, verbatim or summary. */
    public String describe(LogEntry e) {
        String kind = switch (e.kind()) {
            case QUESTION -> i18n().get("interview.log.question", Optional.ofNullable(e.label()).orElse(""));
            case ANSWER -> i18n().get("interview.log.answer");
            case NOTE -> i18n().get("interview.log.note");
        };
        String mode = i18n().get(e.verbatim() ? "interview.log.verbatim" : "interview.log.summary");
        return e.time() + "  " + kind + " (" + mode + ")";
    }
}
