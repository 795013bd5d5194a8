package org.harbor.usecases;

import java.util.List;
import org.harbor.accounts.Session;
import org.harbor.cases.CaseService;
import org.harbor.cases.Person;
import org.harbor.cases.PersonRole;
import org.harbor.i18n.Refusal;

/** Adds a person (guardian, contact, ...) to a case: a name is required, with any aliases. */
public final class AddPerson {

    /** Longer than any name; a longer text is a paste gone wrong. */
    public static final int MAX_NAME_LENGTH = CreateCase.MAX_NAME_LENGTH;

    private final CaseService cases;

    public AddPerson(CaseService cases) {
        this.cases = cases;
    }

    public Person add(Session session, String caseId, PersonRole role, String name, List<String> aliases) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_NAME_LENGTH) {
            throw new Refusal("case.person.nameRequired");
        }
        return cases.addPerson(session, caseId, role, stripped, aliases);
    }
}
