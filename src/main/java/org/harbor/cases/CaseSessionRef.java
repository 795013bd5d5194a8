package org.harbor.cases;

/** A case session and the case it belongs to, once the caller's right to see it has been checked. */
public record CaseSessionRef(String caseId, String sessionId, SessionKind kind, String interviewLanguage, boolean ended) {
}
