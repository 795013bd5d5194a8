package org.harbor.usecases;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.harbor.accounts.Session;
import org.harbor.cases.CaseService;
import org.harbor.cases.CaseSession;
import org.harbor.cases.CaseSummary;
import org.harbor.cases.PersonRole;
import org.harbor.cases.SessionKind;
import org.harbor.forms.AnswerOutcome;
import org.harbor.forms.FormPage;
import org.harbor.forms.FormService;
import org.harbor.forms.FormSession;
import org.harbor.forms.PageQuestion;
import org.harbor.i18n.Refusal;
import org.harbor.vault.Vault;

/**
 * Opens a case from a plan read elsewhere (the command line reads it from a JSON file): the
 * survivor, other people, sessions, and per form the answers keyed by field path or case-fact key.
 * Forms are filled through the same form sessions as the window, page by page, and completed
 * through {@link CompleteForm} (facts, consent), all in one transaction: any problem (an unknown
 * form, a refused answer, a key no question matched) rolls the whole import back, so a refused
 * import leaves no case behind. Reports name forms and fields, never values.
 */
public final class ImportCase {

    /** Pages and entries one form may take before the import gives up on it: a form that loops. */
    static final int MAX_STEPS = 20_000;
    /** The reason given for a correction the import makes to a recorded fact. */
    static final String CORRECTION_REASON = "case import";

    private final Vault vault;
    private final CaseService cases;
    private final FormService forms;
    private final CompleteForm completeForm;

    public ImportCase(Vault vault, CaseService cases, FormService forms, CompleteForm completeForm) {
        this.vault = vault;
        this.cases = cases;
        this.forms = forms;
        this.completeForm = completeForm;
    }

    // --- what to import -------------------------------------------------------------------

    public record Person(PersonRole role, String name, List<String> aliases) {
    }

    /** A form's answers, keyed by field path (with or without [1]) or case-fact key. */
    public record FormPlan(String formId, Map<String, String> answers) {
        public FormPlan {
            answers = new LinkedHashMap<>(answers);
        }

        @Override
        public Map<String, String> answers() {
            return java.util.Collections.unmodifiableMap(answers);
        }
    }

    public record SessionPlan(SessionKind kind, String language, List<FormPlan> forms) {
    }

    public record Plan(String survivor, List<String> aliases, List<Person> people, List<SessionPlan> sessions) {
    }

    // --- what came of it ------------------------------------------------------------------

    /** How one form went: answers saved, and completed or where it was left open. */
    public record FormReport(String formId, int saved, boolean completed, String stoppedAt) {
    }

    public record Imported(CaseSummary created, List<FormReport> forms) {
    }

    /** Why the import was refused; {@code formId} and {@code fields} are names from forms, never values. */
    public record Problem(Kind kind, String formId, List<String> fields, String detail) {

        public enum Kind {
            /** No form with this id in the vault: its answers were not imported. */
            NO_SUCH_FORM,
            /** The form refused an answer; {@code detail} is the form's own message, if any. */
            ANSWER_REFUSED,
            /** No question of the form matched these keys. */
            NOTHING_MATCHED
        }
    }

    /** The import was refused and rolled back: nothing was written. */
    public static final class Refused extends Refusal {
        private static final long serialVersionUID = 1L;
        private final transient List<Problem> problems;

        Refused(List<Problem> problems) {
            super("cases.import.refused");
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /** Imports {@code plan} as one transaction; throws {@link Refused} (nothing written) on any problem. */
    public Imported run(Session session, Plan plan) throws Exception {
        List<Problem> problems = new ArrayList<>();
        return vault.transaction(c -> {
            Imported imported = create(session, plan, problems);
            if (!problems.isEmpty()) {
                throw new Refused(problems);
            }
            return imported;
        });
    }

    private Imported create(Session session, Plan plan, List<Problem> problems) throws Exception {
        CaseSummary created = cases.create(session, plan.survivor(), plan.aliases());
        for (Person p : plan.people()) {
            cases.addPerson(session, created.id(), p.role(), p.name(), p.aliases());
        }
        List<FormReport> reports = new ArrayList<>();
        for (SessionPlan s : plan.sessions()) {
            CaseSession started = cases.startSession(session, created.id(), s.kind(), s.language());
            for (FormPlan f : s.forms()) {
                FormSession form;
                try {
                    form = forms.open(session, started.id(), f.formId());
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(Problem.Kind.NO_SUCH_FORM, f.formId(), List.of(), null));
                    continue;
                }
                reports.add(fill(session, form, withSurvivorName(f, plan.survivor()), problems));
            }
        }
        return new Imported(created, List.copyOf(reports));
    }

    /** The survivor's name given for the case is the name fact too: asked once. */
    private static FormPlan withSurvivorName(FormPlan f, String survivor) {
        if (survivor == null || f.answers().containsKey(SURVIVOR_NAME)) {
            return f;
        }
        Map<String, String> answers = new LinkedHashMap<>(f.answers());
        answers.put(SURVIVOR_NAME, survivor);
        return new FormPlan(f.formId(), answers);
    }

    private static final String SURVIVOR_NAME = "survivor.name";

    /** Fills one form page by page, answering every question a key matches, then completes it. */
    private FormReport fill(Session session, FormSession form, FormPlan plan, List<Problem> problems) throws Exception {
        Set<String> used = new HashSet<>();
        Set<String> declinedPrompts = new HashSet<>();
        int saved = 0;
        for (int step = 0; step < MAX_STEPS; step++) {
            FormPage page = form.page();
            if (page.type() == FormPage.Type.END) {
                break;
            }
            if (page.type() == FormPage.Type.REPEAT_PROMPT) {
                repeatPrompt(form, page, plan, declinedPrompts);
                continue;
            }
            // Answering may make more questions of the page relevant: go round until nothing changes.
            boolean changed = true;
            for (int round = 0; changed && round < 20; round++) {
                changed = false;
                for (PageQuestion q : form.page().questions()) {
                    String key = keyFor(q, plan.answers());
                    if (key == null || q.readOnly()) {
                        continue;
                    }
                    used.add(key);
                    String value = plan.answers().get(key);
                    if (value.equals(q.value())) {
                        continue;
                    }
                    AnswerOutcome outcome = form.answer(q.id(), value);
                    if (outcome.status() == AnswerOutcome.Status.NEEDS_REASON) {
                        outcome = form.correct(q.id(), value, CORRECTION_REASON);
                    }
                    if (outcome.isSaved()) {
                        saved++;
                        changed = true;
                    } else {
                        problems.add(new Problem(Problem.Kind.ANSWER_REFUSED, plan.formId(), List.of(q.id()), outcome.message()));
                    }
                }
            }
            String before = form.page().key();
            if (form.skip().key().equals(before)) {
                break;
            }
        }
        CompleteForm.Completed done = completeForm.complete(session, form);
        String stoppedAt = done.ended() ? null : done.page().questions().stream().filter(q -> q.problem() != null)
                .map(PageQuestion::id).findFirst().orElse(done.page().key());
        List<String> unused = plan.answers().keySet().stream().filter(k -> !used.contains(k))
                .filter(k -> !k.equals(SURVIVOR_NAME)).toList();
        if (!unused.isEmpty()) {
            problems.add(new Problem(Problem.Kind.NOTHING_MATCHED, plan.formId(), unused, null));
        }
        return new FormReport(plan.formId(), saved, done.ended(), stoppedAt);
    }

    /** "Add another?": an entry is added when the plan has answers for it, else the prompt is passed. */
    private static void repeatPrompt(FormSession form, FormPage page, FormPlan plan, Set<String> declinedPrompts) throws Exception {
        String prompt = page.key() + "#" + page.repeatCount();
        if (declinedPrompts.contains(prompt)) {
            form.next();
            return;
        }
        FormPage entry = form.addRepeat();
        String prefix = entryPrefix(entry, page.repeatCount() + 1);
        if (prefix != null && plan.answers().keySet().stream().anyMatch(k -> k.startsWith(prefix))) {
            return;
        }
        declinedPrompts.add(prompt);
        if (entry.canRemoveEntry()) {
            form.removeEntry();
        }
        if (form.page().type() == FormPage.Type.REPEAT_PROMPT) {
            form.next();
        }
    }

    /** An answer's key: the field path as shown by Harbor (with repeat positions), the same path without [1], or the fact key. */
    private static String keyFor(PageQuestion q, Map<String, String> answers) {
        if (answers.containsKey(q.id())) {
            return q.id();
        }
        String plain = q.id().replace("[1]", "");
        if (answers.containsKey(plain)) {
            return plain;
        }
        if (q.factKey() != null && answers.containsKey(q.factKey())) {
            return q.factKey();
        }
        return null;
    }

    private static String entryPrefix(FormPage entry, int number) {
        String marker = "[" + number + "]";
        for (PageQuestion q : entry.questions()) {
            int at = q.id().lastIndexOf(marker);
            if (at >= 0) {
                return q.id().substring(0, at + marker.length());
            }
        }
        return null;
    }
}
