package org.harbor.seal;

import java.sql.Connection;
import java.sql.SQLException;
import org.harbor.consent.ConsentService;
import org.harbor.consent.Sharing;

/** The export's consent check, from the consents and lawful bases recorded in the vault. */
public final class ConsentExport implements ConsentCheck {

    private final ConsentService consents;

    public ConsentExport(ConsentService consents) {
        this.consents = consents;
    }

    @Override
    public Sharing sharing(Connection c, String caseId) throws SQLException {
        return consents.sharing(c, caseId);
    }

    @Override
    public java.util.Map<String, Sharing> sharing(Connection c, java.util.List<String> caseIds) throws SQLException {
        return consents.sharing(c, caseIds);
    }
}
