package org.harbor.central;

import java.sql.Connection;
import org.harbor.Harbor;

/** The central office's work contract on a real PostgreSQL 15 server. */
class PostgresCentralWorkTest extends CentralWorkContract {

    PgTestServer server;

    @Override
    CentralStore openStore(Harbor centralVault, CentralKeys keys) throws Exception {
        server = PgTestServer.require();
        server.reset();
        return CentralStore.postgres(server.settings(), keys);
    }

    @Override
    <T> T direct(JdbcCentralStore.Work<T> work) throws Exception {
        try (Connection c = server.connect()) {
            return work.run(c);
        }
    }
}
