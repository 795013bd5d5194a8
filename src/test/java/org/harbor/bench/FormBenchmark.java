package org.harbor.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.harbor.Harbor;
import org.harbor.accounts.Session;
import org.harbor.cases.SessionKind;
import org.harbor.forms.FormPage;
import org.harbor.forms.FormSession;
import org.harbor.forms.PageQuestion;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.harbor.vault.VaultKind;

/**
 * Autosave latency (one answer committed, synchronous=FULL, with its search row and position) and
 * the time to the next question on a generated 200-question form in two languages. Run with
 * {@code bench/forms.sh}; not a test. Everything is synthetic and lives in a temporary vault.
 */
public final class FormBenchmark {

    static final int QUESTIONS = 200;
    static final int LAPS = 4;

    private FormBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("harbor-bench-forms");
        try (Harbor harbor = TestVaults.open(home, MutableClock.atStart())) {
            Session supervisor = harbor.accounts().setUp(VaultKind.FIELD, TestVaults.SUPERVISOR,
                    TestVaults.SUPERVISOR_PASSPHRASE).session();
            harbor.forms().importForm(supervisor, generate(QUESTIONS).getBytes(StandardCharsets.UTF_8));
            String caseId = harbor.cases().create(supervisor, "Synthetic Bench", List.of()).id();
            String caseSession = harbor.cases().startSession(supervisor, caseId, SessionKind.INTAKE, "es").id();
            long openStart = System.nanoTime();
            FormSession form = harbor.forms().open(supervisor, caseSession, "bench-200");
            long openNanos = System.nanoTime() - openStart;
            List<Long> saves = new ArrayList<>();
            List<Long> nexts = new ArrayList<>();
            List<Long> pages = new ArrayList<>();
            for (int lap = 0; lap <= LAPS; lap++) {
                boolean measure = lap > 0; // lap 0 warms up
                form.jumpTo(form.page().sections().get(0).key());
                FormPage page = form.page();
                int n = 0;
                while (page.type() == FormPage.Type.QUESTIONS) {
                    for (PageQuestion q : page.questions()) {
                        String value = switch (q.kind()) {
                            case INTEGER -> Integer.toString((lap * 7 + n) % 90);
                            case SELECT_ONE -> q.choices().get((lap + n) % q.choices().size()).value();
                            default -> "Synthetic answer " + lap + " " + n;
                        };
                        long s = System.nanoTime();
                        form.answer(q.id(), value);
                        long took = System.nanoTime() - s;
                        if (measure) {
                            saves.add(took);
                        }
                        n++;
                    }
                    long s = System.nanoTime();
                    page = form.next();
                    long took = System.nanoTime() - s;
                    long p = System.nanoTime();
                    form.page();
                    long built = System.nanoTime() - p;
                    if (measure) {
                        nexts.add(took);
                        pages.add(built);
                    }
                }
            }
            System.out.printf(Locale.ROOT, "forms: %d-question form in two languages (es over en), opened in %.1f ms%n", QUESTIONS, openNanos / 1e6);
            report("autosave of one answer (commit, synchronous=FULL)", saves, 10);
            report("next question (step, save position, build page)", nexts, 16);
            report("page build alone (no database)", pages, 16);
        } finally {
            try (var files = Files.walk(home)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void report(String what, List<Long> samples, int budgetMs) {
        long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%s: %d samples, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms (budget %d ms)%n",
                what, sorted.length, ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6, budgetMs);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    /** A synthetic form: 10 sections of 20 questions (text, integer, select one), with itext in three languages. */
    static String generate(int questions) {
        StringBuilder instance = new StringBuilder();
        StringBuilder binds = new StringBuilder();
        StringBuilder body = new StringBuilder();
        StringBuilder[] itext = {new StringBuilder(), new StringBuilder(), new StringBuilder()};
        String[] langs = {"en", "es", "ar"};
        String[] words = {"Question", "Pregunta", "سؤال"};
        int perSection = 20;
        for (int s = 0; s < questions / perSection; s++) {
            instance.append("<s").append(s).append('>');
            body.append("<group ref=\"/data/s").append(s).append("\"><label ref=\"jr:itext('s").append(s).append(":label')\"/>");
            for (int l = 0; l < 3; l++) {
                itext[l].append("<text id=\"s").append(s).append(":label\"><value>").append(words[l]).append("s ").append(s).append("</value></text>");
            }
            for (int i = 0; i < perSection; i++) {
                String q = "q" + (s * perSection + i);
                String ref = "/data/s" + s + "/" + q;
                instance.append('<').append(q).append("/>");
                String type = switch (i % 3) {
                    case 0 -> "string";
                    case 1 -> "int";
                    default -> "select1";
                };
                binds.append("<bind nodeset=\"").append(ref).append("\" type=\"").append(type).append('"')
                        .append(i % 3 == 1 ? " constraint=\". &gt;= 0 and . &lt;= 120\"" : "")
                        .append(i % 5 == 0 ? " required=\"true()\"" : "")
                        .append(i % 4 == 0 ? " harbor:purpose=\"services\"" : "").append("/>");
                for (int l = 0; l < 3; l++) {
                    itext[l].append("<text id=\"").append(q).append(":label\"><value>").append(words[l]).append(' ').append(q).append("</value></text>");
                    itext[l].append("<text id=\"").append(q).append(":hint\"><value>").append(words[l]).append(" hint ").append(q).append("</value></text>");
                }
                String tag = i % 3 == 2 ? "select1" : "input";
                body.append('<').append(tag).append(" ref=\"").append(ref).append("\"><label ref=\"jr:itext('").append(q)
                        .append(":label')\"/><hint ref=\"jr:itext('").append(q).append(":hint')\"/>");
                if (i % 3 == 2) {
                    for (String v : new String[] {"yes", "no", "unknown"}) {
                        body.append("<item><label>").append(v).append("</label><value>").append(v).append("</value></item>");
                    }
                }
                body.append("</").append(tag).append('>');
            }
            instance.append("</s").append(s).append('>');
            body.append("</group>");
        }
        StringBuilder translations = new StringBuilder();
        for (int l = 0; l < 3; l++) {
            translations.append("<translation lang=\"").append(langs[l]).append('"').append(l == 0 ? " default=\"true()\"" : "")
                    .append('>').append(itext[l]).append("</translation>");
        }
        return """
                <?xml version="1.0"?>
                <h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml"
                        xmlns:jr="http://openrosa.org/javarosa" xmlns:harbor="urn:harbor:xforms:1">
                  <h:head><h:title>Synthetic benchmark</h:title>
                    <model><itext>%s</itext><instance><data id="bench-200" version="1">%s</data></instance>%s</model>
                  </h:head>
                  <h:body>%s</h:body>
                </h:html>
                """.formatted(translations, instance, binds, body).strip();
    }
}
