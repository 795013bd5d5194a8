package org.harbor.ui.interview;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.harbor.i18n.I18n;
import org.harbor.interview.session.InterviewState;
import org.harbor.accounts.Session;
import org.harbor.usecases.ConductInterview;

/**
 * Breaks (a rest for the survivor) and pauses (an interruption), each with a reason, one at a time;
 * the same key starts and ends each. The reason field also serves the stop.
 */
public final class HoldViewModel {

    private final ConductInterview interview;
    private final I18n i18n;
    private final Session session;
    private final String sessionId;
    private final StringProperty message;
    private final Jobs jobs;
    private final StringProperty reason = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<InterviewState.Hold> hold = new ReadOnlyObjectWrapper<>(InterviewState.Hold.NONE);
    private final ReadOnlyStringWrapper holdText = new ReadOnlyStringWrapper("");
    private String holdReason;

    HoldViewModel(ConductInterview interview, I18n i18n, Session session, String sessionId, StringProperty message,
                  Jobs jobs) {
        this.interview = interview;
        this.i18n = i18n;
        this.session = session;
        this.sessionId = sessionId;
        this.message = message;
        this.jobs = jobs;
    }

    private I18n i18n() {
        return i18n;
    }

    /** The reason typed for a break, a pause or a stop. */
    public StringProperty reasonProperty() {
        return reason;
    }

    String typedReason() {
        return reason.get() == null ? "" : reason.get().strip();
    }

    public ReadOnlyObjectProperty<InterviewState.Hold> holdProperty() {
        return hold.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty holdTextProperty() {
        return holdText.getReadOnlyProperty();
    }

    /**
     * Starts a break at once, with the typed reason if any, or ends the running one, adding the
     * reason typed during the break (one key: the reason can come afterwards). @return always true
     */
    public boolean toggleBreak() {
        return toggle(InterviewState.Hold.BREAK);
    }

    /** Pauses with the typed reason, or resumes. @return false if a reason is needed */
    public boolean togglePause() {
        return toggle(InterviewState.Hold.PAUSE);
    }

    /** Starts a break with {@code why} as its reason (the offered break, R14), unless something already holds. */
    void startBreak(String why) {
        if (jobs.busy() || hold.get() != InterviewState.Hold.NONE) {
            return;
        }
        jobs.run(() -> {
            interview.startBreak(session, sessionId, why);
            return null;
        }, done -> show(InterviewState.Hold.BREAK, why));
    }

    private boolean toggle(InterviewState.Hold kind) {
        if (jobs.busy()) {
            return true;
        }
        InterviewState.Hold running = hold.get();
        if (running == kind) {
            String added = kind == InterviewState.Hold.BREAK && holdReason == null ? typedReason() : "";
            jobs.run(() -> {
                if (kind == InterviewState.Hold.BREAK) {
                    interview.endBreak(session, sessionId, added.isEmpty() ? null : added);
                } else {
                    interview.endPause(session, sessionId);
                }
                return null;
            }, done -> {
                if (!added.isEmpty()) {
                    reason.set("");
                }
                show(InterviewState.Hold.NONE, null);
            });
            return true;
        }
        if (running != InterviewState.Hold.NONE) {
            message.set(i18n().get("interview.hold.other"));
            return true;
        }
        String why = typedReason();
        if (why.isEmpty() && kind == InterviewState.Hold.PAUSE) {
            message.set(i18n().get("interview.reason.needed"));
            return false;
        }
        jobs.run(() -> {
            if (kind == InterviewState.Hold.BREAK) {
                interview.startBreak(session, sessionId, why.isEmpty() ? null : why);
            } else {
                interview.startPause(session, sessionId, why);
            }
            return null;
        }, done -> {
            reason.set("");
            show(kind, why.isEmpty() ? null : why);
        });
        return true;
    }

    void show(InterviewState.Hold now, String why) {
        hold.set(now);
        holdReason = why;
        holdText.set(switch (now) {
            case NONE -> "";
            case BREAK -> why == null ? i18n().get("interview.hold.breakNoReason") : i18n().get("interview.hold.break", why);
            case PAUSE -> i18n().get("interview.hold.pause", why == null ? "" : why);
        });
        if (now == InterviewState.Hold.NONE) {
            message.set("");
        }
    }

    /** After a change of display language. */
    void refreshTexts() {
        String shown = message.get();
        show(hold.get(), holdReason);
        message.set(shown);
    }

    void dispose() {
        reason.set("");
        holdText.set("");
        holdReason = null;
    }
}
