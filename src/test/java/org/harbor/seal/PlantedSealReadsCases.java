package org.harbor.seal;

/**
 * A planted violation for {@code TableOwnershipTest}: seal code holding SQL on tables other
 * packages own (and one it owns). Never run; only its class file is read.
 */
public final class PlantedSealReadsCases {

    static final String CASE = "SELECT number, status FROM cases WHERE id = ?";
    static final String AUDIT = "SELECT seq, hash FROM audit_log "
            + "ORDER BY seq DESC LIMIT 1";
    static final String OWN = "SELECT 1 FROM seals WHERE kind = ?";

    private PlantedSealReadsCases() {
    }

    static String persons(String caseId) {
        return """
                SELECT id, role FROM persons
                WHERE case_id = '""" + caseId + "'";
    }

    static String utterances(String where) {
        return "DELETE FROM utterances WHERE " + where;
    }
}
