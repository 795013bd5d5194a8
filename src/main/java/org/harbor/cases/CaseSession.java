package org.harbor.cases;

/** A session of a case: who started it, when, in which interview language. */
public record CaseSession(String id, SessionKind kind, String interviewLanguage, String startedAt, long startedBy,
                          String endedAt) {
}
