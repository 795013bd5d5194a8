package org.harbor.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.harbor.Harbor;
import org.harbor.testing.ChildJvm;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.harbor.vault.VaultKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ADR 0007's budget: a field vault's warm-up, creation, unlock and case list load no class of the
 * PostgreSQL driver, HikariCP or the central store. Checked in a fresh JVM with class loading logged.
 */
class FieldStartUpLoadsNoServerDriverTest {

    /** The child: warm up, create a field vault, lock, unlock, list cases. */
    public static void main(String[] args) throws Exception {
        Harbor.warmUp();
        Path dir = Path.of(args[0]);
        try (Harbor h = TestVaults.open(dir, MutableClock.atStart())) {
            h.accounts().setUp(VaultKind.FIELD, TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE);
        }
        try (Harbor h = TestVaults.open(dir, MutableClock.atStart())) {
            var session = h.accounts().login(TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE.clone());
            h.cases().list(session, org.harbor.cases.CaseQuery.all());
        }
        System.out.println("child done");
    }

    @Test
    @DisplayName("nothing PG/Hikari/central loads on the field app's start-up and unlock path")
    void noServerClasses(@TempDir Path dir) throws Exception {
        ProcessBuilder pb = ChildJvm.builder(FieldStartUpLoadsNoServerDriverTest.class, dir.resolve("field").toString());
        pb.command().add(1, "-Xlog:class+load=info");
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out.lines().filter(l -> !l.contains("[class,load]")).toList().toString());
        assertTrue(out.contains("child done"));
        assertTrue(out.contains("org.sqlite."), "the class-load log works");
        List<String> loaded = out.lines().filter(l -> l.contains("[class,load]"))
                .filter(l -> l.contains(" org.postgresql.") || l.contains(" com.zaxxer.") || l.contains(" org.harbor.central."))
                .toList();
        assertEquals(List.of(), loaded);
    }
}
