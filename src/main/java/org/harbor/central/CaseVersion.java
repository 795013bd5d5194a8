package org.harbor.central;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.harbor.seal.SealKind;
import org.harbor.seal.SealRecord;
import org.harbor.seal.VerifiedPackage;

/**
 * A verified case as received, kept whole (encrypted under its case key) when it conflicts with the
 * filed version, so that a person can compare the two and, if they decide so, file it instead. The
 * form is Harbor's own JSON of the {@link VerifiedPackage.VerifiedCase}: it was verified at import
 * and is never re-read from anywhere else.
 */
final class CaseVersion {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CaseVersion() {
    }

    static byte[] write(VerifiedPackage.VerifiedCase kase) {
        Base64.Encoder b64 = Base64.getEncoder();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("caseId", kase.caseId());
        m.put("number", kase.number());
        m.put("caseJson", b64.encodeToString(kase.caseJson()));
        List<Object> seals = new ArrayList<>();
        for (SealRecord s : kase.seals()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", s.id());
            r.put("caseId", s.caseId());
            r.put("kind", s.kind().code());
            r.put("unitId", s.unitId());
            r.put("amends", s.amends());
            r.put("reason", s.reason());
            r.put("content", s.content());
            r.put("contentHash", s.contentHash());
            r.put("signerId", s.signerId());
            r.put("signerName", s.signerName());
            r.put("signerRole", s.signerRole());
            r.put("keyId", s.keyId());
            r.put("publicKey", b64.encodeToString(s.publicKey()));
            r.put("signature", b64.encodeToString(s.signature()));
            r.put("sealedAt", s.sealedAt());
            List<Object> cos = new ArrayList<>();
            for (SealRecord.CoSignature co : s.coSignatures()) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("signerId", co.signerId());
                c.put("signerName", co.signerName());
                c.put("signerRole", co.signerRole());
                c.put("keyId", co.keyId());
                c.put("publicKey", b64.encodeToString(co.publicKey()));
                c.put("signature", b64.encodeToString(co.signature()));
                c.put("signedAt", co.signedAt());
                cos.add(c);
            }
            r.put("coSignatures", cos);
            seals.add(r);
        }
        m.put("seals", seals);
        Map<String, Object> forms = new LinkedHashMap<>();
        kase.formInstances().forEach((id, xml) -> forms.put(id, b64.encodeToString(xml)));
        m.put("formInstances", forms);
        m.put("audit", b64.encodeToString(kase.auditJsonl()));
        List<Object> attachments = new ArrayList<>();
        for (VerifiedPackage.AttachmentRef a : kase.attachments()) {
            attachments.add(Map.of("entryName", a.entryName(), "sha256", a.sha256(), "size", a.size()));
        }
        m.put("attachments", attachments);
        try {
            return JSON.writeValueAsBytes(m);
        } catch (IOException e) {
            throw new IllegalStateException("a case version could not be written", e);
        }
    }

    static VerifiedPackage.VerifiedCase read(byte[] json) {
        Base64.Decoder b64 = Base64.getDecoder();
        try {
            Map<?, ?> m = JSON.readValue(json, Map.class);
            List<SealRecord> seals = new ArrayList<>();
            for (Object o : (List<?>) m.get("seals")) {
                Map<?, ?> r = (Map<?, ?>) o;
                List<SealRecord.CoSignature> cos = new ArrayList<>();
                for (Object co : (List<?>) r.get("coSignatures")) {
                    Map<?, ?> c = (Map<?, ?>) co;
                    cos.add(new SealRecord.CoSignature(((Number) c.get("signerId")).longValue(), (String) c.get("signerName"),
                            (String) c.get("signerRole"), (String) c.get("keyId"), b64.decode((String) c.get("publicKey")),
                            b64.decode((String) c.get("signature")), (String) c.get("signedAt")));
                }
                seals.add(new SealRecord((String) r.get("id"), (String) r.get("caseId"), SealKind.fromCode((String) r.get("kind")),
                        (String) r.get("unitId"), (String) r.get("amends"), (String) r.get("reason"), (String) r.get("content"),
                        (String) r.get("contentHash"), ((Number) r.get("signerId")).longValue(), (String) r.get("signerName"),
                        (String) r.get("signerRole"), (String) r.get("keyId"), b64.decode((String) r.get("publicKey")),
                        b64.decode((String) r.get("signature")), (String) r.get("sealedAt"), cos));
            }
            Map<String, byte[]> forms = new LinkedHashMap<>();
            ((Map<?, ?>) m.get("formInstances")).forEach((id, xml) -> forms.put((String) id, b64.decode((String) xml)));
            List<VerifiedPackage.AttachmentRef> attachments = new ArrayList<>();
            for (Object o : (List<?>) m.get("attachments")) {
                Map<?, ?> a = (Map<?, ?>) o;
                attachments.add(new VerifiedPackage.AttachmentRef((String) a.get("entryName"), (String) a.get("sha256"),
                        ((Number) a.get("size")).longValue()));
            }
            return new VerifiedPackage.VerifiedCase((String) m.get("caseId"), (String) m.get("number"),
                    b64.decode((String) m.get("caseJson")), seals, forms, b64.decode((String) m.get("audit")), attachments);
        } catch (IOException | RuntimeException e) {
            throw new CentralException("central.error.damaged", "a kept version of a case cannot be read");
        }
    }

    static String hash(VerifiedPackage.VerifiedCase kase) {
        return org.harbor.crypto.Hashes.hex(org.harbor.crypto.Hashes.sha256(kase.caseJson()));
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
