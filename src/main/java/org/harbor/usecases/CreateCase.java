package org.harbor.usecases;

import java.util.List;
import org.harbor.accounts.Session;
import org.harbor.cases.CaseService;
import org.harbor.cases.CaseSummary;
import org.harbor.i18n.Refusal;

/** Opens a new case; the survivor's name may come later, and may have aliases. */
public final class CreateCase {

    /** Longer than any name; a longer text is a paste gone wrong. */
    public static final int MAX_NAME_LENGTH = org.harbor.cases.TextLimits.NAME;

    private final CaseService cases;

    public CreateCase(CaseService cases) {
        this.cases = cases;
    }

    public CaseSummary create(Session session, String survivorName, List<String> aliases) {
        String name = survivorName == null ? "" : survivorName.strip();
        if (name.length() > MAX_NAME_LENGTH) {
            throw new Refusal("cases.new.nameTooLong");
        }
        return cases.create(session, name, aliases);
    }
}
