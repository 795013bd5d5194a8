package org.harbor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.harbor.cases.PersonRole;
import org.harbor.cases.SessionKind;
import org.harbor.cases.TextLimits;
import org.harbor.usecases.ImportCase.FormPlan;
import org.harbor.usecases.ImportCase.Person;
import org.harbor.usecases.ImportCase.Plan;
import org.harbor.usecases.ImportCase.SessionPlan;
import org.harbor.usecases.ImportCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code harbor case import FILE.json}: opens a case from a JSON file (format in the README):
 * the survivor, other people, sessions, and per form the answers keyed by case-fact key or by
 * form field path. The file is checked whole before anything is written; the import itself is the
 * {@link ImportCase} use case (forms filled through the same form sessions as the window, all in
 * one transaction: a refused import leaves no case behind). The report names fields, never values.
 */
@Command(name = "import", description = "Open a case from a JSON file (format in the README). Passphrase: line 1.")
final class CaseImportCommand implements Callable<Integer> {

    static final long MAX_BYTES = 10L * 1024 * 1024;

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
        ImportCase.Imported imported;
        try {
            imported = login.asUser((harbor, session, input) -> harbor.useCases().importCase().run(session, plan));
        } catch (ImportCase.Refused e) {
            for (ImportCase.Problem problem : e.problems()) {
                spec.commandLine().getErr().println("harbor: " + describe(problem));
            }
            throw new CliException("nothing was imported: correct the file and run the import again");
        }
        out.println(imported.created().id() + "\t" + imported.created().number());
        for (ImportCase.FormReport f : imported.forms()) {
            out.println("form " + f.formId() + ": " + f.saved() + " answers saved, "
                    + (f.completed() ? "completed" : "left open at " + f.stoppedAt() + " (open the case in Harbor to go on)"));
        }
        return HarborCommand.OK;
    }

    /** A problem in words; names forms and fields, never values. */
    private static String describe(ImportCase.Problem problem) {
        String form = "form " + safeKey(problem.formId());
        return switch (problem.kind()) {
            case NO_SUCH_FORM -> form + ": no such form in this vault; its answers were not imported";
            case ANSWER_REFUSED -> form + ", field " + problem.fields().getFirst() + ": refused"
                    + (problem.detail() == null ? "" : " (" + problem.detail() + ")");
            case NOTHING_MATCHED -> form + ": no question matched "
                    + String.join(", ", problem.fields().stream().map(CaseImportCommand::safeKey).toList());
        };
    }

    // --- the file ------------------------------------------------------------------------

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
        if (!node.isTextual() || node.asText().isBlank() || node.asText().length() > TextLimits.NAME) {
            throw new CliException(where + " must be text of 1 to " + TextLimits.NAME + " characters");
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
        return e instanceof JsonProcessingException j && j.getLocation() != null
                ? j.getLocation().getLineNr() : 0;
    }
}
