package org.harbor.cli.planted;

import org.harbor.Harbor;
import org.harbor.accounts.Session;
import org.harbor.cases.CaseSummary;

/** Planted, never run: a command that strings service calls into its own transaction. */
public final class PlantedTransaction {

    private PlantedTransaction() {
    }

    static CaseSummary open(Harbor harbor, Session session) throws Exception {
        return harbor.atomically(() -> harbor.cases().create(session, null, java.util.List.of()));
    }
}
