package org.harbor.ui.interview;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.harbor.i18n.I18n;
import org.harbor.interview.coach.Language;
import org.harbor.interview.profile.LocalizedText;
import org.harbor.interview.profile.Phase;
import org.harbor.interview.profile.ProtocolProfile;
import org.harbor.interview.session.BreakOffer;
import org.harbor.interview.session.FollowUp;
import org.harbor.interview.session.InterviewState;
import org.harbor.interview.session.InterviewSummary;
import org.harbor.accounts.Session;
import org.harbor.ui.common.Navigator;
import org.harbor.ui.common.UiExecutor;
import org.harbor.usecases.ConductInterview;
import org.harbor.usecases.RecordUtterances;
import org.harbor.usecases.StartInterview;

/**
 * The interview screen: choosing the protocol and language, the phases with their goal, checklist
 * and prompts, the elapsed time, breaks, pauses, the stop and the reluctance path, and the summary
 * at the end. The utterance log and its coach live in {@link CoachViewModel}, who is present in
 * {@link PresentViewModel}. Every vault call goes through a use case, off the UI thread.
 */
public final class InterviewViewModel {

    /** What the screen shows. */
    public enum Step { LOADING, SETUP, RUNNING, SUMMARY }

    /** One tickable item of the current phase's checklist; ticks live as long as the screen. */
    public record CheckItem(LocalizedText text, BooleanProperty done) {
    }

    /** A suggested prompt in the interview language, with the display-language text when it differs. */
    public record PromptText(String spoken, Optional<String> translation) {
    }

    private final StartInterview opening;
    private final ConductInterview interview;
    private final I18n i18n;
    private final UiExecutor background;
    private final Navigator navigator;
    private final Session session;
    private final String sessionId;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.LOADING);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObservableList<ProtocolProfile> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<ProtocolProfile> chosenProfile = new SimpleObjectProperty<>();
    /** The interview language, an ISO 639 code: any shipped language, covered by the coach or not. */
    private final ObjectProperty<String> chosenLanguage = new SimpleObjectProperty<>("en");
    private final ReadOnlyStringWrapper coverage = new ReadOnlyStringWrapper("");
    private final ObservableList<String> languages = FXCollections.observableArrayList(I18n.SHIPPED);
    private final ReadOnlyObjectWrapper<ProtocolProfile> profile = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper phaseIndex = new ReadOnlyIntegerWrapper(-1);
    private final ObservableList<CheckItem> checklist = FXCollections.observableArrayList();
    private final ObservableList<PromptText> prompts = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper totalElapsed = new ReadOnlyStringWrapper("0:00:00");
    private final ReadOnlyStringWrapper phaseElapsed = new ReadOnlyStringWrapper("0:00:00");
    private final BooleanProperty reluctanceOpen = new SimpleBooleanProperty(false);
    private final ObjectProperty<LocalDate> secondSession = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<SummaryRows> summary = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper followUpText = new ReadOnlyStringWrapper("");
    private final List<List<CheckItem>> ticks = new ArrayList<>();
    private final CoachViewModel coach;
    private final PresentViewModel present;
    private final HoldViewModel holds;
    private final Jobs jobs;
    private final ReadOnlyBooleanWrapper breakOffered = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper endConfirming = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty severeHarm = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper debriefOffered = new ReadOnlyBooleanWrapper(false);
    private Instant startedAt;
    private String caseId;
    private long phaseEnteredMillis;
    /** The organisation's break interval (R14), the setting the forms' break offer uses too. */
    private Duration breakAfter = Duration.ofMinutes(20);
    /** When the time to the next break offer started: the screen showing the running interview, a break's end, a declined offer. */
    private Instant breakCountedFrom;

    public InterviewViewModel(StartInterview opening, ConductInterview interview, RecordUtterances log, I18n i18n, Clock clock,
                              UiExecutor background, Navigator navigator, Session session, String sessionId) {
        this.opening = opening;
        this.interview = interview;
        this.i18n = i18n;
        this.background = background;
        this.navigator = navigator;
        this.session = session;
        this.sessionId = sessionId;
        this.clock = clock;
        this.coach = new CoachViewModel(log, i18n, background, session, sessionId, message);
        this.present = new PresentViewModel(interview, i18n, background, session, sessionId, message);
        this.jobs = new Jobs(background, message, i18n);
        this.holds = new HoldViewModel(interview, i18n, session, sessionId, message, jobs);
        holds.holdProperty().subscribe((old, now) -> {
            if (now != InterviewState.Hold.NONE) {
                breakOffered.set(false);
            } else if (old == InterviewState.Hold.BREAK) {
                breakCountedFrom = clock.instant();
            }
        });
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault());
        secondSession.set(today.plusDays(7));
        chosenLanguage.subscribe(code -> coverage.set(coverageText(code)));
    }

    private I18n i18n() {
        return i18n;
    }

    public CoachViewModel coach() {
        return coach;
    }

    public PresentViewModel present() {
        return present;
    }

    public HoldViewModel holds() {
        return holds;
    }

    /** Reads where the interview stands: the setup for a new one, the running screen, or its summary. */
    public void load() {
        background.run(() -> opening.standing(session, sessionId), this::show, this::fail);
    }

    private void show(StartInterview.Standing loaded) {
        caseId = loaded.caseId();
        profiles.setAll(loaded.profiles());
        breakAfter = loaded.breakAfter();
        if (loaded.state().isEmpty()) {
            chosenProfile.set(find(loaded.defaults().profileId()));
            offer(loaded.defaults().language());
            chosenLanguage.set(loaded.defaults().language());
            step.set(Step.SETUP);
            return;
        }
        InterviewState state = loaded.state().get();
        useProfile(find(state.profileId()));
        offer(state.language());
        chosenLanguage.set(state.language());
        if (state.ended()) {
            loaded.summary().ifPresent(s -> summary.set(new SummaryRows(s, profile.get(), i18n())));
            loaded.followUp().ifPresent(this::showFollowUp);
            step.set(Step.SUMMARY);
            return;
        }
        startedAt = state.startedAt();
        phaseEnteredMillis = state.phaseEnteredMillis();
        state.currentPhase().flatMap(id -> indexOf(id)).ifPresent(this::showPhase);
        holds.show(state.hold(), state.holdReason());
        present.show(state.present());
        coach.open();
        breakCountedFrom = clock.instant();
        step.set(Step.RUNNING);
        tick();
    }

    private ProtocolProfile find(String id) {
        return profiles.stream().filter(p -> p.id().equals(id)).findFirst().orElse(profiles.getFirst());
    }

    private void useProfile(ProtocolProfile chosen) {
        profile.set(chosen);
        ticks.clear();
        for (Phase phase : chosen.phases()) {
            List<CheckItem> items = new ArrayList<>();
            phase.checklist().forEach(text -> items.add(new CheckItem(text, new SimpleBooleanProperty(false))));
            ticks.add(items);
        }
    }

    // --- setup ---------------------------------------------------------------------------

    public ObservableList<ProtocolProfile> profiles() {
        return profiles;
    }

    public ObjectProperty<ProtocolProfile> chosenProfileProperty() {
        return chosenProfile;
    }

    /** Every shipped language (and the session's own, should it be another), covered by the coach or not. */
    public ObservableList<String> languages() {
        return languages;
    }

    private void offer(String code) {
        if (code != null && !languages.contains(code)) {
            languages.add(code);
        }
    }

    public ObjectProperty<String> chosenLanguageProperty() {
        return chosenLanguage;
    }

    /**
     * Empty when the question coach labels questions in the chosen language; otherwise the plain
     * sentence that it cannot, and that the turns are still logged (issue 19).
     */
    public ReadOnlyStringProperty coverageProperty() {
        return coverage.getReadOnlyProperty();
    }

    private String coverageText(String code) {
        return code == null || Language.covered(code).isPresent() ? ""
                : i18n().get("interview.coach.notCovered", i18n().languageName(code));
    }

    public String profileName(ProtocolProfile p) {
        return p == null ? "" : p.name().get(i18n().locale());
    }

    /**
     * A language by its own name, with its name in the display language beside it when they
     * differ: "Tiếng Việt (Vietnamese)", "Tagalog".
     */
    public String languageName(String code) {
        if (code == null) {
            return "";
        }
        String own = Locale.forLanguageTag(code).getDisplayLanguage(Locale.forLanguageTag(code));
        String shown = i18n().languageLabel(code);
        if (own.isEmpty() || own.equals(code)) {
            return shown;
        }
        own = own.substring(0, 1).toUpperCase(Locale.forLanguageTag(code)) + own.substring(1);
        return own.equalsIgnoreCase(shown) ? own : own + " (" + shown + ")";
    }

    /** Starts the interview with the chosen protocol and language, in its first phase. */
    public void start() {
        ProtocolProfile chosen = chosenProfile.get();
        String language = chosenLanguage.get();
        if (chosen == null || language == null || jobs.busy()) {
            return;
        }
        Phase first = chosen.enabledByDefault().getFirst();
        jobs.run(() -> {
            opening.start(session, sessionId, chosen.id(), language, first.id());
            return null;
        }, done -> load());
    }

    // --- phases and time -----------------------------------------------------------------

    public ReadOnlyObjectProperty<ProtocolProfile> profileProperty() {
        return profile.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty phaseIndexProperty() {
        return phaseIndex.getReadOnlyProperty();
    }

    public List<Phase> phases() {
        return profile.get() == null ? List.of() : profile.get().phases();
    }

    public Optional<Phase> phase() {
        int i = phaseIndex.get();
        return i < 0 ? Optional.empty() : Optional.of(phases().get(i));
    }

    public String text(LocalizedText text) {
        return text.get(i18n().locale());
    }

    public ObservableList<CheckItem> checklist() {
        return checklist;
    }

    public ObservableList<PromptText> prompts() {
        return prompts;
    }

    public boolean isLastPhase() {
        return phaseIndex.get() == phases().size() - 1;
    }

    public void nextPhase() {
        int next = phaseIndex.get() + 1;
        while (next < phases().size() && !phases().get(next).defaultEnabled()) {
            next++;
        }
        if (next < phases().size()) {
            enterPhase(next);
        }
    }

    /** Moves to a phase; the service refuses the substantive ones until who is present is recorded. */
    public void enterPhase(int index) {
        if (index < 0 || index >= phases().size() || index == phaseIndex.get() || jobs.busy()) {
            return;
        }
        String id = phases().get(index).id();
        jobs.run(() -> {
            interview.enterPhase(session, sessionId, id);
            return null;
        }, done -> {
            phaseEnteredMillis = offsetNow();
            showPhase(index);
            message.set("");
            tick();
        });
    }

    private Optional<Integer> indexOf(String phaseId) {
        for (int i = 0; i < phases().size(); i++) {
            if (phases().get(i).id().equals(phaseId)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private void showPhase(int index) {
        Phase phase = phases().get(index);
        checklist.setAll(ticks.get(index));
        Locale spoken = Locale.of(chosenLanguage.get());
        List<PromptText> texts = new ArrayList<>();
        for (var prompt : phase.prompts()) {
            String said = prompt.text().get(spoken);
            String shown = prompt.text().get(i18n().locale());
            texts.add(new PromptText(said, shown.equals(said) ? Optional.empty() : Optional.of(shown)));
        }
        prompts.setAll(texts);
        phaseIndex.set(index);
    }

    /** Recomputes the elapsed times from the clock; the view calls it every second. */
    public void tick() {
        if (startedAt == null || step.get() != Step.RUNNING) {
            return;
        }
        long now = offsetNow();
        totalElapsed.set(clockText(now));
        phaseElapsed.set(clockText(Math.max(0, now - phaseEnteredMillis)));
        if (!breakOffered.get() && !endConfirming.get() && holds.holdProperty().get() == InterviewState.Hold.NONE
                && breakCountedFrom != null && !clock.instant().isBefore(breakCountedFrom.plus(breakAfter))) {
            breakOffered.set(true);
            logBreakOffer(BreakOffer.BREAK_OFFERED);
        }
    }

    // --- the break offer (R14) -----------------------------------------------------------------

    /** True once the organisation's break interval has passed without a break: the screen offers one. */
    public ReadOnlyBooleanProperty breakOfferedProperty() {
        return breakOffered.getReadOnlyProperty();
    }

    public Duration breakAfter() {
        return breakAfter;
    }

    /** Takes the offered break at once (one key, Ctrl+B); its reason says the break was the one offered at the interval. */
    public void takeOfferedBreak() {
        if (!breakOffered.get()) {
            return;
        }
        logBreakOffer(BreakOffer.BREAK_TAKEN);
        holds.startBreak(i18n().get("interview.break.offeredReason"));
    }

    /** Goes on without a break; the next offer comes after another interval. */
    public void declineOfferedBreak() {
        if (breakOffered.get()) {
            logBreakOffer(BreakOffer.BREAK_DECLINED);
        }
        breakOffered.set(false);
        breakCountedFrom = clock.instant();
    }

    /** Audited as the forms' offer is (R14); a failure to audit is said, the offer stays. */
    private void logBreakOffer(BreakOffer event) {
        background.run(() -> {
            interview.logBreakOffer(session, sessionId, event);
            return null;
        }, done -> { }, e -> message.set(InterviewMessages.of(e, i18n)));
    }

    long offsetNow() {
        return startedAt == null ? 0 : Math.max(0, Duration.between(startedAt, clock.instant()).toMillis());
    }

    static String clockText(long millis) {
        long seconds = millis / 1000;
        return "%d:%02d:%02d".formatted(seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    public ReadOnlyStringProperty totalElapsedProperty() {
        return totalElapsed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty phaseElapsedProperty() {
        return phaseElapsed.getReadOnlyProperty();
    }

    // --- breaks, pauses, stop ------------------------------------------------------------

    /**
     * Ctrl+E and the End button: nothing ends yet; the screen asks first (an end cannot be undone).
     * In the last phase the reason may be left empty; earlier it is needed before the question.
     * @return false if a reason is needed
     */
    public boolean askToEnd() {
        if (holds.typedReason().isEmpty() && !isLastPhase()) {
            message.set(i18n().get("interview.reason.needed"));
            return false;
        }
        message.set("");
        breakOffered.set(false);
        severeHarm.set(false);
        endConfirming.set(true);
        return true;
    }

    /** True while the screen asks whether to end the interview. */
    public ReadOnlyBooleanProperty endConfirmingProperty() {
        return endConfirming.getReadOnlyProperty();
    }

    /** The interviewer's mark, in the end question, that the child disclosed severe harm (a workload figure, R22). */
    public BooleanProperty severeHarmProperty() {
        return severeHarm;
    }

    /** The answer "Keep interviewing": nothing is ended. */
    public void cancelEnd() {
        endConfirming.set(false);
    }

    /** The answer "End the interview". */
    public void confirmEnd() {
        if (!endConfirming.get()) {
            return;
        }
        endConfirming.set(false);
        stop();
    }

    /**
     * Ends the interview. In the last phase the reason may be left empty (it ran its course); a
     * stop in any earlier phase needs one. @return false if a reason is needed
     */
    public boolean stop() {
        String why = holds.typedReason();
        if (why.isEmpty() && !isLastPhase()) {
            message.set(i18n().get("interview.reason.needed"));
            return false;
        }
        if (jobs.busy()) {
            return true;
        }
        boolean severe = severeHarm.get();
        jobs.run(() -> interview.end(session, sessionId, why.isEmpty() ? null : why, severe), ended -> {
            debriefOffered.set(true);
            showSummary(ended);
        });
        return true;
    }

    // --- reluctance ------------------------------------------------------------------------

    public BooleanProperty reluctanceOpenProperty() {
        return reluctanceOpen;
    }

    public ObjectProperty<LocalDate> secondSessionProperty() {
        return secondSession;
    }

    public String reluctanceNote() {
        return profile.get() == null ? "" : text(profile.get().reluctance().note());
    }

    /** Supportive statements, in the interview language, that never name what may have happened. */
    public List<PromptText> supportiveStatements() {
        if (profile.get() == null) {
            return List.of();
        }
        Locale spoken = Locale.of(chosenLanguage.get());
        return profile.get().reluctance().supportiveStatements().stream().map(t -> {
            String said = t.get(spoken);
            String shown = t.get(i18n().locale());
            return new PromptText(said, shown.equals(said) ? Optional.<String>empty() : Optional.of(shown));
        }).toList();
    }

    /** Ends on rapport and schedules the second session for the chosen day. */
    public void endForReluctance() {
        LocalDate day = secondSession.get();
        if (jobs.busy()) {
            return;
        }
        if (day == null) {
            message.set(i18n().get("interview.reluctance.dateNeeded"));
            return;
        }
        jobs.run(() -> interview.endForReluctance(session, sessionId, day), (FollowUp followUp) -> {
            showFollowUp(followUp.scheduledFor());
            showSummary(followUp.summary());
        });
    }

    private void showFollowUp(LocalDate day) {
        followUpText.set(i18n().get("interview.reluctance.scheduled", day.toString()));
    }

    public ReadOnlyStringProperty followUpTextProperty() {
        return followUpText.getReadOnlyProperty();
    }

    // --- summary ---------------------------------------------------------------------------

    private void showSummary(InterviewSummary ended) {
        summary.set(new SummaryRows(ended, profile.get(), i18n()));
        message.set("");
        coach.close();
        step.set(Step.SUMMARY);
    }

    /**
     * True after an interview ended on this screen: an optional debrief for the interviewer (R22).
     * Nothing of it is kept: it is a self-care checklist held by the view alone, never a record.
     */
    public ReadOnlyBooleanProperty debriefOfferedProperty() {
        return debriefOffered.getReadOnlyProperty();
    }

    public void closeDebrief() {
        debriefOffered.set(false);
    }

    public ReadOnlyObjectProperty<SummaryRows> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    // --- common ----------------------------------------------------------------------------

    /** Recomputes the texts made in the display language, after it changed. */
    public void refreshTexts() {
        coverage.set(coverageText(chosenLanguage.get()));
        if (step.get() == Step.RUNNING) {
            coach.relabel();
            holds.refreshTexts();
        }
        if (summary.get() != null) {
            summary.set(new SummaryRows(summary.get().summary(), profile.get(), i18n()));
        }
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return jobs.workingProperty();
    }

    public void home() {
        navigator.toHome();
    }

    /** The action bar's "Back to the case": the interview stays open and can be resumed from the case. */
    public void toCase() {
        if (caseId != null) {
            navigator.toCase(caseId);
        } else {
            navigator.toHome();
        }
    }

    /** The action bar's Hide: hides everything and locks, as the shell's key does. */
    public void hide() {
        navigator.quickHide();
    }

    private void fail(Exception e) {
        message.set(InterviewMessages.of(e, i18n()));
    }

    /** Forgets everything said on this screen. */
    public void dispose() {
        coach.close();
        present.dispose();
        holds.dispose();
        message.set("");
        checklist.clear();
        prompts.clear();
        summary.set(null);
        breakOffered.set(false);
        endConfirming.set(false);
        debriefOffered.set(false);
    }

    /** The name of the phase at {@code index} in the display language, for the phase chooser. */
    public String phaseName(int index) {
        return index < 0 || index >= phases().size() ? "" : text(phases().get(index).name());
    }
}
