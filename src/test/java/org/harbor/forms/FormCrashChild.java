package org.harbor.forms;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.harbor.accounts.Session;

/**
 * The child process of {@link FormCrashTest}: opens the vault, reports what it finds (integrity,
 * every stored answer, the page it resumed on), then fills the test intake form as fast as it can,
 * writing each step to a log file before and after it is committed, until it is killed.
 *
 * <p>Lines (tab-separated): {@code integrity <result>}, {@code have <path> <value|#nonresponse>},
 * {@code pos <key>}, {@code ready}, {@code try <path> <value>}, {@code ack <path> <value>},
 * {@code will}, {@code at <key>}, {@code add}, {@code entry <path>}.
 */
public final class FormCrashChild {

    private FormCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        String caseSession = args[1];
        int run = Integer.parseInt(args[2]);
        // Each line goes straight to the file with its own write: it survives the kill, unlike a pipe's buffers.
        PrintStream out = new PrintStream(new java.io.FileOutputStream(args[3], true), true, StandardCharsets.UTF_8);
        FormFixture fx = FormFixture.reopen(home);
        Session who = fx.current();
        String integrity = fx.harbor.vault().transaction(c -> {
            try (var s = c.createStatement(); var r = s.executeQuery("PRAGMA integrity_check")) {
                return r.next() ? r.getString(1) : "none";
            }
        });
        out.println("integrity\t" + integrity);
        FormSession form = fx.harbor.forms().open(who, caseSession, FormFixture.INTAKE);
        for (StoredAnswer a : fx.harbor.forms().answers(who, form.submissionId())) {
            out.println("have\t" + a.path() + "\t" + (a.nonResponse() != null ? "#" + a.nonResponse().code()
                    : a.value() == null ? "#entry" : a.value()));
        }
        FormPage page = form.page();
        out.println("pos\t" + page.key());
        out.println("ready");
        int n = 0;
        while (true) {
            if (page.type() == FormPage.Type.REPEAT_PROMPT && page.repeatCount() < 2) {
                out.println("add");
                page = form.addRepeat();
                String id = page.questions().get(0).id();
                out.println("entry\t" + id.substring(0, id.lastIndexOf('/')));
                out.println("at\t" + page.key());
                continue;
            }
            if (page.type() == FormPage.Type.END) {
                out.println("will");
                page = form.jumpTo(page.sections().get(0).key());
                out.println("at\t" + page.key());
                continue;
            }
            for (PageQuestion q : page.questions()) {
                if (q.readOnly()) {
                    continue;
                }
                n++;
                if (n % 7 == 0) {
                    out.println("try\t" + q.id() + "\t#declined");
                    form.markNonResponse(q.id(), NonResponse.DECLINED, null);
                    out.println("ack\t" + q.id() + "\t#declined");
                    continue;
                }
                String value = value(q, run, n);
                out.println("try\t" + q.id() + "\t" + value);
                if (form.answer(q.id(), value).isSaved()) {
                    out.println("ack\t" + q.id() + "\t" + value);
                }
            }
            out.println("will");
            page = form.next();
            out.println("at\t" + page.key());
        }
    }

    static String value(PageQuestion q, int run, int n) {
        return switch (q.kind()) {
            case INTEGER -> Integer.toString((run * 31 + n) % 100);
            case DATE -> "2010-01-%02d".formatted(n % 28 + 1);
            case SELECT_ONE -> q.id().endsWith("dob_uncertain") ? "no" : q.choices().get(n % q.choices().size()).value();
            case SELECT_MANY -> q.choices().get(n % q.choices().size()).value();
            case ACKNOWLEDGE -> "OK";
            default -> "Synthetic r" + run + " n" + n;
        };
    }
}
