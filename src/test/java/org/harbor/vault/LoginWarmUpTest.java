package org.harbor.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.harbor.Harbor;
import org.harbor.cases.CaseQuery;
import org.harbor.i18n.LocalizedDates;
import org.harbor.testing.ChildJvm;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: what the desktop app warms up at the login window is what the first log-in and the
 * first case list would otherwise load while the user waits. In a fresh JVM with class loading
 * logged: after {@code Harbor.warmUp(locale)}, the unlock and the list's count and dates load no
 * class of ICU (the plural count), of the SQLite driver's connection, of BouncyCastle's curve (the
 * content keys) or of the JDK's AES-GCM (the key slots). Before the warm-up took them in, these were about half of the first log-in.
 */
class LoginWarmUpTest {

    static final String WARMED = "warm-up done";

    /** The child: warm up, then unlock a vault made by the test and format what the first list shows. */
    public static void main(String[] args) throws Exception {
        Locale language = Locale.of(args[1]);
        Harbor.warmUp(language);
        System.out.println(WARMED);
        try (Harbor h = TestVaults.open(Path.of(args[0]), MutableClock.atStart())) {
            h.i18n().use(language);
            var session = h.accounts().login(TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE.clone());
            h.cases().list(session, CaseQuery.all());
            System.out.println(h.i18n().get("cases.count", 200, 10_000).isBlank() ? "" : "child done");
            System.out.println(LocalizedDates.dateTime(h.clock().instant(), language, ZoneId.systemDefault(),
                    FormatStyle.SHORT, FormatStyle.SHORT).isBlank() ? "" : "dated");
        }
    }

    @Test
    @DisplayName("after the login window's warm-up, the first log-in loads no ICU, SQLite connection or curve class")
    void warmUpTakesWhatTheFirstLogInNeeds(@TempDir Path dir) throws Exception {
        Path vault = dir.resolve("field");
        try (Harbor h = TestVaults.open(vault, MutableClock.atStart())) {
            h.accounts().setUp(VaultKind.FIELD, TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE);
        }
        for (String language : List.of("en", "ar")) {
            ProcessBuilder pb = ChildJvm.builder(LoginWarmUpTest.class, vault.toString(), language);
            pb.command().add(1, "-Xlog:class+load=info");
            pb.environment().put(HarborHome.ENV, vault.toString());
            Process p = pb.redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), out.lines().filter(l -> !l.contains("[class,load]")).toList().toString());
            assertTrue(out.contains("child done") && out.contains("dated"));
            String before = out.substring(0, out.indexOf(WARMED));
            String after = out.substring(out.indexOf(WARMED));
            for (String warmed : List.of(" com.ibm.icu.text.PluralRules ", " org.sqlite.jdbc4.JDBC4Connection ",
                    " org.sqlite.mc.SQLiteMCSqlCipherConfig ", " org.bouncycastle.math.ec.rfc7748.X25519 ",
                    " com.sun.crypto.provider.GaloisCounterMode ")) {
                assertTrue(before.contains(warmed), "the class-load log works and the warm-up loads" + warmed);
            }
            List<String> late = after.lines().filter(l -> l.contains("[class,load]"))
                    .filter(l -> l.contains(" com.ibm.icu.") || l.contains(" org.sqlite.") || l.contains(" org.bouncycastle.math.ec.rfc7748.")
                            || l.contains(" com.sun.crypto.provider."))
                    // a lambda's class is spun where it is first used, a fraction of a millisecond each
                    .filter(l -> !l.contains("$$Lambda"))
                    .map(l -> l.replaceAll(".*\\[class,load\\] (\\S+).*", "$1"))
                    .toList();
            assertEquals(List.of(), late, language);
        }
    }
}
