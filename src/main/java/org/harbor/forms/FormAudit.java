package org.harbor.forms;

/** Audited form actions: ids and codes only, never an answer. */
final class FormAudit {

    static final String BUILTIN_REGISTERED = "form.builtin.registered";
    static final String IMPORTED = "form.imported";
    static final String OPENED = "form.session.opened";
    static final String EVENT = "form.session.event";
    static final String STOPPED = "form.session.stopped";
    static final String COMPLETED = "form.session.completed";
    static final String FACT_CORRECTED = "case.fact.corrected";
    static final String ANSWERS_READ = "form.answers.read";
    static final String EXPORTED = "form.submission.exported";

    private FormAudit() {
    }
}
