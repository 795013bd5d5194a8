package org.harbor.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.harbor.central.CentralStore;
import org.harbor.central.CentralStores;
import org.harbor.central.CentralTesting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code harbor import} at a central vault files every imported case into the central store
 * (issue 17): the SQLite central vault by default, PostgreSQL when configured; atomically with the
 * import, once per package, and cleanly refused when the server dies mid-import.
 */
class CentralImportTest {

    @AfterEach
    void noHook() {
        CentralTesting.afterEachCase(null);
    }

    @Test
    @DisplayName("import at a central vault files every imported case into the central store (SQLite central vault by default), with its answers")
    void importFilesIntoSqliteStore(@TempDir Path dir) throws Exception {
        try (PackageFixture f = new PackageFixture(dir)) {
            String a = f.sealedCase("CANARYA", true);
            String b = f.sealedCase("CANARYB");
            ExportService.Exported exported = f.export(List.of(a, b), "p.harbor");
            var result = f.central.imports().importPackage(f.office, exported.file(), ExportListener.SILENT);
            assertFalse(result.alreadyImported());
            try (CentralStore store = CentralStores.open(f.central.vault())) {
                assertEquals("sqlite", store.kind());
                assertEquals(2, store.list(CentralStore.CaseFilter.ALL, 0, 10).total());
                CentralStore.CaseView view = store.show(a).orElseThrow();
                assertEquals("CANARYA Survivor", view.summary().survivorName());
                assertTrue(view.submissions().stream().flatMap(s -> s.answers().stream())
                        .anyMatch(x -> "CANARYA nationality".equals(x.value())));
                assertEquals(result.receipt().toFile(), view.receipt());
            }
            // the same package again: nothing filed twice
            assertTrue(f.central.imports().importPackage(f.office, exported.file(), ExportListener.SILENT).alreadyImported());
            try (CentralStore store = CentralStores.open(f.central.vault())) {
                assertEquals(2, store.list(CentralStore.CaseFilter.ALL, 0, 10).total());
            }
        }
    }

    @Test
    @DisplayName("a refused import files nothing: a store failure while filing refuses the import at check \"store\" and the vault keeps nothing of the package")
    void refusedImportFilesNothing(@TempDir Path dir) throws Exception {
        try (PackageFixture f = new PackageFixture(dir)) {
            String a = f.sealedCase("CANARYA");
            String b = f.sealedCase("CANARYB");
            ExportService.Exported exported = f.export(List.of(a, b), "p.harbor");
            int[] filed = {0};
            CentralTesting.afterEachCase(() -> {
                if (++filed[0] == 2) {
                    throw new IllegalStateException("the disk is full");
                }
            });
            PackageRefused refused = assertThrows(PackageRefused.class,
                    () -> f.central.imports().importPackage(f.office, exported.file(), ExportListener.SILENT));
            assertEquals(ImportCheck.STORE, refused.check());
            assertFalse(refused.getMessage().contains("CANARY"));
            assertEquals(0L, (long) f.central.vault().transaction(c -> {
                try (var q = c.createStatement(); var row = q.executeQuery("SELECT COUNT(*) FROM imported_packages")) {
                    row.next();
                    return row.getLong(1);
                }
            }));
            assertFalse(Files.exists(f.central.home().dir().resolve("packages").resolve(exported.packageId() + ".harbor")));
            try (CentralStore store = CentralStores.open(f.central.vault())) {
                assertEquals(0, store.list(CentralStore.CaseFilter.ALL, 0, 10).total());
            }
            // retried once the store works: filed whole
            CentralTesting.afterEachCase(null);
            assertFalse(f.central.imports().importPackage(f.office, exported.file(), ExportListener.SILENT).alreadyImported());
            try (CentralStore store = CentralStores.open(f.central.vault())) {
                assertEquals(2, store.list(CentralStore.CaseFilter.ALL, 0, 10).total());
            }
        }
    }

    @Test
    @DisplayName("import at a central vault configured for PostgreSQL files into the server; the same package again is filed once")
    void importFilesIntoPostgres(@TempDir Path dir) throws Exception {
        var server = CentralTesting.emptyServer();
        try (PackageFixture f = new PackageFixture(dir)) {
            CentralStores.configure(f.central.vault(), f.central.audit(), f.office.actorId(), f.office.user().id(), server);
            String a = f.sealedCase("CANARYA", true);
            ExportService.Exported exported = f.export(List.of(a), "p.harbor");
            f.central.imports().importPackage(f.office, exported.file(), ExportListener.SILENT);
            try (CentralStore store = CentralStores.open(f.central.vault())) {
                assertEquals("postgresql", store.kind());
                assertEquals("CANARYA Survivor", store.show(a).orElseThrow().summary().survivorName());
            }
            assertEquals(1, CentralTesting.rowsOnServer("central_cases"));
            // the central vault itself files nothing when the server is the store
            assertEquals(0L, (long) f.central.vault().transaction(c -> {
                try (var q = c.createStatement(); var row = q.executeQuery("SELECT COUNT(*) FROM central_cases")) {
                    row.next();
                    return row.getLong(1);
                }
            }));
        }
    }

    @Test
    @DisplayName("PostgreSQL stopped mid-import (kill the server): the import is refused cleanly, nothing half-written, and it succeeds when retried after restart")
    void serverKilledMidImport(@TempDir Path dir) throws Exception {
        var server = CentralTesting.emptyServer();
        Assumptions.assumeTrue(CentralTesting.canControlServer(), "the test cluster cannot be stopped from here");
        try (PackageFixture f = new PackageFixture(dir)) {
            CentralStores.configure(f.central.vault(), f.central.audit(), f.office.actorId(), f.office.user().id(), server);
            String a = f.sealedCase("CANARYA");
            String b = f.sealedCase("CANARYB");
            ExportService.Exported exported = f.export(List.of(a, b), "p.harbor");
            int[] filed = {0};
            CentralTesting.afterEachCase(() -> {
                if (++filed[0] == 1) {
                    CentralTesting.killServer(); // the first case is written, not committed
                }
            });
            try {
                PackageRefused refused = assertThrows(PackageRefused.class,
                        () -> f.central.imports().importPackage(f.office, exported.file(), ExportListener.SILENT));
                assertEquals(ImportCheck.STORE, refused.check());
            } finally {
                CentralTesting.afterEachCase(null);
                CentralTesting.restartServer();
            }
            assertEquals(0, CentralTesting.rowsOnServer("central_packages"));
            assertEquals(0, CentralTesting.rowsOnServer("central_cases"));
            assertEquals(0, CentralTesting.rowsOnServer("central_persons"));
            assertEquals(0L, (long) f.central.vault().transaction(c -> {
                try (var q = c.createStatement(); var row = q.executeQuery("SELECT COUNT(*) FROM imported_packages")) {
                    row.next();
                    return row.getLong(1);
                }
            }));
            var retried = f.central.imports().importPackage(f.office, exported.file(), ExportListener.SILENT);
            assertFalse(retried.alreadyImported());
            assertEquals(2, CentralTesting.rowsOnServer("central_cases"));
            try (CentralStore store = CentralStores.open(f.central.vault())) {
                assertEquals("CANARYB Survivor", store.show(b).orElseThrow().summary().survivorName());
            }
        }
    }
}
