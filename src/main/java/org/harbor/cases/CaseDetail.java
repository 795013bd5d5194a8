package org.harbor.cases;

import java.util.List;

/** A whole case as its viewer may see it. */
public record CaseDetail(CaseSummary summary, List<Person> persons, List<CaseSession> sessions) {

    public CaseDetail {
        persons = List.copyOf(persons);
        sessions = List.copyOf(sessions);
    }

    @Override
    public String toString() {
        return "CaseDetail[" + summary + "]";
    }
}
