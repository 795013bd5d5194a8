package org.harbor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.harbor.Harbor;
import org.harbor.accounts.Session;
import org.harbor.attachments.Attachment;
import org.harbor.cases.CaseDetail;
import org.harbor.consent.Consent;
import org.harbor.forms.StoredAnswer;
import org.harbor.forms.SubmissionInfo;
import org.harbor.seal.SealStatus;

/**
 * {@code harbor case show --json}: the whole case as the case view shows it: its people and
 * sessions, every form with its answers (a non-response by kind, never as a missing value), the
 * consents and what the case may be shared for, the attachments (described, not their bytes) and
 * the seals with whether each verifies now.
 */
final class CaseJson {

    private CaseJson() {
    }

    static ObjectNode of(Harbor harbor, Session session, CaseDetail detail, ObjectMapper json) {
        String caseId = detail.summary().id();
        ObjectNode node = json.valueToTree(detail);
        forms(harbor, session, caseId, node.putArray("forms"));
        consents(harbor, session, caseId, node);
        attachments(harbor, session, caseId, node.putArray("attachments"));
        seals(harbor, session, caseId, node.putArray("seals"));
        return node;
    }

    private static void forms(Harbor harbor, Session session, String caseId, ArrayNode forms) {
        for (SubmissionInfo s : harbor.forms().submissions(session, caseId)) {
            ObjectNode f = forms.addObject();
            f.put("submission", s.id());
            f.put("session", s.caseSessionId());
            f.put("form", s.formId());
            f.put("version", s.formVersion());
            f.put("title", s.title());
            f.put("status", s.status());
            ArrayNode answers = f.putArray("answers");
            for (StoredAnswer a : harbor.forms().answers(session, s.id())) {
                ObjectNode o = answers.addObject();
                o.put("path", a.path());
                o.put("kind", a.kind());
                o.put("value", a.value());
                o.put("nonResponse", a.nonResponse() == null ? null : a.nonResponse().code());
                o.put("notAskedReason", a.notAskedReason() == null ? null : a.notAskedReason().code());
            }
        }
    }

    /** Consent as the case view shows it: each decision with the child's assent and an excluded guardian (issue 12). */
    private static void consents(Harbor harbor, Session session, String caseId, ObjectNode node) {
        ArrayNode consents = node.putArray("consents");
        for (Consent c : harbor.consents().list(session, caseId)) {
            ObjectNode k = consents.addObject();
            k.put("purpose", c.scope().purpose().code());
            k.put("organisation", c.scope().target());
            k.put("state", c.state().name().toLowerCase(Locale.ROOT));
            k.put("bySurvivor", c.grant().bySurvivor());
            k.put("child", c.grant().assent());
            k.put("childAssent", c.grant().childAssent() == null ? null : c.grant().childAssent().code());
            k.put("guardianExcluded", c.grant().guardian() != null && c.grant().guardian().excluded());
            k.put("authority", c.grant().authority() != null);
            k.put("recordedAt", c.recordedAt());
        }
        ObjectNode sharing = node.putObject("sharing");
        harbor.consents().sharing(session, caseId).standings().forEach((p, st) -> {
            ObjectNode o = sharing.putObject(p.code());
            o.put("allowed", st.permitted());
            o.put("ground", st.ground());
            o.put("reason", st.reason() == null ? null : st.reason().code());
        });
    }

    private static void attachments(Harbor harbor, Session session, String caseId, ArrayNode attachments) {
        for (Attachment a : harbor.attachments().list(session, caseId)) {
            ObjectNode o = attachments.addObject();
            o.put("id", a.id());
            o.put("name", a.originalName());
            o.put("mediaType", a.mediaType());
            o.put("kind", a.kind().name().toLowerCase(Locale.ROOT));
            o.put("size", a.sizeBytes());
            o.put("sha256", a.sha256());
            o.put("note", a.note().orElse(null));
            o.put("addedAt", a.addedAt());
            o.put("addedBy", a.addedByName());
        }
    }

    private static void seals(Harbor harbor, Session session, String caseId, ArrayNode seals) {
        for (SealStatus s : harbor.seals().status(session, caseId)) {
            ObjectNode o = seals.addObject();
            o.put("id", s.sealId());
            o.put("kind", s.kind().code());
            o.put("unit", s.unitId());
            o.put("signer", s.signerName());
            o.put("signerRole", s.signerRole());
            o.put("sealedAt", s.sealedAt());
            o.put("fingerprint", s.fingerprint());
            o.put("contentHash", s.contentHash());
            o.put("signatureValid", s.signatureValid());
            o.put("matchesRecords", s.matchesRecords());
            o.put("verified", s.verified());
            o.put("amends", s.amends());
            o.put("reason", s.reason());
            ArrayNode co = o.putArray("coSigners");
            for (SealStatus.CoSigner c : s.coSigners()) {
                ObjectNode x = co.addObject();
                x.put("signer", c.signerName());
                x.put("signerRole", c.signerRole());
                x.put("signedAt", c.signedAt());
                x.put("fingerprint", c.fingerprint());
                x.put("valid", c.valid());
            }
        }
    }
}
