package org.harbor.seal;

import java.sql.Connection;
import java.sql.SQLException;
import org.harbor.consent.Sharing;

/**
 * What a case's values may be shared for (issue 12): the export asks it in the transaction that
 * reads the case and again in the one that records the package, so a consent revoked while the
 * package is written stops it. The consent service plugs in here ({@link ConsentExport}).
 */
@FunctionalInterface
public interface ConsentCheck {

    Sharing sharing(Connection c, String caseId) throws SQLException;

    /** The same for many cases, in their order (a check that can should ask in a few queries). */
    default java.util.Map<String, Sharing> sharing(Connection c, java.util.List<String> caseIds) throws SQLException {
        java.util.Map<String, Sharing> out = new java.util.LinkedHashMap<>();
        for (String id : caseIds) {
            out.put(id, sharing(c, id));
        }
        return out;
    }
}
