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

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.DisplayName("central_audit stays one unbroken chain when 10 workstations' connections append at once")
    void auditChainUnderConcurrentAppends() throws Exception {
        java.util.List<org.harbor.seal.SyntheticPackages.CaseSpec> specs = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            specs.add(org.harbor.seal.SyntheticPackages.CaseSpec.of("HB-C" + i, "Synthetic Person" + (char) ('a' + i)));
        }
        store.importPackage(packages.pack("laptop-c", 1, specs), ctx());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (var spec : specs) {
                done.add(pool.submit(() -> {
                    go.await();
                    store.assign(spec.caseId(), "cm-rosa", act("user:5", null));
                    return null;
                }));
            }
            go.countDown();
            for (var f : done) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        CentralStore.AuditCheck check = store.checkAudit();
        org.junit.jupiter.api.Assertions.assertTrue(check.intact(), check.reason());
        org.junit.jupiter.api.Assertions.assertEquals(10, check.entries());
    }

    @Override
    <T> T direct(JdbcCentralStore.Work<T> work) throws Exception {
        try (Connection c = server.connect()) {
            return work.run(c);
        }
    }
}
