package org.harbor.seal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.harbor.accounts.Session;
import org.harbor.forms.FormService;
import org.harbor.forms.SubmissionInfo;

/**
 * Form submissions in packages (standard XForm instance XML, one per submission) together with
 * another extra (the attachments). Their rows go with the case at a purge (foreign keys cascade).
 */
public final class FormExtras implements CaseExtras {

    private final FormService forms;
    private final CaseExtras next;

    public FormExtras(FormService forms, CaseExtras next) {
        this.forms = forms;
        this.next = next;
    }

    @Override
    public List<FormInstance> forms(Session session, String caseId, java.util.Set<String> withheld)
            throws IOException {
        List<FormInstance> out = new ArrayList<>(next.forms(session, caseId, withheld));
        for (SubmissionInfo submission : forms.submissions(session, caseId)) {
            String prefix = submission.id() + "|";
            java.util.Set<String> paths = new java.util.HashSet<>();
            for (String key : withheld) {
                if (key.startsWith(prefix)) {
                    paths.add(key.substring(prefix.length()));
                }
            }
            out.add(new FormInstance(submission.id(), forms.exportInstanceXml(session, submission.id(), paths)));
        }
        return out;
    }

    @Override
    public List<Attachment> attachments(Session session, String caseId) throws IOException {
        return next.attachments(session, caseId);
    }

    @Override
    public Attachments attachments(Session session, List<String> caseIds) throws IOException {
        return next.attachments(session, caseIds);
    }

    @Override
    public AfterPurge purgeRows(Connection c, String actorId, String caseId) throws SQLException {
        return next.purgeRows(c, actorId, caseId);
    }
}
