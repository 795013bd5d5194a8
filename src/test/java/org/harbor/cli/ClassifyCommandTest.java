package org.harbor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("harbor classify")
class ClassifyCommandTest {

    record Result(int code, List<String> lines, String err) {
    }

    static Result run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = HarborCommand.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(err), home -> { });
        return new Result(code, out.toString().lines().toList(), err.toString());
    }

    @Test
    @DisplayName("prints one LABEL<TAB>reason line per English turn, using #said lines for presumptions")
    void english() {
        Result r = run("""
                Tell me everything that happened.
                He hurt you, didn't he?
                Was it day or night?
                What did the boss say when he locked the door?
                #said: the boss locked the door and took my phone
                What did the boss say when he locked the door?
                """, "classify");
        assertEquals(0, r.code(), r.err());
        assertEquals(5, r.lines().size(), r.lines().toString());
        List<String> labels = r.lines().stream().map(l -> l.substring(0, l.indexOf('\t'))).toList();
        assertEquals(List.of("INV", "SUG-TAG", "OP-FC", "SUG-PRES", "DIR"), labels);
        assertTrue(r.lines().stream().allMatch(l -> l.split("\t", -1).length == 2 && !l.split("\t")[1].isBlank()));
    }

    @Test
    @DisplayName("works in Spanish")
    void spanish() {
        Result r = run("Cuéntame todo lo que pasó.\n¿Era de día o de noche?\n", "classify", "--lang", "es");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("INV", "OP-FC"), r.lines().stream().map(l -> l.substring(0, l.indexOf('\t'))).toList());
    }

    @Test
    @DisplayName("works in French (harbor classify --lang fr), with #said lines for presumptions")
    void french() {
        Result r = run("""
                Raconte-moi tout ce qui s'est passé.
                #said: Un homme m'a emmené dans une ferme.
                Il était gentil avec toi, n'est-ce pas ?
                Tu dormais dans la ferme ou ailleurs ?
                Qu'est-ce qu'il a fait avec ton passeport ?
                Tu dormais où ?
                """, "classify", "--lang", "fr");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("INV", "SUG-TAG", "OP-FC", "SUG-PRES", "DIR"),
                r.lines().stream().map(l -> l.substring(0, l.indexOf('\t'))).toList());
    }

    @Test
    @DisplayName("refuses a language the coach does not cover with exit code 2 and a clear message naming those it does")
    void unknownLanguage() {
        Result r = run("Sabihin mo sa akin.\n", "classify", "--lang", "tl");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("the question coach cannot label 'tl': use en, es, ar or fr"), r.err());
        assertTrue(r.lines().isEmpty());
    }

    @Test
    @DisplayName("harbor classify --lang ar works: Arabic turns from standard input, with #said lines")
    void arabic() {
        Result r = run("""
                احكِ لي كل ما حدث.
                هل كان ذلك في الليل أم في النهار؟
                الرجل أخذ هاتفك، أليس كذلك؟
                ماذا فعل الرجل عندما أغلق الباب؟
                #said: الرجل أغلق الباب وأخذ هاتفي
                ماذا فعل الرجل عندما أغلق الباب؟
                وماذا حدث بعد ذلك؟
                """, "classify", "--lang", "ar");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("INV", "OP-FC", "SUG-TAG", "SUG-PRES", "DIR", "INV"),
                r.lines().stream().map(l -> l.substring(0, l.indexOf('\t'))).toList());
        assertTrue(r.lines().stream().allMatch(l -> l.split("\t", -1).length == 2 && !l.split("\t")[1].isBlank()));
    }
}
