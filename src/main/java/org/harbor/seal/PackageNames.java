package org.harbor.seal;

import java.util.regex.Pattern;

/** The entry names a package may hold; anything else (paths, "..", backslashes) is refused. */
final class PackageNames {

    static final String MANIFEST = "manifest.json";
    static final String MANIFEST_SIG = "manifest.sig";
    static final String FORMAT = "harbor-package/1";
    static final String TRUSTED_PREFIX = "harbor-package";

    private static final Pattern CASE_ENTRY = Pattern.compile(
            "cases/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/"
                    + "(case\\.json|audit\\.jsonl|forms/[A-Za-z0-9_-]{1,100}\\.xml|attachments/[0-9a-f]{64})");

    private PackageNames() {
    }

    static String caseJson(String caseId) {
        return "cases/" + caseId + "/case.json";
    }

    static String auditJsonl(String caseId) {
        return "cases/" + caseId + "/audit.jsonl";
    }

    static String form(String caseId, String submissionId) {
        return "cases/" + caseId + "/forms/" + submissionId + ".xml";
    }

    static String attachment(String caseId, String sha256) {
        return "cases/" + caseId + "/attachments/" + sha256;
    }

    static boolean valid(String name) {
        return name != null && name.length() <= 200 && CASE_ENTRY.matcher(name).matches();
    }

    static boolean isAttachment(String name) {
        return name.contains("/attachments/");
    }

    static String caseIdOf(String name) {
        var m = CASE_ENTRY.matcher(name);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a case entry");
        }
        return m.group(1);
    }

    static String trustedComment(String packageId, String deviceId, long sequence, String time) {
        return TRUSTED_PREFIX + " id=" + packageId + " device=" + deviceId + " sequence=" + sequence + " time=" + time;
    }
}
