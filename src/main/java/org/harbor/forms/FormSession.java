package org.harbor.forms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.harbor.accounts.Session;
import org.javarosa.core.model.FormDef;
import org.javarosa.core.model.FormIndex;
import org.javarosa.core.model.GroupDef;
import org.javarosa.core.model.IFormElement;
import org.javarosa.core.model.SelectChoice;
import org.javarosa.core.model.data.IAnswerData;
import org.javarosa.form.api.FormEntryCaption;
import org.javarosa.form.api.FormEntryController;
import org.javarosa.form.api.FormEntryPrompt;

/**
 * One person filling one form of one case session: JavaRosa's controller plus the answers'
 * persistence. Every answer is committed to the vault before the call returns; navigation saves
 * the position, so reopening resumes on the same page.
 *
 * <p>Not thread-safe: the desktop drives it from the single background worker.
 */
public final class FormSession {

    private final FormService service;
    private final Session user;
    private final String submissionId;
    private final String caseId;
    private final FormDefinition definition;
    private final FormWalker walker;
    private final FormTexts texts;
    private final Map<String, StoredAnswer> nonResponses = new HashMap<>();
    private final Map<String, PageQuestion.Prefill> prefills;
    private final Map<String, String> problems = new HashMap<>();
    private boolean ended;

    FormSession(FormService service, Session user, String submissionId, String caseId, FormDefinition definition,
                FormWalker walker, FormTexts texts, List<StoredAnswer> stored, Map<String, PageQuestion.Prefill> prefills,
                boolean complete) {
        this.service = service;
        this.user = user;
        this.submissionId = submissionId;
        this.caseId = caseId;
        this.definition = definition;
        this.walker = walker;
        this.texts = texts;
        this.prefills = new HashMap<>(prefills);
        this.ended = complete; // a completed form is read, not changed
        rememberNonResponses(stored);
    }

    public String submissionId() {
        return submissionId;
    }

    public String caseId() {
        return caseId;
    }

    public FormDefinition definition() {
        return definition;
    }

    /** The interview language this session shows survivor-facing text in. */
    public String interviewLanguage() {
        return texts.interviewLanguage();
    }

    /** The page at the current position. */
    public FormPage page() {
        service.requireActive(user);
        return buildPage();
    }

    /** Saves a value for a question on the current page (or anywhere in the form, by its id). */
    public AnswerOutcome answer(String questionId, String value) {
        return answer(questionId, value, null);
    }

    /** Saves a value that corrects a fact recorded earlier, keeping the earlier value with who, when and why. */
    public AnswerOutcome correct(String questionId, String value, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new IllegalArgumentException("a correction needs a reason of 1 to 500 characters");
        }
        return answer(questionId, value, reason.strip());
    }

    private AnswerOutcome answer(String questionId, String value, String correctionReason) {
        service.requireActive(user);
        requireOpen();
        FormIndex index = walker.find(questionId);
        FormEntryPrompt prompt = walker.model().getQuestionPrompt(index);
        if (prompt.isReadOnly()) {
            throw new IllegalArgumentException("this question is read-only");
        }
        QuestionKind kind = FormLoader.kindOf(walker.form(), prompt.getQuestion());
        String clean = value == null || value.isBlank() ? null : value.strip();
        if (kind == QuestionKind.ACKNOWLEDGE && clean != null) {
            clean = "OK";
        }
        IAnswerData data;
        try {
            data = clean == null ? null : AnswerValues.parse(kind, prompt, clean);
        } catch (IllegalArgumentException e) {
            return new AnswerOutcome(AnswerOutcome.Status.INVALID, null);
        }
        if (data != null && walker.isCountSource(questionId) && AnswerValues.exceedsRepeats(clean)) {
            return new AnswerOutcome(AnswerOutcome.Status.INVALID, null);
        }
        if (data != null && !walker.form().evaluateConstraint(index.getReference(), data)) {
            String message = texts.constraint(prompt, walker.element(index), data);
            problems.put(questionId, message);
            return new AnswerOutcome(AnswerOutcome.Status.CONSTRAINT, message);
        }
        HarborBinds binds = HarborBinds.of(walker.element(index));
        String stored = data == null ? null : data.uncast().getString();
        if ("yes".equals(stored) && binds.consentCheck() != null && !recordedConsentAllows(questionId, binds.consentCheck())) {
            return new AnswerOutcome(AnswerOutcome.Status.NO_RECORDED_CONSENT, null);
        }
        String factKey = InstancePaths.inRepeat(questionId) ? null : binds.factKey();
        IAnswerData before = prompt.getAnswerValue();
        if (factKey != null && stored != null && correctionReason == null
                && service.factNeedsReason(caseId, submissionId, factKey, stored)) {
            return new AnswerOutcome(AnswerOutcome.Status.NEEDS_REASON, null);
        }
        Map<String, String> derivedBefore = walker.derivedFacts();
        walker.controller().saveAnswer(index, data, true);
        StoredAnswer row = new StoredAnswer(questionId, kind.label(), stored, null, null);
        try {
            service.saveAnswer(user, this, row, binds, factKey, correctionReason, walker.positionKey(),
                    derived(derivedBefore));
        } catch (RuntimeException e) {
            walker.controller().saveAnswer(index, before, true);
            throw e;
        }
        nonResponses.remove(questionId);
        problems.remove(questionId);
        if (factKey != null) {
            prefills.remove(questionId);
        }
        return AnswerOutcome.saved();
    }

    /** For a referral, the organisation answered beside the question must have a recorded consent or lawful basis. */
    private boolean recordedConsentAllows(String questionId, String purpose) {
        org.harbor.consent.ConsentPurpose p = org.harbor.consent.ConsentPurpose.fromCode(purpose);
        org.harbor.consent.ConsentScope scope;
        if (p == org.harbor.consent.ConsentPurpose.REFERRAL) {
            String sibling = questionId.substring(0, questionId.lastIndexOf('/')) + "/organisation";
            IAnswerData organisation = walker.model().getQuestionPrompt(walker.find(sibling)).getAnswerValue();
            if (organisation == null || organisation.uncast().getString().isBlank()) {
                return false;
            }
            scope = org.harbor.consent.ConsentScope.referral(organisation.uncast().getString());
        } else {
            scope = org.harbor.consent.ConsentScope.of(p);
        }
        return service.recordedConsentAllows(caseId, scope);
    }

    /** The calculated facts after an answer, each marked whether that answer changed it. */
    private List<FormService.DerivedFact> derived(Map<String, String> before) {
        List<FormService.DerivedFact> out = new ArrayList<>();
        for (Map.Entry<String, String> now : walker.derivedFacts().entrySet()) {
            out.add(new FormService.DerivedFact(now.getKey(), now.getValue(),
                    !now.getValue().equals(before.getOrDefault(now.getKey(), ""))));
        }
        return out;
    }

    /** Records that a question has no value, and why; clears any value it had. */
    public void markNonResponse(String questionId, NonResponse kind, NotAskedReason reason) {
        service.requireActive(user);
        requireOpen();
        Objects.requireNonNull(kind, "kind");
        if ((kind == NonResponse.NOT_ASKED) != (reason != null)) {
            throw new IllegalArgumentException("'not asked' takes a reason; the others do not");
        }
        FormIndex index = walker.find(questionId);
        HarborBinds binds = HarborBinds.of(walker.element(index));
        if (binds.noNonResponse()) {
            throw new IllegalArgumentException("this question is not put to the person: it has no non-response choices");
        }
        FormEntryPrompt prompt = walker.model().getQuestionPrompt(index);
        QuestionKind questionKind = FormLoader.kindOf(walker.form(), prompt.getQuestion());
        IAnswerData before = prompt.getAnswerValue();
        Map<String, String> derivedBefore = walker.derivedFacts();
        walker.controller().saveAnswer(index, null, true);
        StoredAnswer row = new StoredAnswer(questionId, questionKind.label(), null, kind, reason);
        try {
            service.saveAnswer(user, this, row, binds, null, null, walker.positionKey(), derived(derivedBefore));
        } catch (RuntimeException e) {
            walker.controller().saveAnswer(index, before, true);
            throw e;
        }
        nonResponses.put(questionId, row);
        problems.remove(questionId);
    }

    /** Moves to the next page, unless a required question of this page has neither value nor non-response. */
    public FormPage next() {
        service.requireActive(user);
        FormPage current = buildPage();
        boolean missing = false;
        for (PageQuestion q : current.questions()) {
            if (q.required() && !q.readOnly() && !q.answered()) {
                problems.put(q.id(), texts.requiredMessage(walker.model().getQuestionPrompt(walker.find(q.id()))));
                missing = true;
            }
        }
        if (missing) {
            return buildPage();
        }
        walker.forward();
        return moved();
    }

    /**
     * Moves to the next page even when required questions here are still open: for an import,
     * which fills what it has and leaves the rest to a person. {@link #complete()} still checks.
     */
    public FormPage skip() {
        service.requireActive(user);
        walker.forward();
        return moved();
    }

    public FormPage back() {
        service.requireActive(user);
        walker.backward();
        return moved();
    }

    /** Jumps to a section of the jump list (its first relevant page). */
    public FormPage jumpTo(String sectionKey) {
        service.requireActive(user);
        walker.jumpToSection(sectionKey);
        return moved();
    }

    /** At an "add another" page: adds an entry and moves to its first page. */
    public FormPage addRepeat() {
        service.requireActive(user);
        requireOpen();
        String entryPath = walker.addRepeat();
        service.saveAnswer(user, this, new StoredAnswer(entryPath, "repeat", null, null, null), HarborBinds.NONE, null, null,
                walker.positionKey());
        return buildPage();
    }

    /** Inside a repeat entry: removes the whole entry, and renumbers the later ones. */
    public FormPage removeEntry() {
        service.requireActive(user);
        requireOpen();
        FormWalker.Removal removal = walker.removeEntry();
        service.removeEntry(user, this, removal, walker.positionKey());
        rememberNonResponses(service.storedAnswers(submissionId));
        prefills.keySet().removeIf(InstancePaths::inRepeat);
        return buildPage();
    }

    /** Records a session-care event (a break offered, taken, ended; a pause). */
    public void log(SessionEvent event) {
        service.requireActive(user);
        service.logEvent(user, this, event, null, null);
    }

    /** Stops the form before its end, for a coded reason; answers so far are kept. */
    public void stop(StopReason reason) {
        service.requireActive(user);
        service.logEvent(user, this, SessionEvent.STOP, reason.code(), "stopped");
        ended = true;
    }

    /**
     * Finishes the form when every relevant required question has a value or a non-response;
     * otherwise moves to the first one missing and returns its page (the form stays open).
     */
    public FormPage complete() {
        service.requireActive(user);
        requireOpen();
        FormIndex missing = walker.firstMissingRequired(nonResponses.keySet());
        if (missing != null) {
            walker.jumpToPageOf(missing);
            String id = InstancePaths.of(walker.form(), missing);
            problems.put(id, texts.requiredMessage(walker.model().getQuestionPrompt(missing)));
            return moved();
        }
        service.logEvent(user, this, SessionEvent.COMPLETE, null, "complete");
        ended = true;
        return buildPage();
    }

    public boolean ended() {
        return ended;
    }

    FormDef form() {
        return walker.form();
    }

    private FormPage moved() {
        service.savePosition(user, this, walker.positionKey());
        return buildPage();
    }

    private void requireOpen() {
        if (ended) {
            throw new IllegalStateException("this form session has ended");
        }
    }

    private void rememberNonResponses(List<StoredAnswer> stored) {
        nonResponses.clear();
        for (StoredAnswer a : stored) {
            if (a.nonResponse() != null) {
                nonResponses.put(a.path(), a);
            }
        }
    }

    private FormPage buildPage() {
        FormIndex page = walker.current();
        FormEntryController controller = walker.controller();
        int event = walker.model().getEvent(page);
        List<FormPage.Section> sections = texts.sections();
        int section = walker.sectionOf(page, sections);
        boolean atStart = walker.atStart();
        if (event == FormEntryController.EVENT_END_OF_FORM || !page.isInForm()) {
            return new FormPage(walker.positionKey(), FormPage.Type.END, "", null, List.of(), 0, 0, false, atStart, sections, section);
        }
        if (event == FormEntryController.EVENT_PROMPT_NEW_REPEAT) {
            FormEntryCaption caption = walker.model().getCaptionPrompt(page);
            String[] title = texts.captionBoth(caption);
            int count = walker.form().getNumRepetitions(page);
            return new FormPage(walker.positionKey(), FormPage.Type.REPEAT_PROMPT, title[0], title[1], List.of(), count, 0,
                    false, atStart, sections, section);
        }
        List<PageQuestion> questions = new ArrayList<>();
        for (FormIndex q : walker.questionsOf(page)) {
            questions.add(question(q));
        }
        String[] title = walker.titleCaption(page).map(texts::captionBoth).orElse(new String[] {"", null});
        FormWalker.Entry entry = walker.entryOf(page);
        return new FormPage(walker.positionKey(), FormPage.Type.QUESTIONS, title[0], title[1], questions,
                entry == null ? 0 : entry.count(), entry == null ? 0 : entry.number(),
                entry != null && entry.removable(), atStart, sections, section);
    }

    private PageQuestion question(FormIndex index) {
        FormEntryPrompt prompt = walker.model().getQuestionPrompt(index);
        String id = InstancePaths.of(walker.form(), index);
        QuestionKind kind = FormLoader.kindOf(walker.form(), prompt.getQuestion());
        IAnswerData value = prompt.getAnswerValue();
        StoredAnswer nr = nonResponses.get(id);
        HarborBinds binds = HarborBinds.of(walker.element(index));
        FormTexts.Both label = texts.question(prompt);
        List<PageQuestion.Choice> choices = new ArrayList<>();
        if (kind == QuestionKind.SELECT_ONE || kind == QuestionKind.SELECT_MANY) {
            List<SelectChoice> list = prompt.getSelectChoices();
            if (list != null) {
                for (SelectChoice choice : list) {
                    String[] text = texts.choiceBoth(prompt, choice);
                    choices.add(new PageQuestion.Choice(choice.getValue(), text[0], text[1]));
                }
            }
        }
        boolean readOnly = prompt.isReadOnly() || !kind.supported();
        return new PageQuestion(id, kind, label.text(), label.textUi(), label.hint(), label.hintUi(), prompt.isRequired(),
                readOnly, choices, value == null ? null : value.uncast().getString(), nr == null ? null : nr.nonResponse(),
                nr == null ? null : nr.notAskedReason(), prefills.get(id), binds.factKey(), problems.get(id), !binds.noNonResponse());
    }

    /** Whether a group is shown as one page. */
    static boolean fieldList(IFormElement element) {
        return element instanceof GroupDef group && group.getAppearanceAttr() != null
                && group.getAppearanceAttr().toLowerCase(java.util.Locale.ROOT).contains("field-list");
    }
}
