package org.harbor.forms;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.harbor.cases.CaseRecords;
import org.harbor.cases.PersonRole;
import org.harbor.accounts.AccessDenied;
import org.harbor.accounts.AccountService;
import org.harbor.accounts.Permission;
import org.harbor.accounts.Session;
import org.harbor.audit.AuditLog;
import org.harbor.cases.CaseService;
import org.harbor.cases.CaseSessionRef;
import org.harbor.crypto.Hashes;
import org.harbor.vault.Vault;
import org.javarosa.core.model.FormIndex;
import org.javarosa.core.model.data.IAnswerData;
import org.javarosa.form.api.FormEntryPrompt;
import org.javarosa.model.xform.XFormSerializingVisitor;

/**
 * The form library and form sessions: registers built-in and imported XForms (versioned), opens
 * or resumes a form in a case session, commits every answer in its own transaction, keeps case
 * facts (ask once) with their history, and answers the case view's questions about purposes and
 * safety.
 *
 * <p>Who may do what is decided here: only interviewers and supervisors open trafficking-history
 * forms or read their answers. Nothing of an answer reaches a log, an exception or the audit
 * trail; parsed forms live only in memory.
 */
public final class FormService {

    public static final String BUILTIN_INDEX = "/org/harbor/forms/builtin/index.txt";
    private static final String BUILTIN_DIR = "/org/harbor/forms/builtin/";

    private final Vault vault;
    private final AccountService accounts;
    private final CaseService cases;
    private final AuditLog audit;
    private final Clock clock;
    private final Supplier<String> uiLanguage;
    private final FormLoader loader = new FormLoader();
    private final String builtInDir;
    private volatile boolean builtInsChecked;

    public FormService(Vault vault, AccountService accounts, CaseService cases, AuditLog audit, Clock clock,
                       Supplier<String> uiLanguage) {
        this(vault, accounts, cases, audit, clock, uiLanguage, BUILTIN_DIR);
    }

    /** With built-in forms from another resource folder ({@code index.txt} and the forms beside it): tests. */
    FormService(Vault vault, AccountService accounts, CaseService cases, AuditLog audit, Clock clock,
                Supplier<String> uiLanguage, String builtInDir) {
        this.builtInDir = builtInDir;
        this.vault = vault;
        this.accounts = accounts;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
        this.uiLanguage = uiLanguage;
    }

    // --- the library ---------------------------------------------------------------------

    /** The newest version of each form this session may open. */
    public List<FormDefinition> forms(Session session) {
        Session active = accounts.require(session, Permission.WORK_ON_CASES);
        registerBuiltIns();
        return vault.transaction(c -> FormStore.latestAll(c).stream()
                .filter(d -> !d.restricted() || active.role().can(Permission.INTERVIEW)).toList());
    }

    /**
     * Registers a supervisor's XForm. The form must load, carry an id and a version, and not reuse
     * a built-in form's id; the same id and version again is accepted only with the same content.
     *
     * @throws FormRejectedException with the parser's reason; nothing is stored
     */
    public FormDefinition importForm(Session session, byte[] xml) throws FormRejectedException {
        accounts.require(session, Permission.CHANGE_SETTINGS);
        registerBuiltIns();
        if (xml.length > FormLoader.MAX_BYTES) {
            throw new FormRejectedException("the form is larger than " + FormLoader.MAX_BYTES / (1024 * 1024) + " MB");
        }
        LoadedForm loaded = loader.load(xml);
        FormDefinition definition = definitionOf(loaded, false);
        String sha = Hashes.hex(Hashes.sha256(xml));
        String now = clock.instant().toString();
        vault.transaction(c -> {
            if (FormStore.anyBuiltIn(c, definition.formId())) {
                throw new FormRejectedException("the form id belongs to a built-in form");
            }
            Optional<String> existing = FormStore.sha256(c, definition.formId(), definition.version());
            if (existing.isPresent()) {
                if (!existing.get().equals(sha)) {
                    throw new FormRejectedException("this form id and version are registered already with other content; raise the version");
                }
                return null;
            }
            FormStore.insertDefinition(c, definition, xml, sha, now, session.user().id());
            audit.append(c, session.actorId(), FormAudit.IMPORTED, definition.formId(),
                    Map.of("version", definition.version(), "sha256", sha));
            return null;
        });
        return definition;
    }

    private static FormDefinition definitionOf(LoadedForm loaded, boolean builtIn) throws FormRejectedException {
        if (loaded.formId().isBlank() || !loaded.formId().matches("[A-Za-z0-9._:-]{1,100}")) {
            throw new FormRejectedException("the form has no usable id (the id attribute of its instance root)");
        }
        if (loaded.version().isBlank() || loaded.version().length() > 50) {
            throw new FormRejectedException("the form has no version attribute");
        }
        var root = loaded.definition().getMainInstance().getRoot();
        String sensitivity = root.getAttributeValue(null, "sensitivity");
        String title = loaded.definition().getTitle() == null ? loaded.formId() : loaded.definition().getTitle();
        return new FormDefinition(loaded.formId(), loaded.version(), title.length() > 200 ? title.substring(0, 200) : title,
                builtIn, FormDefinition.TRAFFICKING_HISTORY.equals(sensitivity) ? FormDefinition.TRAFFICKING_HISTORY
                        : FormDefinition.NORMAL);
    }

    /** Registers the built-in forms listed in the resources' index (once per run, when the vault is open). */
    void registerBuiltIns() {
        if (builtInsChecked) {
            return;
        }
        synchronized (this) {
            if (builtInsChecked) {
                return;
            }
            for (String name : builtInNames(builtInDir)) {
                byte[] xml = resource(builtInDir + name);
                if (xml == null) {
                    continue;
                }
                String sha = Hashes.hex(Hashes.sha256(xml));
                FormDefinition definition;
                try {
                    definition = definitionOf(loader.load(xml), true);
                } catch (FormRejectedException e) {
                    throw new IllegalStateException("built-in form " + name + " does not load: " + e.reason(), e);
                }
                String now = clock.instant().toString();
                vault.transaction(c -> {
                    if (FormStore.sha256(c, definition.formId(), definition.version()).isEmpty()) {
                        FormStore.insertDefinition(c, definition, xml, sha, now, null);
                        audit.append(c, "harbor", FormAudit.BUILTIN_REGISTERED, definition.formId(),
                                Map.of("version", definition.version()));
                    }
                    return null;
                });
            }
            builtInsChecked = true;
        }
    }

    /** The built-in forms' file names, in the order of {@code index.txt}; empty when there is no index. */
    public static List<String> builtInNames() {
        return builtInNames(BUILTIN_DIR);
    }

    static List<String> builtInNames(String dir) {
        byte[] index = resource(dir + "index.txt");
        if (index == null) {
            return List.of();
        }
        return new String(index, StandardCharsets.UTF_8).lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static byte[] resource(String path) {
        try (InputStream in = FormService.class.getResourceAsStream(path)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    // --- form sessions -------------------------------------------------------------------

    /** The version of {@code formId} the case's first submission of it used, if it has one. */
    private static Optional<FormDefinition> startedOn(java.sql.Connection c, String caseId, String formId) throws java.sql.SQLException {
        for (FormStore.SubmissionRow row : FormStore.submissionsOfCase(c, caseId)) {
            if (row.formId().equals(formId)) {
                return FormStore.definition(c, formId, row.formVersion());
            }
        }
        return Optional.empty();
    }

    /**
     * Opens form {@code formId} in a case session: resumes its submission (same form version, same
     * page, every answer) or starts one, prefilled from the case's facts, with the version the case
     * started this form on (a newer version published since is for new cases, ADR 0017) or, in a
     * case that never had it, the newest version.
     */
    public FormSession open(Session session, String caseSessionId, String formId) {
        Session active = accounts.require(session, Permission.WORK_ON_CASES);
        registerBuiltIns();
        String now = clock.instant().toString();
        Opening opening = vault.transaction(c -> {
            CaseSessionRef ref = cases.requireCaseSession(c, active, caseSessionId);
            Optional<FormStore.SubmissionRow> existing = FormStore.submission(c, caseSessionId, formId);
            FormDefinition definition = existing.isPresent()
                    ? FormStore.definition(c, formId, existing.get().formVersion()).orElseThrow()
                    : startedOn(c, ref.caseId(), formId).orElse(null);
            if (definition == null) {
                definition = FormStore.latest(c, formId).orElseThrow(() -> new IllegalArgumentException("no such form"));
            }
            requireMayRead(active, definition);
            FormStore.SubmissionRow row = existing.orElse(null);
            if (row == null) {
                row = new FormStore.SubmissionRow(UUID.randomUUID().toString(), ref.caseId(), caseSessionId, formId,
                        definition.version(), "in_progress", "");
                FormStore.insertSubmission(c, row, now, active.user().id());
            }
            byte[] xml = FormStore.xml(c, formId, definition.version());
            return new Opening(ref, definition, row, xml, FormStore.answers(c, row.id()), factsWithOpeningName(c, ref.caseId()),
                    existing.isEmpty());
        });
        FormWalker walker;
        try {
            walker = new FormWalker(loader.load(opening.xml()).definition());
        } catch (FormRejectedException e) {
            throw new IllegalStateException("a registered form no longer loads: " + e.reason(), e);
        }
        Map<String, StoredAnswer> stored = new LinkedHashMap<>();
        opening.answers().forEach(a -> stored.put(a.path(), a));
        walker.replay(stored);
        // Ask once: facts already known fill their questions when this submission has no answer there.
        Map<String, PageQuestion.Prefill> prefills = new HashMap<>();
        List<StoredAnswer> prefilled = new ArrayList<>();
        List<FormStore.Tags> prefilledTags = new ArrayList<>();
        for (FormWalker.FactQuestion q : walker.factQuestions()) {
            FactStore.Fact fact = opening.facts().get(q.factKey());
            if (fact == null) {
                continue;
            }
            StoredAnswer mine = stored.get(q.path());
            if (mine == null) {
                FormEntryPrompt prompt = walker.model().getQuestionPrompt(q.index());
                QuestionKind kind = FormLoader.kindOf(walker.form(), prompt.getQuestion());
                try {
                    IAnswerData data = AnswerValues.parse(kind, prompt, fact.value());
                    walker.controller().saveAnswer(q.index(), data, true);
                    prefilled.add(new StoredAnswer(q.path(), kind.label(), data.uncast().getString(), null, null));
                    prefilledTags.add(HarborBinds.of(walker.element(q.index())).tags());
                } catch (IllegalArgumentException e) {
                    continue; // the fact does not fit this question's type: asked again
                }
                prefills.put(q.path(), new PageQuestion.Prefill(fact.recordedRole(), fact.recordedAt()));
            } else if (fact.value().equals(mine.value()) && !opening.row().id().equals(fact.submissionId())) {
                prefills.put(q.path(), new PageQuestion.Prefill(fact.recordedRole(), fact.recordedAt()));
            }
        }
        walker.restore(opening.row().position());
        String position = walker.positionKey();
        vault.transaction(c -> {
            for (int i = 0; i < prefilled.size(); i++) {
                FormStore.upsertAnswer(c, opening.row().id(), prefilled.get(i), prefilledTags.get(i), now, active.user().id());
            }
            FormStore.savePosition(c, opening.row().id(), position, now);
            FormStore.event(c, opening.row().id(), SessionEvent.OPENED, null, now, active.user().id());
            if ("stopped".equals(opening.row().status()) || "paused".equals(opening.row().status())) {
                // taken up again (a second session after a stop, say): it is in progress once more
                FormStore.setStatus(c, opening.row().id(), "in_progress", null, now, false);
            }
            audit.append(c, active.actorId(), FormAudit.OPENED, opening.row().id(),
                    Map.of("case", opening.ref().caseId(), "form", opening.definition().formId(),
                            "version", opening.definition().version(), "new", Boolean.toString(opening.created()),
                            "prefilled", Integer.toString(prefilled.size())));
            return null;
        });
        String interview = opening.ref().interviewLanguage();
        String ui = uiLanguage.get();
        FormTexts texts = new FormTexts(walker.controller(), interview, FormLanguages.match(walker.form(), interview),
                FormLanguages.match(walker.form(), ui == null ? interview : ui));
        List<FormPage.Section> sections = new ArrayList<>();
        for (Map.Entry<String, FormIndex> s : walker.sections().entrySet()) {
            String[] title = texts.captionBoth(walker.model().getCaptionPrompt(s.getValue()));
            if (!title[0].isBlank()) {
                sections.add(new FormPage.Section(s.getKey(), title[0], title[1]));
            }
        }
        texts.sections(sections);
        List<StoredAnswer> all = new ArrayList<>(opening.answers());
        all.addAll(prefilled);
        return new FormSession(this, active, opening.row().id(), opening.ref().caseId(), opening.definition(), walker, texts,
                all, prefills, "complete".equals(opening.row().status()));
    }

    /**
     * The case's facts, and (ask once) the name and other names given when the case was opened,
     * for as long as no form has recorded them as facts: the intake's name question is then
     * prefilled from what the worker typed when opening the case.
     */
    private static Map<String, FactStore.Fact> factsWithOpeningName(Connection c, String caseId) throws SQLException {
        Map<String, FactStore.Fact> facts = new HashMap<>(FactStore.facts(c, caseId));
        if (facts.containsKey(SURVIVOR_NAME)) {
            return facts;
        }
        for (CaseRecords.PersonRow person : CaseRecords.persons(c, caseId)) {
            if (PersonRole.SURVIVOR.code().equals(person.role()) && person.displayName() != null
                    && !person.displayName().isBlank()) {
                facts.put(SURVIVOR_NAME, new FactStore.Fact(SURVIVOR_NAME, person.displayName(), person.createdAt(),
                        person.createdBy(), CASE_OPENED_ROLE, null));
                String aliases = person.aliases() == null ? "" : String.join(", ", person.aliases().lines()
                        .map(String::strip).filter(a -> !a.isEmpty()).toList());
                if (!aliases.isEmpty() && !facts.containsKey(SURVIVOR_ALIASES)) {
                    facts.put(SURVIVOR_ALIASES, new FactStore.Fact(SURVIVOR_ALIASES, aliases, person.createdAt(),
                            person.createdBy(), CASE_OPENED_ROLE, null));
                }
                break;
            }
        }
        return facts;
    }

    private static final String SURVIVOR_NAME = "survivor.name";
    private static final String SURVIVOR_ALIASES = "survivor.aliases";
    /** The prefill's "recorded by": the name was given when the case was opened. */
    private static final String CASE_OPENED_ROLE = PageQuestion.Prefill.CASE_OPENED;

    private record Opening(CaseSessionRef ref, FormDefinition definition, FormStore.SubmissionRow row, byte[] xml,
                           List<StoredAnswer> answers, Map<String, FactStore.Fact> facts, boolean created) {
    }

    private static void requireMayRead(Session session, FormDefinition definition) {
        if (definition.restricted() && !session.role().can(Permission.INTERVIEW)) {
            throw new AccessDenied(Permission.INTERVIEW);
        }
    }

    void requireActive(Session session) {
        accounts.requireActive(session);
    }

    /**
     * The reason kept with a correction of a calculated fact (the intake's child rule) that an
     * answer changed, when the answer itself carries no reason: a code, for a reader to translate.
     */
    public static final String RECALCULATED = "recalculated";

    /**
     * A fact that a calculate bind gives after an answer ({@code survivor.treated_as_child}).
     *
     * @param changed whether this answer changed it
     */
    record DerivedFact(String key, String value, boolean changed) {
    }

    void saveAnswer(Session session, FormSession form, StoredAnswer answer, HarborBinds binds, String factKey,
                    String correctionReason, String position) {
        saveAnswer(session, form, answer, binds, factKey, correctionReason, position, List.of());
    }

    /**
     * One answer, its fact, the calculated facts it changed, the case's search row and the
     * position: one transaction. A calculated fact is recorded when the case has none yet, or
     * when this answer changed it (another form's earlier value is then corrected, with the
     * answer's reason or {@link #RECALCULATED}); a value recorded by another form is otherwise
     * left as it is, so an unrelated answer does not overwrite a deliberate record.
     */
    void saveAnswer(Session session, FormSession form, StoredAnswer answer, HarborBinds binds, String factKey,
                    String correctionReason, String position, List<DerivedFact> derived) {
        String now = clock.instant().toString();
        vault.transaction(c -> {
            FormStore.upsertAnswer(c, form.submissionId(), answer, binds.tags(), now, session.user().id());
            if (factKey != null && answer.value() != null) {
                boolean corrected = FactStore.record(c, form.caseId(), factKey, answer.value(), form.submissionId(),
                        session, now, correctionReason);
                if (corrected) {
                    audit.append(c, session.actorId(), FormAudit.FACT_CORRECTED, form.caseId(), Map.of("fact", factKey));
                }
            }
            for (DerivedFact d : derived) {
                if (d.value().isEmpty()) {
                    continue;
                }
                FactStore.Fact existing = FactStore.facts(c, form.caseId()).get(d.key());
                boolean record = existing == null || !existing.value().equals(d.value())
                        && (d.changed() || form.submissionId().equals(existing.submissionId()));
                if (record && FactStore.record(c, form.caseId(), d.key(), d.value(), form.submissionId(), session, now,
                        correctionReason == null ? RECALCULATED : correctionReason)) {
                    audit.append(c, session.actorId(), FormAudit.FACT_CORRECTED, form.caseId(), Map.of("fact", d.key()));
                }
            }
            if ("text".equals(answer.kind()) && !form.definition().restricted()) {
                CaseService.indexAnswers(c, form.caseId(), FormStore.searchableAnswers(c, form.caseId()));
            }
            FormStore.savePosition(c, form.submissionId(), position, now);
            return null;
        });
    }

    /** Whether a consent or lawful basis recorded in the case allows the scope; fails closed until wired. */
    @FunctionalInterface
    public interface RecordedConsent {
        boolean allows(Connection c, String caseId, org.harbor.consent.ConsentScope scope) throws SQLException;
    }

    private volatile RecordedConsent recordedConsent = (c, caseId, scope) -> false;

    /** Plugs in the consent service (the composition root does), for {@code harbor:consentcheck}. */
    public void checkConsentsWith(RecordedConsent lookup) {
        this.recordedConsent = java.util.Objects.requireNonNull(lookup);
    }

    boolean recordedConsentAllows(String caseId, org.harbor.consent.ConsentScope scope) {
        return vault.transaction(c -> recordedConsent.allows(c, caseId, scope));
    }

    boolean factNeedsReason(String caseId, String submissionId, String factKey, String value) {
        return vault.transaction(c -> {
            FactStore.Fact fact = FactStore.facts(c, caseId).get(factKey);
            return fact != null && !fact.value().equals(value) && !submissionId.equals(fact.submissionId());
        });
    }

    void removeEntry(Session session, FormSession form, FormWalker.Removal removal, String position) {
        String now = clock.instant().toString();
        vault.transaction(c -> {
            FormStore.removeRepeatEntry(c, form.submissionId(), removal.repeatPath(), removal.entry(), removal.count());
            if (!form.definition().restricted()) {
                CaseService.indexAnswers(c, form.caseId(), FormStore.searchableAnswers(c, form.caseId()));
            }
            FormStore.savePosition(c, form.submissionId(), position, now);
            return null;
        });
    }

    List<StoredAnswer> storedAnswers(String submissionId) {
        return vault.transaction(c -> FormStore.answers(c, submissionId));
    }

    void savePosition(Session session, FormSession form, String position) {
        String now = clock.instant().toString();
        vault.transaction(c -> {
            FormStore.savePosition(c, form.submissionId(), position, now);
            return null;
        });
    }

    void logEvent(Session session, FormSession form, SessionEvent event, String reason, String newStatus) {
        String now = clock.instant().toString();
        vault.transaction(c -> {
            FormStore.event(c, form.submissionId(), event, reason, now, session.user().id());
            if (newStatus != null) {
                FormStore.setStatus(c, form.submissionId(), newStatus, reason, now, true);
            } else if (event == SessionEvent.PAUSE) {
                FormStore.setStatus(c, form.submissionId(), "paused", null, now, false);
            } else if (event == SessionEvent.RESUME) {
                FormStore.setStatus(c, form.submissionId(), "in_progress", null, now, false);
            }
            Map<String, String> details = reason == null ? Map.of("event", event.code())
                    : Map.of("event", event.code(), "reason", reason);
            audit.append(c, session.actorId(), event == SessionEvent.STOP ? FormAudit.STOPPED
                    : event == SessionEvent.COMPLETE ? FormAudit.COMPLETED : FormAudit.EVENT, form.submissionId(), details);
            return null;
        });
    }

    // --- reading submissions -------------------------------------------------------------

    /** A case's submissions: which form and version, and how far they got (no answers). */
    public List<SubmissionInfo> submissions(Session session, String caseId) {
        Session active = accounts.require(session, Permission.WORK_ON_CASES);
        return vault.transaction(c -> {
            cases.requireVisibleCase(c, active, caseId);
            List<SubmissionInfo> out = new ArrayList<>();
            for (FormStore.SubmissionRow row : FormStore.submissionsOfCase(c, caseId)) {
                FormDefinition d = FormStore.definition(c, row.formId(), row.formVersion()).orElseThrow();
                if (!d.restricted() || active.role().can(Permission.INTERVIEW)) {
                    out.add(new SubmissionInfo(row.id(), row.sessionId(), row.formId(), row.formVersion(), d.title(), row.status()));
                }
            }
            return out;
        });
    }

    /** Every stored answer and non-response of a submission; refused for restricted forms without the right. */
    public List<StoredAnswer> answers(Session session, String submissionId) {
        Session active = accounts.require(session, Permission.WORK_ON_CASES);
        return vault.transaction(c -> {
            FormStore.SubmissionRow row = readable(c, active, submissionId);
            audit.append(c, active.actorId(), FormAudit.ANSWERS_READ, row.id(), Map.of("case", row.caseId()));
            return FormStore.answers(c, row.id());
        });
    }

    /**
     * The submission as standard XForm instance XML (what ODK tools read): built in memory by
     * JavaRosa from the stored answers. Non-responses are Harbor metadata, in {@link #answers}.
     */
    public byte[] exportInstanceXml(Session session, String submissionId) {
        return exportInstanceXml(session, submissionId, java.util.Set.of());
    }

    /**
     * The same with the answers at {@code leftOut} (paths) not filled in: a package leaves out the
     * values no consent or lawful basis allows (issue 12).
     */
    public byte[] exportInstanceXml(Session session, String submissionId, java.util.Set<String> leftOut) {
        Session active = accounts.require(session, Permission.WORK_ON_CASES);
        record Export(byte[] xml, List<StoredAnswer> answers) {
        }
        Export export = vault.transaction(c -> {
            FormStore.SubmissionRow row = readable(c, active, submissionId);
            audit.append(c, active.actorId(), FormAudit.EXPORTED, row.id(), Map.of("case", row.caseId()));
            return new Export(FormStore.xml(c, row.formId(), row.formVersion()), FormStore.answers(c, row.id()));
        });
        try {
            FormWalker walker = new FormWalker(loader.load(export.xml()).definition());
            Map<String, StoredAnswer> stored = new LinkedHashMap<>();
            export.answers().stream().filter(a -> !leftOut.contains(a.path())).forEach(a -> stored.put(a.path(), a));
            walker.replay(stored);
            return new XFormSerializingVisitor().serializeInstance(walker.form().getInstance());
        } catch (FormRejectedException | IOException e) {
            throw new IllegalStateException("the submission cannot be written as XML");
        }
    }

    private FormStore.SubmissionRow readable(Connection c, Session session, String submissionId) throws SQLException {
        FormStore.SubmissionRow row = FormStore.submission(c, submissionId)
                .orElseThrow(() -> new AccessDenied("no such submission, or not one of yours"));
        cases.requireVisibleCase(c, session, row.caseId());
        requireMayRead(session, FormStore.definition(c, row.formId(), row.formVersion()).orElseThrow());
        return row;
    }

    /** The session-care events of a submission, oldest first (codes only). */
    public List<String> events(Session session, String submissionId) {
        Session active = accounts.require(session, Permission.WORK_ON_CASES);
        return vault.transaction(c -> FormStore.events(c, readable(c, active, submissionId).id()));
    }

    // --- facts, purposes and safety for the case view ------------------------------------

    /** The case's current facts, with who recorded them. */
    public List<CaseFact> facts(Session session, String caseId) {
        Session active = accounts.require(session, Permission.WORK_ON_CASES);
        return vault.transaction(c -> {
            cases.requireVisibleCase(c, active, caseId);
            return FactStore.facts(c, caseId).values().stream()
                    .map(f -> new CaseFact(f.key(), f.value(), f.recordedAt(), f.recordedBy(), f.recordedRole())).toList();
        });
    }

    /** Every correction of the case's facts, oldest first. */
    public List<FactChange> factHistory(Session session, String caseId) {
        Session active = accounts.require(session, Permission.WORK_ON_CASES);
        return vault.transaction(c -> {
            cases.requireVisibleCase(c, active, caseId);
            return FactStore.history(c, caseId);
        });
    }

    /**
     * For each purpose ({@code harbor:purpose}) the number of values recorded in the case that may
     * be shared for it: the case view compares this with the consents given and flags the rest.
     */
    public Map<String, Integer> purposesUsed(Session session, String caseId) {
        Session active = accounts.require(session, Permission.WORK_ON_CASES);
        return vault.transaction(c -> {
            cases.requireVisibleCase(c, active, caseId);
            return FactStore.purposesUsed(c, caseId);
        });
    }

    /** The fact the intake's child rule gives (DOMAIN.md R19). */
    public static final String TREATED_AS_CHILD = "survivor.treated_as_child";

    /**
     * Whether the case is treated as a child's, for a caller inside a transaction of its own:
     * yes unless the fact {@link #TREATED_AS_CHILD} is recorded as "no" (presumed a child while
     * nothing is recorded; the rule itself lives in the intake form, not here).
     */
    public static boolean treatedAsChild(Connection c, String caseId) throws SQLException {
        FactStore.Fact fact = FactStore.facts(c, caseId).get(TREATED_AS_CHILD);
        return fact == null || !"no".equals(fact.value());
    }

    /** Whether the case is treated as a child's (see {@link #treatedAsChild(Connection, String)}), for the case view. */
    public boolean treatedAsChild(Session session, String caseId) {
        Session active = accounts.require(session, Permission.WORK_ON_CASES);
        return vault.transaction(c -> {
            cases.requireVisibleCase(c, active, caseId);
            return treatedAsChild(c, caseId);
        });
    }

    /** True when any answer of the case to a {@code harbor:safety="danger"} question is "yes". */
    public boolean safetyAlert(Session session, String caseId) {
        Session active = accounts.require(session, Permission.WORK_ON_CASES);
        return vault.transaction(c -> {
            cases.requireVisibleCase(c, active, caseId);
            return FactStore.danger(c, caseId);
        });
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
