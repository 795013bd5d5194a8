package org.harbor.usecases;

import java.util.List;
import org.harbor.accounts.Session;
import org.harbor.cases.CaseService;
import org.harbor.cases.CaseSummary;
import org.harbor.cases.SessionKind;
import org.harbor.i18n.Refusal;

/** Opens a new case; the survivor's name may come later, and may have aliases. */
public final class CreateCase {

    /** Longer than any name; a longer text is a paste gone wrong. */
    public static final int MAX_NAME_LENGTH = org.harbor.cases.TextLimits.NAME;

    private final CaseService cases;

    public CreateCase(CaseService cases) {
        this.cases = cases;
    }

    /** The form a new case starts with (R3): safety first, before consent and intake. */
    public static final String FIRST_FORM = "harbor-safety";

    /** A new case and the intake session its safety form opens in. */
    public record Started(CaseSummary summary, String intakeSessionId) {
    }

    /**
     * Opens a new case and its first intake session, in {@code language}, so that the screen can
     * open the safety form at once (R3: safety first; it may interrupt everything else).
     */
    public Started createAndStart(Session session, String survivorName, List<String> aliases, String language) {
        CaseSummary summary = create(session, survivorName, aliases);
        return new Started(summary, cases.startSession(session, summary.id(), SessionKind.INTAKE, language).id());
    }

    public CaseSummary create(Session session, String survivorName, List<String> aliases) {
        String name = survivorName == null ? "" : survivorName.strip();
        if (name.length() > MAX_NAME_LENGTH) {
            throw new Refusal("cases.new.nameTooLong");
        }
        return cases.create(session, name, aliases);
    }
}
