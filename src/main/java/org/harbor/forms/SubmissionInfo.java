package org.harbor.forms;

/** A form filled (or being filled) in a case session: which form, which version, how far. */
public record SubmissionInfo(String id, String caseSessionId, String formId, String formVersion, String title,
                             String status) {
}
