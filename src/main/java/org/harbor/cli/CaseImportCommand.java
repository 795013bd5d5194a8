package org.harbor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.harbor.Harbor;
import org.harbor.accounts.Session;
import org.harbor.cases.CaseSession;
import org.harbor.cases.CaseSummary;
import org.harbor.cases.PersonRole;
import org.harbor.cases.SessionKind;
import org.harbor.forms.AnswerOutcome;
import org.harbor.forms.ConsentFromForm;
import org.harbor.forms.FormPage;
import org.harbor.forms.FormSession;
import org.harbor.forms.PageQuestion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code harbor case import FILE.json}: opens a case from a JSON file (format in the README):
 * the survivor, other people, sessions, and per form the answers keyed by case-fact key or by
 * form field path. The file is checked whole before anything is written; forms are then filled
 * through the same form sessions as the window (facts, consent), all in one transaction: any
 * refusal (an unknown form, a refused answer, a key no question matched) rolls the whole import
 * back, so a refused import leaves no case behind. The report names fields, never values.
 */
@Command(name = "import", description = "Open a case from a JSON file (format in the README). Passphrase: line 1.")
final class CaseImportCommand implements Callable<Integer> {

    static final long MAX_BYTES = 10L * 1024 * 1024;
    private static final int MAX_STEPS = 20_000;

    @Spec
    CommandSpec spec;
    @Mixin
    LoginOptions login;
    @Parameters(index = "0", paramLabel = "FILE", description = "The JSON file.")
    Path file;

    @Override
    public Integer call() throws Exception {
        Plan plan = read(file);
        PrintWriter out = spec.commandLine().getOut();
        List<String> problems = new ArrayList<>();
        List<String> report = new ArrayList<>();
        CaseSummary created;
        try {
            // One transaction for the whole import: a refusal, at any form or field, leaves no case behind.
            created = login.asUser((harbor, session, input) -> harbor.atomically(() -> {
                CaseSummary c = run(harbor, session, plan, report, problems);
                if (!problems.isEmpty()) {
                    throw new Refused();
                }
                return c;
            }));
        } catch (Refused e) {
            for (String problem : problems) {
                spec.commandLine().getErr().println("harbor: " + problem);
            }
            throw new CliException("nothing was imported: correct the file and run the import again");
        }
        out.println(created.id() + "\t" + created.number());
        report.forEach(out::println);
        return HarborCommand.OK;
    }

    /** Carries "the file was refused" out of the import's transaction, which it rolls back. */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused() {
            super(null, null, false, false);
        }
    }

    // --- the file ------------------------------------------------------------------------

    record Person(PersonRole role, String name, List<String> aliases) {
    }

    record FormPlan(String formId, Map<String, String> answers) {
    }

    record SessionPlan(SessionKind kind, String language, List<FormPlan> forms) {
    }

    record Plan(String survivor, List<String> aliases, List<Person> people, List<SessionPlan> sessions) {
    }

    static Plan read(Path file) throws IOException, CliException {
        if (!Files.isRegularFile(file)) {
            throw new CliException("the import file does not exist or is not a file");
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new CliException("the import file is larger than 10 MB");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new CliException("the import file is not valid JSON (line " + lineOf(e) + ")");
        }
        if (root == null || !root.isObject()) {
            throw new CliException("the import file must hold one JSON object");
        }
        requireOnly(root, "the file", Set.of("format", "survivor", "people", "sessions"));
        if (root.has("format") && root.get("format").asInt(-1) != 1) {
            throw new CliException("unknown format: this Harbor reads \"format\": 1");
        }
        JsonNode survivor = root.path("survivor");
        String name = survivor.isObject() ? text(survivor.path("name"), "survivor.name", true) : null;
        List<String> aliases = survivor.isObject() ? strings(survivor.path("aliases"), "survivor.aliases") : List.of();
        List<Person> people = new ArrayList<>();
        int i = 0;
        for (JsonNode p : array(root.path("people"), "people")) {
            String where = "people[" + i++ + "]";
            requireOnly(p, where, Set.of("role", "name", "aliases"));
            PersonRole role;
            try {
                role = PersonRole.fromCode(text(p.path("role"), where + ".role", false));
            } catch (IllegalArgumentException e) {
                throw new CliException(where + ".role must be survivor, guardian or contact");
            }
            people.add(new Person(role, text(p.path("name"), where + ".name", false), strings(p.path("aliases"), where + ".aliases")));
        }
        List<SessionPlan> sessions = new ArrayList<>();
        i = 0;
        for (JsonNode s : array(root.path("sessions"), "sessions")) {
            String where = "sessions[" + i++ + "]";
            requireOnly(s, where, Set.of("kind", "language", "forms"));
            SessionKind kind;
            try {
                kind = SessionKind.fromCode(text(s.path("kind"), where + ".kind", false));
            } catch (IllegalArgumentException e) {
                throw new CliException(where + ".kind must be intake, screening or follow_up");
            }
            if (kind == SessionKind.INTERVIEW) {
                throw new CliException(where + ".kind: interviews are conducted in Harbor, not imported");
            }
            String language = text(s.path("language"), where + ".language", false);
            List<FormPlan> forms = new ArrayList<>();
            int j = 0;
            for (JsonNode f : array(s.path("forms"), where + ".forms")) {
                String fw = where + ".forms[" + j++ + "]";
                requireOnly(f, fw, Set.of("form", "answers"));
                Map<String, String> answers = new LinkedHashMap<>();
                JsonNode a = f.path("answers");
                if (!a.isMissingNode() && !a.isObject()) {
                    throw new CliException(fw + ".answers must be an object of field or fact key to value");
                }
                for (Map.Entry<String, JsonNode> e : a.properties()) {
                    JsonNode v = e.getValue();
                    if (v.isArray()) {
                        List<String> parts = new ArrayList<>();
                        v.forEach(x -> parts.add(x.asText()));
                        answers.put(e.getKey(), String.join(" ", parts));
                    } else if (v.isValueNode() && !v.isNull()) {
                        answers.put(e.getKey(), v.asText());
                    } else {
                        throw new CliException(fw + ".answers: the value of \"" + safeKey(e.getKey()) + "\" must be text, a number or a list of choices");
                    }
                }
                forms.add(new FormPlan(text(f.path("form"), fw + ".form", false), answers));
            }
            sessions.add(new SessionPlan(kind, language, forms));
        }
        return new Plan(name, aliases, people, sessions);
    }

    // --- the import ----------------------------------------------------------------------

    private static CaseSummary run(Harbor harbor, Session session, Plan plan, List<String> out, List<String> problems)
            throws Exception {
        // The survivor's name given for the case is the name fact too: asked once.
        if (plan.survivor() != null) {
            for (SessionPlan s : plan.sessions()) {
                for (FormPlan f : s.forms()) {
                    f.answers().putIfAbsent("survivor.name", plan.survivor());
                }
            }
        }
        CaseSummary created = harbor.cases().create(session, plan.survivor(), plan.aliases());
        for (Person p : plan.people()) {
            harbor.cases().addPerson(session, created.id(), p.role(), p.name(), p.aliases());
        }
        for (SessionPlan s : plan.sessions()) {
            CaseSession started = harbor.cases().startSession(session, created.id(), s.kind(), s.language());
            for (FormPlan f : s.forms()) {
                FormSession form;
                try {
                    form = harbor.forms().open(session, started.id(), f.formId());
                } catch (IllegalArgumentException e) {
                    problems.add("form " + safeKey(f.formId()) + ": no such form in this vault; its answers were not imported");
                    continue;
                }
                fill(harbor, session, form, f, out, problems);
            }
        }
        return created;
    }

    private static void fill(Harbor harbor, Session session, FormSession form, FormPlan plan, List<String> out,
                             List<String> problems) throws Exception {
        Set<String> used = new HashSet<>();
        Set<String> declinedPrompts = new HashSet<>();
        int saved = 0;
        String stoppedAt = null;
        for (int step = 0; step < MAX_STEPS; step++) {
            FormPage page = form.page();
            if (page.type() == FormPage.Type.END) {
                break;
            }
            if (page.type() == FormPage.Type.REPEAT_PROMPT) {
                String prompt = page.key() + "#" + page.repeatCount();
                if (declinedPrompts.contains(prompt)) {
                    form.next();
                    continue;
                }
                FormPage entry = form.addRepeat();
                String prefix = entryPrefix(entry, page.repeatCount() + 1);
                if (prefix != null && plan.answers().keySet().stream().anyMatch(k -> k.startsWith(prefix))) {
                    continue;
                }
                declinedPrompts.add(prompt);
                if (entry.canRemoveEntry()) {
                    form.removeEntry();
                }
                if (form.page().type() == FormPage.Type.REPEAT_PROMPT) {
                    form.next();
                }
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
                        outcome = form.correct(q.id(), value, "case import");
                    }
                    if (outcome.isSaved()) {
                        saved++;
                        changed = true;
                    } else {
                        problems.add("form " + plan.formId() + ", field " + q.id() + ": refused"
                                + (outcome.message() == null ? "" : " (" + outcome.message() + ")"));
                    }
                }
            }
            String before = form.page().key();
            if (form.skip().key().equals(before)) {
                break;
            }
        }
        FormPage last = form.complete();
        boolean completed = form.ended();
        if (completed) {
            ConsentFromForm.record(harbor.forms(), harbor.consents(), session, form);
        } else {
            stoppedAt = last.questions().stream().filter(q -> q.problem() != null).map(PageQuestion::id)
                    .findFirst().orElse(last.key());
        }
        List<String> unused = plan.answers().keySet().stream().filter(k -> !used.contains(k))
                .filter(k -> !k.equals("survivor.name")).map(CaseImportCommand::safeKey).toList();
        out.add("form " + plan.formId() + ": " + saved + " answers saved, "
                + (completed ? "completed" : "left open at " + stoppedAt
                + " (open the case in Harbor to go on)"));
        if (!unused.isEmpty()) {
            problems.add("form " + plan.formId() + ": no question matched " + String.join(", ", unused));
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

    // --- small checks --------------------------------------------------------------------

    private static void requireOnly(JsonNode node, String where, Set<String> allowed) throws CliException {
        if (!node.isObject()) {
            throw new CliException(where + " must be a JSON object");
        }
        for (String name : (Iterable<String>) node::fieldNames) {
            if (!allowed.contains(name)) {
                throw new CliException(where + ": unknown field \"" + safeKey(name) + "\"; allowed: " + String.join(", ", allowed));
            }
        }
    }

    private static List<JsonNode> array(JsonNode node, String where) throws CliException {
        if (node.isMissingNode()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new CliException(where + " must be a list");
        }
        List<JsonNode> out = new ArrayList<>();
        node.forEach(out::add);
        return out;
    }

    private static String text(JsonNode node, String where, boolean optional) throws CliException {
        if (node.isMissingNode() || node.isNull()) {
            if (optional) {
                return null;
            }
            throw new CliException(where + " is missing");
        }
        if (!node.isTextual() || node.asText().isBlank() || node.asText().length() > 200) {
            throw new CliException(where + " must be text of 1 to 200 characters");
        }
        return node.asText();
    }

    private static List<String> strings(JsonNode node, String where) throws CliException {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array(node, where)) {
            out.add(text(n, where + "[]", false));
        }
        return out;
    }

    /** Field names and keys may be echoed (they come from forms); anything odd is cut short. */
    private static String safeKey(String key) {
        return key.matches("[A-Za-z0-9_./\\[\\]:-]{1,120}") ? key : "(a key that is not a field name)";
    }

    private static long lineOf(IOException e) {
        return e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
                ? j.getLocation().getLineNr() : 0;
    }
}
