package org.harbor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.harbor.Harbor;
import org.harbor.accounts.Session;
import org.harbor.cases.CaseQuery;
import org.harbor.forms.CaseFact;
import org.harbor.forms.StoredAnswer;
import org.harbor.forms.SubmissionInfo;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("harbor case import FILE.json")
class CaseImportCommandTest {

    static final String PASS = "supervisor pass phrase words";

    @TempDir
    Path home;

    record Result(int code, String out, String err) {
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = HarborCommand.run(args, new ByteArrayInputStream((PASS + "\n").getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(err), p -> { });
        return new Result(code, out.toString(), err.toString());
    }

    @BeforeEach
    void init() {
        Result r = run("init", "--home", home.toString(), "--user", "sasha");
        assertEquals(0, r.code(), r.err());
    }

    private Path file(String json) throws Exception {
        Path f = Files.createTempFile(home.getParent(), "import", ".json");
        Files.writeString(f, json);
        return f;
    }

    @Test
    @DisplayName("answers by fact key and by field path (with a repeat entry) land in the form, the facts and the case")
    void imports() throws Exception {
        Path json = file("""
                {"format": 1,
                 "survivor": {"name": "Nadia Synthetic", "aliases": ["Nadi"]},
                 "people": [{"role": "guardian", "name": "Omar Synthetic"}],
                 "sessions": [{"kind": "intake", "language": "es", "forms": [
                   {"form": "harbor-intake", "answers": {
                      "survivor.claimed_age": 15,
                      "survivor.nationality": "Synthetic nationality",
                      "/data/guardians[1]/guardian_name": "Omar Synthetic"}},
                   {"form": "harbor-safety", "answers": {"safety.danger_now": "no"}}]}]}
                """);
        Result r = run("case", "import", json.toString(), "--home", home.toString(), "--user", "sasha");
        assertTrue(r.out().contains("form harbor-intake: "), r.out() + r.err());
        String caseId = r.out().lines().filter(l -> l.contains("\tHB-")).findFirst().orElseThrow().split("\t")[0];
        assertTrue(!r.out().contains("Nadia") && !r.err().contains("Nadia") && !r.err().contains("Synthetic nationality"),
                "the report names fields, never values");

        try (Harbor harbor = TestVaults.open(home, MutableClock.atStart())) {
            Session s = harbor.accounts().login("sasha", PASS.toCharArray());
            assertEquals(1, harbor.cases().list(s, CaseQuery.all().withSearch("Nadi")).size());
            Map<String, String> facts = harbor.forms().facts(s, caseId).stream()
                    .collect(Collectors.toMap(CaseFact::key, CaseFact::value));
            assertEquals("15", facts.get("survivor.claimed_age"));
            assertEquals("Synthetic nationality", facts.get("survivor.nationality"));
            SubmissionInfo intake = harbor.forms().submissions(s, caseId).stream()
                    .filter(i -> i.formId().equals("harbor-intake")).findFirst().orElseThrow();
            List<StoredAnswer> answers = harbor.forms().answers(s, intake.id());
            assertTrue(answers.stream().anyMatch(a -> a.path().equals("/data/guardians[1]/guardian_name")
                    && "Omar Synthetic".equals(a.value())), answers.toString());
            assertTrue(answers.stream().anyMatch(a -> a.path().equals("/data/names/name") && "Nadia Synthetic".equals(a.value())),
                    "the survivor's name came from the case, asked once");
            assertEquals(2, harbor.forms().submissions(s, caseId).size());
        }
    }

    @Test
    @DisplayName("a bad file is refused whole with a clear message, and no case is opened")
    void refusals() throws Exception {
        for (String bad : List.of("{\"survivor\": ", "[1, 2]", "{\"surivor\": {}}", "{\"format\": 7}",
                "{\"sessions\": [{\"kind\": \"interview\", \"language\": \"en\"}]}",
                "{\"people\": [{\"role\": \"boss\", \"name\": \"X\"}]}")) {
            Result r = run("case", "import", file(bad).toString(), "--home", home.toString(), "--user", "sasha");
            assertEquals(1, r.code(), bad + " → " + r.out() + r.err());
            assertTrue(r.err().startsWith("harbor: "), r.err());
        }
        Result missing = run("case", "import", home.resolve("nope.json").toString(), "--home", home.toString(), "--user", "sasha");
        assertEquals(1, missing.code());
        Result list = run("case", "list", "--home", home.toString(), "--user", "sasha");
        assertEquals("", list.out().strip(), "nothing was opened");
    }
}
